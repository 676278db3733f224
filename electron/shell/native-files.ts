// The app's FileHost: Electron's native dialogs, attached to the main window. An export is written
// atomically (temp file, fsync, rename) to the path the person chose, so a crash or a full disk
// never leaves half a file under that name; an import is read from the file they picked.
import path from 'node:path';
import type {
  BrowserWindow,
  Dialog,
  FileFilter,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import writeFileAtomic from 'write-file-atomic';
import type { FileHost } from '../core/ipc/handlers/file-handlers.js';
import { chosenFileOnDisk } from '../core/library-files/chosen-file.js';

export interface NativeFilesOptions {
  readonly dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  readonly window: () => BrowserWindow | null;
  /** Where a save dialog starts: the person's Documents folder. */
  readonly documentsDir: string;
}

const filters: Record<'csv' | 'json', FileFilter[]> = {
  csv: [{ name: 'CSV (spreadsheets, Exportify)', extensions: ['csv'] }],
  json: [{ name: 'JSON (this app’s backup)', extensions: ['json'] }],
};

export function createNativeFiles(options: NativeFilesOptions): FileHost {
  const { dialog } = options;
  // Attached to the window when there is one: the dialog is then modal to it.
  const parented = <T>(show: (window: BrowserWindow | null) => Promise<T>) =>
    show(options.window());
  return {
    async saveExport({ defaultName, format, produce }) {
      const props: SaveDialogOptions = {
        title: 'Export Liked Songs',
        defaultPath: path.join(options.documentsDir, defaultName),
        filters: filters[format],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const chosen = await parented((window) =>
        window === null ? dialog.showSaveDialog(props) : dialog.showSaveDialog(window, props),
      );
      if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') {
        return { outcome: 'cancelled', fileName: null, downloadUrl: null };
      }
      const bytes = await produce();
      await writeFileAtomic(
        chosen.filePath,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        { fsync: true },
      );
      return { outcome: 'saved', fileName: chosen.filePath, downloadUrl: null };
    },
    async chooseImportFile() {
      const chosen = await parented((window) => {
        const props: OpenDialogOptions = {
          title: 'Import Liked Songs',
          filters: [
            { name: 'Liked Songs files (CSV, JSON)', extensions: ['csv', 'json'] },
            { name: 'All files', extensions: ['*'] },
          ],
          properties: ['openFile'],
        };
        return window === null
          ? dialog.showOpenDialog(props)
          : dialog.showOpenDialog(window, props);
      });
      const filePath = chosen.canceled ? undefined : chosen.filePaths[0];
      return filePath === undefined ? null : chosenFileOnDisk(filePath);
    },
    async chooseFolder(current) {
      const chosen = await parented((window) => {
        const props: OpenDialogOptions = {
          title: 'Choose the backup folder',
          ...(current === null ? {} : { defaultPath: current }),
          properties: ['openDirectory', 'createDirectory'],
        };
        return window === null
          ? dialog.showOpenDialog(props)
          : dialog.showOpenDialog(window, props);
      });
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
  };
}
