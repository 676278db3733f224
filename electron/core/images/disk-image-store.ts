// The pictures on disk and their use order. One file per image in `dir`, named by the SHA-256 of
// its URL as given and written atomically; anything else in the folder (a write's temp files) is
// not ours. The total is bounded: after a write takes it over `maxBytes`, the least recently used
// files go. A read touches the file's mtime, so the use order survives a restart: open() reads it
// back from the mtimes. What to store, and from where, is the image cache's business, not this.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import writeFileAtomic from 'write-file-atomic';
import { StorageError } from '../storage/versioned-json-file.js';
import { errnoCode } from './image-error.js';
import { imageTypeOf, type CachedImage } from './image-type.js';

/** Eviction goes below the limit, not just to it, so the next few writes do not each evict. */
const EVICT_TO_FRACTION = 0.9;
/** A cache file's name; anything else in the folder (temp files of a write) is not ours. */
const CACHE_FILE_NAME = /^[0-9a-f]{64}$/;

/** The file an image URL is stored in: the SHA-256 of the URL exactly as given. */
export function imageFileName(imageUrl: string): string {
  return createHash('sha256').update(imageUrl).digest('hex');
}

export interface DiskImageStoreOptions {
  /** Where image files live; created if missing. */
  readonly dir: string;
  readonly maxBytes: number;
  /** Files a load is reading or writing right now: eviction passes over them. */
  readonly isInUse?: (name: string) => boolean;
  readonly log?: (message: string) => void;
}

export class DiskImageStore {
  readonly #dir: string;
  readonly #maxBytes: number;
  readonly #isInUse: (name: string) => boolean;
  readonly #log: (message: string) => void;
  /** File name → size, least recently used first; taking an entry out deletes its file. */
  readonly #index: LRUCache<string, number>;
  /** Files being deleted; a read of the same file waits for its deletion first. */
  readonly #deletions = new Map<string, Promise<void>>();

  private constructor(options: DiskImageStoreOptions, files: readonly CacheFile[]) {
    this.#dir = options.dir;
    this.#maxBytes = options.maxBytes;
    this.#isInUse = options.isInUse ?? (() => false);
    this.#log = options.log ?? (() => {});
    this.#index = new LRUCache<string, number>({
      // lru-cache keeps the use order and the total; it never evicts by itself (hence no real
      // bound here): eviction goes down to 90%, passes over files in use and keeps the file just
      // written even when it alone is over the limit, which lru-cache's maxSize does not do.
      maxSize: Number.MAX_SAFE_INTEGER,
      // lru-cache counts sizes from 1; an empty file is damaged and goes at its first read.
      sizeCalculation: (size) => Math.max(size, 1),
      // A file written again keeps its place on disk; only taking it out of the index deletes it.
      noDisposeOnSet: true,
      dispose: (_size, name) => void this.#deleteFile(name),
    });
    for (const { name, size } of files) this.#index.set(name, size);
  }

  /** Opens `dir`, counting the files already there. Throws StorageError. */
  static async open(options: DiskImageStoreOptions): Promise<DiskImageStore> {
    try {
      await fs.mkdir(options.dir, { recursive: true });
      return new DiskImageStore(options, await readCacheFiles(options.dir));
    } catch (error) {
      throw new StorageError(
        'storage_read_failed',
        `Could not open the image folder ${options.dir}.`,
        { cause: error },
      );
    }
  }

  /** Bytes of the files counted, empty ones as 1. */
  get totalBytes(): number {
    return this.#index.calculatedSize;
  }

  /**
   * The stored image, or null when there is none or its file is unusable (then it is deleted).
   * `href` is the image's URL, for log lines. Marks the file as just used.
   */
  async read(name: string, href: string): Promise<CachedImage | null> {
    await this.#deletions.get(name);
    const file = path.join(this.#dir, name);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') {
        this.#log(`image cache: could not read the file for ${href} (${errnoCode(error)})`);
      }
      return null;
    }
    const contentType = imageTypeOf(bytes);
    if (contentType === null) {
      // Damaged on disk: fetched again rather than serve bytes the page cannot show.
      this.#log(`image cache: the file for ${href} is not an image; fetching it again`);
      if (!this.#index.delete(name)) void this.#deleteFile(name);
      await this.#deletions.get(name);
      return null;
    }
    this.#index.set(name, bytes.length);
    const now = new Date();
    // The mtime is the use order after a restart; failing to touch it only ages the file sooner.
    await fs.utimes(file, now, now).catch(() => {});
    return { bytes, contentType };
  }

  /**
   * Stores the bytes as the most recently used file, then evicts if the total is over the limit.
   * A failed write is logged, not thrown: the image is still good to show, and is fetched again
   * next time.
   */
  async write(name: string, href: string, bytes: Buffer): Promise<void> {
    try {
      await writeFileAtomic(path.join(this.#dir, name), bytes);
    } catch (error) {
      this.#log(`image cache: could not store ${href} (${errnoCode(error)})`);
      return;
    }
    this.#index.set(name, bytes.length);
    await this.#evictIfOver();
  }

  /** Deletes the file if the store holds it; never rejects (a failure is logged). */
  async remove(name: string): Promise<void> {
    this.#index.delete(name);
    await this.#deletions.get(name);
  }

  /** Resolves once every deletion under way has ended. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.#deletions.values()]);
  }

  /** Deletes least recently used files until the total is back under 90% of the limit. */
  async #evictIfOver(): Promise<void> {
    if (this.#index.calculatedSize <= this.#maxBytes) return;
    const target = this.#maxBytes * EVICT_TO_FRACTION;
    const deletions: Promise<void>[] = [];
    // A copy: taking entries out while walking lru-cache's own list would skip some.
    for (const name of [...this.#index.rkeys()]) {
      if (this.#index.calculatedSize <= target) break;
      // In use right now (among them the file just written): most recently used, not a victim.
      if (this.#isInUse(name)) continue;
      // Out of the index at once, so a concurrent eviction neither counts nor picks it again.
      this.#index.delete(name);
      const deletion = this.#deletions.get(name);
      if (deletion !== undefined) deletions.push(deletion);
    }
    await Promise.all(deletions);
    if (deletions.length > 0) {
      this.#log(`image cache: evicted ${deletions.length} least recently used image(s)`);
    }
  }

  /** Removes a file already out of the index; never rejects (a failure is logged). */
  #deleteFile(name: string): Promise<void> {
    const deletion: Promise<void> = fs
      .rm(path.join(this.#dir, name), { force: true })
      .catch((error: unknown) => {
        this.#log(`image cache: could not delete a cached image (${errnoCode(error)})`);
      })
      .finally(() => {
        if (this.#deletions.get(name) === deletion) this.#deletions.delete(name);
      });
    this.#deletions.set(name, deletion);
    return deletion;
  }
}

interface CacheFile {
  readonly name: string;
  readonly size: number;
}

/** The cache files already on disk, least recently used (oldest mtime) first. */
async function readCacheFiles(dir: string): Promise<CacheFile[]> {
  const found: { name: string; size: number; mtimeMs: number }[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !CACHE_FILE_NAME.test(entry.name)) continue;
    try {
      const stats = await fs.stat(path.join(dir, entry.name));
      found.push({ name: entry.name, size: stats.size, mtimeMs: stats.mtimeMs });
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
  }
  return found.sort((a, b) => a.mtimeMs - b.mtimeMs);
}
