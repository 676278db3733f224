// The memory of pictures whose host answered 404/410, so a dead URL on screen does not cause a
// request per render. A dead URL is believed for ten minutes, then asked about again; at most a
// thousand are remembered, and beyond that the oldest are forgotten (and simply asked again). In
// memory only: after a restart every URL gets one more try.
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../clock.js';

/** How long a 404/410 is believed. */
export const MISSING_IMAGE_MEMORY_MS = 10 * 60 * 1000;
/** Dead URLs remembered at most. */
export const MISSING_IMAGE_LIMIT = 1000;

export class MissingImages {
  /** Keys of pictures that answered 404/410; the least recently reported first. */
  readonly #missing: LRUCache<string, true>;

  constructor(clock: Clock = systemClock) {
    this.#missing = new LRUCache<string, true>({
      max: MISSING_IMAGE_LIMIT,
      ttl: MISSING_IMAGE_MEMORY_MS,
      perf: clock,
      // Read the clock at every look-up, not once per tick: an expiry holds to the millisecond.
      ttlResolution: 0,
    });
  }

  /** Remembers that `key` answered 404/410, for the full time again if it already had. */
  remember(key: string): void {
    this.#missing.set(key, true);
  }

  /** Whether `key` answered 404/410 within the time a dead URL is believed. */
  has(key: string): boolean {
    return this.#missing.has(key);
  }

  forget(key: string): void {
    this.#missing.delete(key);
  }
}
