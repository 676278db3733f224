// What the compare table shows of a library union: its rows in a sort order, narrowed by a
// search and by who holds them (a presence filter), and how many rows each filter would show
// among the search's matches. Pure: the table is a view of these answers, tested on their own.
import type { TrackView } from '../app-contract.js';
import { compareTracksBy, type SortOrder } from '../tracks/track-order.js';
import type { LibraryUnion } from './library-union.js';

/** Which rows to show by who holds them; accounts are numbers in the union's order. */
export type PresenceFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'every' }
  | { readonly kind: 'several' }
  | { readonly kind: 'only'; readonly account: number }
  | { readonly kind: 'notIn'; readonly account: number; readonly other: number };

export interface PresenceCounts {
  /** Rows matching the search, whoever holds them. */
  readonly all: number;
  /** Rows every account holds. */
  readonly every: number;
  /** Rows more than one account holds. */
  readonly several: number;
  /** Per account: the rows it holds. */
  readonly held: readonly number[];
  /** Per account: the rows it alone holds. */
  readonly only: readonly number[];
  /** `notIn[a][b]`: the rows account a holds and account b does not. */
  readonly notIn: readonly (readonly number[])[];
}

/** Every row in this order: by first saved, or by the track's title, artists or duration. */
export function sortRows(union: LibraryUnion, order: SortOrder): Int32Array {
  const { size, firstSavedAt } = union;
  const sign = order.direction === 'ascending' ? 1 : -1;
  const rows = new Int32Array(size);
  if (order.key === 'addedAt' && isNewestFirst(firstSavedAt)) {
    // Built in this order already: no sort needed, only a turn for oldest first.
    for (let i = 0; i < size; i++) rows[i] = sign === -1 ? i : size - 1 - i;
    return rows;
  }
  for (let i = 0; i < size; i++) rows[i] = i;
  const byTrack = order.key === 'addedAt' ? null : compareTracksBy(order.key);
  const { tracks } = union;
  // Equal keys keep the union's order (newest first saved first), as an account's sort does.
  return rows.sort((a, b) => {
    const difference =
      byTrack === null
        ? (firstSavedAt[a] as number) - (firstSavedAt[b] as number)
        : byTrack(tracks[a] as TrackView, tracks[b] as TrackView);
    return sign * difference || a - b;
  });
}

function isNewestFirst(dates: Float64Array): boolean {
  for (let i = 1; i < dates.length; i++) {
    if ((dates[i] as number) > (dates[i - 1] as number)) return false;
  }
  return true;
}

/** True when the row passes the filter. */
export function passes(union: LibraryUnion, row: number, filter: PresenceFilter): boolean {
  const accounts = union.accountIds.length;
  const holders = union.holders[row] as number;
  switch (filter.kind) {
    case 'all':
      return true;
    case 'every':
      return holders === accounts;
    case 'several':
      return holders > 1;
    case 'only':
      return holders === 1 && holds(union, row, filter.account);
    case 'notIn':
      return holds(union, row, filter.account) && !holds(union, row, filter.other);
  }
}

function holds(union: LibraryUnion, row: number, account: number): boolean {
  return !Number.isNaN(union.savedAt[row * union.accountIds.length + account]);
}

export interface UnionView {
  /** The rows shown, in order: the search's matches that pass the filter. */
  readonly rows: readonly number[];
  /** What each filter would show among the search's matches. */
  readonly counts: PresenceCounts;
}

/**
 * The rows to show and the counts of every filter, in one pass over the rows in `order`:
 * `matches` are the positions in `order` the search kept (null: no search, every row).
 */
export function unionView(
  union: LibraryUnion,
  order: Int32Array,
  matches: readonly number[] | null,
  filter: PresenceFilter,
): UnionView {
  const accounts = union.accountIds.length;
  const { savedAt, holders } = union;
  const held = new Array<number>(accounts).fill(0);
  const only = new Array<number>(accounts).fill(0);
  // Row a, column b: held by a, not by b. Filled per row from which accounts hold it.
  const notIn = new Int32Array(accounts * accounts);
  const holding = new Uint8Array(accounts);
  let every = 0;
  let several = 0;
  const rows: number[] = [];
  const count = matches === null ? order.length : matches.length;
  for (let k = 0; k < count; k++) {
    const row = order[matches === null ? k : (matches[k] as number)] as number;
    const holderCount = holders[row] as number;
    if (holderCount === accounts) every += 1;
    if (holderCount > 1) several += 1;
    for (let a = 0; a < accounts; a++) {
      holding[a] = Number.isNaN(savedAt[row * accounts + a]) ? 0 : 1;
    }
    for (let a = 0; a < accounts; a++) {
      if (holding[a] === 0) continue;
      held[a] = (held[a] as number) + 1;
      if (holderCount === 1) only[a] = (only[a] as number) + 1;
      for (let b = 0; b < accounts; b++) {
        if (holding[b] === 0) notIn[a * accounts + b] = (notIn[a * accounts + b] as number) + 1;
      }
    }
    if (passes(union, row, filter)) rows.push(row);
  }
  return {
    rows,
    counts: {
      all: count,
      every,
      several,
      held,
      only,
      notIn: Array.from({ length: accounts }, (_, a) =>
        Array.from(notIn.subarray(a * accounts, (a + 1) * accounts)),
      ),
    },
  };
}

/** The rows' tracks in `order`: what a track search over the union looks through. */
export function tracksInOrder(union: LibraryUnion, order: Int32Array): TrackView[] {
  const tracks = new Array<TrackView>(order.length);
  for (let i = 0; i < order.length; i++) tracks[i] = union.tracks[order[i] as number] as TrackView;
  return tracks;
}
