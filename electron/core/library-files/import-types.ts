// What reading an import file yields, whatever its format: the tracks it names by section (our
// JSON keeps accounts apart; a CSV is sections by its "Added By" column), in file order, and the
// rows that cannot be used with their line and why. A plan is made from this, never from the
// file's bytes again.
import type { ImportFileFormat, RejectedRowReason } from '../ipc/library-file-views.js';

export interface ImportTrack {
  /** The Spotify track ID. */
  readonly id: string;
  /** When the file says it was saved (epoch ms); null when the file has no (usable) date. */
  readonly addedAt: number | null;
  /** 1-based line of the file the row starts on. */
  readonly line: number;
}

export interface ImportSection {
  readonly label: string | null;
  readonly spotifyUserId: string | null;
  /** In file order (newest first, as exported), each track once. */
  readonly tracks: readonly ImportTrack[];
}

export interface RejectedRow {
  readonly line: number;
  readonly reason: RejectedRowReason;
  /** What was there, shortened for display. */
  readonly value: string;
}

export interface ImportFile {
  readonly format: ImportFileFormat;
  /** Data rows (tracks) read. */
  readonly rows: number;
  /** Rows naming a track an earlier row of the same section named: imported once. */
  readonly duplicates: number;
  readonly sections: readonly ImportSection[];
  /** Every rejected row, in file order. */
  readonly rejected: readonly RejectedRow[];
}
