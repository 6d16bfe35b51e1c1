export type RiskLevel = 'immediate' | 'concern' | 'none';
export type EscalationLevel = Exclude<RiskLevel, 'none'>;

export interface RiskAssessment {
  readonly level: RiskLevel;
  /** Rule ids that explain the decision. They never echo the text. */
  readonly rules: readonly string[];
}
