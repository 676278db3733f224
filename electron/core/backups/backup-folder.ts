// Writes one backup into the chosen folder and prunes the owner's older ones. The file appears
// under its final name only once it is whole on disk (write-file-atomic: a temporary file, fsync,
// rename), so a full disk, a read-only folder or a kill at any moment leaves the earlier backups
// as they were and never a partial file that looks like a backup. Older backups are deleted only
// after the new one is in place.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { BackupError, backupWriteError } from './backup-error.js';
import { ownedBackupFiles, type BackupOwner } from './backup-file-names.js';

/** How a file gets written; write-file-atomic unless a test puts a failing disk in between. */
export type AtomicWrite = (filePath: string, bytes: Uint8Array) => Promise<void>;

export const atomicWrite: AtomicWrite = (filePath, bytes) =>
  writeFileAtomic(filePath, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    fsync: true,
  });

/** Throws the BackupError of a folder that cannot take a backup now. */
export async function checkBackupFolder(folder: string): Promise<void> {
  let stats;
  try {
    stats = await fs.stat(folder);
  } catch (error) {
    throw backupWriteError(error, folder);
  }
  if (!stats.isDirectory()) {
    throw new BackupError(
      'backup_folder_missing',
      `The backup folder ${folder} is no longer a folder. Choose a folder for the backups.`,
    );
  }
}

export async function writeBackupFile(options: {
  readonly folder: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly write: AtomicWrite;
}): Promise<void> {
  const { folder, name, bytes, write } = options;
  await checkBackupFolder(folder);
  try {
    await write(path.join(folder, name), bytes);
  } catch (error) {
    throw backupWriteError(error, folder);
  }
}

/**
 * Deletes the owner's backups beyond the newest `keep` (the one just written always stays, even
 * when a clock set back names it older than the others), and the temporary files interrupted
 * writes left. Returns what it could not delete (a pruning failure loses nothing: the new backup
 * is in place), for the log.
 */
export async function pruneBackups(options: {
  readonly folder: string;
  readonly owner: BackupOwner;
  readonly keep: number;
  readonly written: string;
}): Promise<readonly string[]> {
  const { folder, owner, keep, written } = options;
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [folder];
  }
  const { backups, leftovers } = ownedBackupFiles(owner, names);
  const others = backups.filter((name) => name !== written);
  const failed: string[] = [];
  for (const name of [...others.slice(Math.max(0, keep - 1)), ...leftovers]) {
    try {
      await fs.rm(path.join(folder, name), { force: true });
    } catch {
      failed.push(name);
    }
  }
  return failed;
}
