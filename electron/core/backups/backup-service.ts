// The automatic backups: every account's library, as our JSON, into the folder the person chose,
// daily or weekly, keeping the newest N files per account. A run happens at an opportunity — the
// periodic check, a finished sync, the end of a copy, a change of the settings — for the accounts
// that are due, and never while a copy, move or import is queued or running (a backup made
// mid-copy would hold half of it). Runs are serialised. Each account's outcome is kept in
// backups.json; a failure (folder gone, disk full, read-only) is kept with its reason and, as the
// account stays due, retried at the next opportunity.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../clock.js';
import { AppError, errorCodeOf } from '../errors/app-error.js';
import type { VersionedJsonFile } from '../storage/versioned-json-file.js';
import { DisposableStore, Emitter, type Event } from '../events/emitter.js';
import type {
  BackupAccountView,
  BackupSettingsPatch,
  BackupStatusView,
} from '../ipc/library-file-views.js';
import { BackupError } from './backup-error.js';
import { backupFileName, type BackupOwner } from './backup-file-names.js';
import { atomicWrite, pruneBackups, writeBackupFile, type AtomicWrite } from './backup-folder.js';
import { maxBackupKeep, minBackupKeep } from './backup-limits.js';
import { backupDueAt } from './backup-schedule.js';
import {
  backupStateFile,
  noBackupYet,
  type AccountBackupOutcome,
  type BackupState,
} from './backup-state.js';

/** How often the service looks for due backups when nothing else gives it an opportunity. */
export const backupCheckEveryMs = 15 * 60_000;

export interface BackupAccount {
  readonly id: string;
  readonly owner: BackupOwner;
}

export interface BackupServiceOptions {
  readonly dataDir: string;
  /** The accounts to back up, in the app's order. */
  readonly accounts: () => readonly BackupAccount[];
  /** The account's backup file: its whole library, synced first when the cache is stale. */
  readonly makeBackup: (accountId: string) => Promise<Uint8Array>;
  /** Whether a copy, move or import is queued or running: no backup starts meanwhile. */
  readonly jobsBusy: () => boolean;
  /** Each event is an opportunity to back up (a sync finished, a job changed). */
  readonly opportunities: readonly Event<unknown>[];
  readonly write?: AtomicWrite;
  readonly clock?: Clock;
  readonly log: (message: string) => void;
  readonly checkEveryMs?: number;
}

export class BackupService {
  readonly #options: BackupServiceOptions;
  readonly #clock: Clock;
  readonly #file: VersionedJsonFile<BackupState>;
  readonly #changed = new Emitter<BackupStatusView>();
  readonly #subscriptions = new DisposableStore();
  #state: BackupState;
  #run: Promise<void> | null = null;
  // "Back up now" asked while a job ran: made once the jobs are done.
  #forcedPending = false;
  #closed = false;
  #timer: NodeJS.Timeout | null = null;

  /** Hears every change of the settings, of an outcome, and of `running`. */
  readonly onDidChange: Event<BackupStatusView> = this.#changed.event;

  private constructor(
    options: BackupServiceOptions,
    file: VersionedJsonFile<BackupState>,
    state: BackupState,
  ) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#file = file;
    this.#state = state;
  }

  static async open(options: BackupServiceOptions): Promise<BackupService> {
    const file = backupStateFile(options.dataDir, options.clock);
    const read = await file.read();
    if (read.notice !== null) options.log(`backups: ${read.notice.code}; settings reset`);
    const service = new BackupService(options, file, read.value);
    service.#start();
    return service;
  }

  status(): BackupStatusView {
    const { folder, frequency, keep, accounts } = this.#state;
    const now = this.#clock.now();
    return {
      folder,
      frequency,
      keep,
      running: this.#run !== null,
      accounts: this.#options.accounts().map(({ id }): BackupAccountView => {
        const outcome = accounts[id] ?? noBackupYet;
        return { accountId: id, ...outcome, dueAt: backupDueAt(frequency, outcome, now) };
      }),
    };
  }

  async update(patch: BackupSettingsPatch): Promise<BackupStatusView> {
    const { keep } = patch;
    if (
      keep !== undefined &&
      (!Number.isInteger(keep) || keep < minBackupKeep || keep > maxBackupKeep)
    ) {
      throw new BackupError(
        'invalid_backup_keep',
        `Keep between ${minBackupKeep} and ${maxBackupKeep} backups per account (${String(keep)} was asked).`,
      );
    }
    await this.#save((state) => ({ ...state, ...patch }));
    this.#opportunity();
    return this.status();
  }

  /** Backs up into `folder` from now on; it must be an existing folder, named absolutely. */
  async setFolder(folder: string): Promise<BackupStatusView> {
    if (!path.isAbsolute(folder)) {
      throw new BackupError(
        'invalid_backup_folder',
        `The backup folder must be a full path (${folder}).`,
      );
    }
    const stats = await fs.stat(folder).catch(() => null);
    if (stats === null || !stats.isDirectory()) {
      throw new BackupError('invalid_backup_folder', `There is no folder at ${folder}.`);
    }
    await this.#save((state) => ({ ...state, folder }));
    this.#opportunity();
    return this.status();
  }

  /**
   * Backs up every account now, whether due or not, and resolves when done. While a job is
   * queued or running it refuses, and the backup is made as soon as the jobs are done.
   */
  async runNow(): Promise<BackupStatusView> {
    if (this.#state.folder === null) {
      throw new BackupError('backup_folder_unset', 'Choose a folder for the backups first.');
    }
    if (this.#options.jobsBusy()) {
      this.#forcedPending = true;
      throw new BackupError(
        'backup_waiting_for_job',
        'A copy is running: the backup will be made as soon as it ends.',
      );
    }
    await this.#serialised(true);
    return this.status();
  }

  /** Backs up the accounts that are due, unless a job runs; resolves when done. */
  check(): Promise<void> {
    if (this.#closed || this.#options.jobsBusy()) return Promise.resolve();
    const forced = this.#forcedPending;
    this.#forcedPending = false;
    return this.#serialised(forced);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#subscriptions.dispose();
    await this.#run;
    this.#changed.dispose();
  }

  #start(): void {
    for (const opportunity of this.#options.opportunities) {
      this.#subscriptions.add(opportunity(() => this.#opportunity()));
    }
    this.#timer = setInterval(
      () => this.#opportunity(),
      this.#options.checkEveryMs ?? backupCheckEveryMs,
    );
    // The app may stay open for weeks; the timer alone must not keep a test or script alive.
    this.#timer.unref();
    this.#opportunity();
  }

  #opportunity(): void {
    // Failures are kept per account in the state; a rejection here would be a bug.
    this.check().catch((error: unknown) => this.#options.log(`backups: ${errorCodeOf(error)}`));
  }

  // One run at a time: an opportunity during a run waits for it and then finds nothing due.
  async #serialised(forced: boolean): Promise<void> {
    while (this.#run !== null) await this.#run;
    if (this.#closed) return;
    const run = this.#backUp(forced).finally(() => {
      this.#run = null;
      this.#changed.fire(this.status());
    });
    this.#run = run;
    return run;
  }

  async #backUp(forced: boolean): Promise<void> {
    const { folder, frequency } = this.#state;
    if (folder === null || (frequency === 'off' && !forced)) return;
    const now = this.#clock.now();
    const due = this.#options.accounts().filter(({ id }) => {
      if (forced) return true;
      const dueAt = backupDueAt(frequency, this.#state.accounts[id] ?? noBackupYet, now);
      return dueAt !== null && dueAt <= now;
    });
    if (due.length === 0) return;
    this.#changed.fire(this.status());
    for (const account of due) {
      // A copy that starts meanwhile: the other accounts wait for the next opportunity.
      if (this.#closed || this.#options.jobsBusy()) return;
      await this.#backUpAccount(account, folder);
    }
  }

  async #backUpAccount({ id, owner }: BackupAccount, folder: string): Promise<void> {
    const time = this.#clock.now();
    const name = backupFileName(owner, time);
    const previous = this.#state.accounts[id] ?? noBackupYet;
    let outcome: AccountBackupOutcome;
    try {
      const bytes = await this.#options.makeBackup(id);
      if (this.#closed) return;
      await writeBackupFile({ folder, name, bytes, write: this.#options.write ?? atomicWrite });
      const notPruned = await pruneBackups({ folder, owner, keep: this.#state.keep });
      if (notPruned.length > 0)
        this.#options.log(`backups: ${notPruned.length} old files not deleted`);
      outcome = { lastSuccessAt: time, lastFile: name, lastAttemptAt: time, error: null };
    } catch (error) {
      this.#options.log(`backups: backup failed (${errorCodeOf(error)})`);
      outcome = { ...previous, lastAttemptAt: time, error: failureOf(error) };
    }
    await this.#save((state) => ({ ...state, accounts: { ...state.accounts, [id]: outcome } }));
  }

  async #save(change: (state: BackupState) => BackupState): Promise<void> {
    const { value } = await this.#file.update(change);
    this.#state = value;
    this.#changed.fire(this.status());
  }
}

function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return {
    code: 'backup_write_failed',
    message: `The backup could not be made (${errorCodeOf(error)}).`,
  };
}
