/** Scores the matcher against a labelled question set. Used by the tests and by bench/matcher.ts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Knowledge, MatchResult, TopicId } from '../../src/knowledge/index.ts';

export interface LabelledQuestion {
  readonly q: string;
  readonly topic: TopicId;
  readonly section?: string;
  readonly also?: readonly TopicId[];
}

export function readQuestions(name: 'questions.json' | 'questions-heldout.json'): LabelledQuestion[] {
  const file = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledQuestion[];
}

export interface Evaluation {
  readonly total: number;
  /** Answered with the labelled topic (or one of its `also` topics). */
  readonly top1: number;
  /** Answered with the labelled topic only. */
  readonly top1Strict: number;
  /** The labelled topic is the answer or one of the choices offered. */
  readonly top3: number;
  /** Of the questions labelled with a section and answered with the right topic: how many got that section. */
  readonly sectionRight: number;
  readonly sectionLabelled: number;
  /** Answered confidently with a topic that is not in the label: the worst kind of miss. */
  readonly wrong: number;
  readonly misses: string[];
}

function describe(r: MatchResult): string {
  if (r.kind === 'answer') return `answer ${r.topic}${r.section ? `#${r.section}` : ''}`;
  if (r.kind === 'choose') return `choose [${r.candidates.join(', ')}]`;
  return 'none';
}

export function evaluate(knowledge: Knowledge, questions: readonly LabelledQuestion[]): Evaluation {
  let top1 = 0;
  let top1Strict = 0;
  let top3 = 0;
  let sectionRight = 0;
  let sectionLabelled = 0;
  let wrong = 0;
  const misses: string[] = [];
  for (const item of questions) {
    const r = knowledge.match(item.q);
    const accepted = [item.topic, ...(item.also ?? [])];
    const answered = r.kind === 'answer' && accepted.includes(r.topic);
    if (answered) top1++;
    if (r.kind === 'answer' && !answered) wrong++;
    if (r.kind === 'answer' && r.topic === item.topic) top1Strict++;
    const inTop3 =
      (r.kind === 'answer' && accepted.includes(r.topic)) ||
      (r.kind === 'choose' && r.candidates.some((c) => accepted.includes(c)));
    if (inTop3) top3++;
    if (item.section && r.kind === 'answer' && r.topic === item.topic) {
      sectionLabelled++;
      if (r.section === item.section) sectionRight++;
    }
    const wantSection = item.section ? `#${item.section}` : '';
    const sectionMiss =
      item.section !== undefined &&
      r.kind === 'answer' &&
      r.topic === item.topic &&
      r.section !== item.section;
    if (!answered || sectionMiss) {
      misses.push(
        `${inTop3 ? '  (top-3)' : '  MISS   '} "${item.q}" -> ${describe(r)}; want ${item.topic}${wantSection}`,
      );
    }
  }
  return { total: questions.length, top1, top1Strict, top3, sectionRight, sectionLabelled, wrong, misses };
}

export function summary(name: string, e: Evaluation): string {
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  return [
    `${name}: ${e.total} questions`,
    `  top-1 ${pct(e.top1, e.total)} (strict, primary label only: ${pct(e.top1Strict, e.total)})`,
    `  top-3 ${pct(e.top3, e.total)}`,
    `  wrong confident answers ${e.wrong}`,
    `  section right ${e.sectionRight}/${e.sectionLabelled} (${pct(e.sectionRight, e.sectionLabelled)})`,
  ].join('\n');
}
