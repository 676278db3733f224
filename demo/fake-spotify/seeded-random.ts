// Deterministic pseudo-randomness for the fake Spotify: pure integer hashing, so any generated
// value can be recomputed from (seed, index) alone and nothing has to be stored per track.

/** Mixes any number of integers into one well-spread unsigned 32-bit value (murmur3 finaliser). */
export function mix32(...values: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A float in [0, 1) derived from the inputs. */
export function unitFloat(...values: readonly number[]): number {
  return mix32(...values) / 0x1_0000_0000;
}

/** Picks one element of a non-empty list from the inputs. */
export function pick<T>(list: readonly T[], ...values: readonly number[]): T {
  const item = list[mix32(...values) % list.length];
  if (item === undefined) throw new RangeError('pick() needs a non-empty list');
  return item;
}

/** A stream of floats in [0, 1) (mulberry32), for choices made at run time such as fault fractions. */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` base62 characters that look random but are fixed by the inputs. */
export function base62String(length: number, ...values: readonly number[]): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[mix32(...values, i) % 62];
  return out;
}

/** `length` lowercase hex characters fixed by the inputs. */
export function hexString(length: number, ...values: readonly number[]): string {
  let out = '';
  for (let i = 0; out.length < length; i++)
    out += mix32(...values, i)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}

/** Encodes a non-negative integer below 62^width as exactly `width` base62 characters. */
export function encodeBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

/** Inverse of encodeBase62; null when a character is not base62. */
export function decodeBase62(text: string): number | null {
  let value = 0;
  for (const char of text) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) return null;
    value = value * 62 + digit;
  }
  return value;
}
