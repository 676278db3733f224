// The union of several accounts' libraries: one row per Spotify track ID with who saved it when,
// local files kept apart under their own account, the filters and their counts, and how search,
// filter and sort combine.
import { describe, expect, it } from 'vitest';

import type { TrackView } from '../../../renderer/src/app-contract.js';
import {
  buildUnion,
  isLocalRow,
  localRowKey,
  rowOfKey,
  savedAtOf,
  trackAt,
  type LibraryUnion,
} from '../../../renderer/src/compare/library-union.js';
import { ListColumns } from '../../../renderer/src/compare/list-columns.js';
import {
  sortRows,
  tracksInOrder,
  unionView,
  type PresenceFilter,
} from '../../../renderer/src/compare/union-view.js';
import {
  createTrackSearch,
  defaultSort,
  searchText,
  sortTracks,
} from '../../../renderer/src/tracks/track-order.js';
import { makeTrack } from '../fake-bridge.js';

const day = 86_400_000;

/** Track `index` as an account saved it on day `savedOn`. */
function saved(index: number, savedOn: number, overrides: Partial<TrackView> = {}): TrackView {
  return makeTrack(index, { addedAt: savedOn * day, ...overrides });
}

function localFile(name: string, savedOn: number): TrackView {
  return makeTrack(0, {
    id: null,
    uri: `spotify:local:Me:Demos:${name}:200`,
    name,
    isLocal: true,
    spotifyUrl: null,
    addedAt: savedOn * day,
  });
}

/** Alice (0), Bob (1), Carol (2); lists newest first. */
function threeAccounts(): LibraryUnion {
  return buildUnion([
    { accountId: 'alice', tracks: [saved(4, 40), saved(2, 20), saved(1, 10)] },
    { accountId: 'bob', tracks: [saved(3, 35), saved(1, 30), saved(2, 5)] },
    { accountId: 'carol', tracks: [saved(5, 50), saved(1, 15)] },
  ]);
}

const names = (union: LibraryUnion, rows: Iterable<number>) =>
  [...rows].map((row) => trackAt(union, row).name);

function shown(union: LibraryUnion, filter: PresenceFilter): (string | undefined)[] {
  return names(union, unionView(union, sortRows(union, defaultSort), null, filter).rows);
}

describe('library union', () => {
  it('has one row per track ID, with the date each account saved it', () => {
    const union = threeAccounts();
    expect(union.size).toBe(5);
    const row = rowOfKey(union, 'track1');
    expect([0, 1, 2].map((account) => savedAtOf(union, row, account))).toEqual([
      10 * day,
      30 * day,
      15 * day,
    ]);
    const onlyAlice = rowOfKey(union, 'track4');
    expect([0, 1, 2].map((account) => savedAtOf(union, onlyAlice, account))).toEqual([
      40 * day,
      null,
      null,
    ]);
    expect(union.presence[row]).toBe(0b111);
    expect(union.presence[onlyAlice]).toBe(0b001);
  });

  it('orders rows by first saved by anyone, newest first', () => {
    const union = threeAccounts();
    // track2: Bob on day 5 before Alice on day 20; track1: Alice on day 10.
    expect(
      names(
        union,
        Array.from({ length: union.size }, (_, row) => row),
      ),
    ).toEqual(['Song 5', 'Song 4', 'Song 3', 'Song 1', 'Song 2']);
    expect(union.firstSavedAt[rowOfKey(union, 'track2')]).toBe(5 * day);
  });

  it('keeps each local file as a row of its own, under its own account only', () => {
    const demo = localFile('Demo', 12);
    const union = buildUnion([
      { accountId: 'alice', tracks: [saved(1, 20), demo] },
      // The same file on Bob's computer, same name and date: still not the same row.
      { accountId: 'bob', tracks: [saved(1, 30), demo] },
    ]);
    expect(union.size).toBe(3);
    const aliceFile = rowOfKey(union, localRowKey('alice', demo));
    const bobFile = rowOfKey(union, localRowKey('bob', demo));
    expect(aliceFile).not.toBe(-1);
    expect(bobFile).not.toBe(-1);
    expect(aliceFile).not.toBe(bobFile);
    expect([savedAtOf(union, aliceFile, 0), savedAtOf(union, aliceFile, 1)]).toEqual([
      12 * day,
      null,
    ]);
    expect(isLocalRow(union, aliceFile)).toBe(true);
    expect(isLocalRow(union, rowOfKey(union, 'track1'))).toBe(false);
    expect(union.presence[aliceFile]).toBe(0b01);
  });

  it('filters by who holds a track', () => {
    const union = threeAccounts();
    expect(shown(union, { kind: 'all' })).toHaveLength(5);
    expect(shown(union, { kind: 'every' })).toEqual(['Song 1']);
    expect(shown(union, { kind: 'several' })).toEqual(['Song 1', 'Song 2']);
    expect(shown(union, { kind: 'only', account: 0 })).toEqual(['Song 4']);
    expect(shown(union, { kind: 'only', account: 2 })).toEqual(['Song 5']);
    expect(shown(union, { kind: 'notIn', account: 0, other: 2 })).toEqual(['Song 4', 'Song 2']);
    expect(shown(union, { kind: 'notIn', account: 1, other: 0 })).toEqual(['Song 3']);
  });

  it('counts what every filter would show', () => {
    const union = threeAccounts();
    const { counts } = unionView(union, sortRows(union, defaultSort), null, { kind: 'all' });
    expect(counts).toEqual({
      all: 5,
      every: 1,
      several: 2,
      held: [3, 3, 2],
      only: [1, 1, 1],
      notIn: [
        [0, 1, 2],
        [1, 0, 2],
        [1, 1, 0],
      ],
    });
  });

  it('counts a local file for its account alone, never as shared', () => {
    const union = buildUnion([
      { accountId: 'alice', tracks: [localFile('Demo', 2), saved(1, 1)] },
      { accountId: 'bob', tracks: [localFile('Demo', 2), saved(1, 3)] },
    ]);
    const { counts } = unionView(union, sortRows(union, defaultSort), null, { kind: 'all' });
    expect(counts.several).toBe(1);
    expect(counts.only).toEqual([1, 1]);
    expect(counts.notIn).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('combines a search with a filter and a sort, counting among the matches', () => {
    const union = buildUnion([
      {
        accountId: 'alice',
        tracks: [
          saved(1, 40, { name: 'Paper Moon' }),
          saved(2, 30, { name: 'Paper Planes' }),
          saved(3, 20, { name: 'Stone' }),
        ],
      },
      {
        accountId: 'bob',
        tracks: [saved(4, 35, { name: 'Paper Boats' }), saved(2, 10, { name: 'Paper Planes' })],
      },
    ]);
    const order = sortRows(union, { key: 'name', direction: 'ascending' });
    const ordered = tracksInOrder(union, order);
    const search = createTrackSearch(ordered, searchText(ordered));
    const matches = search.positions('paper');
    const notInBob = unionView(union, order, matches, { kind: 'notIn', account: 0, other: 1 });
    expect(names(union, notInBob.rows)).toEqual(['Paper Moon']);
    expect(notInBob.counts.all).toBe(3);
    expect(notInBob.counts.notIn[0]?.[1]).toBe(1);
    expect(notInBob.counts.notIn[1]?.[0]).toBe(1);
    expect(notInBob.counts.several).toBe(1);
    const several = unionView(union, order, matches, { kind: 'several' });
    expect(names(union, several.rows)).toEqual(['Paper Planes']);
    // Newest first saved first, then oldest first.
    const byDate = sortRows(union, { key: 'addedAt', direction: 'ascending' });
    expect(names(union, byDate)).toEqual(['Paper Planes', 'Stone', 'Paper Boats', 'Paper Moon']);
    expect(search.positions('  ')).toBeNull();
  });

  it('sorts by title, artists and duration as an account does, equal ones newest first saved first', () => {
    const columns = new ListColumns();
    const alice = [
      saved(1, 50, { name: 'track 10', artists: ['Zoé'], durationMs: 3000 }),
      saved(2, 40, { name: 'Échappée', artists: ['ant'], durationMs: 1000 }),
      localFile('beta', 30),
      saved(3, 20, { name: 'Track 9', artists: ['Bee'], durationMs: 2000 }),
      saved(4, 10, { name: 'échappée', artists: ['Ant'], durationMs: 1000 }),
    ];
    const sources = [{ accountId: 'alice', tracks: alice }];
    const union = buildUnion(sources, columns);
    for (const key of ['name', 'artist', 'duration'] as const) {
      for (const direction of ['ascending', 'descending'] as const) {
        expect(names(union, sortRows(union, { key, direction }))).toEqual(
          sortTracks(alice, { key, direction }).map((track) => track.name),
        );
      }
    }
    // A later list with a new track: put in its place among those ranked before.
    const later = [saved(5, 60, { name: 'Alpha' }), ...alice];
    const after = buildUnion([{ accountId: 'alice', tracks: later }], columns);
    expect(names(after, sortRows(after, { key: 'name', direction: 'ascending' }))).toEqual(
      sortTracks(later, { key: 'name', direction: 'ascending' }).map((track) => track.name),
    );
  });

  it('sorts by first saved even when a list is out of date order', () => {
    const union = buildUnion([
      { accountId: 'alice', tracks: [saved(1, 10), saved(2, 30), saved(3, 20)] },
    ]);
    expect(names(union, sortRows(union, defaultSort))).toEqual(['Song 2', 'Song 3', 'Song 1']);
  });

  it('is empty for accounts with no tracks', () => {
    const union = buildUnion([
      { accountId: 'alice', tracks: [] },
      { accountId: 'bob', tracks: [] },
    ]);
    expect(union.size).toBe(0);
    expect(
      unionView(union, sortRows(union, defaultSort), null, { kind: 'every' }).counts.held,
    ).toEqual([0, 0]);
  });
});
