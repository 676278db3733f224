// A page that holds a revision of the library gets only what changed since, through the real
// handlers of a real core syncing with the fake Spotify over HTTP.
import { FolderFileHost } from '../../support/folder-file-host.js';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../electron/core/ipc/ipc-handlers.js';
import type { CachedTracksView, LibrarySyncView } from '../../../electron/core/ipc/contract.js';
import { createIpcRouter, type IpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { openLibraryHarness, type LibraryHarness } from './support.js';

let h: LibraryHarness;
let router: IpcRouter;

beforeEach(async () => {
  h = await openLibraryHarness({ tracks: 200 });
  router = createIpcRouter(
    createIpcHandlers(h.core, {
      version: '1',
      files: new FolderFileHost(os.tmpdir()),
      demo: false,
      emit: () => undefined,
    }),
    { maxArgumentBytes: 4096, onUnexpectedError: (_channel, error) => expect(error).toBeNull() },
  );
});

afterEach(async () => {
  await h.dispose();
});

async function sync(since?: string | null): Promise<LibrarySyncView> {
  const args = since === undefined ? [h.accountId] : [h.accountId, { since }];
  const answer = await router.handle('library:sync', args);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as LibrarySyncView;
}

async function cached(offset = 0, limit = 5000): Promise<CachedTracksView> {
  const answer = await router.handle('library:cached', [h.accountId, { offset, limit }]);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as CachedTracksView;
}

describe('library deltas', () => {
  it('answers a sync with the tracks added on top since the page’s revision, and nothing else', async () => {
    const first = await sync(null);
    expect(first.changes).toEqual({ kind: 'reload' });
    const read = await cached();
    expect(read.revision).toBe(first.revision);
    expect(read.cachedCount).toBe(200);

    await h.fake.control.addSavedTracks(h.user.id, 3);
    const added = (await h.fake.control.savedTrackIds(h.user.id)).slice(0, 3);
    const next = await sync(read.revision);
    expect(next.changes.kind).toBe('delta');
    if (next.changes.kind !== 'delta') return;
    expect(next.changes.steps).toHaveLength(1);
    expect(next.changes.steps[0]?.added.map((t) => t.id)).toEqual(added);
    expect(next.changes.steps[0]?.removed).toEqual([]);
    expect(next.revision).not.toBe(read.revision);
    expect(next.total).toBe(203);
    expect((await cached()).revision).toBe(next.revision);
  });

  it('keeps the revision when nothing changed and says so', async () => {
    const first = await sync(null);
    const again = await sync(first.revision);
    expect(again.kind).toBe('unchanged');
    expect(again.revision).toBe(first.revision);
    expect(again.changes).toEqual({ kind: 'none' });
  });

  it('chains the steps of several syncs the page missed', async () => {
    const first = await sync(null);
    await h.fake.control.addSavedTracks(h.user.id, 2);
    const one = (await h.fake.control.savedTrackIds(h.user.id)).slice(0, 2);
    await sync(first.revision);
    await h.fake.control.addSavedTracks(h.user.id, 1);
    const two = (await h.fake.control.savedTrackIds(h.user.id)).slice(0, 1);
    await sync();
    const caughtUp = await sync(first.revision);
    if (caughtUp.changes.kind !== 'delta') throw new Error(`got ${caughtUp.changes.kind}`);
    expect(caughtUp.changes.steps.map((step) => step.added.map((t) => t.id))).toEqual([one, two]);
  });

  it('sends the items removed by a sync that repaired a removal, when the rest kept its order', async () => {
    const first = await sync(null);
    const removed = await h.fake.control.removeSavedTracks(h.user.id, { count: 1 });
    const next = await sync(first.revision);
    if (next.changes.kind !== 'delta') throw new Error(`got ${next.changes.kind}`);
    expect(next.changes.steps[0]?.added).toEqual([]);
    expect(next.changes.steps[0]?.removed).toHaveLength(1);
    expect(next.changes.steps[0]?.removed[0]).toMatch(new RegExp(`^${removed[0]}@`));
  });

  it('tells a page whose revision it does not know (another run of the app) to reload', async () => {
    await sync(null);
    const stale = await sync('00000000-1');
    expect(stale.changes).toEqual({ kind: 'reload' });
    const restarted = await h.reopen();
    const before = await cached();
    const library = await restarted.cachedLibrary(h.accountId);
    expect(library).not.toBeNull();
    if (library === null) return;
    // A new run hands out revisions of its own: the old one never matches.
    expect(restarted.libraryRevision(library)).not.toBe(before.revision);
  });
});
