// Syncs that do not finish: cancelled, cut off by the network, refused by Spotify, or overtaken by
// the account's removal. What was fetched is kept, the next sync fetches only the rest, the cached
// library survives, and a removed account's cache folder stays gone.
import { access } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { accountCacheDir } from '../../../electron/core/accounts/account-key.js';
import { LibraryCache } from '../../../electron/core/library/library-cache.js';
import {
  openLibraryHarness,
  pageRequests,
  untilSchedulerIdle,
  type LibraryHarness,
} from './support.js';

let h: LibraryHarness;

afterEach(async () => {
  await h.dispose();
});

/** Offsets of the pages a previous sync stored for resuming. */
async function storedPageOffsets(): Promise<number[]> {
  const partial = await new LibraryCache(h.dataDir).loadPartial(h.accountId);
  return [...(partial.value?.pages.keys() ?? [])].sort((a, b) => a - b);
}

/** The second sync must ask for page 0 (to check, and to re-check) and only the missing pages. */
async function expectResumeFetchesOnlyTheRest(stored: readonly number[]) {
  await untilSchedulerIdle(h.core);
  h.pageOffsets.length = 0;
  const outcome = await h.core.syncLibrary(h.accountId);
  expect(outcome.library.tracks.map((t) => t.id)).toEqual(
    await h.fake.control.savedTrackIds(h.user.id),
  );
  const all = Array.from({ length: 20 }, (_, i) => i * 50);
  const missing = all.filter((offset) => offset !== 0 && !stored.includes(offset));
  expect([...h.pageOffsets].sort((a, b) => a - b)).toEqual([0, 0, ...missing]);
  // The finished sync leaves no partial file behind.
  expect(await storedPageOffsets()).toEqual([]);
}

describe('an interrupted first sync', () => {
  it('stops at once when cancelled and later fetches only the pages it had not stored', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    const controller = new AbortController();
    h.core.onSyncProgress((event) => {
      if (event.phase === 'fetching' && event.loaded >= 400) controller.abort();
    });

    await expect(
      h.core.syncLibrary(h.accountId, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'library_sync_cancelled' });

    const stored = await storedPageOffsets();
    expect(stored.length).toBeGreaterThanOrEqual(8);
    expect(stored.length).toBeLessThan(20);
    expect(await h.core.cachedLibrary(h.accountId)).toBeNull();
    await expectResumeFetchesOnlyTheRest(stored);
  });

  it('sends none of its pages waiting out a Retry-After once cancelled', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    let faulted: Promise<void> | null = null;
    h.core.onSyncProgress((event) => {
      if (faulted === null && event.phase === 'fetching' && event.loaded >= 300) {
        faulted = h.fake.control.injectFault({
          kind: 'rate_limit',
          retryAfterSeconds: 1,
          count: 1,
          pathPrefix: '/v1/me/tracks',
        });
      }
    });
    const controller = new AbortController();
    const syncing = h.core.syncLibrary(h.accountId, { signal: controller.signal });
    syncing.catch(() => undefined);
    // Spotify asked for a pause: the sync's next pages wait in the scheduler for it to pass.
    while (h.core.scheduler.state.kind !== 'rate_limited') {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const sentBeforeCancel = h.pageOffsets.length;
    controller.abort();

    await expect(syncing).rejects.toMatchObject({ code: 'library_sync_cancelled' });
    expect(h.core.scheduler.stats).toMatchObject({ inFlight: 0, outstanding: 0 });
    // Past the Retry-After: none of the waiting pages went out.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(h.pageOffsets).toHaveLength(sentBeforeCancel);
    await faulted;
  });

  it('is not cancelled by the signal of an earlier sync that has ended', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    const earlier = new AbortController();
    await h.core.syncLibrary(h.accountId, { signal: earlier.signal });
    await h.fake.control.addSavedTracks(h.user.id, 200);

    const later = h.core.syncLibrary(h.accountId);
    earlier.abort();

    await expect(later).resolves.toMatchObject({ library: { total: 1_200 } });
  });

  it('keeps the pages fetched before the connection kept dropping, and resumes after', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    let faulted: Promise<void> | null = null;
    h.core.onSyncProgress((event) => {
      if (faulted === null && event.phase === 'fetching' && event.loaded >= 300) {
        faulted = h.fake.control.injectFault({
          kind: 'drop_connection',
          pathPrefix: '/v1/me/tracks',
        });
      }
    });

    await expect(h.core.syncLibrary(h.accountId)).rejects.toMatchObject({
      code: 'network_error',
    });
    await faulted;
    await h.fake.control.clearFaults();

    const stored = await storedPageOffsets();
    expect(stored.length).toBeGreaterThanOrEqual(6);
    expect(stored.length).toBeLessThan(20);
    await expectResumeFetchesOnlyTheRest(stored);
  });

  it('resumes after a restart of the app, from the partial file on disk', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    const controller = new AbortController();
    h.core.onSyncProgress((event) => {
      if (event.phase === 'fetching' && event.loaded >= 500) controller.abort();
    });
    await expect(
      h.core.syncLibrary(h.accountId, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'library_sync_cancelled' });
    const stored = await storedPageOffsets();

    const restarted = await h.reopen();
    await untilSchedulerIdle(h.core);
    h.pageOffsets.length = 0;
    const outcome = await restarted.syncLibrary(h.accountId);
    expect(outcome.library.tracks.map((t) => t.id)).toEqual(
      await h.fake.control.savedTrackIds(h.user.id),
    );
    expect(h.pageOffsets).toHaveLength(2 + 19 - (stored.length - 1));
  });

  it('starts afresh when the library changed since the interrupted sync', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    const controller = new AbortController();
    h.core.onSyncProgress((event) => {
      if (event.phase === 'fetching' && event.loaded >= 400) controller.abort();
    });
    await expect(
      h.core.syncLibrary(h.accountId, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'library_sync_cancelled' });
    // Every stored page is now shifted by one: none of them may be reused.
    await h.fake.control.addSavedTracks(h.user.id, 1);
    await untilSchedulerIdle(h.core);
    h.pageOffsets.length = 0;

    const outcome = await h.core.syncLibrary(h.accountId);

    expect(outcome.library.tracks.map((t) => t.id)).toEqual(
      await h.fake.control.savedTrackIds(h.user.id),
    );
    expect(h.pageOffsets).toHaveLength(22);
  });
});

describe('a re-sync Spotify refuses', () => {
  it('stops on a revoked sign-in and keeps the cached library', async () => {
    h = await openLibraryHarness({ tracks: 200 });
    await h.core.syncLibrary(h.accountId);
    await h.fake.control.addSavedTracks(h.user.id, 30);
    await h.fake.control.revokeUser(h.user.id);
    await h.fake.control.expireAccessTokens(h.user.id);

    await expect(h.core.syncLibrary(h.accountId)).rejects.toMatchObject({
      code: 'needs_sign_in',
    });

    expect((await h.core.cachedLibrary(h.accountId))?.tracks).toHaveLength(200);
    const restarted = await h.reopen();
    expect((await restarted.cachedLibrary(h.accountId))?.tracks).toHaveLength(200);
  });

  it('surfaces the scheduler’s quota error and keeps the cached library', async () => {
    h = await openLibraryHarness({ tracks: 200 });
    await h.core.syncLibrary(h.accountId);
    await h.fake.control.injectFault({ kind: 'quota_exceeded', pathPrefix: '/v1/me/tracks' });

    await expect(h.core.syncLibrary(h.accountId)).rejects.toMatchObject({
      code: 'quota_exceeded',
    });
    expect((await h.core.cachedLibrary(h.accountId))?.tracks).toHaveLength(200);
  });

  it('keeps the pages fetched before a long rate-limit pause for the next sync', async () => {
    h = await openLibraryHarness({
      tracks: 1_000,
      latencyMs: 10,
      scheduler: { concurrency: 2, maxRateLimitWaitMs: 1_000 },
    });
    let faulted: Promise<void> | null = null;
    h.core.onSyncProgress((event) => {
      if (faulted === null && event.phase === 'fetching' && event.loaded >= 300) {
        faulted = h.fake.control.injectFault({
          kind: 'rate_limit',
          retryAfterSeconds: 3_600,
          pathPrefix: '/v1/me/tracks',
        });
      }
    });
    await expect(h.core.syncLibrary(h.accountId)).rejects.toMatchObject({
      code: 'rate_limited',
    });
    await faulted;
    expect((await storedPageOffsets()).length).toBeGreaterThanOrEqual(6);
  });
});

describe('removing an account during its sync', () => {
  it('cancels the sync and leaves no cache folder behind', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 10, scheduler: { concurrency: 2 } });
    let removal: Promise<void> | null = null;
    h.core.onSyncProgress((event) => {
      if (removal === null && event.phase === 'fetching' && event.loaded >= 300) {
        removal = h.core.removeAccount(h.accountId);
      }
    });

    await expect(h.core.syncLibrary(h.accountId)).rejects.toMatchObject({
      code: 'library_sync_cancelled',
    });
    await removal;
    // Answers to the requests that were on the wire arrive now; none may write.
    await untilSchedulerIdle(h.core);
    await h.fake.control.resetCounts();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const folder = accountCacheDir(h.dataDir, h.accountId);
    await expect(access(folder)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await pageRequests(h.fake)).toBe(0);
    expect(h.core.registry.list()).toEqual([]);
  });
});
