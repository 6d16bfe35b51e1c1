/**
 * Builds the Teams app package for staff: dist/teams-app.zip = manifest.json + color.png + outline.png.
 *
 *   MicrosoftAppId=<bot app id> [PUBLIC_BASE_URL=https://<webapp>] npm run teams:package [-- --out file.zip]
 *
 * Reads MicrosoftAppId (a GUID, required) and PUBLIC_BASE_URL (optional) from the environment or
 * .env, fills the ${{...}} placeholders in teamsAppManifest/manifest.json, validates the result
 * offline against the Teams manifest JSON schema shipped in @microsoft/app-manifest, checks the
 * icon sizes, and writes the zip. Any problem is printed with the field it concerns; exit code 1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { z } from 'zod';
import { parseDotEnv } from '../src/config.ts';
import { COLOR_SIZE, OUTLINE_SIZE, readPng } from './make-icons.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Manifest = { [key: string]: JsonValue };

export const MANIFEST_DIR = fileURLToPath(new URL('../teamsAppManifest/', import.meta.url));
export const DEFAULT_OUT_FILE = fileURLToPath(new URL('../dist/teams-app.zip', import.meta.url));
/** The package holds exactly these files, at the zip root. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;
export const VALIDATOR_PACKAGE = '@microsoft/app-manifest';
const FALLBACK_BASE_URL = 'https://example.org';

export class PackagingError extends Error {
  readonly problems: readonly string[];
  constructor(heading: string, problems: readonly string[]) {
    super(`${heading}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
    this.problems = problems;
  }
}

// ---------------------------------------------------------------- environment

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const packagingEnvSchema = z.object({
  MicrosoftAppId: z.preprocess(
    blankToUndefined,
    z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? "is required: set it to the bot's app id (the botAppId output of the Azure deployment)"
            : 'must be text',
      })
      .trim()
      .regex(GUID, "must be the bot's app id, a GUID like 12345678-abcd-1234-abcd-1234567890ab"),
  ),
  PUBLIC_BASE_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https$/, error: 'must be an https URL such as https://my-bot.azurewebsites.net' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  ),
});
export type PackagingEnv = z.infer<typeof packagingEnvSchema>;

/** Reads the environment (and .env if given; real variables win). Throws PackagingError. */
export function readPackagingEnv(env: NodeJS.ProcessEnv = process.env, dotEnvPath?: string): PackagingEnv {
  const fromFile = dotEnvPath && existsSync(dotEnvPath) ? parseDotEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  const result = packagingEnvSchema.safeParse({ ...fromFile, ...env });
  if (!result.success) {
    throw new PackagingError(
      'Cannot build the Teams app package:',
      result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`),
    );
  }
  return result.data;
}

// ---------------------------------------------------------------- manifest

/** Fills ${{BOT_ID}}, ${{PUBLIC_BASE_URL}} and ${{PUBLIC_HOST}}; drops validDomains left empty. */
export function buildManifest(template: unknown, env: PackagingEnv): Manifest {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new PackagingError('Cannot build the Teams app package:', [
      'manifest.json must hold a JSON object',
    ]);
  }
  const base = env.PUBLIC_BASE_URL ?? FALLBACK_BASE_URL;
  const values: Record<string, string> = {
    BOT_ID: env.MicrosoftAppId.toLowerCase(),
    PUBLIC_BASE_URL: base,
    PUBLIC_HOST: env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).host : '',
  };
  const fill = (v: JsonValue): JsonValue => {
    if (typeof v === 'string') {
      return v.replace(/\$\{\{\s*([A-Z_]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  const manifest = fill(template as Manifest) as Manifest;
  if (Array.isArray(manifest.validDomains)) {
    manifest.validDomains = manifest.validDomains.filter((d) => d !== '');
  }
  return manifest;
}

// ---------------------------------------------------------------- validation

export interface ManifestProblem {
  /** Where, e.g. "bots[0].botId"; "(manifest)" for the whole file. */
  path: string;
  message: string;
}

interface Validator {
  validateAgainstSchema(manifest: unknown, schema: unknown): Promise<string[]>;
}

let validatorCache: { validator: Validator; schemaDir: string } | undefined;

/** Loads @microsoft/app-manifest (a devDependency) and finds its bundled Teams schemas. */
function loadValidator(): { validator: Validator; schemaDir: string } {
  if (validatorCache) return validatorCache;
  const require = createRequire(import.meta.url);
  let entry: string;
  let mod: unknown;
  try {
    entry = require.resolve(VALIDATOR_PACKAGE);
    mod = require(VALIDATOR_PACKAGE);
  } catch (err) {
    throw new PackagingError('Cannot validate the Teams manifest:', [
      `${VALIDATOR_PACKAGE} could not be loaded (${err instanceof Error ? err.message.split('\n')[0] : String(err)}). Run npm install: it is a devDependency.`,
    ]);
  }
  const utils = (mod as { AppManifestUtils?: Partial<Validator> }).AppManifestUtils;
  if (typeof utils?.validateAgainstSchema !== 'function') {
    throw new PackagingError('Cannot validate the Teams manifest:', [
      `${VALIDATOR_PACKAGE} has no AppManifestUtils.validateAgainstSchema: check its version`,
    ]);
  }
  validatorCache = {
    validator: utils as Validator,
    schemaDir: join(dirname(entry), 'json-schemas', 'teams'),
  };
  return validatorCache;
}

export function schemaUrl(version: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
}

/** JSON pointer "/bots/0/botId" -> "bots[0].botId". */
function fieldPath(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(manifest)' : out;
}

/** Turns the validator's "<pointer> <message>. Details: <params>" lines into field paths. */
function toProblem(line: string): ManifestProblem {
  const m = /^(\S*) (.*?)\. Details: (.*)$/s.exec(line);
  if (!m) return { path: '(manifest)', message: line };
  const [, pointer = '', message = '', details = ''] = m;
  let params: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(details);
    if (parsed && typeof parsed === 'object') params = parsed as Record<string, unknown>;
  } catch {
    // keep the message as it is
  }
  const child =
    typeof params.missingProperty === 'string'
      ? params.missingProperty
      : typeof params.additionalProperty === 'string'
        ? params.additionalProperty
        : undefined;
  const extra =
    'allowedValue' in params
      ? ` (${JSON.stringify(params.allowedValue)})`
      : 'allowedValues' in params
        ? ` (${JSON.stringify(params.allowedValues)})`
        : '';
  return { path: fieldPath(pointer, child), message: `${message}${extra}` };
}

function unfilledPlaceholders(v: JsonValue, path: string): ManifestProblem[] {
  if (typeof v === 'string') {
    return /\$\{\{/.test(v) ? [{ path, message: `placeholder not filled in: ${v}` }] : [];
  }
  if (Array.isArray(v)) return v.flatMap((x, i) => unfilledPlaceholders(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => unfilledPlaceholders(x, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

/**
 * Validates a filled manifest offline against the Teams JSON schema for its manifestVersion
 * (bundled in @microsoft/app-manifest; nothing is fetched). Returns [] when valid.
 */
export async function validateManifest(manifest: unknown): Promise<ManifestProblem[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return [{ path: '(manifest)', message: 'must be a JSON object' }];
  }
  const m = manifest as Manifest;
  const { validator, schemaDir } = loadValidator();
  const version = m.manifestVersion;
  const schemaFile =
    typeof version === 'string' ? join(schemaDir, `v${version}`, 'MicrosoftTeams.schema.json') : '';
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version) || !existsSync(schemaFile)) {
    return [
      {
        path: 'manifestVersion',
        message: `${JSON.stringify(version)} is not a Teams manifest version the offline validator has a schema for`,
      },
    ];
  }
  const schema: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const problems: ManifestProblem[] = [];
  if (m.$schema !== schemaUrl(version)) {
    problems.push({
      path: '$schema',
      message: `must be ${schemaUrl(version)} to match manifestVersion ${version}`,
    });
  }
  const lines = await validator.validateAgainstSchema(m, schema);
  const seen = new Set<string>();
  for (const p of [...lines.map(toProblem), ...unfilledPlaceholders(m, '')]) {
    const key = `${p.path}: ${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- packaging

export interface PackageOptions {
  env?: NodeJS.ProcessEnv;
  /** A .env file to read as well (the real environment wins). None by default. */
  dotEnvPath?: string;
  outFile?: string;
  manifestDir?: string;
}

function checkIcon(dir: string, file: string, size: number): string[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [`${file} is missing from ${dir} (run node scripts/make-icons.ts)`];
  const png = readPng(readFileSync(path));
  return png.width === size && png.height === size
    ? []
    : [`${file} must be ${size}x${size} pixels, it is ${png.width}x${png.height}`];
}

/** Builds, validates and writes the Teams app zip. Throws PackagingError with every problem. */
export async function packageApp(
  options: PackageOptions = {},
): Promise<{ outFile: string; manifest: Manifest }> {
  const env = readPackagingEnv(options.env ?? process.env, options.dotEnvPath);
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const outFile = options.outFile ?? DEFAULT_OUT_FILE;
  const template: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const manifest = buildManifest(template, env);

  const problems = (await validateManifest(manifest)).map((p) => `${p.path}: ${p.message}`);
  problems.push(...checkIcon(dir, 'color.png', COLOR_SIZE), ...checkIcon(dir, 'outline.png', OUTLINE_SIZE));
  if (problems.length > 0) throw new PackagingError('The Teams app manifest is not valid:', problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', readFileSync(join(dir, 'color.png')));
  zip.file('outline.png', readFileSync(join(dir, 'outline.png')));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
  return { outFile, manifest };
}

async function main(argv: string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const outFile = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && !outFile) {
    console.error('--out needs a file name');
    return 2;
  }
  try {
    const { outFile: written, manifest } = await packageApp({ dotEnvPath: '.env', outFile });
    const bot = Array.isArray(manifest.bots) ? (manifest.bots[0] as Manifest | undefined) : undefined;
    console.log(`Wrote ${written}`);
    console.log(`  manifest ${String(manifest.manifestVersion)}, bot ${String(bot?.botId)}: valid`);
    console.log(
      '  Upload it in the Teams admin centre or the Developer Portal (deploymentTemplates/README.md).',
    );
    return 0;
  } catch (err) {
    if (err instanceof PackagingError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
