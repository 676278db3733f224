// Export and restore as the page does them, through the router and the real handlers of a real
// core against the fake Spotify over real sockets, with real files: each account exported to CSV
// and to JSON and imported into an empty account ends with identical tracks in identical order,
// each saved once; an Exportify CSV restores too, through 429s, a QUOTA_EXCEEDED and lost
// answers; undo takes an import back; a selection exports only what the page showed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type {
  ExportRequest,
  ExportResultView,
  ImportFileView,
  JobPlanView,
  JobView,
} from '../../../electron/core/ipc/contract.js';
import { createIpcHandlers } from '../../../electron/core/ipc/ipc-handlers.js';
import { createIpcRouter, type IpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { encodePositions } from '../../../electron/core/ipc/job-views.js';
import type { IpcResult } from '../../../electron/core/ipc/contract.js';
import { exportifyCsv } from '../../support/exportify-csv.js';
import { FolderFileHost } from '../../support/folder-file-host.js';
import { user } from '../composition/support.js';
import {
  jobReaches,
  libraryOf,
  openJobsFixture,
  spotifyIds,
  type JobsFixture,
} from '../jobs/support.js';

let fixture: JobsFixture;
let files: FolderFileHost;
let router: IpcRouter;
let dir: string;

beforeEach(async () => {
  // Alice and Bob share about half their tracks; Carol starts empty.
  fixture = await openJobsFixture(
    { users: 3, tracksPerUser: [260, 180, 0] },
    { scheduler: { backoff: { baseMs: 5, maxMs: 50 }, maxRateLimitWaitMs: 500 } },
  );
  dir = await mkdtemp(path.join(os.tmpdir(), 'restore-'));
  files = new FolderFileHost(dir);
  router = createIpcRouter(
    createIpcHandlers(fixture.core, { version: '1', demo: false, emit: () => undefined, files }),
  );
});

afterEach(async () => {
  await fixture.close();
  await rm(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return (await router.handle(channel, args)) as IpcResult<T>;
}

async function ask<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = await call<T>(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function exportLibrary(accountId: string, format: 'csv' | 'json'): Promise<string> {
  const request: ExportRequest = {
    format,
    excelBom: false,
    sources: [{ kind: 'library', accountId }],
    title: null,
  };
  const result = await ask<ExportResultView>('library:export', request);
  expect(result.outcome).toBe('saved');
  expect(result.fileName).not.toBeNull();
  return result.fileName ?? '';
}

/** Chooses the file, plans it into the account, runs the job to its end. */
async function restore(filePath: string, targetAccountId: string, section: number | null = 0) {
  files.chooseNext(filePath);
  const file = await ask<ImportFileView>('imports:choose');
  const plan = await ask<JobPlanView>('imports:plan', {
    fileId: file.fileId,
    targetAccountId,
    section,
  });
  const started = await ask<JobView>('jobs:start', plan.planId);
  const done = await jobReaches(fixture.core, started.id, new Set(['finished', 'failed']));
  expect(done.progress.error).toBeNull();
  return { file, plan, job: started };
}

async function undo(jobId: string): Promise<void> {
  const plan = await ask<JobPlanView>('jobs:planUndo', jobId);
  const started = await ask<JobView>('jobs:start', plan.planId);
  const done = await jobReaches(fixture.core, started.id, new Set(['finished', 'failed']));
  expect(done.progress.error).toBeNull();
}

it.each(['csv', 'json'] as const)(
  'restores an account exported to %s into an empty account: same tracks, same order, each once',
  async (format) => {
    const { fake } = fixture;
    const [alice, carol] = [fixture.account(0), fixture.account(2)];
    const aliceIds = await spotifyIds(fake, 0);
    const copyable = aliceIds.flatMap((id) => id ?? []);
    const localFiles = aliceIds.length - copyable.length;
    expect(localFiles).toBeGreaterThan(0);

    const exported = await exportLibrary(alice.id, format);
    expect(path.basename(exported)).toMatch(
      new RegExp(`^Liked Songs - .+ - \\d{4}-\\d{2}-\\d{2}\\.${format}$`),
    );
    const { file, plan, job } = await restore(exported, carol.id);

    expect(file.format).toBe(format === 'csv' ? 'app_csv' : 'app_json');
    expect(file.rows).toBe(aliceIds.length);
    expect(file.rejectedCount).toBe(localFiles);
    expect(file.rejected.every((row) => row.reason === 'local_file')).toBe(true);
    expect(file.hasDates).toBe(true);
    expect(plan).toMatchObject({ kind: 'import', toAdd: copyable.length, alreadyInTarget: 0 });
    expect(await spotifyIds(fake, 2)).toEqual(copyable);
    expect(await fake.control.repeatedWrites(user(fake, 2).id)).toBe(0);

    // The import is in the recent jobs, named after its file, and undoes like a copy.
    const listed = (await ask<JobView[]>('jobs:list')).find((j) => j.id === job.id);
    expect(listed).toMatchObject({
      kind: 'import',
      sourceLabel: path.basename(exported),
      canUndo: true,
    });
    await undo(job.id);
    expect(await spotifyIds(fake, 2)).toEqual([]);
  },
);

it('restores an Exportify CSV through 429s, a QUOTA_EXCEEDED and lost answers, each track once, in order', async () => {
  const { core, fake } = fixture;
  const [bob, carol] = [fixture.account(1), fixture.account(2)];
  const library = await libraryOf(core, bob.id);
  const csvPath = path.join(dir, 'Liked_Songs.csv');
  await writeFile(csvPath, `\uFEFF${exportifyCsv(library.tracks)}`);
  await fake.control.injectFault({
    kind: 'quota_exceeded',
    count: 1,
    retryAfterSeconds: 1,
    pathPrefix: '/v1/me/library',
  });
  await fake.control.injectFault({ kind: 'rate_limit', fraction: 0.15, retryAfterSeconds: 0 });
  await fake.control.injectFault({
    kind: 'drop_after_apply',
    fraction: 0.1,
    pathPrefix: '/v1/me/library',
  });

  const { file } = await restore(csvPath, carol.id);

  expect(file.format).toBe('exportify_csv');
  const expected = library.tracks.flatMap((track) => (track.isLocal ? [] : [track.id ?? '']));
  expect(await spotifyIds(fake, 2)).toEqual(expected);
  expect(await fake.control.repeatedWrites(user(fake, 2).id)).toBe(0);
});

it('exports every account to one JSON and restores all of it into one account, each track once', async () => {
  const { fake } = fixture;
  const [alice, bob, carol] = [fixture.account(0), fixture.account(1), fixture.account(2)];
  const result = await ask<ExportResultView>('library:export', {
    format: 'json',
    excelBom: false,
    sources: [alice, bob].map((account) => ({ kind: 'library', accountId: account.id })),
    title: 'All accounts',
  } satisfies ExportRequest);
  expect(path.basename(result.fileName ?? '')).toMatch(/^Liked Songs - All accounts - /);

  const { file, plan } = await restore(result.fileName ?? '', carol.id, null);

  expect(file.sections.map((section) => section.spotifyUserId)).toEqual([
    user(fake, 0).id,
    user(fake, 1).id,
  ]);
  const union = new Set([...(await spotifyIds(fake, 0)), ...(await spotifyIds(fake, 1))]);
  union.delete(null);
  expect(plan.toAdd).toBe(union.size);
  const carolIds = await spotifyIds(fake, 2);
  expect(new Set(carolIds)).toEqual(union);
  expect(carolIds).toHaveLength(union.size);
});

it('exports exactly the selected tracks of the revision the page showed, and refuses an old one', async () => {
  const { core } = fixture;
  const alice = fixture.account(0);
  const library = await libraryOf(core, alice.id);
  const revision = core.libraryRevision(library) ?? '';
  const positions = [0, 3, 4, 10];
  const selection = {
    accountId: alice.id,
    revision,
    positions: encodePositions(positions, library.tracks.length),
  };

  const result = await ask<ExportResultView>('library:export', {
    format: 'json',
    excelBom: false,
    sources: [{ kind: 'selection', selection }],
    title: 'Only in Alice',
  } satisfies ExportRequest);

  expect(result.tracks).toBe(4);
  const written = JSON.parse(await readFile(result.fileName ?? '', 'utf8')) as {
    accounts: { tracks: { uri: string }[] }[];
  };
  expect(written.accounts[0]?.tracks.map((t) => t.uri)).toEqual(
    positions.map((p) => library.tracks[p]?.uri),
  );
  const stale = await call('library:export', {
    format: 'csv',
    excelBom: false,
    sources: [{ kind: 'selection', selection: { ...selection, revision: 'an-old-one' } }],
    title: null,
  } satisfies ExportRequest);
  expect(stale).toMatchObject({ ok: false, error: { code: 'export_selection_stale' } });
});

it('exports a stale library as held when it cannot sync first, and says so', async () => {
  const { core, fake } = fixture;
  const alice = fixture.account(0);
  await core.settings.update({ librarySyncMaxAgeMinutes: 0 });
  await fake.control.injectFault({
    kind: 'server_error',
    fraction: 1,
    pathPrefix: '/v1/me/tracks',
  });

  const result = await ask<ExportResultView>('library:export', {
    format: 'csv',
    excelBom: true,
    sources: [{ kind: 'library', accountId: alice.id }],
    title: null,
  } satisfies ExportRequest);

  expect(result.notSynced).toEqual([alice.id]);
  expect(result.dataAsOf).toBe((await libraryOf(core, alice.id)).lastSyncedAt);
  const bytes = await readFile(result.fileName ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(result.tracks).toBe((await spotifyIds(fake, 0)).length);
});

it('answers a cancelled import dialog with null', async () => {
  files.chooseNext(null);
  expect(await ask('imports:choose')).toBeNull();
});
