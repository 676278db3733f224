// Runs the fake Spotify in a child process for the benchmark, so its work (building and sending
// JSON, waiting out latency) does not share the measured process's thread and heap, as Spotify's
// servers do not. Reads the base URL, Client ID and the seeded users from the CLI's banner.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FakeControlClient } from '../../demo/fake-spotify/index.js';

export interface FakeUser {
  readonly username: string;
  readonly password: string;
  readonly id: string;
}

export interface FakeProcess {
  readonly baseUrl: string;
  readonly clientId: string;
  /** The first seeded user. */
  readonly user: FakeUser;
  readonly users: readonly FakeUser[];
  readonly control: FakeControlClient;
  close(): Promise<void>;
}

const cli = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../demo/fake-spotify/cli.ts',
);

export async function startFakeProcess(options: {
  tracks: number;
  latencyMs: number;
  seed?: number;
  /** Seeded users, each with `tracks` saved tracks; default 1. */
  users?: number;
}): Promise<FakeProcess> {
  const args = ['--import', 'tsx', cli, '--port', '0', '--users', String(options.users ?? 1)];
  args.push('--tracks', String(options.tracks), '--latency', String(options.latencyMs));
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  let baseUrl: string | null = null;
  let clientId: string | null = null;
  const users: FakeUser[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    baseUrl ??= /listening on (\S+)/.exec(line)?.[1] ?? null;
    clientId ??= /^Client ID: (\S+)/.exec(line)?.[1] ?? null;
    const seeded = /^\s+(\S+) \/ (\S+)\s+\(id (\w+)/.exec(line);
    if (seeded?.[1] && seeded[2] && seeded[3]) {
      users.push({ username: seeded[1], password: seeded[2], id: seeded[3] });
    }
    if (line.startsWith('Press Ctrl+C')) break;
  }
  const user = users[0];
  if (baseUrl === null || clientId === null || user === undefined) {
    child.kill('SIGTERM');
    throw new Error('the fake Spotify process did not start');
  }
  return {
    baseUrl,
    clientId,
    user,
    users,
    control: new FakeControlClient(baseUrl),
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
