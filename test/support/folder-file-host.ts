// A FileHost for tests, on real files: "save" writes the export into a folder under the name the
// core offered, "choose" hands out the files a test queued (null: the person cancelled), and the
// folder chooser answers with the folder.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileHost } from '../../electron/core/ipc/handlers/file-handlers.js';
import { chosenFileOnDisk } from '../../electron/core/library-files/chosen-file.js';

export class FolderFileHost implements FileHost {
  /** Paths written, in order. */
  readonly saved: string[] = [];
  readonly #imports: (string | null)[] = [];

  constructor(readonly dir: string) {}

  /** The file the next import's "dialog" answers with. */
  chooseNext(filePath: string | null): void {
    this.#imports.push(filePath);
  }

  async saveExport(file: Parameters<FileHost['saveExport']>[0]) {
    const filePath = path.join(this.dir, file.defaultName);
    await writeFile(filePath, await file.produce());
    this.saved.push(filePath);
    return { outcome: 'saved' as const, fileName: filePath, downloadUrl: null };
  }

  async chooseImportFile() {
    const next = this.#imports.shift() ?? null;
    return next === null ? null : chosenFileOnDisk(next);
  }

  async chooseFolder() {
    return this.dir;
  }
}
