// How the image cache fails: refused URLs never reach the network, a dead URL is remembered for
// ten minutes, and every other failure is a typed error whose message holds no response body.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error.js';
import type { ImageErrorCode } from '../../../electron/core/images/image-cache.js';
import { cacheFiles, png, useImageCacheFixture } from './support.js';

const AVATAR = 'https://i.scdn.co/image/ab6775700000ee85avatar';
const AVATAR_PATH = '/i.scdn.co/image/ab6775700000ee85avatar';

const fixture = useImageCacheFixture();

afterEach(() => {
  vi.useRealTimers();
});

async function failureOf(promise: Promise<unknown>): Promise<AppError<ImageErrorCode>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error as AppError<ImageErrorCode>;
    throw error;
  }
  throw new Error('expected the get to fail');
}

describe('ImageCache failures', () => {
  it('refuses a URL that is not allowed without making any request', async () => {
    let fetches = 0;
    const cache = await fixture.open({
      fetch: (input, init) => {
        fetches += 1;
        return fetch(input, init);
      },
      // Even a mapping onto the test server must not be consulted for a refused URL.
      fetchUrlFor: () => `${fixture.server().origin}${AVATAR_PATH}`,
    });
    fixture.server().serve(AVATAR_PATH, png());

    for (const url of [
      `${fixture.server().origin}${AVATAR_PATH}`,
      'https://127.0.0.1/image/a',
      'https://i.scdn.co.evil.com/image/a',
      'file:///etc/passwd',
    ]) {
      const error = await failureOf(cache.get(url));
      expect(error.code).toBe('image_url_not_allowed');
    }
    expect(fetches).toBe(0);
    expect(fixture.server().count(AVATAR_PATH)).toBe(0);
  });

  it.each([404, 410])(
    'answers HTTP %i with image_not_found and does not ask again',
    async (status) => {
      fixture.server().route(AVATAR_PATH, (_request, response) => response.writeHead(status).end());
      const cache = await fixture.open();

      expect((await failureOf(cache.get(AVATAR))).code).toBe('image_not_found');
      expect((await failureOf(cache.get(AVATAR))).code).toBe('image_not_found');

      expect(fixture.server().count(AVATAR_PATH)).toBe(1);
      expect(await cacheFiles(fixture.dir())).toEqual([]);
    },
  );

  it('asks again about a dead URL once ten minutes have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 0, 0));
    fixture.server().route(AVATAR_PATH, (_request, response) => response.writeHead(404).end());
    const cache = await fixture.open();
    await failureOf(cache.get(AVATAR));

    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 9, 59));
    await failureOf(cache.get(AVATAR));
    expect(fixture.server().count(AVATAR_PATH)).toBe(1);

    fixture.server().serve(AVATAR_PATH, png());
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 10, 1));
    expect((await cache.get(AVATAR)).bytes.equals(png())).toBe(true);
    expect(fixture.server().count(AVATAR_PATH)).toBe(2);
  });

  it.each([500, 403, 204, 429])(
    'answers HTTP %i with image_unavailable, without the body, and asks again next time',
    async (status) => {
      fixture.server().route(AVATAR_PATH, (_request, response) => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(status === 204 ? undefined : 'internal detail from the server');
      });
      const cache = await fixture.open();

      const error = await failureOf(cache.get(AVATAR));
      await failureOf(cache.get(AVATAR));

      expect(error.code).toBe('image_unavailable');
      expect(error.message).not.toContain('internal detail');
      expect(fixture.server().count(AVATAR_PATH)).toBe(2);
    },
  );

  it('answers a network error (nothing listening) with image_unavailable', async () => {
    const cache = await fixture.open({ fetchUrlFor: () => 'http://127.0.0.1:1/nothing' });
    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_unavailable');
  });

  it('refuses a body that is not an image, whatever the content-type said, and stores nothing', async () => {
    fixture
      .server()
      .serve(AVATAR_PATH, Buffer.from('<html>Sign in to continue</html>'), 'image/jpeg');
    const cache = await fixture.open();

    const error = await failureOf(cache.get(AVATAR));

    expect(error.code).toBe('image_not_an_image');
    expect(error.message).not.toContain('Sign in');
    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('refuses an image over maxImageBytes and stores nothing', async () => {
    fixture.server().serve(AVATAR_PATH, png(2_000));
    const cache = await fixture.open({ maxImageBytes: 1_000 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_too_large');
    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('accepts an image of exactly maxImageBytes', async () => {
    const image = png(1_000 - png().length);
    fixture.server().serve(AVATAR_PATH, image);
    const cache = await fixture.open({ maxImageBytes: 1_000 });

    expect((await cache.get(AVATAR)).bytes.equals(image)).toBe(true);
  });

  it('stops reading a body with no length as soon as it is over maxImageBytes', async () => {
    // A body that never ends: the get can only finish if the cache stops reading.
    let stopped: () => void = () => {};
    const clientGone = new Promise<void>((resolve) => (stopped = resolve));
    fixture.server().route(AVATAR_PATH, (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.write(png());
      const timer = setInterval(() => response.write(Buffer.alloc(4_096)), 1);
      response.once('close', () => {
        clearInterval(timer);
        stopped();
      });
    });
    const cache = await fixture.open({ maxImageBytes: 64 * 1024, timeoutMs: 60_000 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_too_large');
    await clientGone;
    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('gives up on a server that never answers after timeoutMs', async () => {
    fixture.server().route(AVATAR_PATH, () => {});
    const cache = await fixture.open({ timeoutMs: 200 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_unavailable');
  });

  it('gives up on a body that stops arriving after timeoutMs', async () => {
    fixture.server().route(AVATAR_PATH, (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': 10_000 });
      response.write(png());
    });
    const cache = await fixture.open({ timeoutMs: 200 });

    expect((await failureOf(cache.get(AVATAR))).code).toBe('image_unavailable');
    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('logs failures with the URL', async () => {
    fixture
      .server()
      .route(AVATAR_PATH, (_request, response) => response.writeHead(503).end('busy'));
    const lines: string[] = [];
    const cache = await fixture.open({ log: (line) => lines.push(line) });

    await failureOf(cache.get(AVATAR));

    expect(lines).toEqual([`image cache: ${AVATAR} answered HTTP 503`]);
  });
});
