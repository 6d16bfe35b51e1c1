export const TOPIC_IDS = [
  'harassment-act',
  'stalking-offence',
  'spo',
  'spo-updates',
  'non-molestation-order',
  'online-safety-act',
  'get-help',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

/**
 * The standard section ids. A topic may have others too (for example `duration`, `four`).
 * Staff reference cards use what / who / does / breach.
 */
export type StandardSectionId = 'what' | 'who' | 'does' | 'breach' | 'how' | 'changes';
