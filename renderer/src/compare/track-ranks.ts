// Where each numbered track stands when sorted by title or by artists (the account view's order,
// compareTracksBy): worked out once per track for the session and kept beside the lists' columns,
// so sorting the union of 100,000 rows by title is a sort of numbers, not 1.7 million comparisons
// of strings by the locale's rules (a second or more), again after every change of a library.
// Tracks numbered later are put in their places by binary search.
import type { TrackView } from '../app-contract.js';
import { compareTracksBy } from '../tracks/track-order.js';
import type { ListColumns } from './list-columns.js';

export type RankedKey = 'name' | 'artist';

interface Ranking {
  /** Numbers in order. */
  readonly sorted: number[];
  /** Per number: twice its place among distinct keys, plus two (equal keys, equal ranks). */
  ranks: Int32Array;
}

const rankings = new WeakMap<ListColumns, Map<RankedKey, Ranking>>();

/**
 * Per number, its rank by `key`: twice its place, plus two (so a track without a number, a local
 * file, gets the odd rank before its next neighbour from `rankOf`). Covers every number handed out.
 */
export function ranksBy(columns: ListColumns, key: RankedKey): Int32Array {
  let byKey = rankings.get(columns);
  if (byKey === undefined) {
    byKey = new Map();
    rankings.set(columns, byKey);
  }
  let ranking = byKey.get(key);
  if (ranking === undefined) {
    ranking = { sorted: [], ranks: new Int32Array(0) };
    byKey.set(key, ranking);
  }
  if (ranking.ranks.length < columns.numbered) extend(columns, key, ranking);
  return ranking.ranks;
}

/** The rank of a track that has no number: odd, between the numbered tracks either side. */
export function rankOf(columns: ListColumns, key: RankedKey, track: TrackView): number {
  const ranks = ranksBy(columns, key);
  const { sorted } = rankings.get(columns)?.get(key) ?? { sorted: [] };
  const compare = compareTracksBy(key);
  const at = insertionPoint(sorted, (number) => compare(track, columns.trackOf(number)));
  const next = sorted[at];
  return next === undefined ? 2 * sorted.length + 3 : (ranks[next] as number) - 1;
}

function extend(columns: ListColumns, key: RankedKey, ranking: Ranking): void {
  const compare = compareTracksBy(key);
  const byNumber = (a: number, b: number) => compare(columns.trackOf(a), columns.trackOf(b));
  const fresh: number[] = [];
  for (let number = ranking.ranks.length; number < columns.numbered; number++) fresh.push(number);
  fresh.sort(byNumber);
  const { sorted } = ranking;
  if (sorted.length === 0) {
    sorted.push(...fresh);
  } else {
    // Few at a time after the first: each placed among the rest by binary search.
    for (const number of fresh) {
      sorted.splice(
        insertionPoint(sorted, (other) => byNumber(number, other)),
        0,
        number,
      );
    }
  }
  const ranks = new Int32Array(columns.numbered);
  let rank = 2;
  for (let i = 0; i < sorted.length; i++) {
    const number = sorted[i] as number;
    if (i > 0 && byNumber(sorted[i - 1] as number, number) !== 0) rank += 2;
    ranks[number] = rank;
  }
  ranking.ranks = ranks;
}

/** The first place in `sorted` whose number `compare` puts at or after the one sought. */
function insertionPoint(sorted: readonly number[], compare: (number: number) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(sorted[middle] as number) > 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
