// The pictures on disk, in a temp folder: a file evicted or removed is gone from the disk, the
// use order and the total survive a reopen, and eviction passes over the files in use.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DiskImageStore,
  imageFileName,
  type DiskImageStoreOptions,
} from '../../../electron/core/images/disk-image-store.js';
import { cacheFiles, makeTempDir, pngOfSize } from './support.js';

let dir: string;

function nameOf(id: string): string {
  return imageFileName(`https://i.scdn.co/image/${id}`);
}

function openStore(extra: Partial<DiskImageStoreOptions> = {}): Promise<DiskImageStore> {
  return DiskImageStore.open({ dir, maxBytes: 2_500, ...extra });
}

/** Writes a 1000-byte image for each id, in order. */
async function writeImages(store: DiskImageStore, ...ids: string[]): Promise<void> {
  for (const id of ids) await store.write(nameOf(id), id, pngOfSize(1_000));
}

/** Sets a file's mtime to `secondsAgo` before now. */
async function age(id: string, secondsAgo: number): Promise<void> {
  const when = new Date(Date.now() - secondsAgo * 1_000);
  await fs.utimes(path.join(dir, nameOf(id)), when, when);
}

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('DiskImageStore', () => {
  it('names a file by the SHA-256 of the URL exactly as given', () => {
    expect(imageFileName('https://i.scdn.co/image/a')).toMatch(/^[0-9a-f]{64}$/);
    expect(imageFileName('https://I.SCDN.CO/image/a')).not.toBe(
      imageFileName('https://i.scdn.co/image/a'),
    );
  });

  it('deletes the least recently used file from disk when a write goes over the limit', async () => {
    const lines: string[] = [];
    const store = await openStore({ log: (line) => lines.push(line) });
    await writeImages(store, 'a', 'b');

    await writeImages(store, 'c');

    expect(await cacheFiles(dir)).toEqual([nameOf('b'), nameOf('c')].sort());
    expect(store.totalBytes).toBe(2_000);
    expect(await store.read(nameOf('a'), 'a')).toBeNull();
    expect(lines).toEqual(['image cache: evicted 1 least recently used image(s)']);
  });

  it('counts a read as a use: the file read last is evicted last', async () => {
    const store = await openStore();
    await writeImages(store, 'a', 'b');

    expect((await store.read(nameOf('a'), 'a'))?.contentType).toBe('image/png');
    await writeImages(store, 'c');

    expect(await cacheFiles(dir)).toEqual([nameOf('a'), nameOf('c')].sort());
  });

  it('passes over files in use when it evicts', async () => {
    const store = await openStore({ isInUse: (name) => name === nameOf('a') });
    await writeImages(store, 'a', 'b');

    await writeImages(store, 'c');

    // a is the least recently used but in use: b goes in its place.
    expect(await cacheFiles(dir)).toEqual([nameOf('a'), nameOf('c')].sort());
  });

  it('reads the total and the use order back from the files after a reopen', async () => {
    const first = await openStore({ maxBytes: 10_000 });
    await writeImages(first, 'new', 'old', 'mid');
    await age('old', 3_000);
    await age('mid', 2_000);
    await age('new', 1_000);

    const reopened = await openStore({ maxBytes: 3_500 });
    expect(reopened.totalBytes).toBe(3_000);
    await writeImages(reopened, 'next');

    // 4000 > 3500: the oldest by mtime goes (old), leaving 3000, under 90% (3150).
    expect(await cacheFiles(dir)).toEqual([nameOf('mid'), nameOf('new'), nameOf('next')].sort());
  });

  it('touches the mtime on a read, so the order a reopen sees is the use order', async () => {
    const first = await openStore({ maxBytes: 10_000 });
    await writeImages(first, 'a', 'b');
    await age('a', 300);
    await age('b', 200);
    await first.read(nameOf('a'), 'a');

    const reopened = await openStore();
    await writeImages(reopened, 'c');

    expect(await cacheFiles(dir)).toEqual([nameOf('a'), nameOf('c')].sort());
  });

  it('removes a file from disk and from the total, and does nothing for one it lacks', async () => {
    const store = await openStore();
    await writeImages(store, 'a', 'b');

    await store.remove(nameOf('a'));
    await store.remove(nameOf('never stored'));

    expect(await cacheFiles(dir)).toEqual([nameOf('b')]);
    expect(store.totalBytes).toBe(1_000);
  });

  it('reads a damaged file as missing and deletes it', async () => {
    const store = await openStore();
    await writeImages(store, 'a');
    await fs.writeFile(path.join(dir, nameOf('a')), 'not an image');

    expect(await store.read(nameOf('a'), 'a')).toBeNull();

    expect(await cacheFiles(dir)).toEqual([]);
    expect(store.totalBytes).toBe(0);
  });

  it('waits for deletions under way in idle()', async () => {
    const store = await openStore();
    await writeImages(store, 'a');

    void store.remove(nameOf('a'));
    await store.idle();

    expect(await cacheFiles(dir)).toEqual([]);
  });
});
