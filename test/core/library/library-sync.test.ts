// LibrarySync on its own, fed pages from the fake through a real AppCore but with the arrival
// order and the library's churn under the test's control.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock.js';
import { LibraryCache } from '../../../electron/core/library/library-cache.js';
import {
  LibrarySync,
  type FetchSavedTracksPage,
} from '../../../electron/core/library/library-sync.js';
import { openLibraryHarness, type LibraryHarness } from './support.js';

let h: LibraryHarness;
let cacheDir: string;

afterEach(async () => {
  await h.dispose();
  await rm(cacheDir, { recursive: true, force: true });
});

async function syncWith(fetchPage: FetchSavedTracksPage, pageWindow = 6) {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'library-sync-'));
  const sync = new LibrarySync({
    accountId: h.accountId,
    fetchPage,
    cache: new LibraryCache(cacheDir),
    clock: systemClock,
    pageWindow,
  });
  return sync.run(null);
}

describe('LibrarySync', () => {
  it('assembles pages by offset when they arrive in reverse order', async () => {
    h = await openLibraryHarness({ tracks: 400, scheduler: { concurrency: 8 } });
    const arrived: number[] = [];
    const outcome = await syncWith(async (offset, limit) => {
      const page = await h.core.savedTracksPage(h.accountId, { offset, limit });
      // Later pages answer sooner, so they land first.
      await new Promise((resolve) => setTimeout(resolve, offset === 0 ? 0 : 400 - offset));
      arrived.push(offset);
      return page;
    }, 7);
    expect(arrived.slice(1, 8)).not.toEqual([50, 100, 150, 200, 250, 300, 350]);
    expect(arrived.at(-1)).toBe(0); // the final look at page 0
    expect(outcome.library.tracks.map((t) => t.id)).toEqual(
      await h.fake.control.savedTrackIds(h.user.id),
    );
  });

  it('gives up with library_kept_changing when every attempt sees new tracks', async () => {
    h = await openLibraryHarness({ tracks: 200 });
    const sync = syncWith(async (offset, limit) => {
      // Someone keeps saving tracks while the pages are fetched.
      if (offset === 100) await h.fake.control.addSavedTracks(h.user.id, 1);
      return h.core.savedTracksPage(h.accountId, { offset, limit });
    });
    await expect(sync).rejects.toMatchObject({ code: 'library_kept_changing' });
  });

  it('refuses a page window or attempt count below one', async () => {
    h = await openLibraryHarness({ tracks: 0 });
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'library-sync-'));
    const base = {
      accountId: h.accountId,
      fetchPage: () => Promise.reject(new Error('not called')),
      cache: new LibraryCache(cacheDir),
      clock: systemClock,
    };
    expect(() => new LibrarySync({ ...base, pageWindow: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_library_option' }),
    );
    expect(() => new LibrarySync({ ...base, maxFullSyncAttempts: 1.5 })).toThrow(
      expect.objectContaining({ code: 'invalid_library_option' }),
    );
  });

  it('syncs an empty library in one request plus the check', async () => {
    h = await openLibraryHarness({ tracks: 0 });
    const outcome = await syncWith((offset, limit) =>
      h.core.savedTracksPage(h.accountId, { offset, limit }),
    );
    expect(outcome.library).toMatchObject({ tracks: [], total: 0 });
    expect(outcome.pageRequests).toBe(2);
  });
});
