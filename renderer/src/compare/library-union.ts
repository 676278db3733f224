// The union of several accounts' saved tracks: one row per distinct track (the same Spotify track
// ID is the same track), with when each account saved it. Local files have no ID, so each stays
// a row of its own under the account that has it. Pure and browser-safe: it runs on the lists the
// library store holds, in the page, and in the benchmark in Node.
//
// Built from each list's columns of numbers (list-columns.ts) and kept in typed arrays, row by
// row, so the union, its filters and its counts over 100,000 rows are loops over numbers rather
// than over objects.
import { libraryItemKey, type TrackView } from '../app-contract.js';
import { ListColumns, type TrackColumns } from './list-columns.js';

export interface UnionSource {
  readonly accountId: string;
  /** Newest first, as the library store holds them. */
  readonly tracks: readonly TrackView[];
}

/** Presence is a bit per account in a 32-bit number: more accounts than this are not compared. */
export const maxUnionAccounts = 30;

export interface LibraryUnion {
  /** The accounts, in the order given: an account's number is its place here. */
  readonly accountIds: readonly string[];
  /** How many rows: distinct tracks, plus each local file on its own. */
  readonly size: number;
  /** The lists the union was made from, and their columns. */
  readonly sources: readonly UnionSource[];
  readonly columns: ListColumns;
  /** Per row: the number of its track ID (list-columns.ts), or -1 for a local file. */
  readonly numbers: Int32Array;
  /**
   * Where each row's track is shown from (`trackAt`): the account that saved it first, and its
   * place in that account's list. The same object as that list's, so its search text is made
   * once for both views.
   */
  readonly shownFrom: Uint8Array;
  readonly shownAt: Int32Array;
  /** Per account, when it saved each row's track (`savedAt[account][row]`), NaN where it has not. */
  readonly savedAt: readonly Float64Array[];
  /** Which accounts hold each row's track: bit `1 << account`. */
  readonly presence: Int32Array;
  /** The earliest save of each row's track by any account: the row's "first saved" date. */
  readonly firstSavedAt: Float64Array;
}

/** The key of a local file's row: its own account's, never shared with another row. */
export function localRowKey(accountId: string, track: TrackView): string {
  return `local:${accountId}:${libraryItemKey(track)}`;
}

/**
 * The union of the accounts' libraries (at most `maxUnionAccounts`), rows ordered by first
 * saved, newest first (when every list is newest first, as held; `sortRows` checks). The lists
 * are merged from their oldest ends, so each track is first met at its earliest save. Reads the
 * lists' columns (`columns`, made once per list), not their tracks.
 */
export function buildUnion(
  sources: readonly UnionSource[],
  columns: ListColumns = new ListColumns(),
): LibraryUnion {
  const accounts = sources.length;
  if (accounts > maxUnionAccounts) {
    throw new RangeError(`At most ${maxUnionAccounts} accounts can be compared.`);
  }
  const lists = sources.map((source) => columns.of(source.tracks));
  let total = 0;
  for (const source of sources) total += source.tracks.length;
  // Rows are met oldest first and numbered so; turned newest first at the end. Only typed arrays
  // are filled: the tracks and keys of rows are looked up when shown (trackAt, rowKey).
  const savedAt = sources.map(() => new Float64Array(total).fill(Number.NaN));
  const presence = new Int32Array(total);
  const firstSavedAt = new Float64Array(total);
  const shownFrom = new Uint8Array(total);
  const shownAt = new Int32Array(total);
  const numbers = new Int32Array(total);
  let size = 0;
  const rowOfNumber = new Int32Array(columns.numbered).fill(-1);
  // Per account: the position of its oldest track not yet merged, and that track's date.
  const cursor = sources.map((source) => source.tracks.length - 1);
  const head = new Float64Array(accounts);
  for (let a = 0; a < accounts; a++) {
    head[a] = dateAt(lists[a] as TrackColumns, cursor[a] as number);
  }

  for (;;) {
    let account = -1;
    let oldest = Number.POSITIVE_INFINITY;
    for (let a = 0; a < accounts; a++) {
      if ((head[a] as number) < oldest) {
        oldest = head[a] as number;
        account = a;
      }
    }
    if (account === -1) break;
    const list = lists[account] as TrackColumns;
    const position = cursor[account] as number;
    cursor[account] = position - 1;
    head[account] = dateAt(list, position - 1);
    const number = list.numbers[position] as number;

    let row = number === -1 ? -1 : (rowOfNumber[number] as number);
    if (row === -1) {
      row = size;
      size += 1;
      shownFrom[row] = account;
      shownAt[row] = position;
      numbers[row] = number;
      firstSavedAt[row] = oldest;
      if (number !== -1) rowOfNumber[number] = row;
    } else if (oldest < (firstSavedAt[row] as number)) {
      firstSavedAt[row] = oldest; // only when a list is out of date order
    }
    presence[row] = (presence[row] as number) | (1 << account);
    // The same track saved twice by one account (not expected of Spotify): the newer, met later.
    (savedAt[account] as Float64Array)[row] = oldest;
  }

  const newestFirst = <T extends Float64Array | Int32Array | Uint8Array>(column: T): T =>
    column.subarray(0, size).reverse() as T;
  return {
    accountIds: sources.map((source) => source.accountId),
    size,
    sources,
    columns,
    numbers: newestFirst(numbers),
    shownFrom: newestFirst(shownFrom),
    shownAt: newestFirst(shownAt),
    savedAt: savedAt.map(newestFirst),
    presence: newestFirst(presence),
    firstSavedAt: newestFirst(firstSavedAt),
  };
}

/** The date of a list's track at `position`, or +Infinity past its newest end. */
function dateAt(list: TrackColumns, position: number): number {
  return position < 0 ? Number.POSITIVE_INFINITY : (list.addedAt[position] as number);
}

/** When the account saved the row's track, or null when it has not. */
export function savedAtOf(union: LibraryUnion, row: number, account: number): number | null {
  const date = union.savedAt[account]?.[row] ?? Number.NaN;
  return Number.isNaN(date) ? null : date;
}

/** The row's track, as the account that saved it first has it. */
export function trackAt(union: LibraryUnion, row: number): TrackView {
  const source = union.sources[union.shownFrom[row] as number] as UnionSource;
  return source.tracks[union.shownAt[row] as number] as TrackView;
}

/**
 * The row's key, the same while the row is there (across unions): its track ID, or for a local
 * file its own account's and item's.
 */
export function rowKey(union: LibraryUnion, row: number): string {
  const track = trackAt(union, row);
  if (track.id !== null) return track.id;
  return localRowKey(
    (union.sources[union.shownFrom[row] as number] as UnionSource).accountId,
    track,
  );
}

/** The row with this key, or -1. */
export function rowOfKey(union: LibraryUnion, key: string): number {
  for (let row = 0; row < union.size; row++) if (rowKey(union, row) === key) return row;
  return -1;
}

/** A local file has no Spotify ID: it cannot be saved to, or compared with, another account. */
export function isLocalRow(union: LibraryUnion, row: number): boolean {
  return trackAt(union, row).id === null;
}
