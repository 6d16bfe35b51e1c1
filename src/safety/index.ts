/** The safety module: risk detection and escalation content. No botbuilder, pure functions. */
export { assessRisk } from './assess.ts';
export {
  escalationReplies,
  NEED_TO_GO,
  NEED_TO_GO_REPLY,
  SAFE_TO_CHAT,
  SAFE_TO_CHAT_REPLY,
} from './escalation.ts';
export type { EscalationLevel, RiskAssessment, RiskLevel } from './types.ts';
