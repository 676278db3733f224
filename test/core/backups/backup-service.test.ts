// The automatic backups on real files: due accounts backed up into the chosen folder and the
// newest N kept (the person's other files untouched), the daily and weekly periods, the
// opportunities that start a run (an event, the timer), nothing while a job runs and the backup
// made when it ends, each failure (folder gone, disk full, read-only) recorded with its reason and
// retried at the next opportunity, earlier backups left whole, a stale library's backup marked,
// a close in the middle of a backup, and the settings refused with a reason when out of range.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AtomicWrite } from '../../../electron/core/backups/backup-folder.js';
import { atomicWrite } from '../../../electron/core/backups/backup-folder.js';
import { BackupService } from '../../../electron/core/backups/backup-service.js';
import { AppError } from '../../../electron/core/errors/app-error.js';
import { Emitter } from '../../../electron/core/events/emitter.js';

const hour = 60 * 60_000;
const day = 24 * hour;

let dataDir: string;
let folder: string;
let now: number;
let busy: boolean;
let write: AtomicWrite;
let failSync: Set<string>;
let stale: Set<string>;
let made: string[];
let holdBackup: Promise<void> | null;
const jobsChanged = new Emitter<void>();
const services: BackupService[] = [];

const accounts = [
  { id: 'a1', owner: { label: 'Alice', key: 'alice_1' } },
  { id: 'a2', owner: { label: 'Bob', key: 'bob_2' } },
];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'backup-data-'));
  folder = await mkdtemp(path.join(os.tmpdir(), 'backup-folder-'));
  now = new Date(2026, 11, 4, 9, 0, 0).getTime();
  busy = false;
  write = atomicWrite;
  failSync = new Set();
  stale = new Set();
  made = [];
  holdBackup = null;
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

function open(options: { checkEveryMs?: number } = {}): Promise<BackupService> {
  return BackupService.open({
    dataDir,
    accounts: () => accounts,
    makeBackup: async (accountId) => {
      made.push(accountId);
      await holdBackup;
      if (failSync.has(accountId)) {
        throw new AppError('export_empty', 'There is nothing to export yet.');
      }
      const bytes = new TextEncoder().encode(`{"account":"${accountId}","at":${now}}`);
      return { bytes, synced: !stale.has(accountId) };
    },
    jobsBusy: () => busy,
    opportunities: [jobsChanged.event],
    write: (filePath, bytes) => write(filePath, bytes),
    clock: { now: () => now },
    log: () => undefined,
    ...options,
  }).then((service) => {
    services.push(service);
    return service;
  });
}

async function filesIn(dir = folder): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** The account's backups in the folder, oldest first. */
async function backupsOf(key: string): Promise<string[]> {
  return (await filesIn()).filter((name) => name.includes(`(${key})`));
}

it('backs up each due account into the folder and keeps its newest N, leaving other files', async () => {
  const service = await open();
  await writeFile(path.join(folder, 'notes.txt'), 'mine');
  await writeFile(
    path.join(folder, 'Liked Songs - Carol (carol_3) - 2026-01-01 000000.json'),
    '{}',
  );
  await service.setFolder(folder);
  await service.update({ frequency: 'daily', keep: 2 });
  await service.check();
  const first = await backupsOf('alice_1');
  expect(first).toEqual(['Liked Songs - Alice (alice_1) - 2026-12-04 090000.json']);
  expect(await readFile(path.join(folder, first[0] ?? ''), 'utf8')).toBe(
    `{"account":"a1","at":${now}}`,
  );

  for (let run = 1; run <= 3; run += 1) {
    now += day;
    jobsChanged.fire();
    await service.check();
  }
  expect(await backupsOf('alice_1')).toEqual([
    'Liked Songs - Alice (alice_1) - 2026-12-06 090000.json',
    'Liked Songs - Alice (alice_1) - 2026-12-07 090000.json',
  ]);
  expect(await backupsOf('bob_2')).toHaveLength(2);
  expect(await filesIn()).toContain('notes.txt');
  expect(await filesIn()).toContain('Liked Songs - Carol (carol_3) - 2026-01-01 000000.json');

  const status = service.status();
  expect(status.running).toBe(false);
  expect(status.accounts.map((account) => account.lastFile)).toEqual([
    'Liked Songs - Alice (alice_1) - 2026-12-07 090000.json',
    'Liked Songs - Bob (bob_2) - 2026-12-07 090000.json',
  ]);
  expect(status.accounts[0]).toMatchObject({ lastSuccessAt: now, error: null, dueAt: now + day });
});

it('makes a daily backup a day after the last and a weekly one a week after', async () => {
  const service = await open();
  await service.setFolder(folder);
  await service.update({ frequency: 'daily' });
  await service.check();
  now += 23 * hour;
  await service.check();
  expect(await backupsOf('alice_1')).toHaveLength(1);
  now += hour;
  await service.check();
  expect(await backupsOf('alice_1')).toHaveLength(2);

  await service.update({ frequency: 'weekly' });
  now += 6 * day;
  await service.check();
  expect(await backupsOf('alice_1')).toHaveLength(2);
  now += day;
  await service.check();
  expect(await backupsOf('alice_1')).toHaveLength(3);

  await service.update({ frequency: 'off' });
  now += 30 * day;
  await service.check();
  expect(await backupsOf('alice_1')).toHaveLength(3);
  expect(service.status().accounts[0]?.dueAt).toBeNull();
});

it('makes no backup while a job is queued or running, and makes it when the jobs are done', async () => {
  busy = true;
  const service = await open();
  await service.setFolder(folder);
  await service.update({ frequency: 'daily' });
  await service.check();
  expect(await filesIn()).toEqual([]);
  expect(made).toEqual([]);

  busy = false;
  // The jobs' change alone starts the run.
  jobsChanged.fire();
  await vi.waitFor(async () => expect(await filesIn()).toHaveLength(2));
});

it('makes a backup asked for during a job once the job is done, backups being off', async () => {
  busy = true;
  const service = await open();
  await service.setFolder(folder);
  await expect(service.runNow()).rejects.toMatchObject({ code: 'backup_waiting_for_job' });
  busy = false;
  jobsChanged.fire();
  await vi.waitFor(async () => expect(await filesIn()).toHaveLength(2));
});

it('stops a forced run when a job starts and makes the rest once the job is done', async () => {
  const service = await open();
  await service.setFolder(folder);
  let release: () => void = () => undefined;
  holdBackup = new Promise((resolve) => (release = resolve));
  const asked = service.runNow();
  await vi.waitFor(() => expect(made).toEqual(['a1']));
  busy = true;
  release();
  await expect(asked).rejects.toMatchObject({ code: 'backup_waiting_for_job' });
  expect(await backupsOf('alice_1')).toHaveLength(1);
  expect(await backupsOf('bob_2')).toEqual([]);

  holdBackup = null;
  busy = false;
  now += 1000;
  jobsChanged.fire();
  await vi.waitFor(async () => expect(await backupsOf('bob_2')).toHaveLength(1));
});

it('says it is running from the start of a run to its end', async () => {
  const service = await open();
  await service.setFolder(folder);
  const seen: boolean[] = [];
  service.onDidChange((status) => seen.push(status.running));
  let release: () => void = () => undefined;
  holdBackup = new Promise((resolve) => (release = resolve));
  const asked = service.runNow();
  await vi.waitFor(() => expect(made).toEqual(['a1']));
  expect(seen[0]).toBe(true);
  expect(service.status().running).toBe(true);
  release();
  await asked;
  expect(seen.at(-1)).toBe(false);
});

it('looks for due backups on its timer', async () => {
  const service = await open({ checkEveryMs: 20 });
  await service.setFolder(folder);
  await service.update({ frequency: 'daily' });
  await service.check();
  now += day;
  await vi.waitFor(async () => expect(await backupsOf('alice_1')).toHaveLength(2));
});

it('writes nothing when closed in the middle of a backup', async () => {
  const service = await open();
  await service.setFolder(folder);
  let release: () => void = () => undefined;
  holdBackup = new Promise((resolve) => (release = resolve));
  const asked = service.runNow();
  await vi.waitFor(() => expect(made).toEqual(['a1']));
  const closed = service.close();
  release();
  await closed;
  await asked;
  expect(await filesIn()).toEqual([]);
  expect(made).toEqual(['a1']);
});

it('backs up now on request even when not due', async () => {
  const service = await open();
  await expect(service.runNow()).rejects.toMatchObject({ code: 'backup_folder_unset' });
  await service.setFolder(folder);
  // Off: only "back up now" writes.
  const status = await service.runNow();
  expect(status.accounts.every((account) => account.error === null)).toBe(true);
  now += 1000;
  await service.runNow();
  expect(await backupsOf('alice_1')).toHaveLength(2);
});

it('records a folder that has gone and retries at the next opportunity', async () => {
  const service = await open();
  await service.setFolder(folder);
  await service.update({ frequency: 'daily' });
  await service.check();
  const firstSuccess = now;
  now += day;
  await rm(folder, { recursive: true });
  await service.check();
  const failed = service.status().accounts[0];
  expect(failed?.error?.code).toBe('backup_folder_missing');
  expect(failed?.error?.message).toContain(folder);
  expect(failed).toMatchObject({ lastSuccessAt: firstSuccess, lastAttemptAt: now });
  // Still due, tried again a few minutes after the failed attempt.
  expect(failed?.dueAt).toBe(now + 5 * 60_000);

  // With the folder gone, no library was read for nothing.
  expect(made).toEqual(['a1', 'a2']);

  await mkdir(folder);
  // Not tried again at every opportunity: a few minutes after the failed attempt.
  now += 60_000;
  await service.check();
  expect(await backupsOf('alice_1')).toEqual([]);
  now += 5 * 60_000;
  jobsChanged.fire();
  await vi.waitFor(() =>
    expect(service.status().accounts[0]).toMatchObject({ lastSuccessAt: now, error: null }),
  );
  expect(await backupsOf('alice_1')).toHaveLength(1);
});

it.each([
  ['ENOSPC', 'backup_disk_full'],
  ['EROFS', 'backup_read_only'],
  ['EACCES', 'backup_read_only'],
  ['EIO', 'backup_write_failed'],
])('records a disk that fails with %s as %s, keeping the earlier backups', async (code, error) => {
  const service = await open();
  await service.setFolder(folder);
  await service.update({ frequency: 'daily', keep: 1 });
  await service.check();
  const before = await filesIn();
  const bytesBefore = await readFile(path.join(folder, before[0] ?? ''));

  // The failing disk is the one edge put in: a full disk or read-only mount cannot be made for a
  // test without privileges. The error is the one Node raises.
  write = async () => {
    throw Object.assign(new Error(`${code}: write failed`), { code });
  };
  now += day;
  await service.check();
  expect(service.status().accounts.map((account) => account.error?.code)).toEqual([error, error]);
  // Nothing pruned after a failure: the earlier backup is whole.
  expect(await filesIn()).toEqual(before);
  expect(await readFile(path.join(folder, before[0] ?? ''))).toEqual(bytesBefore);

  write = atomicWrite;
  now += 5 * 60_000;
  jobsChanged.fire();
  await vi.waitFor(() =>
    expect(service.status().accounts.map((account) => account.error)).toEqual([null, null]),
  );
  expect(await backupsOf('alice_1')).toEqual([
    'Liked Songs - Alice (alice_1) - 2026-12-05 090500.json',
  ]);
});

it('records an account whose library could not be read and backs up the others', async () => {
  failSync.add('a1');
  const service = await open();
  await service.setFolder(folder);
  await service.runNow();
  expect(service.status().accounts.map((account) => account.error?.code ?? null)).toEqual([
    'export_empty',
    null,
  ]);
  expect(await backupsOf('bob_2')).toHaveLength(1);
});

it('keeps the settings and outcomes across a restart', async () => {
  const first = await open();
  await first.setFolder(folder);
  await first.update({ frequency: 'weekly', keep: 3 });
  await first.check();
  const before = first.status();
  await first.close();
  services.splice(0);

  const second = await open();
  expect(second.status()).toEqual(before);
});

it('refuses a number of files out of range and a folder that is not one, naming them', async () => {
  const service = await open();
  await expect(service.update({ keep: 0 })).rejects.toMatchObject({
    code: 'invalid_backup_keep',
    message: expect.stringContaining('between 1 and 100'),
  });
  await expect(service.update({ keep: 101 })).rejects.toMatchObject({
    code: 'invalid_backup_keep',
  });
  await expect(service.setFolder('backups')).rejects.toMatchObject({
    code: 'invalid_backup_folder',
    message: expect.stringContaining('backups'),
  });
  const file = path.join(folder, 'a file');
  await writeFile(file, '');
  await expect(service.setFolder(file)).rejects.toMatchObject({ code: 'invalid_backup_folder' });
  expect(service.status()).toMatchObject({ folder: null, keep: 10, frequency: 'off' });
});

it('marks a backup made from a library that could not be synced first', async () => {
  stale.add('a2');
  const service = await open();
  await service.setFolder(folder);
  await service.runNow();
  const [alice, bob] = service.status().accounts;
  expect(alice?.warning).toBeNull();
  expect(bob).toMatchObject({ error: null, warning: { code: 'backup_not_synced' } });
  expect(await backupsOf('bob_2')).toHaveLength(1);
});

it('keeps the backup just written when the clock was set back', async () => {
  const service = await open();
  await service.setFolder(folder);
  await service.update({ keep: 1 });
  await service.runNow();
  // An hour back (daylight saving time ends): the new name sorts before the old one.
  now -= hour;
  const status = await service.runNow();
  expect(await backupsOf('alice_1')).toEqual([status.accounts[0]?.lastFile]);
  expect(status.accounts[0]?.lastFile).toBe(
    'Liked Songs - Alice (alice_1) - 2026-12-04 080000.json',
  );
});
