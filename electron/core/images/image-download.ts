// Fetching one picture from the network, under the rules every download keeps: only URLs that
// allowed-image-url.ts accepts, redirects included; at most `concurrency` fetches at once; each
// bounded in time (`timeoutMs`) and in size (`maxImageBytes`, never reading past it); and only
// bytes that sniff as an image (image-type.ts), whatever the content-type said. It neither reads
// nor writes the disk and remembers nothing: a 404 is thrown, and remembering it is the caller's.
import PQueue from 'p-queue';
import { allowedImageUrl } from './allowed-image-url.js';
import { errnoCode, ImageError, imageNotFound } from './image-error.js';
import { imageTypeOf, type CachedImage } from './image-type.js';

export interface ImageDownloadOptions {
  readonly fetch?: typeof fetch;
  /**
   * Where an allowed image URL is fetched from; default: the URL itself. The demo, the browser
   * harness and tests point Spotify's image hosts at the fake Spotify with this.
   */
  readonly fetchUrlFor?: (imageUrl: URL) => string;
  readonly maxImageBytes?: number; // default 5 MiB
  readonly concurrency?: number; // default 4 fetches at once
  readonly timeoutMs?: number; // default 15 000 per fetch
  readonly log?: (message: string) => void; // operational lines; a URL is fine, never a token
}

const MIB = 1024 * 1024;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 3;

export class ImageDownloader {
  readonly #fetch: typeof fetch;
  readonly #fetchUrlFor: (imageUrl: URL) => string;
  readonly #maxImageBytes: number;
  readonly #timeoutMs: number;
  readonly #log: (message: string) => void;
  readonly #queue: PQueue;

  constructor(options: ImageDownloadOptions = {}) {
    this.#fetch = options.fetch ?? fetch;
    this.#fetchUrlFor = options.fetchUrlFor ?? ((url) => url.href);
    this.#maxImageBytes = options.maxImageBytes ?? 5 * MIB;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#log = options.log ?? (() => {});
    this.#queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  }

  /**
   * The picture at `url` (already an allowed image URL), waiting for a free slot first.
   * Throws ImageError: image_not_found, image_unavailable, image_too_large, image_not_an_image.
   */
  async download(url: URL): Promise<CachedImage> {
    const bytes = await this.#queue.add(() => this.#fetchBody(url));
    const contentType = imageTypeOf(bytes);
    if (contentType === null) {
      this.#log(`image cache: ${url.href} is not a JPEG, PNG, WebP or GIF image`);
      throw new ImageError(
        'image_not_an_image',
        'The downloaded file is not a JPEG, PNG, WebP or GIF image.',
      );
    }
    return { bytes, contentType };
  }

  /** Resolves once no fetch is queued or under way. */
  idle(): Promise<void> {
    return this.#queue.onIdle();
  }

  async #fetchBody(url: URL): Promise<Buffer> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await this.#fetchFollowing(url, signal);
    } catch (error) {
      if (error instanceof ImageError) throw error;
      this.#log(`image cache: could not fetch ${url.href} (${failureReason(error)})`);
      throw unavailable(error);
    }

    if (response.status === 404 || response.status === 410) {
      await discardBody(response);
      this.#log(`image cache: ${url.href} answered HTTP ${response.status}`);
      throw imageNotFound();
    }
    if (response.status !== 200) {
      await discardBody(response);
      this.#log(`image cache: ${url.href} answered HTTP ${response.status}`);
      throw new ImageError(
        'image_unavailable',
        `The image could not be loaded (HTTP ${response.status}).`,
      );
    }

    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > this.#maxImageBytes) {
      await discardBody(response);
      throw this.#tooLarge(url);
    }
    try {
      return await readAtMost(response, this.#maxImageBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw this.#tooLarge(url);
      this.#log(`image cache: could not read ${url.href} (${failureReason(error)})`);
      throw unavailable(error);
    }
  }

  /**
   * Fetches `url`, following redirects itself: each new place must be an allowed image URL too
   * (Facebook's avatar host redirects to its CDN), else the page could reach any host through a
   * redirect from an allowed one.
   */
  async #fetchFollowing(url: URL, signal: AbortSignal): Promise<Response> {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      const response = await this.#fetch(this.#fetchUrlFor(current), {
        redirect: 'manual',
        headers: { accept: 'image/jpeg, image/png, image/webp, image/gif' },
        signal,
      });
      if (!redirectStatuses.has(response.status)) return response;
      const location = response.headers.get('location');
      await discardBody(response);
      const next = location === null ? null : allowedImageUrl(resolvedAgainst(location, current));
      if (next === null || hop >= maxRedirects) {
        this.#log(`image cache: ${url.href} redirected where images are not loaded from`);
        throw new ImageError(
          'image_unavailable',
          'The image moved to a place the app does not load pictures from.',
        );
      }
      current = next;
    }
  }

  #tooLarge(url: URL): ImageError {
    this.#log(`image cache: ${url.href} is larger than ${this.#maxImageBytes} bytes`);
    return new ImageError(
      'image_too_large',
      `The image is larger than the ${formatSize(this.#maxImageBytes)} the app accepts.`,
    );
  }
}

class BodyTooLarge extends Error {}

/** The body, reading no more than `limit` + 1 bytes: throws BodyTooLarge as soon as it is over. */
async function readAtMost(response: Response, limit: number): Promise<Buffer> {
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

function unavailable(cause: unknown): ImageError {
  return new ImageError(
    'image_unavailable',
    'The image could not be loaded: no connection, or no answer in time.',
    { cause },
  );
}

function failureReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const code = errnoCode(error) ?? errnoCode(error instanceof Error ? error.cause : undefined);
  return code ?? (error instanceof Error ? error.name : 'unknown error');
}

function formatSize(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`;
}

/** A redirect's target, read against the image URL it came from; '' when it is no URL. */
function resolvedAgainst(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return '';
  }
}
