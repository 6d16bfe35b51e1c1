/**
 * Reads and checks the content files. Every problem is reported with the file and the field path, so a
 * web editor can find and fix it without reading TypeScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { ZodType } from 'zod';
import { menuFileSchema, sourcesFileSchema, topicFileSchema } from './schema.ts';
import type { Source, Topic, TopicId } from './types.ts';
import { LEGAL_TOPIC_IDS, REFERENCE_CARD_SECTIONS, TOPIC_IDS } from './types.ts';

/** Thrown when a content file is missing, is not valid YAML, or does not match the schema. */
export class ContentError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `The bot's content has ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export interface LoadedContent {
  readonly topics: Topic[];
  readonly sources: Source[];
}

/** ['sections', 2, 'sources', 0] -> 'sections[2].sources[0]' */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(the whole file)' : out;
}

function readYaml(file: string, label: string, problems: string[]): unknown {
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch {
    problems.push(`${label}: the file is missing or cannot be read`);
    return undefined;
  }
  try {
    // The core schema keeps dates as strings; duplicate keys are errors.
    return parse(src, { schema: 'core', uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const where = err.linePos?.[0] ? ` (line ${err.linePos[0].line}, column ${err.linePos[0].col})` : '';
      problems.push(`${label}${where}: not valid YAML: ${err.message.split('\n')[0]}`);
    } else {
      problems.push(`${label}: not valid YAML`);
    }
    return undefined;
  }
}

function check<T>(schema: ZodType<T>, data: unknown, label: string, problems: string[]): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${label}: ${formatPath(issue.path)}: ${issue.message}`);
  }
  return undefined;
}

/** Loads content/sources.yaml, content/menu.yaml and content/topics/*.yaml, and checks them together. */
export function loadContent(contentDir: string): LoadedContent {
  const problems: string[] = [];
  const label = (file: string): string => join(basename(contentDir), relative(contentDir, file));

  const sourcesPath = join(contentDir, 'sources.yaml');
  const sourcesFile = check(
    sourcesFileSchema,
    readYaml(sourcesPath, label(sourcesPath), problems),
    label(sourcesPath),
    problems,
  );
  const sources: Source[] = sourcesFile?.sources ?? [];
  const sourceIds = new Set<string>();
  sources.forEach((s, i) => {
    if (sourceIds.has(s.id))
      problems.push(`${label(sourcesPath)}: sources[${i}].id: "${s.id}" is used twice`);
    sourceIds.add(s.id);
  });

  const menuPath = join(contentDir, 'menu.yaml');
  const menu = check(
    menuFileSchema,
    readYaml(menuPath, label(menuPath), problems),
    label(menuPath),
    problems,
  );

  const topicsDir = join(contentDir, 'topics');
  let topicFiles: string[] = [];
  try {
    topicFiles = readdirSync(topicsDir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
  } catch {
    problems.push(`${label(topicsDir)}: the folder is missing`);
  }

  const byId = new Map<TopicId, { topic: Topic; file: string }>();
  for (const name of topicFiles) {
    const file = join(topicsDir, name);
    const where = label(file);
    const parsed = check(topicFileSchema, readYaml(file, where, problems), where, problems);
    if (!parsed) continue;
    const expectedName = `${parsed.id}.yaml`;
    if (name !== expectedName)
      problems.push(`${where}: id: "${parsed.id}" must be in a file named ${expectedName}`);
    if (byId.has(parsed.id)) {
      problems.push(`${where}: id: topic "${parsed.id}" is also in ${byId.get(parsed.id)?.file}`);
      continue;
    }
    const seen = new Set<string>();
    parsed.sections.forEach((section, i) => {
      if (seen.has(section.id)) problems.push(`${where}: sections[${i}].id: "${section.id}" is used twice`);
      seen.add(section.id);
      section.sources.forEach((src, j) => {
        if (sourceIds.size > 0 && !sourceIds.has(src)) {
          problems.push(
            `${where}: sections[${i}].sources[${j}]: unknown source "${src}" (add it to ${label(sourcesPath)})`,
          );
        }
      });
    });
    if (LEGAL_TOPIC_IDS.includes(parsed.id)) {
      for (const required of REFERENCE_CARD_SECTIONS) {
        if (!seen.has(required)) {
          problems.push(
            `${where}: sections: a section with id "${required}" is needed (staff reference cards)`,
          );
        }
      }
    }
    byId.set(parsed.id, { topic: parsed, file: where });
  }

  // Follow-up buttons must lead somewhere that exists.
  for (const { topic, file } of byId.values()) {
    topic.followUps.forEach((f, i) => {
      const target = byId.get(f.topic);
      if (!target) {
        // A topic whose file exists but failed its checks has been reported already.
        if (!topicFiles.includes(`${f.topic}.yaml`))
          problems.push(`${file}: followUps[${i}].topic: no topic "${f.topic}"`);
      } else if (f.section && !target.topic.sections.some((s) => s.id === f.section)) {
        problems.push(`${file}: followUps[${i}].section: topic "${f.topic}" has no section "${f.section}"`);
      }
    });
  }

  for (const id of TOPIC_IDS) {
    if (!byId.has(id) && topicFiles.length > 0 && !topicFiles.includes(`${id}.yaml`)) {
      problems.push(`${label(join(topicsDir, `${id}.yaml`))}: the file for topic "${id}" is missing`);
    }
  }
  if (menu) {
    const listed = new Set(menu.topics);
    if (listed.size !== menu.topics.length)
      problems.push(`${label(menuPath)}: topics: a topic is listed twice`);
    for (const id of TOPIC_IDS) {
      if (!listed.has(id)) problems.push(`${label(menuPath)}: topics: "${id}" is missing`);
    }
  }

  if (problems.length > 0) throw new ContentError(problems);
  const order = menu?.topics ?? [...TOPIC_IDS];
  const topics = order.map((id) => byId.get(id)?.topic).filter((t): t is Topic => t !== undefined);
  return { topics, sources };
}
