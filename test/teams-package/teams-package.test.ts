/**
 * The Teams app package the charity's admin uploads: what is in the zip, what the icons look like,
 * whether Teams would accept the manifest, and what the admin sees when something is wrong.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { drawColorIcon, drawOutlineIcon, type PngImage, readPng } from '../../scripts/make-icons.ts';
import {
  buildManifest,
  MANIFEST_DIR,
  type Manifest,
  PackagingError,
  packageApp,
  readPackagingEnv,
  validateManifest,
} from '../../scripts/teams-package.ts';

const BOT_ID = '6c1b2f3a-1234-4abc-9def-0123456789ab';
const BASE = 'https://stalking-bot-abc123.azurewebsites.net';
const SCRIPT = fileURLToPath(new URL('../../scripts/teams-package.ts', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const template: unknown = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8'));
const filled = () =>
  buildManifest(template, readPackagingEnv({ MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: BASE }));

async function built(env: NodeJS.ProcessEnv, name: string) {
  const outFile = join(tmp, name);
  await packageApp({ env, outFile });
  const zip = await JSZip.loadAsync(readFileSync(outFile));
  const bytes = async (f: string) => {
    const entry = zip.file(f);
    if (!entry) throw new Error(`${f} is not in the zip`);
    return entry.async('nodebuffer');
  };
  const manifest = JSON.parse((await bytes('manifest.json')).toString('utf8')) as Manifest;
  return { zip, manifest, bytes };
}

const pkg = built({ MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: `${BASE}/` }, 'teams-app.zip');

function pixels(png: PngImage) {
  const out: { r: number; g: number; b: number; a: number }[] = [];
  for (let i = 0; i < png.data.length; i += 4) {
    out.push({
      r: png.data[i] ?? 0,
      g: png.data[i + 1] ?? 0,
      b: png.data[i + 2] ?? 0,
      a: png.data[i + 3] ?? 0,
    });
  }
  return out;
}

const bot = (m: Manifest) => (m.bots as Manifest[])[0] as Manifest;

describe('the Teams app zip', () => {
  it('holds exactly manifest.json, color.png and outline.png at its root', async () => {
    const { zip } = await pkg;
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Object.values(zip.files).some((f) => f.dir)).toBe(false);
  });

  it("carries the bot's id, the staff-only wording, the commands and the web app's domain", async () => {
    const { manifest } = await pkg;
    expect(manifest.id).toBe(BOT_ID);
    expect(bot(manifest).botId).toBe(BOT_ID);
    expect(bot(manifest).scopes).toEqual(['personal', 'team', 'groupChat']);
    const commands = ((bot(manifest).commandLists as Manifest[])[0]?.commands ?? []) as Manifest[];
    expect(commands.map((c) => c.title)).toEqual(['spo', 'non-mol', 'harassment', 'online', 'help', 'menu']);
    for (const c of commands) expect(String(c.description).length).toBeGreaterThan(5);
    expect((manifest.name as Manifest).short).toBe('Stalking law reference');
    expect(String((manifest.description as Manifest).short)).toMatch(/staff only/i);
    expect(String((manifest.description as Manifest).full)).toMatch(/staff only/i);
    expect(manifest.validDomains).toEqual(['stalking-bot-abc123.azurewebsites.net']);
    expect((manifest.developer as Manifest).privacyUrl).toBe(`${BASE}/privacy`);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('validates against the Teams schema for its manifest version (1.19 or later)', async () => {
    const { manifest } = await pkg;
    expect(Number(String(manifest.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('without PUBLIC_BASE_URL, uses example.org links and lists no domains', async () => {
    const { manifest } = await built({ MicrosoftAppId: BOT_ID }, 'no-base.zip');
    expect((manifest.developer as Manifest).websiteUrl).toBe('https://example.org');
    expect(manifest.validDomains).toEqual([]);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('color.png is a 192x192 full-colour, opaque icon', async () => {
    const png = readPng(await (await pkg).bytes('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const px = pixels(png);
    expect(px.every((p) => p.a === 255)).toBe(true);
    expect(px.some((p) => Math.max(p.r, p.g, p.b) - Math.min(p.r, p.g, p.b) > 60)).toBe(true);
  });

  it('outline.png is 32x32, white on a transparent background, nothing else', async () => {
    const png = readPng(await (await pkg).bytes('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    const px = pixels(png);
    expect(px.filter((p) => p.a === 0).length).toBeGreaterThan(32 * 32 * 0.5);
    expect(px.filter((p) => p.a > 0).length).toBeGreaterThan(32);
    const offending = px.filter((p) => p.a !== 0 && !(p.r === 255 && p.g === 255 && p.b === 255));
    expect(offending).toEqual([]);
  });

  it('the committed icons are what scripts/make-icons.ts draws', () => {
    const color = readPng(readFileSync(join(MANIFEST_DIR, 'color.png')));
    const outline = readPng(readFileSync(join(MANIFEST_DIR, 'outline.png')));
    expect(color.data.equals(drawColorIcon().data)).toBe(true);
    expect(outline.data.equals(drawOutlineIcon().data)).toBe(true);
  });
});

describe('manifest validation names the field at fault', () => {
  it('a missing bots[0].botId', async () => {
    const m = filled();
    delete bot(m).botId;
    const problems = await validateManifest(m);
    expect(problems.map((p) => p.path)).toContain('bots[0].botId');
  });

  it('a bot id that is not a GUID', async () => {
    const m = filled();
    bot(m).botId = 'my-bot';
    const problems = await validateManifest(m);
    expect(problems.map((p) => p.path)).toContain('bots[0].botId');
  });

  it('an unknown manifest version', async () => {
    const m = filled();
    m.manifestVersion = '1.99';
    expect(await validateManifest(m)).toEqual([
      {
        path: 'manifestVersion',
        message: '"1.99" is not a Teams manifest version the offline validator has a schema for',
      },
    ]);
  });

  it('a $schema that does not match the manifest version', async () => {
    const m = filled();
    m.manifestVersion = '1.19';
    expect((await validateManifest(m)).map((p) => p.path)).toContain('$schema');
  });

  it('a short name over 30 characters and an unknown property', async () => {
    const m = filled();
    (m.name as Manifest).short = 'Stalking and harassment law reference';
    m.colour = '#000000';
    const paths = (await validateManifest(m)).map((p) => p.path);
    expect(paths).toContain('name.short');
    expect(paths).toContain('colour');
  });

  it('a placeholder left unfilled', async () => {
    const m = filled();
    (m.developer as Manifest).websiteUrl = ['$', '{{CHARITY_URL}}'].join('');
    expect((await validateManifest(m)).map((p) => p.path)).toContain('developer.websiteUrl');
  });

  it('works with no network at all', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      expect(await validateManifest(filled())).toEqual([]);
      const broken = filled();
      delete bot(broken).botId;
      expect((await validateManifest(broken)).length).toBeGreaterThan(0);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('packaging refuses a bad environment, with a clear message', () => {
  it.each([
    [{}, 'MicrosoftAppId is required'],
    [{ MicrosoftAppId: '   ' }, 'MicrosoftAppId is required'],
    [{ MicrosoftAppId: 'my-bot' }, "MicrosoftAppId must be the bot's app id, a GUID"],
    [
      { MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: 'http://insecure.example.org' },
      'PUBLIC_BASE_URL must be an https URL',
    ],
  ])('%j', async (env, message) => {
    const outFile = join(tmp, 'refused.zip');
    const err = await packageApp({ env, outFile }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackagingError);
    expect(String((err as Error).message)).toContain(message);
    expect(existsSync(outFile)).toBe(false);
  });

  it('npm run teams:package without an app id exits 1 and says what to set', async () => {
    const { MicrosoftAppId: _drop, ...env } = process.env;
    const run = promisify(execFile)(process.execPath, [SCRIPT, '--out', join(tmp, 'cli.zip')], {
      cwd: tmp,
      env,
    });
    const err = await run.then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('MicrosoftAppId is required');
    expect(existsSync(join(tmp, 'cli.zip'))).toBe(false);
  });

  it('npm run teams:package with an app id writes the zip', async () => {
    const out = join(tmp, 'cli-ok.zip');
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, '--out', out], {
      cwd: tmp,
      env: { ...process.env, MicrosoftAppId: BOT_ID, PUBLIC_BASE_URL: BASE },
    });
    expect(stdout).toContain(`bot ${BOT_ID}: valid`);
    expect(existsSync(out)).toBe(true);
  });
});
