// The names of an account's backups in the folder: what they hold, whose (the Spotify user id, so
// a renamed account keeps its series), and when, to the second, so names sort by time and two
// backups never share one. Only files named this way are ever pruned: the folder may hold other
// files of the person's, which the app never touches.
import { localDay, safeFileNamePart } from '../library-files/export-file-name.js';

export interface BackupOwner {
  readonly label: string;
  /** The account's Spotify user id; the app's id of the account when not known yet. */
  readonly key: string;
}

/** e.g. `Liked Songs - Alice (alice_123) - 2026-12-04 091233.json`. */
export function backupFileName(owner: BackupOwner, time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  const clock = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `Liked Songs - ${safeFileNamePart(owner.label)} (${ownerKey(owner)}) - ${localDay(time)} ${clock}.json`;
}

export interface OwnedBackupFiles {
  /** The owner's backups, newest first. */
  readonly backups: readonly string[];
  /** Temporary files an interrupted write of one of them left (never under a backup's name). */
  readonly leftovers: readonly string[];
}

/** Which of the folder's `names` are the owner's backups, and what interrupted writes left. */
export function ownedBackupFiles(owner: BackupOwner, names: readonly string[]): OwnedBackupFiles {
  const key = escapeRegExp(ownerKey(owner));
  // Any label: the account may have been renamed since the older backups.
  const backup = new RegExp(
    `^Liked Songs - .* \\(${key}\\) - (\\d{4}-\\d{2}-\\d{2} \\d{6})\\.json$`,
  );
  // write-file-atomic's temporary file: the final name and a hexadecimal suffix.
  const leftover = new RegExp(
    `^Liked Songs - .* \\(${key}\\) - \\d{4}-\\d{2}-\\d{2} \\d{6}\\.json\\.[0-9a-f]+$`,
  );
  const stamped = names
    .map((name) => ({ name, stamp: backup.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; stamp: string } => entry.stamp !== undefined)
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
  return {
    backups: stamped.map((entry) => entry.name),
    leftovers: names.filter((name) => leftover.test(name)),
  };
}

function ownerKey(owner: BackupOwner): string {
  // Parentheses would end the key early when the names are read back.
  return safeFileNamePart(owner.key, 'account').replace(/[()]/g, '_');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
