// The automatic backups' settings and each account's last outcome, in `<dataDir>/backups.json`:
// the folder the person chose, how often, how many files to keep per account, and per account
// when the last backup succeeded (and its file), when the last attempt was made and why it failed.
// Kept apart from settings.json: the outcomes change after every backup, the settings rarely.
import path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { VersionedJsonFile } from '../storage/versioned-json-file.js';
import { defaultBackupKeep, maxBackupKeep, minBackupKeep } from './backup-limits.js';

export const backupFrequencies = ['off', 'daily', 'weekly'] as const;

const noticeSchema = z.object({ code: z.string(), message: z.string() });

const accountOutcomeSchema = z.object({
  lastSuccessAt: z.number().nullable(),
  lastFile: z.string().nullable(),
  lastAttemptAt: z.number().nullable(),
  error: noticeSchema.nullable(),
  /** The last backup was written, but of a cache that could not be synced first. */
  warning: noticeSchema.nullable().default(null),
});

const backupStateSchema = z.object({
  folder: z.string().nullable(),
  frequency: z.enum(backupFrequencies),
  keep: z.number().int().min(minBackupKeep).max(maxBackupKeep),
  accounts: z.record(z.string(), accountOutcomeSchema),
});

export type BackupState = z.output<typeof backupStateSchema>;
export type AccountBackupOutcome = z.output<typeof accountOutcomeSchema>;

export const noBackupYet: AccountBackupOutcome = {
  lastSuccessAt: null,
  lastFile: null,
  lastAttemptAt: null,
  error: null,
  warning: null,
};

/** Backups off, no folder yet. */
export function defaultBackupState(): BackupState {
  return { folder: null, frequency: 'off', keep: defaultBackupKeep, accounts: {} };
}

export function backupStateFile(dataDir: string, clock?: Clock): VersionedJsonFile<BackupState> {
  return new VersionedJsonFile({
    filePath: path.join(dataDir, 'backups.json'),
    version: 1,
    schema: backupStateSchema,
    defaultValue: defaultBackupState,
    ...(clock === undefined ? {} : { clock }),
  });
}
