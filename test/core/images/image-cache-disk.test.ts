// The image cache's files: a damaged file is deleted and fetched again, and the folder stays
// under maxCacheBytes by deleting the least recently used images (by mtime, which reads touch, so
// the order holds across restarts), ignoring files that are not the cache's own.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageCache, type ImageCacheOptions } from '../../../electron/core/images/image-cache.js';
import {
  cacheFiles,
  makeTempDir,
  png,
  pngOfSize,
  startImageServer,
  type ImageServer,
} from './support.js';

let dir: string;
let server: ImageServer;
const caches: ImageCache[] = [];

function urlOf(id: string): string {
  return `https://i.scdn.co/image/${id}`;
}

function fileOf(id: string): string {
  return createHash('sha256').update(urlOf(id)).digest('hex');
}

/** Serves a 1000-byte image for each id. */
function serveImages(...ids: string[]): void {
  for (const id of ids) server.serve(`/i.scdn.co/image/${id}`, pngOfSize(1_000));
}

function requestsFor(id: string): number {
  return server.count(`/i.scdn.co/image/${id}`);
}

async function openCache(extra: Partial<ImageCacheOptions> = {}): Promise<ImageCache> {
  const cache = await ImageCache.open({ dir, fetchUrlFor: server.fetchUrlFor, ...extra });
  caches.push(cache);
  return cache;
}

/** Sets a file's mtime to `secondsAgo` before now. */
async function age(id: string, secondsAgo: number): Promise<void> {
  const when = new Date(Date.now() - secondsAgo * 1_000);
  await fs.utimes(path.join(dir, fileOf(id)), when, when);
}

beforeEach(async () => {
  dir = await makeTempDir();
  server = await startImageServer();
});

afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('ImageCache on disk', () => {
  it.each([
    ['garbage', Buffer.from('this is not an image')],
    ['an empty file', Buffer.alloc(0)],
  ])('deletes a cached file holding %s and fetches the image again', async (_what, junk) => {
    serveImages('a');
    const lines: string[] = [];
    const cache = await openCache({ log: (line) => lines.push(line) });
    await cache.get(urlOf('a'));
    await fs.writeFile(path.join(dir, fileOf('a')), junk);

    const image = await cache.get(urlOf('a'));

    expect(image.bytes.equals(pngOfSize(1_000))).toBe(true);
    expect(requestsFor('a')).toBe(2);
    expect((await fs.readFile(path.join(dir, fileOf('a')))).equals(pngOfSize(1_000))).toBe(true);
    expect(lines).toContain(
      `image cache: the file for ${urlOf('a')} is not an image; fetching it again`,
    );
  });

  it('deletes a damaged file even when the image can no longer be fetched', async () => {
    serveImages('a');
    const cache = await openCache();
    await cache.get(urlOf('a'));
    await fs.writeFile(path.join(dir, fileOf('a')), 'junk');
    server.route('/i.scdn.co/image/a', (_request, response) => response.writeHead(500).end());

    await expect(cache.get(urlOf('a'))).rejects.toMatchObject({ code: 'image_unavailable' });
    expect(await cacheFiles(dir)).toEqual([]);
  });

  it('evicts the least recently used image once a write goes over maxCacheBytes', async () => {
    serveImages('a', 'b', 'c');
    const cache = await openCache({ maxCacheBytes: 2_500 });
    await cache.get(urlOf('a'));
    await cache.get(urlOf('b'));
    // Reading a makes b the least recently used.
    await cache.get(urlOf('a'));

    await cache.get(urlOf('c'));

    // 3000 > 2500: b goes, leaving 2000, under 90% (2250).
    expect(await cacheFiles(dir)).toEqual([fileOf('a'), fileOf('c')].sort());
    await cache.get(urlOf('a'));
    await cache.get(urlOf('b'));
    expect([requestsFor('a'), requestsFor('b'), requestsFor('c')]).toEqual([1, 2, 1]);
  });

  it('evicts until the total is at most 90% of maxCacheBytes, not just under it', async () => {
    serveImages('a', 'b', 'c', 'd', 'e');
    const cache = await openCache({ maxCacheBytes: 4_000 });
    for (const id of ['a', 'b', 'c', 'd']) await cache.get(urlOf(id));
    expect(await cacheFiles(dir)).toHaveLength(4);

    await cache.get(urlOf('e'));

    // 5000 > 4000: evicting a alone would leave 4000, the limit itself; b goes too (3000 ≤ 3600).
    expect(await cacheFiles(dir)).toEqual([fileOf('c'), fileOf('d'), fileOf('e')].sort());
  });

  it('touches the mtime on a read, so the use order holds after a restart', async () => {
    serveImages('a', 'b');
    const first = await openCache();
    await first.get(urlOf('a'));
    await first.get(urlOf('b'));
    await age('a', 300);
    await age('b', 200);

    await first.get(urlOf('a'));

    const [a, b] = await Promise.all(['a', 'b'].map((id) => fs.stat(path.join(dir, fileOf(id)))));
    expect(a?.mtimeMs).toBeGreaterThan(b?.mtimeMs ?? Infinity);
  });

  it('at open, counts the files already there and orders them by mtime', async () => {
    serveImages('old', 'mid', 'new', 'next');
    const first = await openCache();
    for (const id of ['new', 'old', 'mid']) await first.get(urlOf(id));
    await first.close();
    // Fetched in another order than they were last used: only the mtimes tell.
    await age('old', 3_000);
    await age('mid', 2_000);
    await age('new', 1_000);

    const reopened = await openCache({ maxCacheBytes: 3_500 });
    await reopened.get(urlOf('next'));

    expect(await cacheFiles(dir)).toEqual([fileOf('mid'), fileOf('new'), fileOf('next')].sort());
  });

  it('ignores files that are not its own (temp files) when counting and evicting', async () => {
    serveImages('a', 'b');
    const strangers = [`${fileOf('x')}.4178291`, 'notes.txt'];
    await fs.mkdir(dir, { recursive: true });
    for (const name of strangers) await fs.writeFile(path.join(dir, name), Buffer.alloc(50_000));
    const cache = await openCache({ maxCacheBytes: 2_500 });

    await cache.get(urlOf('a'));
    await cache.get(urlOf('b'));

    // Had the 100 kB of strangers counted, every write would have evicted.
    expect(await cacheFiles(dir)).toEqual([fileOf('a'), fileOf('b')].sort());
    expect((await fs.readdir(dir)).filter((name) => strangers.includes(name)).sort()).toEqual(
      [...strangers].sort(),
    );
  });

  it('serves an image even when storing it fails', async () => {
    serveImages('a');
    const lines: string[] = [];
    const cache = await openCache({ log: (line) => lines.push(line) });
    // A folder where the file should go makes the atomic write's rename fail.
    await fs.mkdir(path.join(dir, fileOf('a')));

    const image = await cache.get(urlOf('a'));

    expect(image.bytes.equals(pngOfSize(1_000))).toBe(true);
    expect(
      lines.some((line) => line.startsWith(`image cache: could not store ${urlOf('a')}`)),
    ).toBe(true);
  });

  it('keeps the image just stored even when it alone is over the limit', async () => {
    server.serve('/i.scdn.co/image/big', png(3_000));
    serveImages('a');
    const cache = await openCache({ maxCacheBytes: 2_500 });
    await cache.get(urlOf('a'));

    await cache.get(urlOf('big'));

    expect(await cacheFiles(dir)).toEqual([fileOf('big')]);
  });
});
