// The automatic backups as the page knows them: the core's status (folder, frequency, how many
// files to keep, whether one is being written, each account's last outcome), kept current by
// `backups:changed`, and the actions the Settings screen offers on it. The last action that failed
// is kept as a sentence with the action it belongs to, so the screen shows it beside that control.
// Screens read one snapshot and never call the backups channels themselves.
import type { BackupFrequency, BackupStatusView } from '../app-contract.js';
import { errorCode, unwrap, type BridgeApi } from '../bridge.js';
import type { FailureCode } from '../failure-code.js';
import { errorSentence } from '../format/error-sentences.js';
import { ExternalStore } from './external-store.js';

/** The controls of the Backups section, each of which can fail on its own. */
export type BackupAction = 'status' | 'folder' | 'frequency' | 'keep' | 'runNow';

export interface BackupFailure {
  readonly action: BackupAction;
  readonly code: FailureCode;
  readonly message: string;
}

export interface BackupsState {
  /** Null until the first status has been read. */
  readonly status: BackupStatusView | null;
  /** "Back up now" was pressed and the core has not answered yet. */
  readonly runRequested: boolean;
  readonly failure: BackupFailure | null;
}

const initialBackups: BackupsState = { status: null, runRequested: false, failure: null };

export class BackupStore extends ExternalStore {
  readonly #api: BridgeApi;
  #state: BackupsState = initialBackups;
  // Counts the events heard: an answer asked for before the latest event is older than it.
  #eventCount = 0;

  constructor(api: BridgeApi) {
    super();
    this.#api = api;
  }

  getState = (): BackupsState => this.#state;

  /** Listens for changes of the backups and reads their status; returns the stop function. */
  start(): () => void {
    const stop = this.#api.events.on('backups:changed', (status) => {
      this.#eventCount += 1;
      this.#set({ status });
    });
    void this.#ask('status', () => this.#api.backups.status());
    return stop;
  }

  /** Shows the native folder dialog; a cancelled dialog leaves the status as it was. */
  chooseFolder = (): Promise<boolean> =>
    this.#ask('folder', () => this.#api.backups.chooseFolder());

  setFrequency = (frequency: BackupFrequency): Promise<boolean> =>
    this.#ask('frequency', () => this.#api.backups.update({ frequency }));

  /** Any number goes to the core, which owns the allowed range and says it when refusing. */
  setKeep = (keep: number): Promise<boolean> =>
    this.#ask('keep', () => this.#api.backups.update({ keep }));

  /**
   * Backs up every account now; resolves once written. While a copy runs the core refuses with
   * `backup_waiting_for_job` and makes the backup when the copy ends: that refusal is kept as the
   * failure so the screen can say so.
   */
  runNow = async (): Promise<boolean> => {
    this.#set({ runRequested: true });
    try {
      return await this.#ask('runNow', () => this.#api.backups.runNow());
    } finally {
      this.#set({ runRequested: false });
    }
  };

  dismissFailure = (): void => this.#set({ failure: null });

  /** Asks the core and takes its answer; false (and the failure kept) when it refused. */
  async #ask(
    action: BackupAction,
    request: () => ReturnType<BridgeApi['backups']['status']>,
  ): Promise<boolean> {
    const eventsBefore = this.#eventCount;
    if (this.#state.failure?.action === action) this.#set({ failure: null });
    try {
      const status = await unwrap(request());
      // `backups:changed` follows every change: an event heard meanwhile is as new or newer.
      if (this.#eventCount === eventsBefore) this.#set({ status });
      return true;
    } catch (error) {
      this.#set({ failure: { action, code: errorCode(error), message: errorSentence(error) } });
      return false;
    }
  }

  #set(patch: Partial<BackupsState>): void {
    this.#state = { ...this.#state, ...patch };
    this.notify();
  }
}
