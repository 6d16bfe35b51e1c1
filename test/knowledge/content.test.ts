import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ContentError,
  defaultContentDir,
  getKnowledge,
  LEGAL_TOPIC_IDS,
  loadKnowledge,
  REFERENCE_CARD_SECTIONS,
  TOPIC_IDS,
} from '../../src/knowledge/index.ts';

const knowledge = loadKnowledge();

describe('the content files', () => {
  it('load, with every topic in menu order', () => {
    expect(knowledge.topics.map((t) => t.id)).toEqual([
      'stalking-offence',
      'harassment-act',
      'spo',
      'spo-updates',
      'non-molestation-order',
      'online-safety-act',
      'get-help',
    ]);
    expect(new Set(knowledge.topics.map((t) => t.id))).toEqual(new Set(TOPIC_IDS));
  });

  it('give each legal topic the what / who / does / breach sections the staff cards show', () => {
    for (const id of LEGAL_TOPIC_IDS) {
      for (const section of REFERENCE_CARD_SECTIONS) {
        expect(knowledge.section(id, section)?.text, `${id}#${section}`).toBeTruthy();
      }
    }
  });

  it('name a known source, with a title, for every section', () => {
    for (const topic of knowledge.topics) {
      for (const section of topic.sections) {
        expect(section.sources.length, `${topic.id}#${section.id}`).toBeGreaterThan(0);
        for (const id of section.sources)
          expect(knowledge.source(id)?.title, `${topic.id}#${section.id}: ${id}`).toBeTruthy();
      }
    }
    expect(knowledge.source('seed')?.title).toMatch(/charity/i);
  });

  it('were all reviewed on 2026-11-29', () => {
    for (const topic of knowledge.topics) expect(topic.reviewedOn, topic.id).toBe('2026-11-29');
  });

  it('lead every follow-up button to a topic and section that exist', () => {
    for (const topic of knowledge.topics) {
      for (const f of topic.followUps) {
        expect(knowledge.topic(f.topic).id).toBe(f.topic);
        if (f.section) expect(knowledge.section(f.topic, f.section), `${topic.id}: ${f.label}`).toBeDefined();
      }
    }
  });

  it('describe the new SPO measures as coming, never as in force', () => {
    const updates = knowledge.topic('spo-updates');
    const text = [updates.summary, ...updates.sections.map((s) => s.text)].join(' ');
    expect(text).toMatch(/will be given the power/);
    expect(text).not.toMatch(/\b(now in force|came into force|courts can now|have the power)\b/i);
  });

  it('leave out the facts the sources mark UNCONFIRMED', () => {
    const all = knowledge.allMessages().join(' ');
    expect(all).not.toMatch(/royal assent/i);
    const images = knowledge.section('online-safety-act', 'intimate-images')?.text ?? '';
    expect(images).not.toMatch(/\d+ (years|months)/);
  });

  it('are found from the package root, so a build in dist/ finds them too', () => {
    expect(defaultContentDir()).toBe(join(process.cwd(), 'content'));
  });

  it('are loaded once per process by getKnowledge', () => {
    expect(getKnowledge()).toBe(getKnowledge());
  });
});

describe('a broken content file', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function brokenCopy(file: string, edit: (src: string) => string): string {
    dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    cpSync(defaultContentDir(), dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return dir;
  }

  function errorFrom(contentDir: string): string {
    try {
      loadKnowledge(contentDir);
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      return (err as Error).message;
    }
    throw new Error('expected the content to be rejected');
  }

  it('is accepted when nothing is wrong (the copy itself is fine)', () => {
    expect(loadKnowledge(brokenCopy('topics/spo.yaml', (s) => s)).topic('spo').title).toMatch(/Stalking/);
  });

  it('with an empty answer text names the file and the field path', () => {
    const msg = errorFrom(
      brokenCopy('topics/spo.yaml', (s) =>
        s.replace(/(- id: duration\n\s+heading: .*\n\s+text: )>-\n.*\n/, '$1""\n'),
      ),
    );
    expect(msg).toMatch(/topics\/spo\.yaml: sections\[3\]\.text: must not be empty/);
  });

  it('with an unknown source names the section and the source', () => {
    const msg = errorFrom(
      brokenCopy('topics/spo.yaml', (s) => s.replace('sources: [spa-2019]', 'sources: [spa-2091]')),
    );
    expect(msg).toMatch(/topics\/spo\.yaml: sections\[\d+\]\.sources\[0\]: unknown source "spa-2091"/);
  });

  it('with a misspelt field name is rejected, not ignored', () => {
    const msg = errorFrom(brokenCopy('topics/get-help.yaml', (s) => s.replace('summary:', 'sumary:')));
    expect(msg).toMatch(/topics\/get-help\.yaml: .*summary/);
    expect(msg).toMatch(/sumary/);
  });

  it('that is not valid YAML names the file and the line', () => {
    const msg = errorFrom(brokenCopy('sources.yaml', (s) => `${s}\n  - id: [oops\n`));
    expect(msg).toMatch(/sources\.yaml \(line \d+, column \d+\): not valid YAML/);
  });

  it('without a section the staff cards need is rejected', () => {
    const msg = errorFrom(
      brokenCopy('topics/online-safety-act.yaml', (s) =>
        s.replace('  - id: breach\n', '  - id: penalties\n'),
      ),
    );
    expect(msg).toMatch(/topics\/online-safety-act\.yaml: sections: a section with id "breach" is needed/);
  });

  it('with a follow-up button to a missing section names the button', () => {
    const msg = errorFrom(
      brokenCopy('topics/spo.yaml', (s) => s.replace('section: duration', 'section: length')),
    );
    expect(msg).toMatch(/topics\/spo\.yaml: followUps\[0\]\.section: topic "spo" has no section "length"/);
  });

  it('with a badly written review date says how to write it', () => {
    const msg = errorFrom(
      brokenCopy('topics/harassment-act.yaml', (s) =>
        s.replace('reviewedOn: "2026-11-29"', 'reviewedOn: 29/11/2026'),
      ),
    );
    expect(msg).toMatch(/topics\/harassment-act\.yaml: reviewedOn: must be a date written as YYYY-MM-DD/);
  });

  it('with a topic missing from the menu is rejected', () => {
    const msg = errorFrom(brokenCopy('menu.yaml', (s) => s.replace('  - get-help\n', '')));
    expect(msg).toMatch(/menu\.yaml: topics: "get-help" is missing/);
  });
});
