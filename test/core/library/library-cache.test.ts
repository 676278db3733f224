// The on-disk library cache: compact columns that read back exactly what was written, files that
// cannot be used set aside and rebuilt from Spotify without a crash, and no token anywhere in them.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryCache } from '../../../electron/core/library/library-cache.js';
import {
  decodeTrackColumns,
  encodeTrackColumns,
  TrackColumnsError,
} from '../../../electron/core/library/track-columns.js';
import type { SavedTrack } from '../../../electron/core/spotify/models.js';
import { openLibraryHarness, type LibraryHarness } from './support.js';

const ordinary: SavedTrack = {
  id: '4uLU6hMCjMI75M1A2tKUQC',
  uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
  name: 'Never Gonna',
  artists: [
    { id: '0gxyHStUsqpMadRV0Di1Qt', name: 'Rick' },
    { id: null, name: 'Guest' },
  ],
  album: 'Whenever',
  albumImageUrl: 'https://i.scdn.co/image/abc',
  durationMs: 213_000,
  explicit: true,
  isLocal: false,
  addedAt: Date.parse('2026-06-01T12:00:00Z'),
  spotifyUrl: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
};
const local: SavedTrack = {
  id: null,
  uri: 'spotify:local:Band:Demo:Song:214',
  name: 'Song',
  artists: [{ id: null, name: 'Band' }],
  album: 'Demo',
  albumImageUrl: null,
  durationMs: 214_000,
  explicit: false,
  isLocal: true,
  addedAt: Date.parse('2026-05-01T08:00:00Z'),
  spotifyUrl: null,
};
// A relinked track: its URI and link do not follow from its id, so both are stored as they are.
const relinked: SavedTrack = {
  ...ordinary,
  id: '1111111111111111111111',
  artists: [],
  uri: 'spotify:track:2222222222222222222222',
  spotifyUrl: 'https://open.spotify.com/track/2222222222222222222222?si=1',
};

describe('track columns', () => {
  it('read back exactly the tracks written, local files and odd links included', () => {
    const tracks = [ordinary, local, relinked, { ...ordinary, addedAt: 1 }];
    const columns = JSON.parse(JSON.stringify(encodeTrackColumns(tracks))) as unknown;
    expect(decodeTrackColumns(columns)).toEqual(tracks);
  });

  it('store each repeated text once and no derivable track link at all', () => {
    const columns = encodeTrackColumns([ordinary, { ...ordinary, addedAt: 5 }]);
    expect(columns.strings.filter((s) => s === 'Whenever')).toHaveLength(1);
    expect(columns.strings.some((s) => s.startsWith('https://open.spotify.com/track/'))).toBe(
      false,
    );
    expect(columns.strings.some((s) => s.startsWith('spotify:track:'))).toBe(false);
  });

  it.each([
    ['a reference past the string table', { name: [99] }],
    ['a column of another length', { durationMs: [1, 2] }],
    ['a flag other than 0 or 1', { explicit: [2] }],
    ['a link derived from a missing id', { id: [-1] }],
    ['artists that are not pairs', { artists: [[0]] }],
  ])('reject %s', (_, damage) => {
    const columns = { ...encodeTrackColumns([ordinary]), ...damage };
    expect(() => decodeTrackColumns(columns)).toThrow(TrackColumnsError);
  });
});

describe('library cache files', () => {
  let dataDir: string;
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2), 'file_corrupt'],
    ['not JSON at all', () => '\u0000\u0000garbage', 'file_corrupt'],
    [
      'of another version',
      (text: string) => text.replace('"version":1', '"version":99'),
      'file_unsupported_version',
    ],
    [
      'with a damaged column',
      (text: string) => text.replace('"durationMs":[', '"durationMs":["x",'),
      'file_corrupt',
    ],
  ])('sets a file %s aside and reports it instead of failing', async (_, damage, code) => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'library-cache-'));
    const cache = new LibraryCache(dataDir);
    await cache.save('acct1', { tracks: [ordinary, local], total: 2, lastSyncedAt: 10 });
    const file = cache.files('acct1').library;
    await writeFile(file, damage(await readFile(file, 'utf8')));

    const read = await cache.load('acct1');

    expect(read.value).toBeNull();
    expect(read.notice).toMatchObject({ code, file, setAsidePath: `${file}.corrupt` });
    expect(await readdir(path.dirname(file))).toEqual(['library.json.corrupt']);
    expect(await cache.load('acct1')).toEqual({ value: null, notice: null });
  });

  it('deletes an account’s whole folder and leaves the other accounts’ alone', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'library-cache-'));
    const cache = new LibraryCache(dataDir);
    await cache.save('acct1', { tracks: [ordinary], total: 1, lastSyncedAt: 10 });
    await cache.save('acct2', { tracks: [local], total: 1, lastSyncedAt: 10 });
    await writeFile(path.join(path.dirname(cache.files('acct1').library), 'other'), 'x');

    await cache.removeAccount('acct1');

    expect(await readdir(path.join(dataDir, 'cache'))).toEqual(['acct2']);
    expect((await cache.load('acct2')).value?.tracks).toEqual([local]);
    await expect(cache.removeAccount('acct1')).resolves.toBeUndefined();
  });

  it('skips a page line cut short at the end of the partial file and keeps the others', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'library-cache-'));
    const cache = new LibraryCache(dataDir);
    await cache.beginPartial('acct1', { total: 120, first: 'x@1', startedAt: 5 });
    await cache.appendPartialPage('acct1', 0, [ordinary]);
    await cache.appendPartialPage('acct1', 50, [local]);
    const file = cache.files('acct1').partial;
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 20));

    const read = await cache.loadPartial('acct1');

    expect(read.notice).toBeNull();
    expect(read.value).toMatchObject({ total: 120, first: 'x@1', startedAt: 5 });
    expect([...(read.value?.pages.keys() ?? [])]).toEqual([0]);
    expect(read.value?.pages.get(0)).toEqual([ordinary]);
  });

  it('sets aside a partial file whose header is unreadable', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'library-cache-'));
    const cache = new LibraryCache(dataDir);
    await cache.beginPartial('acct1', { total: 120, first: null, startedAt: 5 });
    await writeFile(cache.files('acct1').partial, '{"version":1,"tot');
    const read = await cache.loadPartial('acct1');
    expect(read.value).toBeNull();
    expect(read.notice?.code).toBe('file_corrupt');
  });
});

describe('the cache behind AppCore', () => {
  let h: LibraryHarness;
  afterEach(async () => {
    await h.dispose();
  });

  it('rebuilds a corrupt cache from Spotify after a restart, without crashing', async () => {
    h = await openLibraryHarness({ tracks: 300 });
    await h.core.syncLibrary(h.accountId);
    const cache = new LibraryCache(h.dataDir);
    await writeFile(cache.files(h.accountId).library, '{"version":1,"total":300,"lastSy');

    const restarted = await h.reopen();
    expect(await restarted.cachedLibrary(h.accountId)).toBeNull();
    const outcome = await restarted.syncLibrary(h.accountId);

    expect(outcome.kind).toBe('full');
    expect(outcome.library.tracks.map((t) => t.id)).toEqual(
      await h.fake.control.savedTrackIds(h.user.id),
    );
    expect((await cache.load(h.accountId)).value?.tracks).toHaveLength(300);
  });

  it('never writes a token into the cache folder, finished or interrupted', async () => {
    h = await openLibraryHarness({ tracks: 1_000, latencyMs: 5, scheduler: { concurrency: 2 } });
    await h.core.syncLibrary(h.accountId);
    await h.fake.control.removeSavedTracks(h.user.id, { count: 1, fromTop: false });
    const controller = new AbortController();
    h.core.onSyncProgress((event) => {
      if (event.phase === 'fetching' && event.loaded >= 300) controller.abort();
    });
    await expect(
      h.core.syncLibrary(h.accountId, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'library_sync_cancelled' });
    const tokens = await h.core.vault.read(h.accountId);
    if (tokens === null) throw new Error('the account has no tokens');

    const folder = path.dirname(new LibraryCache(h.dataDir).files(h.accountId).library);
    const files = await readdir(folder);
    expect(files.sort()).toEqual(['library.json', 'library.partial.ndjson']);
    for (const name of files) {
      const text = await readFile(path.join(folder, name), 'utf8');
      expect(text).not.toContain(tokens.accessToken);
      expect(text).not.toContain(tokens.refreshToken);
      expect(text).not.toMatch(/bearer|access_?token|refresh_?token/i);
    }
  });

  it('answers cachedLibrary of a restarted app from disk, without any request', async () => {
    h = await openLibraryHarness({ tracks: 300 });
    const synced = await h.core.syncLibrary(h.accountId);
    const restarted = await h.reopen();
    await h.fake.control.resetCounts();

    const cached = await restarted.cachedLibrary(h.accountId);

    expect(cached).toEqual(synced.library);
    expect((await h.fake.control.requestCounts()).total).toBe(0);
  });
});
