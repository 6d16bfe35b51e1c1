/**
 * deploymentTemplates/deploy.sh, the one command the IT volunteer runs, driven against fake
 * `az`, `npm` and `zip` programs that record what they were asked to do (no Azure here).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../deploymentTemplates/deploy.sh', import.meta.url));
const DL_SECRET = 'dl-secret-Zx9Qw3RtY7uI1oP5aS8dF2gH4jK6lM0n';
const STAFF = '55555555-5555-5555-5555-555555555555';
const dir = mkdtempSync(join(tmpdir(), 'deploy-sh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG = join(dir, 'calls.log');
const VAULT = join(dir, 'vault-secret');

function fake(name: string, body: string) {
  const path = join(dir, 'bin', name);
  writeFileSync(path, `#!/usr/bin/env bash\necho "${name} $*" >> "${LOG}"\n${body}\n`);
  chmodSync(path, 0o755);
}

function setUp() {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  fake(
    'az',
    `case "$*" in
  "ad signed-in-user show"*) echo 66666666-6666-6666-6666-666666666666 ;;
  *"properties.outputs.webAppName.value"*) echo stalking-bot-abc123 ;;
  *"properties.outputs.botName.value"*) echo stalking-bot-bot-abc123 ;;
  *"properties.outputs.keyVaultName.value"*) echo kv-abc ;;
  *"properties.outputs.botAppId.value"*) echo 22222222-2222-2222-2222-222222222222 ;;
  *"properties.outputs.webAppUrl.value"*) echo https://stalking-bot-abc123.azurewebsites.net ;;
  "bot directline show"*) printf '%s\\r\\n' "${DL_SECRET}" ;;
  "keyvault secret set"*)
    while [ $# -gt 0 ]; do [ "$1" = "--file" ] && cp "$2" "${VAULT}"; shift; done ;;
esac`,
  );
  fake(
    'npm',
    `case "$*" in
  "run build") mkdir -p dist && echo built > dist/index.js ;;
  ci*) mkdir -p node_modules ;;
esac`,
  );
  fake('zip', 'touch "$2"');
}

async function run(args: string[]) {
  const env = { ...process.env, PATH: `${join(dir, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin` };
  return promisify(execFile)('bash', [SCRIPT, ...args], { env, maxBuffer: 10_000_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('deploy.sh', () => {
  setUp();

  it('refuses a website origin that is not https with no path', async () => {
    const r = await run(['-g', 'rg-bot', '-o', 'http://www.example.org/chat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('https');
  });

  it('runs every step in order, and keeps the Direct Line secret off every command line', async () => {
    writeFileSync(LOG, '');
    const r = await run(['-g', 'rg-bot', '-o', 'https://www.example.org', '-t', STAFF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const calls = readFileSync(LOG, 'utf8').trim().split('\n');
    const order = [
      /^az group create --name rg-bot --location uksouth/,
      /^az deployment group create .*--template-file \S+\/azuredeploy\.json .*--parameters @\S+\/azuredeploy\.parameters\.json .*charitySiteOrigin=https:\/\/www\.example\.org .*staffTenantIds=5{8}-/,
      /^az bot directline show --resource-group rg-bot --name stalking-bot-bot-abc123 --with-secrets/,
      /^az keyvault secret set --vault-name kv-abc --name DirectLineSecret --file /,
      /^npm ci$/,
      /^npm run build$/,
      /^npm ci --omit=dev$/,
      /^zip -qr \S+app\.zip dist content public node_modules package\.json$/,
      /^az webapp deploy --resource-group rg-bot --name stalking-bot-abc123 --src-path \S+app\.zip --type zip/,
    ];
    let from = 0;
    for (const step of order) {
      const at = calls.findIndex((c, i) => i >= from && step.test(c));
      expect(at, `${step} after call ${from}:\n${calls.join('\n')}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(calls.join('\n')).not.toContain(DL_SECRET);
    expect(r.stdout).not.toContain(DL_SECRET);
    expect(readFileSync(VAULT, 'utf8')).toBe(DL_SECRET);
    expect(r.stdout).toContain(
      '<script src="https://stalking-bot-abc123.azurewebsites.net/widget.js" defer></script>',
    );
    expect(r.stdout).toContain('MicrosoftAppId=22222222-2222-2222-2222-222222222222');
  });
});
