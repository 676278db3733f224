// Export and import as the page knows them: the export in progress and how it ended (a sentence,
// or a failure in words), and the import dialog from choosing a file to handing its plan to the
// job store. The main process owns every path: the page asks, and shows what the person chose.
// Screens read one snapshot and never call the files channels themselves.
import type { ExportRequest, ImportFileView, ImportPlanRequest } from '../app-contract.js';
import { unwrap, type BridgeApi } from '../bridge.js';
import { errorSentence } from '../format/error-sentences.js';
import { exportSentence, notSyncedSentence } from '../files/export-words.js';
import { startDownload } from '../files/start-download.js';
import { ExternalStore } from './external-store.js';
import type { JobStore } from './job-store.js';

export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'exporting'; readonly title: string | null }
  /** `note`: whose data is older than asked for (it could not be synced first), or null. */
  | { readonly phase: 'done'; readonly sentence: string; readonly note: string | null }
  | { readonly phase: 'failed'; readonly message: string };

export type ImportDialogState =
  /** The main process's file dialog is open: nothing of ours is shown meanwhile. */
  | { readonly phase: 'choosing'; readonly targetAccountId: string | null }
  | {
      readonly phase: 'read';
      readonly file: ImportFileView;
      readonly targetAccountId: string | null;
      /** Null: every section of the file (each track once). */
      readonly section: number | null;
    }
  /** The file could not be read: the core's message names the line and column. */
  | { readonly phase: 'failed'; readonly message: string; readonly targetAccountId: string | null };

export interface FilesState {
  readonly export: ExportState;
  readonly importDialog: ImportDialogState | null;
}

const initialFiles: FilesState = { export: { phase: 'idle' }, importDialog: null };

export interface FileStoreDeps {
  readonly jobs: JobStore;
  /** An account's name for the sentences; the store does not hold the accounts itself. */
  readonly labelOf: (accountId: string) => string;
}

export class FileStore extends ExternalStore {
  readonly #api: BridgeApi;
  readonly #deps: FileStoreDeps;
  #state: FilesState = initialFiles;
  // The import dialog opened last: a file read for a dialog since closed is dropped.
  #importRound = 0;

  constructor(api: BridgeApi, deps: FileStoreDeps) {
    super();
    this.#api = api;
    this.#deps = deps;
  }

  getState = (): FilesState => this.#state;

  /** Writes (or downloads) the file; one export at a time, so a second click does nothing. */
  exportTracks = async (request: ExportRequest): Promise<void> => {
    if (this.#state.export.phase === 'exporting') return;
    this.#set({ export: { phase: 'exporting', title: request.title } });
    try {
      const result = await unwrap(this.#api.library.export(request));
      if (result.outcome === 'cancelled') {
        this.#set({ export: { phase: 'idle' } });
        return;
      }
      if (result.outcome === 'download' && result.downloadUrl !== null) {
        startDownload(result.downloadUrl, result.fileName ?? 'Saved tracks');
      }
      const note = notSyncedSentence(result.notSynced.map(this.#deps.labelOf), result.dataAsOf);
      this.#set({ export: { phase: 'done', sentence: exportSentence(result), note } });
    } catch (error) {
      this.#set({ export: { phase: 'failed', message: errorSentence(error) } });
    }
  };

  dismissExport = (): void => this.#set({ export: { phase: 'idle' } });

  /** Opens the file dialog; the account page preselects itself as the target. */
  chooseImport = async (targetAccountId: string | null): Promise<void> => {
    // The main process's dialog is open already: it answers the first click.
    if (this.#state.importDialog?.phase === 'choosing') return;
    const round = ++this.#importRound;
    this.#set({ importDialog: { phase: 'choosing', targetAccountId } });
    try {
      const file = await unwrap(this.#api.imports.choose());
      if (round !== this.#importRound) return;
      this.#set({
        importDialog:
          file === null ? null : { phase: 'read', file, targetAccountId, section: null },
      });
    } catch (error) {
      if (round !== this.#importRound) return;
      this.#set({
        importDialog: { phase: 'failed', message: errorSentence(error), targetAccountId },
      });
    }
  };

  chooseTarget = (targetAccountId: string): void => this.#patchRead({ targetAccountId });

  chooseSection = (section: number | null): void => this.#patchRead({ section });

  closeImport = (): void => {
    this.#importRound += 1;
    this.#set({ importDialog: null });
  };

  /** Hands the file to the plan dialog (jobs), which shows the plan and starts it if confirmed. */
  planImport = (): void => {
    const dialog = this.#state.importDialog;
    if (dialog?.phase !== 'read' || dialog.targetAccountId === null) return;
    const request: ImportPlanRequest = {
      fileId: dialog.file.fileId,
      targetAccountId: dialog.targetAccountId,
      section: dialog.section,
    };
    this.closeImport();
    void this.#deps.jobs.planImport(request, dialog.file.fileName);
  };

  #patchRead(patch: { readonly targetAccountId?: string; readonly section?: number | null }) {
    const dialog = this.#state.importDialog;
    if (dialog?.phase !== 'read') return;
    this.#set({ importDialog: { ...dialog, ...patch } });
  }

  #set(patch: Partial<FilesState>): void {
    this.#state = { ...this.#state, ...patch };
    this.notify();
  }
}
