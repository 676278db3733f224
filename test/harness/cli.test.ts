// `npm run demo:web`: prints the URL to open, where tokens go and the seeded logins, serves the
// app, closes cleanly on SIGTERM and SIGINT, and refuses bad arguments with exit code 2.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli as startScript, waitUntil } from '../support/cli-process.js';

let rendererDir: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(os.tmpdir(), 'harness-cli-renderer-'));
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<html><head></head><body>app</body></html>',
  );
});
afterAll(async () => {
  await rm(rendererDir, { recursive: true, force: true });
});

const startCli = (args: string[]) => startScript('demo/harness/cli.ts', args);

describe('demo:web CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the URL and the logins, serves the app, and exits 0 on ${signal}`, async () => {
      const cli = startCli(['--users', '2', '--tracks', '3', '--renderer-dir', rendererDir]);
      try {
        await waitUntil(() => cli.output().stdout.includes('Ctrl+C to stop.'), 15_000);
        const { stdout } = cli.output();
        const url = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
        expect(url).toBeDefined();
        expect(stdout).toContain('alice / alice-password');
        expect(stdout).toContain('bob / bob-password');
        expect(stdout).not.toContain('carol');
        expect(stdout).toMatch(/Tokens in:\s+(the system keychain|memory only)/);
        const page = await (await fetch(url ?? '')).text();
        expect(page).toContain('<script src="/harness/bridge.js"></script>');
        cli.child.kill(signal);
        expect(await cli.exited).toBe(0);
        await expect(fetch(url ?? '')).rejects.toThrow();
      } finally {
        cli.child.kill('SIGKILL');
      }
    });
  }

  it('refuses an unknown flag and a bad fake option with exit code 2', async () => {
    const unknown = startCli(['--colour', 'red']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output().stderr).toContain('Usage: npm run demo:web');
    const badUsers = startCli(['--users', '0', '--renderer-dir', rendererDir]);
    expect(await badUsers.exited).toBe(2);
    expect(badUsers.output().stderr).toContain('users');
  });

  it('says how to build the renderer when the given directory has none', async () => {
    const cli = startCli(['--renderer-dir', path.join(rendererDir, 'missing')]);
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toContain('npm run build:renderer');
  });
});
