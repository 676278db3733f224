// The requests that reach the person's files: an export (made from the caches, then handed to the
// shell to save where the person chooses, or to offer as a download) and an import (the shell
// asks for the file; the core reads and plans it). The page never names a path: the shell's
// FileHost chooses, and the answer says what was chosen, to show it.
import type { AppCore } from '../../composition/app-core.js';
import type { PreparedExport } from '../../composition/library-exports.js';
import type { ChosenFile } from '../../library-files/chosen-file.js';
import type { IpcHandlers } from '../ipc-router.js';
import type { LibraryFileFormat } from '../library-file-views.js';
import { jobPlanView } from '../job-view-mapping.js';

export interface ExportDelivery {
  /** `saved`: written (atomically) where the person chose; `download`: offered to the browser. */
  readonly outcome: 'saved' | 'download' | 'cancelled';
  readonly fileName: string | null;
  readonly downloadUrl: string | null;
}

/** What the shell (Electron's dialogs, or the browser harness) does with files. */
export interface FileHost {
  /**
   * Asks where to save (offering `defaultName`), then calls `produce` for the bytes and writes
   * them atomically; `produce` is not called when the person cancels.
   */
  saveExport(file: {
    readonly defaultName: string;
    readonly format: LibraryFileFormat;
    readonly produce: () => Promise<Uint8Array>;
  }): Promise<ExportDelivery>;
  /** The file the person chose to import; null when they cancelled. */
  chooseImportFile(): Promise<ChosenFile | null>;
  /** A folder the person chose (for backups); null when they cancelled. */
  chooseFolder(current: string | null): Promise<string | null>;
}

type FileChannels = 'library:export' | 'imports:choose' | 'imports:plan';

export function fileHandlers(core: AppCore, files: FileHost): Pick<IpcHandlers, FileChannels> {
  const { exports, imports } = core.libraryFiles;
  return {
    'library:export': async (request) => {
      exports.check(request);
      // Set once the shell asks for the bytes (after the person chose where they go).
      const made: { prepared: PreparedExport | null } = { prepared: null };
      const delivery = await files.saveExport({
        defaultName: exports.fileName(request),
        format: request.format,
        produce: async () => {
          made.prepared = await exports.prepare(request);
          return made.prepared.bytes;
        },
      });
      return {
        ...delivery,
        tracks: made.prepared?.tracks ?? 0,
        dataAsOf: made.prepared?.dataAsOf ?? null,
        notSynced: made.prepared?.notSynced ?? [],
      };
    },
    'imports:choose': async () => {
      const chosen = await files.chooseImportFile();
      return chosen === null ? null : imports.open(chosen);
    },
    'imports:plan': async (request) => jobPlanView(await imports.plan(request)),
  };
}
