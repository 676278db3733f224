// For the image cache tests: tiny valid images built by hand, a real HTTP server on 127.0.0.1 that
// serves them (counting requests per path, and able to hold answers back), and a temp folder.
// `fetchUrlFor` maps https://<host>/<path> to http://127.0.0.1:<port>/<host>/<path>.
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ImageCache, type ImageCacheOptions } from '../../../electron/core/images/image-cache.js';

/** A PNG signature and IHDR chunk (1×1), then `padding` zero bytes to reach a wanted size. */
export function png(padding = 0): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(1, 8);
  ihdr.writeUInt32BE(1, 12);
  ihdr[16] = 8; // bit depth
  ihdr[17] = 6; // RGBA
  return Buffer.concat([signature, ihdr, Buffer.alloc(padding)]);
}

/** Exactly `size` bytes (at least 33) that sniff as PNG. */
export function pngOfSize(size: number): Buffer {
  return png(size - png().length);
}

export function jpeg(): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
}

export function gif(): Buffer {
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([1, 0, 1, 0, 0, 0, 0])]);
}

export function webp(): Buffer {
  const bytes = Buffer.alloc(20);
  bytes.write('RIFF', 0, 'latin1');
  bytes.writeUInt32LE(12, 4);
  bytes.write('WEBPVP8 ', 8, 'latin1');
  return bytes;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ImageServer {
  readonly origin: string;
  /** Maps an allowed image URL onto this server (the cache's `fetchUrlFor`). */
  fetchUrlFor(imageUrl: URL): string;
  /** Answers `path` (e.g. "/i.scdn.co/image/a") with 200 and these bytes. */
  serve(path: string, bytes: Buffer, contentType?: string): void;
  /** Answers `path` with the handler. */
  route(path: string, handler: Handler): void;
  /** Requests received for `path` so far. */
  count(path: string): number;
  /** Requests being answered right now, and the most there ever were at once. */
  readonly inFlight: { now: number; max: number };
  /** Resolves when the next request for `path` has arrived. */
  arrival(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function startImageServer(): Promise<ImageServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const waiters = new Map<string, (() => void)[]>();
  const inFlight = { now: 0, max: 0 };
  const server = createServer((request, response) => {
    const requestPath = new URL(request.url ?? '/', 'http://x').pathname;
    counts.set(requestPath, (counts.get(requestPath) ?? 0) + 1);
    inFlight.now += 1;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    response.once('close', () => (inFlight.now -= 1));
    for (const wake of waiters.get(requestPath) ?? []) wake();
    waiters.delete(requestPath);
    const handler = routes.get(requestPath);
    if (handler === undefined) {
      response.writeHead(404).end();
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    fetchUrlFor: (imageUrl) => `${origin}/${imageUrl.hostname}${imageUrl.pathname}`,
    serve(routePath, bytes, contentType = 'image/png') {
      routes.set(routePath, (_request, response) => {
        response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
        response.end(bytes);
      });
    },
    route(routePath, handler) {
      routes.set(routePath, handler);
    },
    count: (routePath) => counts.get(routePath) ?? 0,
    inFlight,
    arrival(routePath) {
      return new Promise((resolve) => {
        waiters.set(routePath, [...(waiters.get(routePath) ?? []), resolve]);
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'image-cache-'));
}

/** The cache files in `dir` (names of 64 hex digits), sorted. */
export async function cacheFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir);
  return names.filter((name) => /^[0-9a-f]{64}$/.test(name)).sort();
}

/**
 * Per test: a fresh cache folder and image server, and `open` for caches on them, all closed and
 * removed after the test. Call at the top of a test file.
 */
export function useImageCacheFixture(): {
  readonly dir: () => string;
  readonly server: () => ImageServer;
  readonly open: (extra?: Partial<ImageCacheOptions>) => Promise<ImageCache>;
} {
  let dir = '';
  let server: ImageServer | null = null;
  const caches: ImageCache[] = [];
  beforeEach(async () => {
    dir = path.join(await makeTempDir(), 'images');
    server = await startImageServer();
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
    await server?.close();
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  });
  const currentServer = () => {
    if (server === null) throw new Error('the image server starts before each test');
    return server;
  };
  return {
    dir: () => dir,
    server: currentServer,
    open: async (extra = {}) => {
      const cache = await ImageCache.open({
        dir,
        fetchUrlFor: currentServer().fetchUrlFor,
        ...extra,
      });
      caches.push(cache);
      return cache;
    },
  };
}
