// Gathers a file's rows into the sections an import plans from: each usable track once per
// section (a later row naming the same track is counted as a duplicate), each unusable row kept
// with its line and reason. Both readers (CSV and JSON) build their result through this.
import type { ImportFile, ImportSection, ImportTrack, RejectedRow } from './import-types.js';
import type { ImportFileFormat } from '../ipc/library-file-views.js';
import { readTrackReference } from './track-reference.js';

export interface ImportRow {
  /** The cell that names the track (URI, link or ID). */
  readonly reference: string;
  /** Epoch ms; null when the file has no usable date for it. */
  readonly addedAt: number | null;
  readonly line: number;
}

interface OpenSection {
  readonly label: string | null;
  readonly spotifyUserId: string | null;
  readonly tracks: ImportTrack[];
  readonly seen: Set<string>;
}

export class ImportSections {
  readonly #sections = new Map<string, OpenSection>();
  readonly #rejected: RejectedRow[] = [];
  #rows = 0;
  #duplicates = 0;

  /** Adds a row to the section `key` (created, with this label and user, at its first row). */
  add(
    key: string,
    owner: { readonly label: string | null; readonly spotifyUserId: string | null },
    row: ImportRow,
  ): void {
    this.#rows += 1;
    let section = this.#sections.get(key);
    if (section === undefined) {
      section = { ...owner, tracks: [], seen: new Set() };
      this.#sections.set(key, section);
    }
    const reference = readTrackReference(row.reference);
    if ('reason' in reference) {
      this.#rejected.push({ line: row.line, reason: reference.reason, value: reference.value });
      return;
    }
    if (section.seen.has(reference.id)) {
      this.#duplicates += 1;
      return;
    }
    section.seen.add(reference.id);
    section.tracks.push({ id: reference.id, addedAt: row.addedAt, line: row.line });
  }

  /** Keeps a section with no rows (an account exported empty), so the file shows all of them. */
  open(
    key: string,
    owner: { readonly label: string | null; readonly spotifyUserId: string | null },
  ): void {
    if (!this.#sections.has(key))
      this.#sections.set(key, { ...owner, tracks: [], seen: new Set() });
  }

  get rows(): number {
    return this.#rows;
  }

  result(format: ImportFileFormat): ImportFile {
    const sections: ImportSection[] = [...this.#sections.values()].map((section) => ({
      label: section.label,
      spotifyUserId: section.spotifyUserId,
      tracks: section.tracks,
    }));
    return {
      format,
      rows: this.#rows,
      duplicates: this.#duplicates,
      sections,
      rejected: this.#rejected,
    };
  }
}

/** An ISO 8601 date as epoch ms; null when empty or not a date. */
export function parseAddedAt(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : ms;
}
