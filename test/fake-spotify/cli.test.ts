// `npm run fake-spotify`: prints what a person needs, serves, stops cleanly on SIGTERM, and
// refuses bad arguments with exit code 2.
import { describe, expect, it } from 'vitest';
import { startCli as startScript, waitUntil } from '../support/cli-process.js';

const startCli = (args: string[]) => startScript('demo/fake-spotify/cli.ts', args);

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
      await waitUntil(() => cli.output().stdout.includes('Press Ctrl+C'), 15_000);
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
