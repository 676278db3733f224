// What the compare table shows of a library union: its rows in a sort order, narrowed by a
// search and by who holds them (a presence filter), and how many rows each filter would show
// among the search's matches. Pure: the table is a view of these answers, tested on their own.
import type { TrackView } from '../app-contract.js';
import type { SortKey, SortOrder } from '../tracks/track-order.js';
import { trackAt, type LibraryUnion } from './library-union.js';
import { rankOf, ranksBy } from './track-ranks.js';

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

/** Rows packed beside a sort key in one number: at most this many (far more than 30 × 100,000). */
const rowSpan = 2 ** 23;

/**
 * Every row in this order: by first saved, or by the track's title, artists or duration, equal
 * keys in the union's order (newest first saved first), as an account's sort keeps list order.
 * Titles and artists sort by their ranks (track-ranks.ts); each row's key and the row itself are
 * packed into one number, so the sort is the typed array's own.
 */
export function sortRows(union: LibraryUnion, order: SortOrder): Int32Array {
  const { size, firstSavedAt } = union;
  const rows = new Int32Array(size);
  const ascending = order.direction === 'ascending';
  if (order.key === 'addedAt') {
    // Built in this order already: no sort needed, only a turn for oldest first.
    if (isNewestFirst(firstSavedAt)) {
      for (let i = 0; i < size; i++) rows[i] = ascending ? size - 1 - i : i;
      return rows;
    }
    for (let i = 0; i < size; i++) rows[i] = i;
    const sign = ascending ? 1 : -1;
    return rows.sort(
      (a, b) => sign * ((firstSavedAt[a] as number) - (firstSavedAt[b] as number)) || a - b,
    );
  }
  const keyOf = sortKey(union, order.key);
  const keys = new Float64Array(size);
  let highest = 0;
  for (let row = 0; row < size; row++) {
    keys[row] = keyOf(row);
    if ((keys[row] as number) > highest) highest = keys[row] as number;
  }
  for (let row = 0; row < size; row++) {
    const key = keys[row] as number;
    keys[row] = (ascending ? key : highest - key) * rowSpan + row;
  }
  keys.sort();
  for (let i = 0; i < size; i++) rows[i] = (keys[i] as number) % rowSpan;
  return rows;
}

/** A whole number per row that sorts as `key` does. */
function sortKey(union: LibraryUnion, key: Exclude<SortKey, 'addedAt'>): (row: number) => number {
  if (key === 'duration') return (row) => Math.max(0, Math.floor(trackAt(union, row).durationMs));
  const ranks = ranksBy(union.columns, key);
  return (row) => {
    const number = union.numbers[row] as number;
    return number === -1
      ? rankOf(union.columns, key, trackAt(union, row))
      : (ranks[number] as number);
  };
}

function isNewestFirst(dates: Float64Array): boolean {
  for (let i = 1; i < dates.length; i++) {
    if ((dates[i] as number) > (dates[i - 1] as number)) return false;
  }
  return true;
}

/** True when the row passes the filter. */
export function passes(union: LibraryUnion, row: number, filter: PresenceFilter): boolean {
  return passesMask(union.presence[row] as number, filter, union.accountIds.length);
}

function passesMask(mask: number, filter: PresenceFilter, accounts: number): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'every':
      return mask === (1 << accounts) - 1;
    case 'several':
      return (mask & (mask - 1)) !== 0;
    case 'only':
      return mask === 1 << filter.account;
    case 'notIn':
      return (mask & (1 << filter.account)) !== 0 && (mask & (1 << filter.other)) === 0;
  }
}

export interface UnionView {
  /** The rows shown, in order: the search's matches that pass the filter. */
  readonly rows: readonly number[];
  /** What each filter would show among the search's matches. */
  readonly counts: PresenceCounts;
}

/** Accounts up to which the rows' presence is tallied in an array with a slot per combination. */
const maxTallySlotBits = 16;

/**
 * The rows to show and the counts of every filter, in one pass over the rows in `order`:
 * `matches` are the positions in `order` the search kept (null: no search, every row). The
 * pass only tallies how many rows each combination of accounts holds; the counts come from
 * those few tallies.
 */
export function unionView(
  union: LibraryUnion,
  order: Int32Array,
  matches: readonly number[] | null,
  filter: PresenceFilter,
): UnionView {
  const accounts = union.accountIds.length;
  const { presence } = union;
  const tally = new Tally(accounts);
  const rows: number[] = [];
  const count = matches === null ? order.length : matches.length;
  for (let k = 0; k < count; k++) {
    const row = order[matches === null ? k : (matches[k] as number)] as number;
    const mask = presence[row] as number;
    tally.add(mask);
    if (passesMask(mask, filter, accounts)) rows.push(row);
  }
  return { rows, counts: countsOf(tally.entries(), accounts, count) };
}

/** How many rows hold each combination of accounts (a presence mask). */
class Tally {
  readonly #slots: Int32Array | null;
  readonly #map: Map<number, number> | null;

  constructor(accounts: number) {
    const small = accounts <= maxTallySlotBits;
    this.#slots = small ? new Int32Array(1 << accounts) : null;
    this.#map = small ? null : new Map();
  }

  add(mask: number): void {
    if (this.#slots !== null) this.#slots[mask] = (this.#slots[mask] as number) + 1;
    else this.#map?.set(mask, (this.#map.get(mask) ?? 0) + 1);
  }

  *entries(): Generator<readonly [mask: number, rows: number]> {
    if (this.#map !== null) yield* this.#map;
    const slots = this.#slots ?? new Int32Array(0);
    for (let mask = 0; mask < slots.length; mask++) {
      if (slots[mask] !== 0) yield [mask, slots[mask] as number];
    }
  }
}

function countsOf(
  tallies: Iterable<readonly [number, number]>,
  accounts: number,
  all: number,
): PresenceCounts {
  const full = (1 << accounts) - 1;
  const held = new Array<number>(accounts).fill(0);
  const only = new Array<number>(accounts).fill(0);
  const notIn = Array.from({ length: accounts }, () => new Array<number>(accounts).fill(0));
  let every = 0;
  let several = 0;
  for (const [mask, rows] of tallies) {
    if (mask === full) every += rows;
    if ((mask & (mask - 1)) !== 0) several += rows;
    for (let a = 0; a < accounts; a++) {
      if ((mask & (1 << a)) === 0) continue;
      held[a] = (held[a] as number) + rows;
      if (mask === 1 << a) only[a] = (only[a] as number) + rows;
      const row = notIn[a] as number[];
      for (let b = 0; b < accounts; b++) {
        if ((mask & (1 << b)) === 0) row[b] = (row[b] as number) + rows;
      }
    }
  }
  return { all, every, several, held, only, notIn };
}

/** The rows' tracks in `order`: what a track search over the union looks through. */
export function tracksInOrder(union: LibraryUnion, order: Int32Array): TrackView[] {
  const tracks = new Array<TrackView>(order.length);
  for (let i = 0; i < order.length; i++) tracks[i] = trackAt(union, order[i] as number);
  return tracks;
}
