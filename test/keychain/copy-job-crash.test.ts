// The core killed with SIGKILL in the middle of a 2,000-track copy, at a random batch and a random
// moment within it, several times over, for several seeds; each time a new process opens the same
// folder and keychain and resumes the job. In the end every track is in the target exactly once
// (no save was ever sent for a track already saved), in the source's order, on top.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store.js';
import { randomStream } from '../../demo/fake-spotify/seeded-random.js';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';
import { openCore, user } from '../core/composition/support.js';
import { assertPrivateTestKeychain, testServiceName } from './private-keychain-session.js';

assertPrivateTestKeychain();

const store = createKeytarSecretStore(testServiceName('copy-job-crash'));
const child = 'test/keychain/fixtures/copy-job-child.ts';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let fake: FakeSpotify | null = null;
let dataDir: string | null = null;

afterEach(async () => {
  for (const entry of await store.list()) await store.delete(entry.account);
  await fake?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface ChildRun {
  readonly exitCode: number | null;
  readonly killed: boolean;
  readonly lines: string[];
}

/** Runs the child until it exits, or kills it once its job reaches `killAtBatch` (plus a delay). */
async function runChild(
  args: string[],
  killAtBatch: number | null,
  delayMs: number,
): Promise<ChildRun> {
  // One process, with tsx as a loader (its CLI would run the script in a grandchild that a
  // SIGKILL of the child leaves running).
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repoRoot });
  let stderr = '';
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => process_.once('exit', resolve));
  const run = { child: process_, exited, output: () => ({ stderr }) };
  let killed = false;
  let buffer = '';
  const lines: string[] = [];
  run.child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      const position = JSON.parse(line) as { batch?: number };
      if (!killed && killAtBatch !== null && (position.batch ?? -1) >= killAtBatch) {
        killed = true;
        setTimeout(() => run.child.kill('SIGKILL'), delayMs);
      }
    }
  });
  const exitCode = await run.exited;
  if (!killed && exitCode !== 0) throw new Error(`child failed: ${run.output().stderr}`);
  return { exitCode, killed, lines };
}

it.each([1, 2, 3])(
  'resumes a 2,000-track copy killed at random batches (seed %i): each track once, in order',
  { timeout: 120_000 },
  async (seed) => {
    fake = await startFakeSpotify({ users: 2, tracksPerUser: [2100, 40], seed, latencyMs: 2 });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'copy-crash-'));
    const subject = await openCore(fake, store, { dataDir });
    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
    const alice = await subject.core.addAccount();
    const bob = await subject.core.addAccount();
    const source = (await subject.core.syncLibrary(alice.id)).library;
    const target = (await subject.core.syncLibrary(bob.id)).library;
    await subject.core.close();
    const inBob = new Set(target.tracks.map((t) => t.id));
    const copied = source.tracks.flatMap((t) => (t.id !== null && !inBob.has(t.id) ? [t.id] : []));
    expect(copied.length).toBeGreaterThanOrEqual(2000);
    const bobBefore = await fake.control.savedTrackIds(user(fake, 1).id);

    const random = randomStream(seed);
    const batches = Math.ceil(copied.length / 40);
    const args = [dataDir, fake.baseUrl, alice.id, bob.id];
    let kills = 0;
    let killAt = 1 + Math.floor(random() * (batches / 4));
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const last = kills >= 3;
      const run = await runChild(args, last ? null : killAt, Math.floor(random() * 8));
      if (!run.killed) break;
      kills += 1;
      killAt += 1 + Math.floor(random() * (batches / 4));
    }
    expect(kills).toBe(3);

    const bobAfter = await fake.control.savedTrackIds(user(fake, 1).id);
    expect(bobAfter).toEqual([...copied, ...bobBefore]);
    expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
  },
);
