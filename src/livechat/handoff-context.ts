/**
 * The context a live-chat agent receives with a handoff (Bot Framework handoff initiation event).
 * Framework-free: the caller turns the transcript into activities. Every transcript line passes
 * through the redaction function it is given, bot lines included, before it leaves this module.
 */
import type { RiskLevel } from '../safety/types.ts';

export type TriageAnswer = 'yes' | 'no' | 'not-sure' | 'skip';

export interface TranscriptLine {
  readonly from: 'user' | 'bot';
  readonly text: string;
}

export interface HandoffInput {
  readonly topicsVisited: readonly string[];
  readonly triage: Readonly<Record<string, TriageAnswer>>;
  readonly highestEscalation: RiskLevel;
  readonly transcript: readonly TranscriptLine[];
}

export interface HandoffContext {
  readonly context: {
    /** Topic ids in the order first visited, without repeats. */
    readonly topicsVisited: readonly string[];
    readonly triage: Readonly<Record<string, TriageAnswer>>;
    readonly highestEscalation: RiskLevel;
  };
  readonly transcript: readonly TranscriptLine[];
}

export function buildHandoffContext(input: HandoffInput, redact: (text: string) => string): HandoffContext {
  return {
    context: {
      topicsVisited: [...new Set(input.topicsVisited)],
      triage: { ...input.triage },
      highestEscalation: input.highestEscalation,
    },
    transcript: input.transcript.map((line) => ({ from: line.from, text: redact(line.text) })),
  };
}
