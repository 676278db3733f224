// The copy benchmarks: 10,000 tracks copied from one account to another through the real core
// (plan from fresh caches, journalled batches of 40, one after another) against the fake Spotify
// in its own process at a fixed latency, once on a calm Spotify and once with 10% of the writes
// answered 429 Retry-After 1. Each checks the target ends with every track once, in order.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppCore } from '../../electron/core/composition/app-core.js';
import type { JobRecord } from '../../electron/core/jobs/job-record.js';
import { MAX_LIBRARY_URIS } from '../../electron/core/spotify/library-write-api.js';
import { singleOriginEndpoints } from '../../electron/core/spotify-endpoints.js';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store.js';
import { BrowserSession } from '../../demo/fake-spotify/index.js';
import { startFakeProcess, type SeededUser } from './fake-process.js';
import { WireLog } from './wire-log.js';

export interface CopyBenchOptions {
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly report: (line: {
    scenario: string;
    target: string;
    pass: boolean;
    [figure: string]: unknown;
  }) => void;
}

const copied = 10_000;

export async function copyScenarios(options: CopyBenchOptions): Promise<void> {
  const { latencyMs } = options;
  console.error('copy 10,000 tracks between two accounts…');
  const calm = await copyRun(options, { rateLimited: false, seed: 1 });
  const budgetMs = Math.round(1.15 * calm.writes * latencyMs);
  options.report({
    scenario: 'copy_10k',
    ...calm,
    write_budget_ms: budgetMs,
    target:
      'complete, in order, no repeat && writes <= 1.02 × min && write_wall_ms <= 1.15 × writes × latency && plan_read_requests == 0',
    pass:
      calm.complete &&
      calm.writes <= 1.02 * calm.min_writes &&
      calm.write_wall_ms <= budgetMs &&
      calm.plan_read_requests === 0,
  });

  // The fake picks the faulted requests from a seeded random stream, so one run's share of 429s
  // can sit well off 10%; three seeds give a fairer figure, and each run is reported too.
  console.error('copy 10,000 tracks with 10% of writes answered 429 Retry-After 1 (3 seeds)…');
  const runs: CopyRunFigures[] = [];
  for (const seed of [1, 2, 3]) runs.push(await copyRun(options, { rateLimited: true, seed }));
  const sum = (pick: (run: CopyRunFigures) => number) => runs.reduce((n, run) => n + pick(run), 0);
  const ratio = Math.round((sum((r) => r.writes) / sum((r) => r.min_writes)) * 1000) / 1000;
  const early = sum((r) => r.early_requests);
  options.report({
    scenario: 'copy_10k_429',
    writes: sum((r) => r.writes),
    min_writes: sum((r) => r.min_writes),
    writes_ratio_to_min: ratio,
    rate_limited_answers: sum((r) => r.rate_limited_answers),
    early_requests: early,
    racing_requests: sum((r) => r.racing_requests),
    repeated_writes: sum((r) => r.repeated_writes),
    write_wall_ms: Math.round(sum((r) => r.write_wall_ms) / runs.length),
    runs,
    target: 'all complete, in order, no repeat && early_requests == 0 && writes <= 1.15 × min',
    pass: runs.every((r) => r.complete) && early === 0 && ratio <= 1.15,
  });
}

interface CopyRunFigures {
  readonly seed: number;
  readonly tracks: number;
  readonly writes: number;
  readonly min_writes: number;
  readonly writes_ratio_to_min: number;
  readonly contains_checks: number;
  readonly plan_read_requests: number;
  readonly write_wall_ms: number;
  readonly wall_ms_with_cache_update: number;
  readonly cache_update_pages: number;
  readonly rate_limited_answers: number;
  readonly early_requests: number;
  readonly racing_requests: number;
  readonly repeated_writes: number;
  readonly complete: boolean;
  readonly load_average_1m: number;
}

async function copyRun(
  options: CopyBenchOptions,
  run: { readonly rateLimited: boolean; readonly seed: number },
): Promise<CopyRunFigures> {
  const { latencyMs } = options;
  const { rateLimited, seed } = run;
  // Neighbouring users share about half their tracks: 20,000 each leave 10,000 to copy.
  const fake = await startFakeProcess({ tracks: 2 * copied, latencyMs, users: 2, seed });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-copy-'));
  const wire = new WireLog();
  const logins: SeededUser[] = [...fake.users];
  const core = await AppCore.open({
    dataDir,
    secretStore: new MemorySecretStore(),
    endpoints: singleOriginEndpoints(fake.baseUrl),
    fetch: wire.fetch,
    scheduler: { concurrency: options.concurrency },
    log: (message) => console.error(message),
    openLoginPage: (url) => {
      const user = logins.shift();
      void new BrowserSession().completeLogin(url, {
        username: user?.username,
        password: user?.password,
      });
    },
  });
  try {
    await core.settings.update({ clientId: fake.clientId });
    const alice = await core.addAccount();
    const bob = await core.addAccount();
    const source = (await core.syncLibrary(alice.id)).library;
    const target = (await core.syncLibrary(bob.id)).library;
    const inBob = new Set(target.tracks.map((t) => t.id));
    const positions = source.tracks
      .flatMap((t, position) => (t.id !== null && !inBob.has(t.id) ? [position] : []))
      .slice(-copied);
    const expectedIds = positions.flatMap((p) => source.tracks[p]?.id ?? []);
    const bobBefore = await fake.control.savedTrackIds(fake.users[1]?.id ?? '');

    await fake.control.resetCounts();
    const plan = await core.jobs.planCopy({
      kind: 'copy',
      sourceAccountId: alice.id,
      targetAccountId: bob.id,
      revision: core.libraryRevision(source) ?? '',
      positions,
    });
    const planReads = (await fake.control.requestCounts()).total;
    if (rateLimited) {
      await fake.control.injectFault({
        kind: 'rate_limit',
        retryAfterSeconds: 1,
        fraction: 0.1,
        pathPrefix: '/v1/me/library',
      });
    }
    wire.sends.length = 0;
    const batches = Math.ceil(expectedIds.length / MAX_LIBRARY_URIS);
    const start = performance.now();
    let writesDoneAt = 0;
    const done = new Promise<JobRecord>((resolve) => {
      core.jobs.service.onDidChange((record) => {
        // The last batch is done before the target's cache is brought up to date.
        const { step, batch } = record.progress;
        if (writesDoneAt === 0 && (step >= 1 || batch >= batches)) writesDoneAt = performance.now();
        const { state } = record.progress;
        if (state === 'finished' || state === 'failed' || state === 'paused') resolve(record);
      });
    });
    await core.jobs.service.start(plan.planId);
    const record = await done;
    const wallMs = Math.round(performance.now() - start);
    const writeWallMs = Math.round((writesDoneAt || performance.now()) - start);
    const counts = (await fake.control.requestCounts()).byPath;
    await fake.control.clearFaults();
    const writes = counts['PUT /v1/me/library'] ?? 0;
    const bobAfter = await fake.control.savedTrackIds(fake.users[1]?.id ?? '');
    const inOrder = JSON.stringify(bobAfter) === JSON.stringify([...expectedIds, ...bobBefore]);
    const repeated = await fake.control.repeatedWrites(fake.users[1]?.id ?? '');
    const minimum = Math.ceil(expectedIds.length / MAX_LIBRARY_URIS);
    const complete = record.progress.state === 'finished' && inOrder && repeated === 0;
    if (!complete) console.error(`copy run (seed ${seed}) ended ${record.progress.state}`);
    return {
      seed,
      tracks: expectedIds.length,
      writes,
      min_writes: minimum,
      writes_ratio_to_min: Math.round((writes / minimum) * 1000) / 1000,
      contains_checks: counts['GET /v1/me/library/contains'] ?? 0,
      plan_read_requests: planReads,
      write_wall_ms: writeWallMs,
      wall_ms_with_cache_update: wallMs,
      cache_update_pages: counts['GET /v1/me/tracks'] ?? 0,
      rate_limited_answers: wire.pauses.length,
      early_requests: wire.earlyRequests(),
      racing_requests: wire.racingRequests(),
      repeated_writes: repeated,
      complete,
      // Other work on the same cores slows every figure: read them beside this.
      load_average_1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    };
  } finally {
    await core.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
