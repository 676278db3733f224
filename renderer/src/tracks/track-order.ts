// Sorting and searching the saved tracks in memory: pure functions over the loaded list, so the
// table stays a view and these rules are tested on their own.
import type { TrackView } from '../app-contract.js';
import type { IdleTime } from '../common/idle-slices.js';

export type SortKey = 'addedAt' | 'name' | 'artist' | 'duration';
export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

export const defaultSort: SortOrder = { key: 'addedAt', direction: 'descending' };

/** Clicking the sorted column flips it; another column starts newest-first or A–Z. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'addedAt' ? 'descending' : 'ascending' };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** How two tracks compare by one key, ascending. */
export function compareTracksBy(order: SortKey): (a: TrackView, b: TrackView) => number {
  switch (order) {
    case 'addedAt':
      return (a, b) => a.addedAt - b.addedAt;
    case 'duration':
      return (a, b) => a.durationMs - b.durationMs;
    case 'name':
      return (a, b) => collator.compare(a.name, b.name);
    case 'artist':
      return (a, b) =>
        collator.compare(a.artists.join(', '), b.artists.join(', ')) ||
        collator.compare(a.name, b.name);
  }
}

export function sortTracks(tracks: readonly TrackView[], order: SortOrder): TrackView[] {
  const byKey = compareTracksBy(order.key);
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...tracks].sort((a, b) => sign * byKey(a, b));
}

/**
 * The list sorted after new tracks were put on top and some taken out, from the list as sorted
 * before: the new ones sorted and merged in, in one pass instead of sorting it all again. Equal
 * keys keep list order, as `sortTracks` does: the new tracks, on top of the list, come first.
 */
export function mergeSorted(
  sortedBefore: readonly TrackView[],
  added: readonly TrackView[],
  gone: ReadonlySet<TrackView>,
  order: SortOrder,
): TrackView[] {
  const byKey = compareTracksBy(order.key);
  const sign = order.direction === 'ascending' ? 1 : -1;
  const incoming = sortTracks(added, order);
  const kept = gone.size === 0 ? sortedBefore : sortedBefore.filter((track) => !gone.has(track));
  const merged: TrackView[] = [];
  let i = 0;
  let j = 0;
  while (i < incoming.length && j < kept.length) {
    const a = incoming[i] as TrackView;
    const b = kept[j] as TrackView;
    if (sign * byKey(a, b) <= 0) {
      merged.push(a);
      i += 1;
    } else {
      merged.push(b);
      j += 1;
    }
  }
  for (; i < incoming.length; i += 1) merged.push(incoming[i] as TrackView);
  for (; j < kept.length; j += 1) merged.push(kept[j] as TrackView);
  return merged;
}

/** What a search looks in for one track: its title, artists and album, lower-cased. */
export function trackSearchText(track: TrackView): string {
  return `${track.name}\n${track.artists.join('\n')}\n${track.album}`.toLocaleLowerCase();
}

/** The search text of each track of a list. */
export function searchText(tracks: readonly TrackView[]): Map<TrackView, string> {
  return new Map(tracks.map((track) => [track, trackSearchText(track)]));
}

/** Where the search texts of tracks are read from: a Map, or a store's cache of them. */
export type SearchTexts = Pick<ReadonlyMap<TrackView, string>, 'get'>;

/** Tracks whose title, artists or album contain every word of the query, in their order. */
export function filterTracks(
  tracks: readonly TrackView[],
  text: SearchTexts,
  query: string,
): readonly TrackView[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tracks;
  return tracks.filter((track) => {
    const haystack = text.get(track) ?? '';
    return words.every((word) => haystack.includes(word));
  });
}

export interface TrackSearch {
  /** The tracks matching `query` (as filterTracks decides), in the list's order. */
  filter(query: string): readonly TrackView[];
  /**
   * The same search, answered as the positions in the list of the matching tracks (null: the
   * query has no words, so every position), for a view that keeps more than tracks per row.
   */
  positions(query: string): readonly number[] | null;
  /**
   * Gets the search ready for typing, a slice at a time while `deadline` has time left: builds
   * each track's letter mask (once per list), then runs a search over the whole list, and a
   * narrower one, and forgets them, so the first keystroke finds the search loop already compiled
   * by the JavaScript engine (its first runs are slower). True once done; call again with a new
   * deadline until then. Meant for idle time while the search box has focus (at load it did not
   * last: the engine drops code it has not run for a while). Until it is done, searches read every
   * text: as correct, and slower.
   */
  warmUp(deadline: IdleTime): boolean;
}

/** Letter masks built between two looks at the idle deadline: about half a millisecond. */
const masksPerSlice = 2_000;

interface ScanResult {
  /** Positions in the list of the matching tracks, for the next, narrower search. */
  readonly indices: number[];
  readonly tracks: TrackView[];
}

const letterA = 97;

/**
 * Which of the letters a–z a lower-cased text holds, one bit each. A text that lacks a letter of
 * a word cannot hold the word: comparing two numbers rules most tracks out before their text is
 * read, and for a one-letter word (the first keystroke of a search, over the whole library) the
 * numbers are the whole answer.
 */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const letter = text.charCodeAt(i) - letterA;
    if (letter >= 0 && letter < 26) mask |= 1 << letter;
  }
  return mask;
}

/**
 * The tracks (and their positions) whose text holds every word, looking only at `candidates`
 * positions when given. One indexed loop, no callbacks or iterators: it runs up to 50,000 times
 * per keystroke, the first time before the engine has optimised it, when a callback per track
 * (`.map`, `.filter`) costs several times the loop itself.
 */
function scan(
  texts: readonly string[],
  masks: Int32Array | null,
  tracks: readonly TrackView[],
  candidates: readonly number[] | null,
  words: readonly string[],
): ScanResult {
  // Every letter of every word must be in a track's text; a word of a single letter needs no
  // more than that, longer words (and other characters) are then looked for in the text.
  // Without masks, every word is looked for in the text.
  let needed = 0;
  const substrings: string[] = [];
  for (const word of words) {
    const mask = masks ? letterMask(word) : 0;
    needed |= mask;
    if (word.length !== 1 || mask === 0) substrings.push(word);
  }
  const substringCount = substrings.length;
  const count = candidates ? candidates.length : texts.length;
  const indices: number[] = [];
  const found: TrackView[] = [];
  next: for (let k = 0; k < count; k++) {
    const index = candidates ? (candidates[k] as number) : k;
    if (masks && ((masks[index] as number) & needed) !== needed) continue;
    const haystack = texts[index] as string;
    for (let w = 0; w < substringCount; w++) {
      if (haystack.indexOf(substrings[w] as string) === -1) continue next;
    }
    indices.push(index);
    found.push(tracks[index] as TrackView);
  }
  return { indices, tracks: found };
}

/**
 * filterTracks for typing: the search text is laid out beside the list once, with each text's
 * letter mask, and a query that only extends the previous one ("the" → "the f") is looked for
 * among the previous matches instead of the whole library, testing only the words those matches
 * are not already known to hold, so each keystroke over 50,000 tracks costs a millisecond or two.
 */
export function createTrackSearch(tracks: readonly TrackView[], text: SearchTexts): TrackSearch {
  const texts = tracks.map((track) => text.get(track) ?? '');
  // Built by warmUp, in idle time, not with the list (a new sort order makes a new search, and
  // sorting should not wait for a search nobody may type) nor by a keystroke that comes first.
  // Used only once complete.
  let building: Int32Array | null = null;
  let masked = 0;
  let masks: Int32Array | null = null;
  let previous: {
    readonly query: string;
    readonly words: readonly string[];
    readonly matches: readonly number[];
  } | null = null;
  const run = (query: string): ScanResult | null => {
    const normalised = query.toLocaleLowerCase();
    const words = normalised.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      previous = null;
      return null;
    }
    // Extending the query can only narrow the matches: every word of the previous query is
    // still in it, whole or lengthened ("the f" → "the fa").
    const narrowing = previous !== null && normalised.startsWith(previous.query);
    const candidates = narrowing && previous ? previous.matches : null;
    const known = narrowing && previous ? previous.words : [];
    const result = scan(
      texts,
      masks,
      tracks,
      candidates,
      words.filter((word) => !known.includes(word)),
    );
    previous = { query: normalised, words, matches: result.indices };
    return result;
  };
  return {
    filter: (query) => run(query)?.tracks ?? tracks,
    positions: (query) => run(query)?.indices ?? null,
    warmUp(deadline) {
      if (masks !== null) return true;
      building ??= new Int32Array(texts.length);
      while (masked < texts.length) {
        const end = Math.min(texts.length, masked + masksPerSlice);
        for (; masked < end; masked++) building[masked] = letterMask(texts[masked] as string);
        if (masked < texts.length && deadline.timeRemaining() < 1) return false;
      }
      masks = building;
      // Both ways a keystroke searches: the whole list, then a narrower query among the
      // matches; with a one-letter word and a longer one, the two paths through the loop.
      const first = scan(texts, masks, tracks, null, ['e']);
      scan(texts, masks, tracks, first.indices, ['an']);
      return true;
    },
  };
}
