// The image cache over a real HTTP server and a temp folder: an image is fetched once, stored
// under the SHA-256 of its URL, and served from disk from then on, even with the server gone.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error.js';
import { ImageCache, type ImageCacheOptions } from '../../../electron/core/images/image-cache.js';
import {
  cacheFiles,
  gif,
  jpeg,
  makeTempDir,
  png,
  startImageServer,
  webp,
  type ImageServer,
} from './support.js';

const COVER = 'https://i.scdn.co/image/ab67616d0000b273cover';
const COVER_PATH = '/i.scdn.co/image/ab67616d0000b273cover';

let dir: string;
let server: ImageServer;
let serverClosed: boolean;
const caches: ImageCache[] = [];

async function openCache(extra: Partial<ImageCacheOptions> = {}): Promise<ImageCache> {
  const cache = await ImageCache.open({ dir, fetchUrlFor: server.fetchUrlFor, ...extra });
  caches.push(cache);
  return cache;
}

beforeEach(async () => {
  dir = path.join(await makeTempDir(), 'images');
  server = await startImageServer();
  serverClosed = false;
});

afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
  if (!serverClosed) await server.close();
  await fs.rm(path.dirname(dir), { recursive: true, force: true });
});

describe('ImageCache', () => {
  it('creates its folder, fetches an image, and stores it under the SHA-256 of the URL', async () => {
    server.serve(COVER_PATH, png(100));
    const cache = await openCache();
    expect(await fs.readdir(dir)).toEqual([]);

    const image = await cache.get(COVER);

    expect(image.contentType).toBe('image/png');
    expect(image.bytes.equals(png(100))).toBe(true);
    const name = createHash('sha256').update(COVER).digest('hex');
    expect(await cacheFiles(dir)).toEqual([name]);
    expect((await fs.readFile(path.join(dir, name))).equals(png(100))).toBe(true);
  });

  it('serves a cached image again with the server stopped, also after a restart', async () => {
    server.serve(COVER_PATH, jpeg());
    const first = await openCache();
    await first.get(COVER);
    await server.close();
    serverClosed = true;

    const again = await first.get(COVER);
    await first.close();
    const afterRestart = await (await openCache()).get(COVER);

    for (const image of [again, afterRestart]) {
      expect(image.contentType).toBe('image/jpeg');
      expect(image.bytes.equals(jpeg())).toBe(true);
    }
    expect(server.count(COVER_PATH)).toBe(1);
  });

  it('never asks again for an image it has (no revalidation)', async () => {
    server.serve(COVER_PATH, png());
    const cache = await openCache();
    for (let i = 0; i < 3; i += 1) await cache.get(COVER);
    expect(server.count(COVER_PATH)).toBe(1);
  });

  it('takes the type from the bytes, not from the content-type header', async () => {
    const cases: [string, Buffer, string][] = [
      ['a', gif(), 'image/gif'],
      ['b', webp(), 'image/webp'],
      ['c', jpeg(), 'image/jpeg'],
    ];
    for (const [id, bytes] of cases) {
      server.serve(`/i.scdn.co/image/${id}`, bytes, 'application/octet-stream');
    }
    const cache = await openCache();
    for (const [id, , type] of cases) {
      expect((await cache.get(`https://i.scdn.co/image/${id}`)).contentType).toBe(type);
    }
  });

  it('shares one fetch between concurrent gets of the same URL', async () => {
    let answer: () => void = () => {};
    server.route(COVER_PATH, (_request, response) => {
      answer = () => response.writeHead(200).end(png());
    });
    const cache = await openCache();
    const arrived = server.arrival(COVER_PATH);

    const gets = Array.from({ length: 8 }, () => cache.get(COVER));
    await arrived;
    answer();
    const images = await Promise.all(gets);

    expect(server.count(COVER_PATH)).toBe(1);
    expect(images.every((image) => image.bytes.equals(png()))).toBe(true);
  });

  it('fetches at most `concurrency` images at once', async () => {
    const held: (() => void)[] = [];
    let holding = true;
    const ids = ['1', '2', '3', '4', '5'];
    for (const id of ids) {
      server.route(`/i.scdn.co/image/${id}`, (_request, response) => {
        const answer = () => response.writeHead(200).end(png());
        if (holding) held.push(answer);
        else answer();
      });
    }
    let fetchCalls = 0;
    const cache = await openCache({
      concurrency: 2,
      fetch: (input, init) => {
        fetchCalls += 1;
        return fetch(input, init);
      },
    });
    const gets = ids.map((id) => cache.get(`https://i.scdn.co/image/${id}`));
    // Any two: which two start first depends on how soon each one's cache lookup answers.
    await vi.waitFor(() => expect(held).toHaveLength(2), { timeout: 5_000 });

    // Two requests reached the server while the other three wait in the cache, not on the wire.
    expect(fetchCalls).toBe(2);
    holding = false;
    for (const answer of held) answer();
    await Promise.all(gets);
    expect(fetchCalls).toBe(5);
    expect(server.inFlight.max).toBe(2);
  });

  it('fetches from where fetchUrlFor points, handing it the parsed image URL', async () => {
    server.serve('/elsewhere/cover.png', png());
    const seen: string[] = [];
    const cache = await openCache({
      fetchUrlFor: (imageUrl) => {
        seen.push(imageUrl.href);
        return `${server.origin}/elsewhere/cover.png`;
      },
    });

    const image = await cache.get(COVER);

    expect(image.bytes.equals(png())).toBe(true);
    expect(seen).toEqual([COVER]);
    expect(server.count('/elsewhere/cover.png')).toBe(1);
  });

  it('fetches the image URL itself when no fetchUrlFor is given', async () => {
    server.serve(COVER_PATH, png());
    const requested: string[] = [];
    const cache = await ImageCache.open({
      dir,
      fetch: (input, init) => {
        requested.push(String(input));
        return fetch(server.fetchUrlFor(new URL(String(input))), init);
      },
    });
    caches.push(cache);

    await cache.get(COVER);

    expect(requested).toEqual([COVER]);
  });

  it('follows a redirect to the image on another allowed host', async () => {
    server.route(COVER_PATH, (_request, response) => {
      response
        .writeHead(302, { location: 'https://scontent-ams2-1.xx.fbcdn.net/moved/cover' })
        .end();
    });
    server.serve('/scontent-ams2-1.xx.fbcdn.net/moved/cover', png());
    const cache = await openCache();

    expect((await cache.get(COVER)).bytes.equals(png())).toBe(true);
    expect(server.count('/scontent-ams2-1.xx.fbcdn.net/moved/cover')).toBe(1);
  });

  it('follows no redirect to a place it would not fetch from: loopback, http, other hosts', async () => {
    const cache = await openCache();
    for (const [index, location] of [
      `${server.origin}/secret`,
      'http://i.scdn.co/image/plain-http',
      'https://evil.example/image',
    ].entries()) {
      const start = `https://i.scdn.co/image/redirecting${index}`;
      server.route(`/i.scdn.co/image/redirecting${index}`, (_request, response) => {
        response.writeHead(302, { location }).end();
      });
      await expect(cache.get(start)).rejects.toMatchObject({ code: 'image_unavailable' });
    }
    expect(server.count('/secret')).toBe(0);
    expect(server.count('/i.scdn.co/image/plain-http')).toBe(0);
    expect(server.count('/evil.example/image')).toBe(0);
  });

  it('close() waits for a fetch in flight and its write; later gets are refused', async () => {
    let answer: () => void = () => {};
    server.route(COVER_PATH, (_request, response) => {
      answer = () => response.writeHead(200).end(png());
    });
    const cache = await openCache();
    const arrived = server.arrival(COVER_PATH);
    const inFlight = cache.get(COVER);
    await arrived;

    let closed = false;
    const closing = cache.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    answer();
    await closing;

    // Stored by the time close() resolved, without waiting for the get itself.
    expect(await cacheFiles(dir)).toHaveLength(1);
    expect((await inFlight).bytes.equals(png())).toBe(true);
    const refused = cache.get(COVER);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'image_cache_closed' });
    expect(server.count(COVER_PATH)).toBe(1);
  });
});
