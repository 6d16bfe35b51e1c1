/** Spotting requests for advice ("what should I do?"): the bot gives information, not legal advice. */
import { simplifyText } from './normalise.ts';

export const ADVICE_NOTE =
  'This is information, not legal advice. To talk about your own situation, call Essex Compass on 0330 333 7 444, 24 hours a day.';

const ADVICE_PATTERNS: readonly RegExp[] = [
  /\bshould (i|we|my|me)\b/,
  /\b(should|shall|must|ought) (i|we)\b/,
  /\bought to\b/,
  /\bwhat (do|can|could|would|shall|should) (i|we) do\b/,
  /\bwhat (to|can i) do\b/,
  /\bdo (i|we) (have|need|got) to\b/,
  /\bhave i got to\b/,
  /\bwhat would you (do|suggest|recommend|advise)\b/,
  /\bwhat do you (suggest|recommend|advise|think i)\b/,
  /\b(can|could) you (advise|recommend)\b/,
  /\b(advise|advice|recommend)\b/,
  /\bis it (worth|a good idea|best|better)\b/,
  /\bwhat are my options\b/,
  /\bwhich (one|order|option) (is best|is better|should)\b/,
  /\bhelp me (decide|choose)\b/,
  /\bwhat next\b/,
];

/** True when the person asks what they should do, rather than what the law says. */
export function isAdviceRequest(text: string): boolean {
  const t = ` ${simplifyText(text)} `;
  return ADVICE_PATTERNS.some((p) => p.test(t));
}
