// The export and import benchmarks, on the real core's caches of two accounts of 50,000 saved
// tracks sharing about half (synced at no latency, not timed):
// - export_50k: one account's whole library made into our CSV and our JSON (the bytes the save
//   dialog writes), each several times; its heap growth is the heap in use when the file is made
//   over the heap before, both measured right after a garbage collection before the run.
// - import_plan_50k: a 50,000-row CSV with Exportify's full header (the second account's tracks)
//   read, checked and planned into the first account: what the person waits for between choosing
//   the file and seeing "to add, already saved".
// Neither may send a request: both work from the caches. Requests to the fake are counted.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppCore } from '../../electron/core/composition/app-core.js';
import type { LibraryFileFormat } from '../../electron/core/ipc/library-file-views.js';
import { exportifyCsv } from '../../test/support/exportify-csv.js';
import { openBenchCore } from './bench-core.js';
import { startFakeProcess } from './fake-process.js';

const tracksPerAccount = 50_000;
const exportTargetMs = 500;
const importTargetMs = 1_000;

type Report = (line: {
  readonly scenario: string;
  readonly target: string;
  readonly pass: boolean;
  readonly [figure: string]: unknown;
}) => void;

export async function fileScenarios(options: {
  readonly concurrency: number;
  readonly runs: number;
  readonly report: Report;
}): Promise<void> {
  console.error('2 accounts of 50,000 tracks: syncing (not timed), then export and import plans…');
  const fake = await startFakeProcess({ tracks: tracksPerAccount, latencyMs: 0, users: 2 });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-files-'));
  let core: AppCore | null = null;
  try {
    // The caches stay fresh for the whole run: nothing timed may sync.
    const bench = await openBenchCore({
      fake,
      dataDir,
      concurrency: options.concurrency,
      settings: { librarySyncMaxAgeMinutes: 24 * 60 },
    });
    const opened = bench.core;
    core = opened;
    const [first, second] = bench.accountIds as [string, string];
    await Promise.all([first, second].map((id) => opened.syncLibrary(id)));
    const secondTracks = (await opened.cachedLibrary(second))?.tracks ?? [];
    const csv = new TextEncoder().encode(exportifyCsv(secondTracks));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fake.control.resetCounts();

    for (const format of ['csv', 'json'] as const) {
      options.report(await exportScenario(opened, first, format, options.runs));
    }
    options.report(await importScenario(opened, first, csv, options.runs));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = (await fake.control.requestCounts()).total;
    options.report({
      scenario: 'files_requests',
      requests,
      target: 'requests == 0',
      pass: requests === 0,
    });
  } finally {
    await core?.close();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function exportScenario(
  core: AppCore,
  accountId: string,
  format: LibraryFileFormat,
  runs: number,
) {
  const { exports } = core.libraryFiles;
  const timings: number[] = [];
  let growthMb = 0;
  let fileMb = 0;
  let tracks = 0;
  for (let run = 0; run < runs; run++) {
    collect();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const prepared = await exports.prepare({
      format,
      excelBom: format === 'csv',
      sources: [{ kind: 'library', accountId }],
      title: null,
    });
    timings.push(tenths(performance.now() - start));
    // The file's text and bytes are still held here: this is the export's peak.
    growthMb = Math.max(growthMb, megabytes(process.memoryUsage().heapUsed - before));
    fileMb = megabytes(prepared.bytes.byteLength);
    tracks = prepared.tracks;
  }
  const { p50, max } = spread(timings);
  return {
    scenario: 'export_50k',
    format,
    tracks,
    p50_ms: p50,
    max_ms: max,
    runs_ms: timings,
    file_mb: fileMb,
    heap_growth_mb: growthMb,
    load_average_1m: loadAverage(),
    target: `max_ms <= ${exportTargetMs} && tracks == ${tracksPerAccount}`,
    pass: max <= exportTargetMs && tracks === tracksPerAccount,
  };
}

async function importScenario(
  core: AppCore,
  targetAccountId: string,
  csv: Uint8Array,
  runs: number,
) {
  const { imports } = core.libraryFiles;
  const timings: number[] = [];
  let plan = { toAdd: 0, alreadyInTarget: 0, rows: 0, rejected: 0 };
  let growthMb = 0;
  for (let run = 0; run < runs; run++) {
    collect();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const file = await imports.open({
      name: 'Liked_Songs.csv',
      size: csv.byteLength,
      read: async () => csv,
    });
    const planned = await imports.plan({ fileId: file.fileId, targetAccountId, section: 0 });
    timings.push(tenths(performance.now() - start));
    growthMb = Math.max(growthMb, megabytes(process.memoryUsage().heapUsed - before));
    plan = {
      toAdd: planned.draft.toAdd,
      alreadyInTarget: planned.draft.planned.alreadyInTarget,
      rows: file.rows,
      rejected: file.rejectedCount,
    };
  }
  const { p50, max } = spread(timings);
  return {
    scenario: 'import_plan_50k',
    rows: plan.rows,
    to_add: plan.toAdd,
    already_saved: plan.alreadyInTarget,
    rejected: plan.rejected,
    p50_ms: p50,
    max_ms: max,
    runs_ms: timings,
    file_mb: megabytes(csv.byteLength),
    heap_growth_mb: growthMb,
    load_average_1m: loadAverage(),
    // Every row is planned: to add, already saved, or rejected (the fake's local files).
    target: `max_ms <= ${importTargetMs} && rows == ${tracksPerAccount} && to_add + already_saved + rejected == rows`,
    pass:
      max <= importTargetMs &&
      plan.rows === tracksPerAccount &&
      plan.toAdd + plan.alreadyInTarget + plan.rejected === plan.rows,
  };
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

function spread(runs: readonly number[]): { p50: number; max: number } {
  const sorted = [...runs].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}
