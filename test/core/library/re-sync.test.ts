// Re-syncs against the fake over real HTTP: page 0 and `total` decide. Unchanged costs one
// request, new tracks on top cost only the pages they span, and anything else (a removal in the
// middle) is repaired by a full sync that ends with Spotify's order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibraryHarness, pageRequests, type LibraryHarness } from './support.js';

let h: LibraryHarness;

beforeEach(async () => {
  h = await openLibraryHarness({ tracks: 1_000 });
  await h.core.syncLibrary(h.accountId);
  await h.fake.control.resetCounts();
});

afterEach(async () => {
  await h.dispose();
});

async function expectSameAsFake(ids: readonly (string | null)[]) {
  expect(ids).toEqual(await h.fake.control.savedTrackIds(h.user.id));
}

describe('re-sync', () => {
  it('costs exactly one request when nothing changed', async () => {
    const outcome = await h.core.syncLibrary(h.accountId);
    expect(outcome.kind).toBe('unchanged');
    expect(await pageRequests(h.fake)).toBe(1);
    expect((await h.fake.control.requestCounts()).total).toBe(1);
  });

  it('fetches one page for 30 new tracks on top', async () => {
    await h.fake.control.addSavedTracks(h.user.id, 30);
    const outcome = await h.core.syncLibrary(h.accountId);
    expect(outcome.kind).toBe('incremental');
    expect(await pageRequests(h.fake)).toBe(1);
    expect(outcome.library.total).toBe(1_030);
    await expectSameAsFake(outcome.library.tracks.map((t) => t.id));
  });

  it('fetches three pages for 120 new tracks on top', async () => {
    await h.fake.control.addSavedTracks(h.user.id, 120);
    const outcome = await h.core.syncLibrary(h.accountId);
    expect(outcome.kind).toBe('incremental');
    expect(await pageRequests(h.fake)).toBe(3);
    await expectSameAsFake(outcome.library.tracks.map((t) => t.id));
  });

  it('keeps the new tracks on disk: a restarted app reads them without asking Spotify', async () => {
    await h.fake.control.addSavedTracks(h.user.id, 30);
    await h.core.syncLibrary(h.accountId);
    const restarted = await h.reopen();
    await h.fake.control.resetCounts();
    const cached = await restarted.cachedLibrary(h.accountId);
    expect((await h.fake.control.requestCounts()).total).toBe(0);
    await expectSameAsFake(cached?.tracks.map((t) => t.id) ?? []);
  });

  it('detects a removal in the middle and repairs it with one full sync', async () => {
    const ids = await h.fake.control.savedTrackIds(h.user.id);
    const middle = ids.slice(500).find((id) => id !== null);
    await h.fake.control.removeSavedTracks(h.user.id, [middle as string]);

    const outcome = await h.core.syncLibrary(h.accountId);

    expect(outcome.kind).toBe('full');
    expect(outcome.library.total).toBe(999);
    await expectSameAsFake(outcome.library.tracks.map((t) => t.id));
    // Never more than a full sync: 20 pages (page 0 reused) and the final look at page 0.
    expect(await pageRequests(h.fake)).toBe(21);
  });

  it('repairs with a full sync when tracks were added and others removed at once', async () => {
    // Same total as before, a new newest item: not "only additions", so no shortcut is safe.
    await h.fake.control.removeSavedTracks(h.user.id, { count: 5, fromTop: false });
    await h.fake.control.addSavedTracks(h.user.id, 5);
    const outcome = await h.core.syncLibrary(h.accountId);
    expect(outcome.kind).toBe('full');
    await expectSameAsFake(outcome.library.tracks.map((t) => t.id));
  });

  it('answers cachedLibrary from memory without any request', async () => {
    const cached = await h.core.cachedLibrary(h.accountId);
    expect(cached?.tracks).toHaveLength(1_000);
    expect((await h.fake.control.requestCounts()).total).toBe(0);
  });

  it('runs one sync per account: a second call joins the running one', async () => {
    await h.fake.control.addSavedTracks(h.user.id, 30);
    const [first, second] = await Promise.all([
      h.core.syncLibrary(h.accountId),
      h.core.syncLibrary(h.accountId),
    ]);
    expect(second).toBe(first);
    expect(await pageRequests(h.fake)).toBe(1);
  });
});
