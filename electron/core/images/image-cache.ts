// Avatars and cover art on disk, so the page shows them offline and Facebook-hosted avatars pass a
// tight CSP: the main process fetches an image once, checks it is an image, stores it and serves it
// from disk from then on. It never revalidates: Spotify's image URLs are content-addressed, so a
// URL never changes its picture. Only URLs allowed-image-url.ts accepts are ever fetched.
//
// One file per URL in `dir`, named by the SHA-256 of the URL as given, written atomically. The
// total size is bounded: after a write takes it over `maxCacheBytes`, the least recently used files
// go (a read touches the file's mtime, so the order survives a restart). Serving the bytes to the
// page (an app protocol, the browser harness) is the caller's job.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import PQueue from 'p-queue';
import writeFileAtomic from 'write-file-atomic';
import { AppError } from '../errors/app-error.js';
import { StorageError } from '../storage/versioned-json-file.js';
import { allowedImageUrl } from './allowed-image-url.js';
import { imageTypeOf, type ImageContentType } from './image-type.js';

export type { ImageContentType } from './image-type.js';

export type ImageErrorCode =
  | 'image_url_not_allowed' // not https, not an allowed host, credentials or a port in it
  | 'image_not_found' // the host answered 404/410
  | 'image_unavailable' // network error, timeout, other status, and nothing on disk
  | 'image_not_an_image' // the bytes are no JPEG/PNG/WebP/GIF (whatever the content-type said)
  | 'image_too_large' // over maxImageBytes (stop reading as soon as it is over)
  | 'image_cache_closed';

export class ImageError extends AppError<ImageErrorCode> {}

export interface CachedImage {
  readonly bytes: Buffer;
  readonly contentType: ImageContentType;
}

export interface ImageCacheOptions {
  /** Where image files live; created if missing (the app passes <userData>/images). */
  readonly dir: string;
  readonly fetch?: typeof fetch;
  /**
   * Where an allowed image URL is fetched from; default: the URL itself. The demo, the browser
   * harness and tests point Spotify's image hosts at the fake Spotify with this.
   */
  readonly fetchUrlFor?: (imageUrl: URL) => string;
  readonly maxImageBytes?: number; // default 5 MiB
  readonly maxCacheBytes?: number; // default 100 MiB: least recently used files go first
  readonly concurrency?: number; // default 4 fetches at once
  readonly timeoutMs?: number; // default 15 000 per fetch
  readonly log?: (message: string) => void; // operational lines; a URL is fine, never a token
}

const MIB = 1024 * 1024;
/** How long a 404/410 is believed, so a dead URL on screen does not cause a request per render. */
const NOT_FOUND_MEMORY_MS = 10 * 60 * 1000;
/** Dead URLs remembered at most; beyond it the oldest are forgotten (and simply asked again). */
const NOT_FOUND_MEMORY_LIMIT = 1000;
/** Eviction goes below the limit, not just to it, so the next few writes do not each evict. */
const EVICT_TO_FRACTION = 0.9;
/** A cache file's name; anything else in the folder (temp files of a write) is not ours. */
const CACHE_FILE_NAME = /^[0-9a-f]{64}$/;

export class ImageCache {
  readonly #dir: string;
  readonly #fetch: typeof fetch;
  readonly #fetchUrlFor: (imageUrl: URL) => string;
  readonly #maxImageBytes: number;
  readonly #maxCacheBytes: number;
  readonly #timeoutMs: number;
  readonly #log: (message: string) => void;
  readonly #queue: PQueue;
  /** Cache file name → size; Map order is use order, least recently used first. */
  readonly #files: Map<string, number>;
  #totalBytes: number;
  /** Single flight: one load (disk read, fetch, write) per file at a time, shared by callers. */
  readonly #loads = new Map<string, Promise<CachedImage>>();
  /** Evicted files being deleted; a load of the same file waits for the deletion first. */
  readonly #deletions = new Map<string, Promise<void>>();
  /** File name → when the memory of its 404/410 expires. */
  readonly #notFoundUntil = new Map<string, number>();
  #closed = false;

  private constructor(options: ImageCacheOptions, files: Map<string, number>) {
    this.#dir = options.dir;
    this.#fetch = options.fetch ?? fetch;
    this.#fetchUrlFor = options.fetchUrlFor ?? ((url) => url.href);
    this.#maxImageBytes = options.maxImageBytes ?? 5 * MIB;
    this.#maxCacheBytes = options.maxCacheBytes ?? 100 * MIB;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#log = options.log ?? (() => {});
    this.#queue = new PQueue({ concurrency: options.concurrency ?? 4 });
    this.#files = files;
    this.#totalBytes = [...files.values()].reduce((sum, size) => sum + size, 0);
  }

  static async open(options: ImageCacheOptions): Promise<ImageCache> {
    try {
      await fs.mkdir(options.dir, { recursive: true });
      return new ImageCache(options, await readCacheFiles(options.dir));
    } catch (error) {
      throw new StorageError(
        'storage_read_failed',
        `Could not open the image folder ${options.dir}.`,
        { cause: error },
      );
    }
  }

  /**
   * The image's bytes, from disk when cached, else fetched and stored.
   * Throws AppError<ImageErrorCode>.
   */
  get(imageUrl: string): Promise<CachedImage> {
    if (this.#closed) {
      return Promise.reject(new ImageError('image_cache_closed', 'The image cache is closed.'));
    }
    const url = allowedImageUrl(imageUrl);
    if (url === null) {
      return Promise.reject(
        new ImageError('image_url_not_allowed', 'The app does not load images from this address.'),
      );
    }
    const name = createHash('sha256').update(imageUrl).digest('hex');
    const shared = this.#loads.get(name);
    if (shared !== undefined) return shared;
    const load = this.#load(name, url).finally(() => this.#loads.delete(name));
    this.#loads.set(name, load);
    return load;
  }

  /**
   * Deletes the image's file, if cached (an account's avatar, when the account is removed: the
   * cache keeps nothing of it). A load of it already in flight ends first; a get() from now on
   * waits for the deletion, then fetches anew. A file that cannot be deleted is logged, not
   * thrown: it is evicted like any other in time. close() waits for deletions under way.
   */
  delete(imageUrl: string): Promise<void> {
    const name = createHash('sha256').update(imageUrl).digest('hex');
    // Taken now: a load that starts later waits for this deletion (#load), so waiting for it
    // here would wait forever.
    const loading = this.#loads.get(name);
    const before = this.#deletions.get(name);
    const deletion = (async () => {
      await before;
      await loading?.catch(() => undefined);
      this.#notFoundUntil.delete(name);
      if (!this.#files.has(name)) return;
      this.#forget(name);
      await this.#deleteFile(name);
    })().finally(() => {
      if (this.#deletions.get(name) === deletion) this.#deletions.delete(name);
    });
    this.#deletions.set(name, deletion);
    return deletion;
  }

  /** Waits for fetches and writes in flight; later get() calls throw image_cache_closed. */
  async close(): Promise<void> {
    this.#closed = true;
    // A load in flight may still start a deletion (eviction) when it ends, so loads go first.
    await Promise.allSettled([...this.#loads.values()]);
    await Promise.allSettled([...this.#deletions.values()]);
    await this.#queue.onIdle();
  }

  async #load(name: string, url: URL): Promise<CachedImage> {
    await this.#deletions.get(name);
    const file = path.join(this.#dir, name);

    const cached = await this.#readCached(name, file, url);
    if (cached !== null) return cached;

    const deadUntil = this.#notFoundUntil.get(name);
    if (deadUntil !== undefined && deadUntil > Date.now()) throw notFound();

    const bytes = await this.#queue.add(() => this.#download(name, url));
    const contentType = imageTypeOf(bytes);
    if (contentType === null) {
      this.#log(`image cache: ${url.href} is not a JPEG, PNG, WebP or GIF image`);
      throw new ImageError(
        'image_not_an_image',
        'The downloaded file is not a JPEG, PNG, WebP or GIF image.',
      );
    }
    await this.#store(name, file, bytes, url);
    return { bytes, contentType };
  }

  /** The cached image, or null when there is none or the file is unusable (then it is deleted). */
  async #readCached(name: string, file: string, url: URL): Promise<CachedImage | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        this.#log(`image cache: could not read the file for ${url.href} (${errorCode(error)})`);
      }
      return null;
    }
    const contentType = imageTypeOf(bytes);
    if (contentType === null) {
      // Damaged on disk: fetch it again rather than serve bytes the page cannot show.
      this.#log(`image cache: the file for ${url.href} is not an image; fetching it again`);
      this.#forget(name);
      await fs.rm(file, { force: true }).catch(() => {});
      return null;
    }
    this.#markUsed(name, bytes.length);
    const now = new Date();
    // The mtime is the use order after a restart; failing to touch it only ages the file sooner.
    await fs.utimes(file, now, now).catch(() => {});
    return { bytes, contentType };
  }

  async #download(name: string, url: URL): Promise<Buffer> {
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
      this.#rememberNotFound(name);
      this.#log(`image cache: ${url.href} answered HTTP ${response.status}`);
      throw notFound();
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

  async #store(name: string, file: string, bytes: Buffer, url: URL): Promise<void> {
    try {
      await writeFileAtomic(file, bytes);
    } catch (error) {
      // The image is still good to show; it is just fetched again next time.
      this.#log(`image cache: could not store ${url.href} (${errorCode(error)})`);
      return;
    }
    this.#markUsed(name, bytes.length);
    await this.#evictIfOver();
  }

  /** Deletes least recently used files until the total is back under 90% of the limit. */
  async #evictIfOver(): Promise<void> {
    if (this.#totalBytes <= this.#maxCacheBytes) return;
    const target = this.#maxCacheBytes * EVICT_TO_FRACTION;
    const deletions: Promise<void>[] = [];
    for (const name of this.#files.keys()) {
      if (this.#totalBytes <= target) break;
      // In use right now (among them the file just written): most recently used, not a victim.
      if (this.#loads.has(name)) continue;
      // Forgotten at once, so a concurrent eviction neither counts nor picks it again.
      this.#forget(name);
      const deletion: Promise<void> = this.#deleteFile(name).finally(() => {
        if (this.#deletions.get(name) === deletion) this.#deletions.delete(name);
      });
      this.#deletions.set(name, deletion);
      deletions.push(deletion);
    }
    await Promise.all(deletions);
    if (deletions.length > 0) {
      this.#log(`image cache: evicted ${deletions.length} least recently used image(s)`);
    }
  }

  /** Removes a file already forgotten; never rejects (a failure is logged). */
  #deleteFile(name: string): Promise<void> {
    return fs.rm(path.join(this.#dir, name), { force: true }).catch((error: unknown) => {
      this.#log(`image cache: could not delete a cached image (${errorCode(error)})`);
    });
  }

  #markUsed(name: string, size: number): void {
    this.#forget(name);
    this.#files.set(name, size);
    this.#totalBytes += size;
  }

  #forget(name: string): void {
    const size = this.#files.get(name);
    if (size === undefined) return;
    this.#files.delete(name);
    this.#totalBytes -= size;
  }

  #rememberNotFound(name: string): void {
    const now = Date.now();
    if (this.#notFoundUntil.size >= NOT_FOUND_MEMORY_LIMIT) {
      for (const [key, until] of this.#notFoundUntil) {
        if (until <= now) this.#notFoundUntil.delete(key);
      }
      // Still full of live entries: the oldest (first inserted) goes.
      const oldest = this.#notFoundUntil.keys().next();
      if (this.#notFoundUntil.size >= NOT_FOUND_MEMORY_LIMIT && oldest.done !== true) {
        this.#notFoundUntil.delete(oldest.value);
      }
    }
    this.#notFoundUntil.delete(name);
    this.#notFoundUntil.set(name, now + NOT_FOUND_MEMORY_MS);
  }

  #tooLarge(url: URL): ImageError {
    this.#log(`image cache: ${url.href} is larger than ${this.#maxImageBytes} bytes`);
    return new ImageError(
      'image_too_large',
      `The image is larger than the ${formatSize(this.#maxImageBytes)} the app accepts.`,
    );
  }
}

/** The cache files already on disk, least recently used (oldest mtime) first. */
async function readCacheFiles(dir: string): Promise<Map<string, number>> {
  const found: { name: string; size: number; mtimeMs: number }[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !CACHE_FILE_NAME.test(entry.name)) continue;
    try {
      const stats = await fs.stat(path.join(dir, entry.name));
      found.push({ name: entry.name, size: stats.size, mtimeMs: stats.mtimeMs });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  found.sort((a, b) => a.mtimeMs - b.mtimeMs);
  return new Map(found.map(({ name, size }) => [name, size]));
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

function notFound(): ImageError {
  return new ImageError('image_not_found', 'The image is no longer at its address.');
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
  const code = errorCode(error) ?? errorCode(error instanceof Error ? error.cause : undefined);
  return code ?? (error instanceof Error ? error.name : 'unknown error');
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function formatSize(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 3;

/** A redirect's target, read against the image URL it came from; '' when it is no URL. */
function resolvedAgainst(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return '';
  }
}
