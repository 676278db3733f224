// The fake's stand-in for Spotify's and Facebook's image hosts: GET/HEAD /cdn/<host>/<path>
// answers a deterministic PNG for every image URL the fake's data hands out, 404 for anything
// else. Encoded PNGs are kept in a small LRU so a benchmark asking for thousands of covers pays
// for each drawing once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { imageFetchUrl, singleOriginEndpoints } from '../../electron/core/spotify-endpoints.js';
import { drawCdnImage, findCdnImage, type CdnImage } from './cdn-images.js';
import { sendText } from './http-helpers.js';
import { encodeRgbPng } from './png-encoder.js';

/** Every image request goes under this path of the fake's origin. */
export const CDN_PATH_PREFIX = '/cdn/';

/** A year, immutable: what both real CDNs send, so an image cache may keep these for good. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';
const MAX_CACHED_PNGS = 500;

/**
 * Where the fake serves a Spotify or Facebook image URL: the app's own mapping for endpoints on
 * the fake (electron/core/spotify-endpoints.ts), so the fake's tests prove the app finds it here.
 */
export function fakeCdnUrl(baseUrl: string, imageUrl: string | URL): string {
  return imageFetchUrl(singleOriginEndpoints(baseUrl), new URL(imageUrl));
}

export function isCdnPath(pathname: string): boolean {
  return pathname.startsWith(CDN_PATH_PREFIX);
}

export function handleImageCdn(url: URL, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  }
  const rest = url.pathname.slice(CDN_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  const image =
    slash <= 0 ? null : findCdnImage(rest.slice(0, slash), rest.slice(slash), url.searchParams);
  if (image === null) return sendText(res, 404, 'Not found');
  const png = pngFor(image);
  res.writeHead(200, {
    'content-type': 'image/png',
    'content-length': String(png.length),
    'cache-control': CACHE_CONTROL,
  });
  // Node drops a HEAD body on its own; not passing one says so.
  if (method === 'HEAD') res.end();
  else res.end(png);
}

// Encoded PNGs are a pure function of the image, so one memo serves every fake in the process.
const cache = new Map<string, Buffer>();

function pngFor(image: CdnImage): Buffer {
  const key = `${image.width}x${image.height} ${image.identity}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-insert so Map order is least recently used first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const png = encodeRgbPng(drawCdnImage(image));
  cache.set(key, png);
  if (cache.size > MAX_CACHED_PNGS) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return png;
}
