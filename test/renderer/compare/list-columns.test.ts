// Track lists as columns of numbers: one number per track ID across every list, -1 for local
// files, made a slice at a time in idle time, and carried over from the list before a library step.
import { describe, expect, it } from 'vitest';

import { applyLibraryStep, libraryItemKey } from '../../../renderer/src/app-contract.js';
import { ListColumns } from '../../../renderer/src/compare/list-columns.js';
import { makeTrack } from '../fake-bridge.js';

const plentyOfTime = { timeRemaining: () => 50 };
const noTimeLeft = { timeRemaining: () => 0 };

describe('list columns', () => {
  it('gives the same track ID the same number in every list, and local files none', () => {
    const columns = new ListColumns();
    const alice = [makeTrack(1), makeTrack(2), makeTrack(3, { id: null, isLocal: true })];
    const bob = [makeTrack(2, { addedAt: 5 }), makeTrack(4)];
    const a = columns.of(alice);
    const b = columns.of(bob);
    expect(a.numbers[1]).toBe(b.numbers[0]);
    expect(a.numbers[2]).toBe(-1);
    expect(new Set([a.numbers[0], a.numbers[1], b.numbers[1]]).size).toBe(3);
    expect(columns.trackOf(b.numbers[1] as number).id).toBe('track4');
    expect(Array.from(b.addedAt)).toEqual([5, makeTrack(4).addedAt]);
    expect(columns.of(alice)).toBe(a);
  });

  it('is made a slice at a time while the idle period lasts', () => {
    const columns = new ListColumns();
    const tracks = Array.from({ length: 5000 }, (_, i) => makeTrack(i));
    expect(columns.prepare(tracks, noTimeLeft)).toBe(false);
    expect(columns.numbered).toBeLessThan(5000);
    expect(columns.prepare(tracks, plentyOfTime)).toBe(true);
    expect(columns.numbered).toBe(5000);
    expect(columns.of(tracks).numbers[4999]).toBe(4999);
  });

  it('carries the numbers over to the list after a step, numbering only the new tracks', () => {
    const columns = new ListColumns();
    const before = [makeTrack(3), makeTrack(2), makeTrack(1)];
    const old = columns.of(before);
    const after = applyLibraryStep(before, {
      added: [makeTrack(9)],
      removed: [libraryItemKey(makeTrack(2))],
    });
    columns.carryOver(before, after);
    expect(columns.numbered).toBe(4);
    const carried = columns.of(after);
    expect(columns.numbered).toBe(4);
    expect(Array.from(carried.numbers)).toEqual([3, old.numbers[0], old.numbers[2]]);
    expect(carried.addedAt[0]).toBe(makeTrack(9).addedAt);
  });
});
