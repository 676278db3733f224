// How the image cache fails: refused URLs never reach the network, a dead URL is remembered for
// ten minutes, and every other failure is a typed error whose message holds no response body.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error.js';
import {
  ImageCache,
  type ImageCacheOptions,
  type ImageErrorCode,
} from '../../../electron/core/images/image-cache.js';
import { cacheFiles, makeTempDir, png, startImageServer, type ImageServer } from './support.js';

const AVATAR = 'https://i.scdn.co/image/ab6775700000ee85avatar';
const AVATAR_PATH = '/i.scdn.co/image/ab6775700000ee85avatar';

let dir: string;
let server: ImageServer;
const caches: ImageCache[] = [];

async function openCache(extra: Partial<ImageCacheOptions> = {}): Promise<ImageCache> {
  const cache = await ImageCache.open({ dir, fetchUrlFor: server.fetchUrlFor, ...extra });
  caches.push(cache);
  return cache;
}

async function failureOf(promise: Promise<unknown>): Promise<AppError<ImageErrorCode>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error as AppError<ImageErrorCode>;
    throw error;
  }
  throw new Error('expected the get to fail');
}

beforeEach(async () => {
  dir = await makeTempDir();
  server = await startImageServer();
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('ImageCache failures', () => {
  it('refuses a URL that is not allowed without making any request', async () => {
    let fetches = 0;
    const cache = await openCache({
      fetch: (input, init) => {
        fetches += 1;
        return fetch(input, init);
      },
      // Even a mapping onto the test server must not be consulted for a refused URL.
      fetchUrlFor: () => `${server.origin}${AVATAR_PATH}`,
    });
    server.serve(AVATAR_PATH, png());

    for (const url of [
      `${server.origin}${AVATAR_PATH}`,
      'https://127.0.0.1/image/a',
      'https://i.scdn.co.evil.com/image/a',
      'file:///etc/passwd',
    ]) {
      const error = await failureOf(cache.get(url));
      expect(error.code).toBe('image_url_not_allowed');
    }
    expect(fetches).toBe(0);
    expect(server.count(AVATAR_PATH)).toBe(0);
  });

  it.each([404, 410])(
    'answers HTTP %i with image_not_found and does not ask again',
    async (status) => {
      server.route(AVATAR_PATH, (_request, response) => response.writeHead(status).end());
      const cache = await openCache();

      expect((await failureOf(cache.get(AVATAR))).code).toBe('image_not_found');
      expect((await failureOf(cache.get(AVATAR))).code).toBe('image_not_found');

      expect(server.count(AVATAR_PATH)).toBe(1);
      expect(await cacheFiles(dir)).toEqual([]);
    },
  );

  it('asks again about a dead URL once ten minutes have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 0, 0));
    server.route(AVATAR_PATH, (_request, response) => response.writeHead(404).end());
    const cache = await openCache();
    await failureOf(cache.get(AVATAR));

    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 9, 59));
    await failureOf(cache.get(AVATAR));
    expect(server.count(AVATAR_PATH)).toBe(1);

    server.serve(AVATAR_PATH, png());
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 10, 1));
    expect((await cache.get(AVATAR)).bytes.equals(png())).toBe(true);
    expect(server.count(AVATAR_PATH)).toBe(2);
  });

  it.each([500, 403, 204, 429])(
    'answers HTTP %i with image_unavailable, without the body, and asks again next time',
    async (status) => {
      server.route(AVATAR_PATH, (_request, response) => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(status === 204 ? undefined : 'internal detail from the server');
      });
      const cache = await openCache();

      const error = await failureOf(cache.get(AVATAR));
      await failureOf(cache.get(AVATAR));

      expect(error.code).toBe('image_unavailable');
      expect(error.message).not.toContain('internal detail');
      expect(server.count(AVATAR_PATH)).toBe(2);
    },
  );

  it('answers a network error (nothing listening) with image_unavailable', async () => {
    const cache = await openCache({ fetchUrlFor: () => 'http://127.0.0.1:1/nothing' });
    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_unavailable');
  });

  it('refuses a body that is not an image, whatever the content-type said, and stores nothing', async () => {
    server.serve(AVATAR_PATH, Buffer.from('<html>Sign in to continue</html>'), 'image/jpeg');
    const cache = await openCache();

    const error = await failureOf(cache.get(AVATAR));

    expect(error.code).toBe('image_not_an_image');
    expect(error.message).not.toContain('Sign in');
    expect(await cacheFiles(dir)).toEqual([]);
  });

  it('refuses an image over maxImageBytes and stores nothing', async () => {
    server.serve(AVATAR_PATH, png(2_000));
    const cache = await openCache({ maxImageBytes: 1_000 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_too_large');
    expect(await cacheFiles(dir)).toEqual([]);
  });

  it('accepts an image of exactly maxImageBytes', async () => {
    const image = png(1_000 - png().length);
    server.serve(AVATAR_PATH, image);
    const cache = await openCache({ maxImageBytes: 1_000 });

    expect((await cache.get(AVATAR)).bytes.equals(image)).toBe(true);
  });

  it('stops reading a body with no length as soon as it is over maxImageBytes', async () => {
    // A body that never ends: the get can only finish if the cache stops reading.
    let stopped: () => void = () => {};
    const clientGone = new Promise<void>((resolve) => (stopped = resolve));
    server.route(AVATAR_PATH, (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.write(png());
      const timer = setInterval(() => response.write(Buffer.alloc(4_096)), 1);
      response.once('close', () => {
        clearInterval(timer);
        stopped();
      });
    });
    const cache = await openCache({ maxImageBytes: 64 * 1024, timeoutMs: 60_000 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_too_large');
    await clientGone;
    expect(await cacheFiles(dir)).toEqual([]);
  });

  it('gives up on a server that never answers after timeoutMs', async () => {
    server.route(AVATAR_PATH, () => {});
    const cache = await openCache({ timeoutMs: 200 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_unavailable');
  });

  it('gives up on a body that stops arriving after timeoutMs', async () => {
    server.route(AVATAR_PATH, (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': 10_000 });
      response.write(png());
    });
    const cache = await openCache({ timeoutMs: 200 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_unavailable');
    expect(await cacheFiles(dir)).toEqual([]);
  });

  it('logs failures with the URL', async () => {
    server.route(AVATAR_PATH, (_request, response) => response.writeHead(503).end('busy'));
    const lines: string[] = [];
    const cache = await openCache({ log: (line) => lines.push(line) });

    await failureOf(cache.get(AVATAR));

    expect(lines).toEqual([`image cache: ${AVATAR} answered HTTP 503`]);
  });
});
