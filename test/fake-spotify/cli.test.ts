// `npm run fake-spotify`: prints what a person needs, serves, stops cleanly on SIGTERM, and
// refuses bad arguments with exit code 2.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function startCli(args: string[]) {
  const child = spawn(process.execPath, [tsx, 'test/fake-spotify/cli.ts', ...args], {
    cwd: repoRoot,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the CLI');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('fake-spotify CLI', () => {
  it('prints the base URL, Client ID, redirect URI and users, serves, and exits 0 on SIGTERM', async () => {
    const cli = startCli([
      '--port',
      '0',
      '--users',
      '2',
      '--tracks',
      '3',
      '--client-id',
      'abcdefabcdefabcdefabcdefabcdefab',
    ]);
    try {
      await waitFor(() => cli.output().stdout.includes('Press Ctrl+C'), 15_000);
      const { stdout } = cli.output();
      const baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      expect(baseUrl).toBeDefined();
      expect(stdout).toContain('Client ID: abcdefabcdefabcdefabcdefabcdefab');
      expect(stdout).toContain('http://127.0.0.1/callback');
      expect(stdout).toContain('alice / alice-password');
      expect(stdout).toContain('bob / bob-password');
      const users = (await (await fetch(`${baseUrl ?? ''}/__fake/users`)).json()) as {
        users: unknown[];
      };
      expect(users.users).toHaveLength(2);
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  it('exits 2 with a clear message for a bad --client-id', async () => {
    const cli = startCli(['--client-id', 'nope']);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toContain(
      '--client-id must be 32 lowercase hexadecimal characters',
    );
  });

  it('exits 2 for a non-numeric or out-of-range number and an unknown flag', async () => {
    const cases: [string[], RegExp][] = [
      [['--tracks', 'many'], /--tracks must be a whole number/],
      [['--tracks', '100001'], /tracks must be a whole number from 0 to 100000/],
      [['--bogus'], /bogus/],
    ];
    await Promise.all(
      cases.map(async ([args, message]) => {
        const cli = startCli(args);
        expect(await cli.exited, args.join(' ')).toBe(2);
        expect(cli.output().stderr).toMatch(message);
      }),
    );
  });
});
