// The automatic backups: every account's library, as our JSON, into the folder the person chose,
// daily or weekly, keeping the newest N files per account. A run happens at an opportunity — the
// periodic check, a finished sync, the end of a copy, a change of the settings — for the accounts
// that are due, and never while a copy, move or import is queued or running (a backup made
// mid-copy would hold half of it). Runs are serialised. Each account's outcome is kept in
// backups.json; a failure (folder gone, disk full, read-only) is kept with its reason and, as the
// account stays due, retried at the next opportunity a few minutes on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../clock.js';
import { AppError, errorCodeOf } from '../errors/app-error.js';
import { DisposableStore, Emitter, type Event } from '../events/emitter.js';
import type {
  BackupAccountView,
  BackupSettingsPatch,
  BackupStatusView,
} from '../ipc/library-file-views.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import type { VersionedJsonFile } from '../storage/versioned-json-file.js';
import { BackupError } from './backup-error.js';
import { backupFileName, type BackupOwner } from './backup-file-names.js';
import {
  atomicWrite,
  checkBackupFolder,
  pruneBackups,
  writeBackupFile,
  type AtomicWrite,
} from './backup-folder.js';
import { maxBackupKeep, minBackupKeep } from './backup-limits.js';
import { backupDueAt } from './backup-schedule.js';
import {
  backupStateFile,
  defaultBackupState,
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

/** One account's backup file, as made from its cache. */
export interface BackupFile {
  readonly bytes: Uint8Array;
  /** False when the cache was stale and could not be synced first: the file holds it as held. */
  readonly synced: boolean;
}

export interface BackupServiceOptions {
  readonly dataDir: string;
  /** The accounts to back up, in the app's order. */
  readonly accounts: () => readonly BackupAccount[];
  /**
   * The account's backup file: its whole library, synced first when the cache is stale.
   * `signal` is aborted when the app closes: the sync stops, and the file is not written.
   */
  readonly makeBackup: (accountId: string, signal: AbortSignal) => Promise<BackupFile>;
  /** Whether a copy, move or import is queued or running: no backup starts meanwhile. */
  readonly jobsBusy: () => boolean;
  /** Each event is an opportunity to back up (a sync finished, a job changed). */
  readonly opportunities: readonly Event<unknown>[];
  readonly write?: AtomicWrite;
  readonly clock?: Clock;
  readonly log: (message: string) => void;
  readonly checkEveryMs?: number;
}

type RunEnd = 'done' | 'interrupted';

export class BackupService {
  readonly #options: BackupServiceOptions;
  readonly #clock: Clock;
  readonly #file: VersionedJsonFile<BackupState>;
  readonly #changed = new Emitter<BackupStatusView>();
  readonly #subscriptions = new DisposableStore();
  readonly #closing = new AbortController();
  #state: BackupState;
  #run: Promise<RunEnd> | null = null;
  // "Back up now" asked while a job ran (or a job interrupted it): made once the jobs are done.
  #forcedPending = false;
  #timer: NodeJS.Timeout | null = null;

  /** Hears every change of the settings, of an outcome, and of `running`. */
  readonly onDidChange: Event<BackupStatusView> = this.#changed.event;
  /** Set when backups.json was unusable and set aside at start: the settings were reset. */
  readonly notice: StorageNotice | null;

  private constructor(
    options: BackupServiceOptions,
    file: VersionedJsonFile<BackupState>,
    state: BackupState,
    notice: StorageNotice | null,
  ) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#file = file;
    this.#state = state;
    this.notice = notice;
  }

  static async open(options: BackupServiceOptions): Promise<BackupService> {
    const file = backupStateFile(options.dataDir, options.clock);
    let state: BackupState;
    let notice: StorageNotice | null = null;
    try {
      const read = await file.read();
      state = read.value;
      notice = read.notice;
    } catch (error) {
      // An unreadable file (permissions) must not keep the app from starting: backups wait for
      // the person to set them again, and every later save tries the file again.
      options.log(`backups: state not read (${errorCodeOf(error)}); defaults used`);
      state = defaultBackupState();
    }
    const service = new BackupService(options, file, state, notice);
    service.#start();
    return service;
  }

  get #closed(): boolean {
    return this.#closing.signal.aborted;
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
    // A new folder: the earlier failures were the old folder's.
    await this.#save((state) => ({
      ...state,
      folder,
      accounts: Object.fromEntries(
        Object.entries(state.accounts).map(([id, outcome]) => [id, { ...outcome, error: null }]),
      ),
    }));
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
    if (this.#options.jobsBusy() || (await this.#serialised(true)) === 'interrupted') {
      this.#forcedPending = true;
      throw new BackupError(
        'backup_waiting_for_job',
        'A copy is running: the backup will be made as soon as it ends.',
      );
    }
    return this.status();
  }

  /** Backs up the accounts that are due, unless a job runs; resolves when done. */
  async check(): Promise<void> {
    if (this.#closed || this.#options.jobsBusy()) return;
    const forced = this.#forcedPending;
    this.#forcedPending = false;
    if ((await this.#serialised(forced)) === 'interrupted' && forced) this.#forcedPending = true;
  }

  /** Stops the timers and any backup being made (its file is not written), and waits for it. */
  async close(): Promise<void> {
    this.#closing.abort();
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#subscriptions.dispose();
    await this.#run?.catch(() => undefined);
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
    // An opportunity while a run is being made adds nothing: that run takes what is due.
    if (this.#run !== null && !this.#forcedPending) return;
    // Failures are kept per account in the state; a rejection here would be a bug.
    this.check().catch((error: unknown) => this.#options.log(`backups: ${errorCodeOf(error)}`));
  }

  // One run at a time: a forced one waits for the run being made, then makes its own.
  async #serialised(forced: boolean): Promise<RunEnd> {
    while (this.#run !== null) await this.#run.catch(() => undefined);
    if (this.#closed) return 'done';
    const due = this.#due(forced);
    if (due.length === 0) return 'done';
    const run = this.#backUp(due).finally(() => {
      this.#run = null;
      this.#changed.fire(this.status());
    });
    this.#run = run;
    this.#changed.fire(this.status());
    return run;
  }

  #due(forced: boolean): readonly BackupAccount[] {
    const { folder, frequency, accounts } = this.#state;
    if (folder === null || (frequency === 'off' && !forced)) return [];
    const now = this.#clock.now();
    return this.#options.accounts().filter(({ id }) => {
      if (forced) return true;
      const dueAt = backupDueAt(frequency, accounts[id] ?? noBackupYet, now);
      return dueAt !== null && dueAt <= now;
    });
  }

  async #backUp(due: readonly BackupAccount[]): Promise<RunEnd> {
    for (const account of due) {
      if (this.#closed) return 'done';
      // A copy that starts meanwhile: the other accounts wait for the next opportunity.
      if (this.#options.jobsBusy()) return 'interrupted';
      await this.#backUpAccount(account);
    }
    return 'done';
  }

  async #backUpAccount({ id, owner }: BackupAccount): Promise<void> {
    // Read for each account: the person may have chosen another folder meanwhile.
    const { folder } = this.#state;
    if (folder === null) return;
    const time = this.#clock.now();
    const name = backupFileName(owner, time);
    const previous = this.#state.accounts[id] ?? noBackupYet;
    let outcome: AccountBackupOutcome;
    try {
      // The folder first: when it is gone, no library is read (or synced) for nothing.
      await checkBackupFolder(folder);
      const file = await this.#options.makeBackup(id, this.#closing.signal);
      if (this.#closed) return;
      await writeBackupFile({
        folder,
        name,
        bytes: file.bytes,
        write: this.#options.write ?? atomicWrite,
      });
      const notPruned = await pruneBackups({
        folder,
        owner,
        keep: this.#state.keep,
        written: name,
      });
      if (notPruned.length > 0) {
        this.#options.log(`backups: ${notPruned.length} old files not deleted`);
      }
      outcome = {
        lastSuccessAt: time,
        lastFile: name,
        lastAttemptAt: time,
        error: null,
        warning: file.synced
          ? null
          : {
              code: 'backup_not_synced',
              message:
                'The library could not be synced first, so this backup holds the saved tracks as the app last saw them. Sign in to the account again if it asks.',
            },
      };
    } catch (error) {
      this.#options.log(`backups: backup failed (${errorCodeOf(error)})`);
      outcome = { ...previous, lastAttemptAt: time, error: failureOf(error) };
    }
    await this.#saveOutcome(id, outcome);
  }

  // An outcome is kept in memory even when backups.json cannot be written: the status stays
  // true, and the next save writes it. Outcomes of accounts no longer in the app are dropped.
  async #saveOutcome(id: string, outcome: AccountBackupOutcome): Promise<void> {
    const known = new Set(this.#options.accounts().map((account) => account.id));
    try {
      await this.#save((state) => ({
        ...state,
        accounts: Object.fromEntries(
          [...Object.entries(state.accounts), [id, outcome] as const].filter(([key]) =>
            known.has(key),
          ),
        ),
      }));
    } catch (error) {
      this.#options.log(`backups: state not saved (${errorCodeOf(error)})`);
    }
  }

  // The state changes in memory first, then on disk; a failed write is the caller's to report.
  async #save(change: (state: BackupState) => BackupState): Promise<void> {
    this.#state = change(this.#state);
    this.#changed.fire(this.status());
    await this.#file.write(this.#state);
  }
}

function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return {
    code: 'backup_write_failed',
    message: `The backup could not be made (${errorCodeOf(error)}).`,
  };
}
