// The automatic backups as the page drives them, through the router and the real handlers of a
// real core against the fake Spotify over real sockets, with real files: the folder chosen through
// the shell, "back up now" writes each account's library as our JSON, which restores into another
// account track for track; a backup asked for while a copy runs waits for the copy and is then
// made; every change reaches the page as `backups:changed`.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type {
  BackupStatusView,
  EventPayloads,
  ImportFileView,
  IpcResult,
  JobPlanView,
  JobView,
} from '../../../electron/core/ipc/contract.js';
import { forwardCoreEvents } from '../../../electron/core/ipc/core-events.js';
import { createIpcHandlers } from '../../../electron/core/ipc/ipc-handlers.js';
import { createIpcRouter, type IpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { FolderFileHost } from '../../support/folder-file-host.js';
import { waitUntil } from '../../support/cli-process.js';
import {
  jobReaches,
  openJobsFixture,
  planFrom,
  positionsMissingIn,
  spotifyIds,
  type JobsFixture,
} from '../jobs/support.js';

let fixture: JobsFixture;
let files: FolderFileHost;
let router: IpcRouter;
let folder: string;
let stopForwarding: () => void;
const changes: EventPayloads['backups:changed'][] = [];

beforeEach(async () => {
  fixture = await openJobsFixture({ users: 3, tracksPerUser: [240, 160, 0] });
  folder = await mkdtemp(path.join(os.tmpdir(), 'backups-core-'));
  files = new FolderFileHost(folder);
  router = createIpcRouter(
    createIpcHandlers(fixture.core, { version: '1', demo: false, emit: () => undefined, files }),
  );
  changes.length = 0;
  stopForwarding = forwardCoreEvents(fixture.core, (event, payload) => {
    if (event === 'backups:changed') changes.push(payload as BackupStatusView);
  });
});

afterEach(async () => {
  stopForwarding();
  await fixture.close();
  await rm(folder, { recursive: true, force: true });
});

async function call<T>(channel: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return (await router.handle(channel, args)) as IpcResult<T>;
}

async function ask<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = await call<T>(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

it('backs up every account into the chosen folder as files that restore track for track', async () => {
  const { fake } = fixture;
  const [alice, bob, carol] = [fixture.account(0), fixture.account(1), fixture.account(2)];
  expect((await ask<BackupStatusView>('backups:status')).folder).toBeNull();
  const chosen = await ask<BackupStatusView>('backups:chooseFolder');
  expect(chosen.folder).toBe(folder);
  const done = await ask<BackupStatusView>('backups:runNow');

  expect(done.running).toBe(false);
  expect(done.accounts.map((account) => account.accountId)).toEqual([alice.id, bob.id, carol.id]);
  expect(done.accounts.every((account) => account.error === null)).toBe(true);
  const names = (await readdir(folder)).sort();
  expect(names).toEqual(done.accounts.map((account) => account.lastFile).sort());
  expect(names[0]).toMatch(/^Liked Songs - .+ \(.+\) - \d{4}-\d{2}-\d{2} \d{6}\.json$/);
  expect(changes.some((status) => status.running)).toBe(true);
  expect(changes.at(-1)).toEqual(done);

  // Alice's backup, restored into Carol's empty account, gives Alice's tracks in Alice's order.
  const aliceFile = done.accounts[0]?.lastFile ?? '';
  files.chooseNext(path.join(folder, aliceFile));
  const file = await ask<ImportFileView>('imports:choose');
  expect(file).toMatchObject({ format: 'app_json', rows: (await spotifyIds(fake, 0)).length });
  const plan = await ask<JobPlanView>('imports:plan', {
    fileId: file.fileId,
    targetAccountId: carol.id,
    section: null,
  });
  const job = await ask<JobView>('jobs:start', plan.planId);
  await jobReaches(fixture.core, job.id, new Set(['finished', 'failed']));
  expect(await spotifyIds(fake, 2)).toEqual((await spotifyIds(fake, 0)).flatMap((id) => id ?? []));
});

it('waits for a running copy and then makes the backup asked for', async () => {
  const { core } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  await ask('backups:chooseFolder');
  const plan = await planFrom(
    core,
    'copy',
    alice.id,
    bob.id,
    await positionsMissingIn(core, alice.id, bob.id),
  );
  const started = await core.jobs.service.start(plan.planId);

  const refused = await call('backups:runNow');
  expect(refused).toMatchObject({ ok: false, error: { code: 'backup_waiting_for_job' } });
  expect(await readdir(folder)).toEqual([]);

  const finished = await jobReaches(core, started.definition.id, new Set(['finished', 'failed']));
  expect(finished.progress.state).toBe('finished');
  await waitUntil(
    () => core.backups.status().accounts.every((account) => account.lastFile !== null),
    10_000,
  );
  // Made after the copy: Bob's backup holds what was copied to him.
  const bobFile = core.backups.status().accounts[1]?.lastFile ?? '';
  files.chooseNext(path.join(folder, bobFile));
  const file = await ask<ImportFileView>('imports:choose');
  expect(file.rows).toBe((await spotifyIds(fixture.fake, 1)).length);
});

it('refuses a number of files to keep out of range, naming the range', async () => {
  const result = await call('backups:update', { keep: 500 });
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'invalid_backup_keep', message: expect.stringContaining('between 1 and 100') },
  });
});
