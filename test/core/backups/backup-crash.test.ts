// A backup killed with SIGKILL while its file is being written: the earlier backups are byte for
// byte as they were, no file under a backup's name is partial, and the next run (reading the
// settings the killed process left) removes what the kill left and writes a whole backup.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BackupService } from '../../../electron/core/backups/backup-service.js';
import { startCli } from '../../support/cli-process.js';

let dataDir: string;
let folder: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'backup-crash-data-'));
  folder = await mkdtemp(path.join(os.tmpdir(), 'backup-crash-folder-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

async function openService(bytes: Uint8Array, now: number): Promise<BackupService> {
  return BackupService.open({
    dataDir,
    accounts: () => [{ id: 'a1', owner: { label: 'Alice', key: 'alice_1' } }],
    makeBackup: async () => ({ bytes, synced: true }),
    jobsBusy: () => false,
    opportunities: [],
    clock: { now: () => now },
    log: () => undefined,
  });
}

it('leaves the earlier backups whole and no partial backup when killed mid-write', async () => {
  const earlier = new TextEncoder().encode('{"earlier":true}');
  const seeding = await openService(earlier, new Date(2026, 0, 1, 8, 0, 0).getTime());
  await seeding.setFolder(folder);
  await seeding.update({ keep: 2 });
  await seeding.runNow();
  await seeding.close();
  const [earlierName] = await readdir(folder);
  expect(earlierName).toBe('Liked Songs - Alice (alice_1) - 2026-01-01 080000.json');

  const child = startCli('test/core/backups/fixtures/big-backup-child.ts', [dataDir, '400']);
  // Killed as soon as the temporary file exists: mid-write of 400 MiB.
  const deadline = Date.now() + 30_000;
  let leftover: string | undefined;
  while (leftover === undefined) {
    if (Date.now() > deadline) throw new Error(`no temporary file: ${child.output().stderr}`);
    leftover = (await readdir(folder)).find((name) => /\.json\.[0-9a-f]+$/.test(name));
    if (leftover === undefined) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.child.kill('SIGKILL');
  await child.exited;
  expect(child.output().stdout).not.toContain('written');

  const afterKill = (await readdir(folder)).sort();
  expect(afterKill).toEqual([earlierName, leftover].sort());
  expect(await readFile(path.join(folder, earlierName ?? ''))).toEqual(Buffer.from(earlier));

  // The next run: the state still reads (the folder is kept), the leftover goes, a whole one comes.
  const next = new TextEncoder().encode('{"next":true}');
  const service = await openService(next, new Date(2026, 0, 2, 8, 0, 0).getTime());
  expect(service.status().folder).toBe(folder);
  await service.runNow();
  await service.close();
  expect((await readdir(folder)).sort()).toEqual([
    earlierName,
    'Liked Songs - Alice (alice_1) - 2026-01-02 080000.json',
  ]);
  expect(
    await readFile(path.join(folder, 'Liked Songs - Alice (alice_1) - 2026-01-02 080000.json')),
  ).toEqual(Buffer.from(next));
}, 60_000);
