/**
 * What App Service runs: `npm run build`, then `npm ci --omit=dev` in a clean copy, then
 * `node dist/index.js` in production mode with a (fake) app id. It must start and serve /healthz
 * with no dev tools installed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

const work = mkdtempSync(join(tmpdir(), 'ssb-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyTrackedFiles(to: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f.length > 0 && !f.startsWith('test/') && !f.startsWith('bench/'));
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    cpSync(join(ROOT, f), join(to, f));
  }
}

describe('the deployable build', () => {
  it('builds, installs without dev dependencies, and serves /healthz in production', async () => {
    copyTrackedFiles(work);
    // Build with the dev tools, borrowed for this step only.
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: work,
        stdio: 'pipe',
      },
    );
    unlinkSync(join(work, 'node_modules'));

    // Only what the zip deploy carries (deploymentTemplates/deploy.sh), plus the lock file for npm ci.
    const zipLine = readFileSync(join(ROOT, 'deploymentTemplates/deploy.sh'), 'utf8')
      .split('\n')
      .find((l) => l.trim().startsWith('zip -qr'));
    const shipped = (zipLine ?? '')
      .trim()
      .split(/\s+/)
      .slice(3)
      .filter((p) => p !== 'node_modules');
    expect(shipped).toContain('dist');
    const app = join(work, 'app');
    for (const p of [...shipped, 'package-lock.json'])
      cpSync(join(work, p), join(app, p), { recursive: true });

    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: app,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(() => execFileSync('npm', ['ls', 'typescript', 'vitest'], { cwd: app, stdio: 'pipe' })).toThrow();

    const child = spawn(process.execPath, ['dist/index.js'], {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        MicrosoftAppId: '00000000-0000-0000-0000-0000000000aa',
        MicrosoftAppType: 'MultiTenant',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 30_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /"port":(\d+)[^\n]*"listening"/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.stderr.on('data', (c: Buffer) => {
          out += c.toString();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      // Production with an app id: anonymous messages are refused.
      const anon = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'hi',
          channelId: 'webchat',
          conversation: { id: 'c' },
          serviceUrl: 'http://x',
          from: { id: 'u' },
          recipient: { id: 'b' },
        }),
      });
      expect(anon.status).toBe(401);
      // The widget's files are there too.
      expect((await fetch(`http://127.0.0.1:${port}/widget.js`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 400_000);
});
