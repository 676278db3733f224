// Sorting and searching saved tracks in memory: the rules behind the table's headers and search.
import { describe, expect, it } from 'vitest';

import {
  mergeSorted,
  createTrackSearch,
  defaultSort,
  filterTracks,
  nextSort,
  searchText,
  sortTracks,
} from '../../renderer/src/tracks/track-order.js';
import { makeTrack } from './fake-bridge.js';

const tracks = [
  makeTrack(1, {
    name: 'Échappée',
    artists: ['Zoé'],
    album: 'Nuit',
    durationMs: 3000,
    addedAt: 30,
  }),
  makeTrack(2, {
    name: 'apple',
    artists: ['Bee', 'Ant'],
    album: 'Fruit',
    durationMs: 1000,
    addedAt: 10,
  }),
  makeTrack(3, {
    name: 'Track 10',
    artists: ['Ant'],
    album: 'Numbers',
    durationMs: 2000,
    addedAt: 20,
  }),
  makeTrack(4, {
    name: 'Track 9',
    artists: ['Ant'],
    album: 'Numbers',
    durationMs: 2500,
    addedAt: 40,
  }),
];

const names = (list: readonly { name: string }[]) => list.map((track) => track.name);

/** Idle deadlines for warm-ups: one with time to spare, one already over. */
const plentyOfTime = { timeRemaining: () => 50 };
const noTimeLeft = { timeRemaining: () => 0 };

describe('track order', () => {
  it('starts with the newest saved first', () => {
    expect(names(sortTracks(tracks, defaultSort))).toEqual([
      'Track 9',
      'Échappée',
      'Track 10',
      'apple',
    ]);
  });

  it('flips the direction when the sorted column is chosen again', () => {
    expect(nextSort(defaultSort, 'addedAt')).toEqual({ key: 'addedAt', direction: 'ascending' });
  });

  it('starts a new text or duration column ascending and a new date column descending', () => {
    expect(nextSort(defaultSort, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'addedAt')).toEqual(defaultSort);
  });

  it('sorts titles ignoring case and accents, with numbers in numeric order', () => {
    expect(names(sortTracks(tracks, { key: 'name', direction: 'ascending' }))).toEqual([
      'apple',
      'Échappée',
      'Track 9',
      'Track 10',
    ]);
  });

  it('sorts by artist, then title', () => {
    expect(names(sortTracks(tracks, { key: 'artist', direction: 'ascending' }))).toEqual([
      'Track 9',
      'Track 10',
      'apple',
      'Échappée',
    ]);
  });

  it('sorts by duration both ways', () => {
    expect(names(sortTracks(tracks, { key: 'duration', direction: 'descending' }))).toEqual([
      'Échappée',
      'Track 9',
      'Track 10',
      'apple',
    ]);
  });

  it('does not reorder the list it is given', () => {
    const copy = [...tracks];
    sortTracks(tracks, { key: 'name', direction: 'ascending' });
    expect(tracks).toEqual(copy);
  });

  it('matches every word of the query against title, artists and album, ignoring case', () => {
    const text = searchText(tracks);
    expect(names(filterTracks(tracks, text, 'ANT numbers'))).toEqual(['Track 10', 'Track 9']);
    expect(names(filterTracks(tracks, text, 'bee'))).toEqual(['apple']);
    expect(names(filterTracks(tracks, text, 'nuit'))).toEqual(['Échappée']);
    expect(filterTracks(tracks, text, 'ant zoé')).toEqual([]);
  });

  it('returns the whole list for a blank query', () => {
    expect(filterTracks(tracks, searchText(tracks), '   ')).toBe(tracks);
  });
});

describe('createTrackSearch', () => {
  const library = Array.from({ length: 300 }, (_, i) =>
    makeTrack(i, {
      name: `Song ${i}`,
      artists: [i % 3 === 0 ? 'The Faded Stars' : 'Kofi'],
      album: `A${i % 7}`,
    }),
  );
  const text = searchText(library);

  it('finds what filterTracks finds, keystroke by keystroke, including when a query narrows or widens', () => {
    const search = createTrackSearch(library, text);
    for (const query of [
      't',
      'th',
      'the',
      'the f',
      'the fa',
      'the',
      'kofi a3',
      'kofi',
      '',
      'song 1',
      'song 12',
      'xyz',
    ]) {
      expect(search.filter(query)).toEqual(filterTracks(library, text, query));
    }
  });

  it('agrees with filterTracks while typing and deleting at random, repeated words included', () => {
    // A fixed-seed generator: the same sequence on every run, so a failure can be replayed.
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const keys = 'the fadsong12kofi a3 ';
    const search = createTrackSearch(library, text);
    let query = '';
    for (let step = 0; step < 400; step += 1) {
      if (query.length > 0 && random() < 0.3) query = query.slice(0, -1);
      else query += keys[Math.floor(random() * keys.length)] ?? ' ';
      expect(search.filter(query)).toEqual(filterTracks(library, text, query));
    }
  });

  it('is not changed by a warm-up between two keystrokes', () => {
    const search = createTrackSearch(library, text);
    expect(search.filter('song 1')).toEqual(filterTracks(library, text, 'song 1'));
    search.warmUp(plentyOfTime);
    expect(search.filter('song 12')).toEqual(filterTracks(library, text, 'song 12'));
    search.warmUp(plentyOfTime);
    expect(search.filter('kofi')).toEqual(filterTracks(library, text, 'kofi'));
  });

  it('decides a one-letter word by the letters a text holds, and any other word by the text', () => {
    const accented = searchText(tracks);
    const search = createTrackSearch(tracks, accented);
    // Every letter and digit alone (each a whole-list search), accented letters, words of
    // several letters, and letters no track has.
    const queries = [
      ...'abcdefghijklmnopqrstuvwxyz0123456789',
      'é',
      'É',
      'zo',
      'zoé',
      'nuit z',
      'ant 9',
      'q',
      'qx',
      'ap pl',
    ];
    // Before the warm-up (no letter masks yet: every text is read) and after it.
    for (const warm of [false, true]) {
      if (warm) expect(search.warmUp(plentyOfTime)).toBe(true);
      for (const query of queries) {
        search.filter('');
        expect(search.filter(query)).toEqual(filterTracks(tracks, accented, query));
      }
    }
    // Names of the fixture, so the loop above is known to have found some and missed others.
    expect(names(search.filter('z'))).toEqual(['Échappée']);
    expect(names(search.filter('é'))).toEqual(['Échappée']);
    expect(search.filter('q')).toEqual([]);
  });

  it('warms up a slice at a time when idle time runs short, finding the same tracks throughout', () => {
    const large = Array.from({ length: 5_000 }, (_, i) =>
      makeTrack(i, { name: `Song ${i}`, artists: [i % 4 === 0 ? 'Zed' : 'Kofi'] }),
    );
    const largeText = searchText(large);
    const search = createTrackSearch(large, largeText);
    const expectAgreement = () => {
      for (const query of ['z', 'zed', 'k', 'song 4', '4']) {
        search.filter('');
        expect(search.filter(query)).toEqual(filterTracks(large, largeText, query));
      }
    };
    expectAgreement();
    // With no time left, each call builds one slice of masks and hands back; the last finishes.
    const calls = [search.warmUp(noTimeLeft)];
    expectAgreement();
    while (calls.at(-1) === false && calls.length < 10) {
      calls.push(search.warmUp(noTimeLeft));
      expectAgreement();
    }
    expect(calls).toEqual([false, false, true]);
    expect(search.warmUp(noTimeLeft)).toBe(true);
  });

  it('returns the whole list for an empty query', () => {
    expect(createTrackSearch(library, text).filter('   ')).toBe(library);
  });
});

describe('mergeSorted', () => {
  // Ties on every key (durations and names repeat), so the merge must keep sortTracks' order.
  const before = Array.from({ length: 300 }, (_, i) =>
    makeTrack(300 - i, { durationMs: (i % 7) * 1000, name: `Song ${i % 13}` }),
  );
  const added = Array.from({ length: 20 }, (_, i) =>
    makeTrack(1000 - i, { durationMs: (i % 5) * 1000, name: `Song ${i % 3}` }),
  );
  const gone = new Set(before.filter((_, i) => i % 17 === 0));
  const after = [...added, ...before.filter((track) => !gone.has(track))];

  it.each(
    (['addedAt', 'name', 'artist', 'duration'] as const).flatMap((key) =>
      (['ascending', 'descending'] as const).map((direction) => ({ key, direction })),
    ),
  )('gives what sorting the new list gives, by $key $direction', (order) => {
    expect(mergeSorted(sortTracks(before, order), added, gone, order)).toEqual(
      sortTracks(after, order),
    );
  });
});
