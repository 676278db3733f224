// The app-image: protocol's answers, called with real Requests (as Electron's protocol.handle
// passes them) in front of a real ImageCache in a temp folder, whose Spotify and Facebook image
// hosts are a small HTTP server on 127.0.0.1: the picture with its headers for an address built
// from imageBaseUrl, empty error responses (the page shows its placeholder) for everything else.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/core/errors/app-error.js';
import { ImageCache } from '../../electron/core/images/image-cache.js';
import {
  answerImageRequest,
  handleImageRequests,
  imageBaseUrl,
  imageScheme,
  registerImageScheme,
} from '../../electron/shell/image-protocol.js';

// bridge-api.ts imports this module into the sandboxed preload, which cannot load electron's
// main-process API: any run-time import of it fails every test here.
vi.mock('electron', () => {
  throw new Error('image-protocol.ts must not import electron at run time');
});

// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const maxImageBytes = 1024;

const cdn = 'https://i.scdn.co/image/';
const coverUrl = `${cdn}cover`;
// A Facebook avatar: a query string with an escape of its own, so the address is escaped twice.
const facebookUrl =
  'https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10&height=300&hash=Ab%2Fc';

/** What the image hosts answer, by path and query; every request is recorded. */
const hosted: Record<string, (response: ServerResponse) => void> = {
  '/image/cover': (r) => r.writeHead(200, { 'content-type': 'image/png' }).end(png),
  '/platform/profilepic/?asid=10&height=300&hash=Ab%2Fc': (r) =>
    r.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg),
  '/image/gone': (r) => r.writeHead(404).end(),
  '/image/web-page': (r) => r.writeHead(200, { 'content-type': 'image/png' }).end('<html></html>'),
  '/image/huge': (r) =>
    r.writeHead(200).end(Buffer.concat([png, Buffer.alloc(maxImageBytes + 1 - png.length)])),
  '/image/broken': (r) => r.writeHead(500).end(),
};
const served: string[] = [];
let server: Server;
let hostBaseUrl: string;
let dir: string;
let images: ImageCache;

beforeAll(async () => {
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    (hosted[request.url ?? ''] ?? ((r) => r.writeHead(404).end()))(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  served.length = 0;
  dir = await mkdtemp(path.join(os.tmpdir(), 'image-protocol-'));
  images = await ImageCache.open({
    dir,
    maxImageBytes,
    fetchUrlFor: (url) => `${hostBaseUrl}${url.pathname}${url.search}`,
  });
});

afterEach(async () => {
  await images.close();
  await rm(dir, { recursive: true, force: true });
});

const addressOf = (imageUrl: string) => imageBaseUrl + encodeURIComponent(imageUrl);

async function answer(
  url: string,
  init: RequestInit = {},
  from: Pick<ImageCache, 'get'> = images,
  log: (message: string) => void = () => {},
) {
  const response = await answerImageRequest(new Request(url, init), from, log);
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

describe('image protocol', () => {
  it('serves the cached picture for an address built from imageBaseUrl, cacheable for good', async () => {
    const cover = await answer(addressOf(coverUrl));
    expect(cover.status).toBe(200);
    expect(cover.body).toEqual(png);
    expect(Object.fromEntries(cover.headers)).toEqual({
      'content-type': 'image/png',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    const avatar = await answer(addressOf(facebookUrl));
    expect(avatar.status).toBe(200);
    expect(avatar.body).toEqual(jpeg);
    expect(avatar.headers.get('content-type')).toBe('image/jpeg');
    // The Spotify URL reached the host exactly as the page had it, its own escape included.
    expect(served).toEqual([
      '/image/cover',
      '/platform/profilepic/?asid=10&height=300&hash=Ab%2Fc',
    ]);
  });

  it('answers only GET, with 405', async () => {
    for (const method of ['POST', 'HEAD', 'PUT']) {
      const response = await answer(addressOf(coverUrl), { method });
      expect({ method, status: response.status, bytes: response.body.length }).toEqual({
        method,
        status: 405,
        bytes: 0,
      });
      expect(response.headers.get('allow')).toBe('GET');
    }
    expect(served).toEqual([]);
  });

  it('answers 404 to addresses imageBaseUrl does not make, without asking the cache', async () => {
    const encoded = encodeURIComponent(coverUrl);
    for (const url of [
      `${imageScheme}://other/${encoded}`,
      `${imageBaseUrl}${encoded}/more`,
      `${imageBaseUrl}https:/${encoded}`,
      imageBaseUrl,
      `${imageBaseUrl}${encoded}?size=large`,
    ]) {
      const response = await answer(url);
      expect({ url, status: response.status, bytes: response.body.length }).toEqual({
        url,
        status: 404,
        bytes: 0,
      });
    }
    expect(served).toEqual([]);
  });

  it('answers 400 to a malformed escape', async () => {
    const response = await answer(`${imageBaseUrl}https%3A%2F%2Fi.scdn.co%2F%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(response.body.length).toBe(0);
    expect(served).toEqual([]);
  });

  it("maps each of the cache's refusals and failures to its status, with an empty body", async () => {
    const cases = [
      { url: `${hostBaseUrl}/image/cover`, code: 'image_url_not_allowed', status: 403 },
      { url: `${cdn}gone`, code: 'image_not_found', status: 404 },
      { url: `${cdn}web-page`, code: 'image_not_an_image', status: 404 },
      { url: `${cdn}huge`, code: 'image_too_large', status: 404 },
      { url: `${cdn}broken`, code: 'image_unavailable', status: 503 },
    ];
    for (const { url, code, status } of cases) {
      // The cache's own answer, so the table below is checked against what it really throws.
      await expect(images.get(url)).rejects.toMatchObject({ code });
      const response = await answer(addressOf(url));
      expect({ code, status: response.status, bytes: response.body.length }).toEqual({
        code,
        status,
        bytes: 0,
      });
    }
    await images.close();
    await expect(images.get(coverUrl)).rejects.toMatchObject({ code: 'image_cache_closed' });
    const closed = await answer(addressOf(coverUrl));
    expect({ status: closed.status, bytes: closed.body.length }).toEqual({ status: 503, bytes: 0 });
  });

  it('answers 500 to any other failure and logs only the error name', async () => {
    for (const error of [
      new TypeError('Cannot read https://i.scdn.co/image/private-detail'),
      new AppError('vault_locked', 'Locked while reading private-detail.'),
    ]) {
      const logged: string[] = [];
      const failing = { get: () => Promise.reject(error) };
      const response = await answer(addressOf(coverUrl), {}, failing, (m) => logged.push(m));
      expect(response.status).toBe(500);
      expect(response.body.length).toBe(0);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(error.name);
      expect(logged[0]).not.toContain('private-detail');
    }
  });

  it('declares the scheme standard and secure, and nothing more', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerImageScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged.mock.calls).toEqual([
      [[{ scheme: 'app-image', privileges: { standard: true, secure: true } }]],
    ]);
  });

  it('handles only the app-image scheme in the session it is given, answering from the cache', async () => {
    const handled = new Map<string, (request: Request) => Response | Promise<Response>>();
    const handle = vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      handled.set(scheme, handler);
    });
    handleImageRequests({ handle }, images);
    expect(handle).toHaveBeenCalledTimes(1);
    expect([...handled.keys()]).toEqual(['app-image']);
    const response = await handled.get('app-image')?.(new Request(addressOf(coverUrl)));
    expect(response?.status).toBe(200);
    expect(Buffer.from((await response?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(png);
  });
});
