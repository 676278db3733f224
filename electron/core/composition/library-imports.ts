// Import: reads a file the shell chose (never a path from the page), keeps what it read in memory
// for a while under an id the page names, and turns the chosen sections into a plan for the
// job engine — the same journalled, exactly-once copy as between accounts, shown before anything
// is written. A file is read once; its plans come from what was read, not from the disk again.
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';
import type { ImportFileView, ImportPlanRequest } from '../ipc/library-file-views.js';
import type { ChosenFile } from '../library-files/chosen-file.js';
import type { ImportFile } from '../library-files/import-types.js';
import {
  ImportFileError,
  MAX_IMPORT_BYTES,
  fileTooLarge,
  readImportFile,
} from '../library-files/read-import-file.js';
import type { JobPlan } from '../jobs/job-planner.js';
import { JobError } from '../jobs/job-error.js';

export interface LibraryImportsOptions {
  readonly planImport: (request: {
    fileName: string;
    sections: ImportFile['sections'];
    targetAccountId: string;
  }) => Promise<JobPlan>;
  readonly clock: Clock;
}

/** How long a read file waits for its plan; a file read again gets a new id. */
const fileLifetimeMs = 30 * 60_000;
/** Files kept at once: a few, since each may hold 100,000 tracks. */
const filesKept = 4;
/** Rejected rows the page is shown (the count says how many there are in all). */
const rejectedShown = 200;

interface ReadFile {
  readonly name: string;
  readonly file: ImportFile;
}

export class LibraryImports {
  readonly #options: LibraryImportsOptions;
  readonly #files: LRUCache<string, ReadFile>;

  constructor(options: LibraryImportsOptions) {
    this.#options = options;
    this.#files = new LRUCache<string, ReadFile>({
      max: filesKept,
      ttl: fileLifetimeMs,
      perf: { now: () => options.clock.now() },
    });
  }

  /** Reads and checks the file; throws ImportFileError naming what is wrong (and where). */
  async open(chosen: ChosenFile): Promise<ImportFileView> {
    if (chosen.size > MAX_IMPORT_BYTES) throw fileTooLarge(chosen.size);
    const file = readImportFile(await chosen.read());
    const fileId = randomUUID();
    this.#files.set(fileId, { name: chosen.name, file });
    return importFileView(fileId, chosen.name, file);
  }

  async plan(request: ImportPlanRequest): Promise<JobPlan> {
    const read = this.#files.get(request.fileId);
    if (read === undefined) {
      throw new ImportFileError(
        'import_file_expired',
        'This file is no longer open (it was read a while ago). Choose it again.',
      );
    }
    const { sections } = read.file;
    const chosen =
      request.section === null ? sections : sections.slice(request.section, request.section + 1);
    if (chosen.length === 0) {
      throw new JobError('job_empty_selection', 'The file has no such account to import.');
    }
    return this.#options.planImport({
      fileName: read.name,
      sections: chosen,
      targetAccountId: request.targetAccountId,
    });
  }
}

function importFileView(fileId: string, fileName: string, file: ImportFile): ImportFileView {
  const tracks = file.sections.flatMap((section) => section.tracks);
  return {
    fileId,
    fileName,
    format: file.format,
    rows: file.rows,
    duplicates: file.duplicates,
    hasDates: tracks.length > 0 && tracks.every((track) => track.addedAt !== null),
    sections: file.sections.map((section) => ({
      label: section.label,
      spotifyUserId: section.spotifyUserId,
      tracks: section.tracks.length,
    })),
    rejectedCount: file.rejected.length,
    rejected: file.rejected.slice(0, rejectedShown),
  };
}
