// Avatars and cover art on disk, so the page shows them offline and Facebook-hosted avatars pass a
// tight CSP: the main process fetches an image once, checks it is an image, stores it and serves it
// from disk from then on. It never revalidates: Spotify's image URLs are content-addressed, so a
// URL never changes its picture. Only URLs allowed-image-url.ts accepts are ever fetched.
//
// This is the one door to the pictures; it ties together the files on disk (disk-image-store.ts),
// the network (image-download.ts) and the memory of dead URLs (missing-images.ts), and keeps one
// load per picture at a time. Serving the bytes to the page (an app protocol, the browser harness)
// is the caller's job.
import { allowedImageUrl } from './allowed-image-url.js';
import { DiskImageStore, imageFileName } from './disk-image-store.js';
import { ImageDownloader, type ImageDownloadOptions } from './image-download.js';
import { ImageError, imageNotFound } from './image-error.js';
import type { CachedImage } from './image-type.js';
import { MissingImages } from './missing-images.js';

export type { ImageErrorCode } from './image-error.js';
export { ImageError } from './image-error.js';
export type { CachedImage, ImageContentType } from './image-type.js';

export interface ImageCacheOptions extends ImageDownloadOptions {
  /** Where image files live; created if missing (the app passes <userData>/images). */
  readonly dir: string;
  readonly maxCacheBytes?: number; // default 100 MiB: least recently used files go first
}

const DEFAULT_MAX_CACHE_BYTES = 100 * 1024 * 1024;

export class ImageCache {
  readonly #store: DiskImageStore;
  readonly #downloader: ImageDownloader;
  readonly #missing = new MissingImages();
  /** Single flight: one load (disk read, fetch, write) per file at a time, shared by callers. */
  readonly #loads: Map<string, Promise<CachedImage>>;
  /** delete() calls under way; a load of the same file waits for the deletion first. */
  readonly #deleting = new Map<string, Promise<void>>();
  #closed = false;

  private constructor(
    store: DiskImageStore,
    downloader: ImageDownloader,
    loads: Map<string, Promise<CachedImage>>,
  ) {
    this.#store = store;
    this.#downloader = downloader;
    this.#loads = loads;
  }

  /** Opens the image folder, counting the files already there. Throws StorageError. */
  static async open(options: ImageCacheOptions): Promise<ImageCache> {
    const log = options.log ?? (() => {});
    // Shared with the store before the cache exists: eviction passes over files being loaded.
    const loads = new Map<string, Promise<CachedImage>>();
    const store = await DiskImageStore.open({
      dir: options.dir,
      maxBytes: options.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES,
      isInUse: (name) => loads.has(name),
      log,
    });
    return new ImageCache(store, new ImageDownloader({ ...options, log }), loads);
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
    const name = imageFileName(imageUrl);
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
    const name = imageFileName(imageUrl);
    // Taken now: a load that starts later waits for this deletion (#load), so waiting for it
    // here would wait forever.
    const loading = this.#loads.get(name);
    const before = this.#deleting.get(name);
    const deletion = (async () => {
      await before;
      await loading?.catch(() => undefined);
      this.#missing.forget(name);
      await this.#store.remove(name);
    })().finally(() => {
      if (this.#deleting.get(name) === deletion) this.#deleting.delete(name);
    });
    this.#deleting.set(name, deletion);
    return deletion;
  }

  /** Waits for fetches and writes in flight; later get() calls throw image_cache_closed. */
  async close(): Promise<void> {
    this.#closed = true;
    // A load in flight may still start a deletion (eviction) when it ends, so loads go first.
    await Promise.allSettled([...this.#loads.values()]);
    await Promise.allSettled([...this.#deleting.values()]);
    await this.#store.idle();
    await this.#downloader.idle();
  }

  async #load(name: string, url: URL): Promise<CachedImage> {
    await this.#deleting.get(name);
    const cached = await this.#store.read(name, url.href);
    if (cached !== null) return cached;
    if (this.#missing.has(name)) throw imageNotFound();

    let image: CachedImage;
    try {
      image = await this.#downloader.download(url);
    } catch (error) {
      if (error instanceof ImageError && error.code === 'image_not_found') {
        this.#missing.remember(name);
      }
      throw error;
    }
    await this.#store.write(name, url.href, image.bytes);
    return image;
  }
}
