// A first sync of a library against the fake over real HTTP: every page in parallel through the
// shared scheduler, assembled by offset into Spotify's order, with progress reported, and a library
// that changes during the sync noticed and repaired.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../electron/core/library/library-sync.js';
import { openLibraryHarness, pageRequests, type LibraryHarness } from './support.js';

let h: LibraryHarness;

afterEach(async () => {
  await h.dispose();
});

describe('first sync', () => {
  it('gives the fake’s tracks in the fake’s order, fetching every page once', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 5 });
    await h.fake.control.resetCounts();
    h.pageOffsets.length = 0;

    const outcome = await h.core.syncLibrary(h.accountId);

    expect(outcome.kind).toBe('full');
    expect(outcome.library.total).toBe(1_000);
    expect(outcome.library.tracks.map((t) => t.id)).toEqual(
      await h.fake.control.savedTrackIds(h.user.id),
    );
    // Every page once, plus page 0 looked at again to check nothing moved meanwhile.
    const offsets = Array.from({ length: 20 }, (_, i) => i * 50);
    expect([...h.pageOffsets].sort((a, b) => a - b)).toEqual([0, ...offsets]);
    expect(await pageRequests(h.fake)).toBe(21);
    expect(h.core.registry.require(h.accountId).lastSyncedAt).toBe(outcome.library.lastSyncedAt);
  });

  it('sends pages in parallel but never more than the scheduler’s concurrency', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 20, scheduler: { concurrency: 4 } });
    await h.core.syncLibrary(h.accountId);
    expect(h.core.scheduler.stats.maxInFlight).toBe(4);
  });

  it('keeps its cancel signal under Node’s listener limit, however many pages are outstanding', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      for (const concurrency of [8, 24]) {
        if (concurrency !== 8) await h.dispose();
        h = await openLibraryHarness({ tracks: 2_000, latencyMs: 20, scheduler: { concurrency } });
        await h.core.syncLibrary(h.accountId, { signal: new AbortController().signal });
        expect(h.core.scheduler.stats.maxInFlight).toBe(concurrency);
      }
      // Node reports a warning on the next turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('reports progress from checking through fetching to done, never going back', async () => {
    h = await openLibraryHarness({ tracks: 500, latencyMs: 5 });
    const events: SyncProgress[] = [];
    h.core.onSyncProgress((event) => events.push(event));

    await h.core.syncLibrary(h.accountId);

    expect(events[0]).toMatchObject({ accountId: h.accountId, phase: 'checking', loaded: 0 });
    expect(events.at(-1)).toEqual({
      accountId: h.accountId,
      phase: 'done',
      loaded: 500,
      total: 500,
    });
    const fetching = events.filter((event) => event.phase === 'fetching');
    expect(fetching.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < fetching.length; i += 1) {
      expect(fetching[i]?.loaded).toBeGreaterThan(fetching[i - 1]?.loaded ?? Infinity);
    }
  });

  it('notices tracks saved on top during the sync and ends with the library as it is now', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    let added: Promise<string[]> | null = null;
    h.core.onSyncProgress((event) => {
      // Mid-sync: every page fetched from now on is shifted down by three.
      if (added === null && event.phase === 'fetching' && event.loaded >= 300) {
        added = h.fake.control.addSavedTracks(h.user.id, 3);
      }
    });

    const outcome = await h.core.syncLibrary(h.accountId);

    expect(added).not.toBeNull();
    expect(await added).toHaveLength(3);
    expect(outcome.library.total).toBe(1_003);
    // Started over once: more than the 20 pages and one check a quiet library needs.
    expect(outcome.pageRequests).toBeGreaterThan(21);
    expect(outcome.library.tracks.map((t) => t.id)).toEqual(
      await h.fake.control.savedTrackIds(h.user.id),
    );
  });

  it('rejects an unknown account before touching the network', async () => {
    h = await openLibraryHarness({ tracks: 10 });
    await h.fake.control.resetCounts();
    await expect(h.core.syncLibrary('no-such-account')).rejects.toMatchObject({
      code: 'account_not_found',
    });
    await expect(h.core.cachedLibrary('no-such-account')).rejects.toMatchObject({
      code: 'account_not_found',
    });
    expect((await h.fake.control.requestCounts()).total).toBe(0);
  });
});
