/**
 * The zod schema for the content files (content/*.yaml). Editors change the YAML; this checks it at
 * server start and in the tests, and every error names the file and the field path.
 */
import { z } from 'zod';
import { TOPIC_IDS } from './types.ts';

const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');
/** Synonyms and example questions. A bare number (an editor writing `- 1997`) is read as text. */
const phraseList = z.array(z.union([text, z.number().transform(String)])).default([]);

export const sourcesFileSchema = z.strictObject({
  sources: z
    .array(
      z.strictObject({
        id,
        title: text,
        url: z.url({ protocol: /^https$/ }).optional(),
      }),
    )
    .min(1),
});

export const menuFileSchema = z.strictObject({
  topics: z.array(z.enum(TOPIC_IDS)).min(1),
});

export const sectionSchema = z.strictObject({
  id,
  heading: text,
  text,
  sources: z.array(id).min(1, 'every section needs at least 1 source'),
  synonyms: phraseList,
  examples: phraseList,
});

export const followUpSchema = z.strictObject({
  label: text.max(30, 'button labels must be at most 30 characters'),
  topic: z.enum(TOPIC_IDS),
  section: id.optional(),
});

export const topicFileSchema = z.strictObject({
  id: z.enum(TOPIC_IDS),
  title: text,
  shortTitle: text.max(30, 'must be at most 30 characters (it is used on buttons)'),
  summary: text,
  reviewedOn: z.iso.date('must be a date written as YYYY-MM-DD, in quotes'),
  synonyms: phraseList,
  examples: phraseList,
  sections: z.array(sectionSchema).min(1),
  followUps: z.array(followUpSchema).default([]),
});

export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type MenuFile = z.infer<typeof menuFileSchema>;
export type TopicFile = z.infer<typeof topicFileSchema>;
