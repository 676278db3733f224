// Revisions of one account's library: steps are handed out only when they lead from the page's
// revision to the library held now, and only while they stay smaller than reading it again.
import { describe, expect, it } from 'vitest';
import { LibraryRevisions } from '../../../electron/core/library/library-revisions.js';
import type { LibrarySnapshot } from '../../../electron/core/library/library-snapshot.js';
import type { SavedTrack } from '../../../electron/core/spotify/models.js';

function track(n: number): SavedTrack {
  return {
    id: `t${n}`,
    uri: `spotify:track:t${n}`,
    name: `Song ${n}`,
    artists: [],
    album: 'Album',
    albumImageUrl: null,
    durationMs: 1000,
    explicit: false,
    isLocal: false,
    addedAt: n,
    spotifyUrl: `https://open.spotify.com/track/t${n}`,
  };
}

/** A library of tracks `from` down to 1, newest first. */
function snapshot(from: number): LibrarySnapshot {
  const tracks = Array.from({ length: from }, (_, i) => track(from - i));
  return { tracks, total: tracks.length, lastSyncedAt: from };
}

describe('LibraryRevisions', () => {
  it('keeps the revision for a sync that changed nothing, even one reported as a full sync', () => {
    const revisions = new LibraryRevisions();
    const first = snapshot(10);
    const r1 = revisions.adopt('a', first);
    const same = { ...first, lastSyncedAt: 99 };
    expect(revisions.record('a', first, same, false)).toBe(r1);
    expect(revisions.changesSince('a', r1, same)).toEqual({ kind: 'none' });
  });

  it('answers reload when the steps would not end at the library held now', () => {
    const revisions = new LibraryRevisions();
    const first = snapshot(10);
    const r1 = revisions.adopt('a', first);
    const second = snapshot(12);
    revisions.record('a', first, second, false);
    // A snapshot that is not the account's current library (say, one read before the sync).
    expect(revisions.changesSince('a', r1, first)).toEqual({ kind: 'reload' });
    expect(revisions.changesSince('a', r1, second).kind).toBe('delta');
  });

  it('answers reload when several syncs together changed more than a read would carry', () => {
    const revisions = new LibraryRevisions();
    let held = snapshot(10);
    const r1 = revisions.adopt('a', held);
    for (let size = 4010; size <= 12_010; size += 4000) {
      const next = snapshot(size);
      revisions.record('a', held, next, false);
      held = next;
    }
    expect(revisions.changesSince('a', r1, held)).toEqual({ kind: 'reload' });
  });

  it('forgets steps older than the last eight syncs', () => {
    const revisions = new LibraryRevisions();
    let held = snapshot(10);
    const r1 = revisions.adopt('a', held);
    const after = [revisions.revisionOf(held)];
    for (let size = 11; size <= 19; size += 1) {
      const next = snapshot(size);
      after.push(revisions.record('a', held, next, false));
      held = next;
    }
    expect(revisions.changesSince('a', r1, held)).toEqual({ kind: 'reload' });
    const recent = revisions.changesSince('a', after[1] ?? null, held);
    expect(recent.kind === 'delta' && recent.steps).toHaveLength(8);
  });
});
