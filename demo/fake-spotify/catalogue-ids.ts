// Spotify-looking 22-character base62 IDs that encode a catalogue index, so the fake can turn any
// ID a client sends back into the item it names without keeping a lookup table of 100,000s of IDs.
import { base62String, decodeBase62, encodeBase62 } from './seeded-random.js';

/** Kinds of catalogue item; each gets differently looking IDs for the same index. */
export type CatalogueKind = 'track' | 'album' | 'artist';

const KIND_SALT: Record<CatalogueKind, number> = { track: 0x7a11, album: 0xa1b0, artist: 0xa271 };
const ODD_MULTIPLIER = 0x9e3779b1;
const MULTIPLIER_INVERSE = modularInverse(ODD_MULTIPLIER);
const INDEX_DIGITS = 6; // 62^6 > 2^32
const FILLER_DIGITS = 22 - INDEX_DIGITS;

/** Largest catalogue index an ID can carry. */
export const MAX_CATALOGUE_INDEX = 0xffff_ffff;

export function catalogueId(kind: CatalogueKind, seed: number, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > MAX_CATALOGUE_INDEX) {
    throw new RangeError(`catalogue index out of range: ${index}`);
  }
  const scrambled = scramble(index, seed, kind);
  return (
    base62String(FILLER_DIGITS, seed, scrambled, KIND_SALT[kind]) +
    encodeBase62(scrambled, INDEX_DIGITS)
  );
}

/** The catalogue index an ID stands for, or null when the ID was not made by this fake and seed. */
export function catalogueIndex(kind: CatalogueKind, seed: number, id: string): number | null {
  if (id.length !== 22) return null;
  const scrambled = decodeBase62(id.slice(FILLER_DIGITS));
  if (scrambled === null || scrambled > MAX_CATALOGUE_INDEX) return null;
  if (
    base62String(FILLER_DIGITS, seed, scrambled, KIND_SALT[kind]) !== id.slice(0, FILLER_DIGITS)
  ) {
    return null;
  }
  return unscramble(scrambled, seed, kind);
}

// A bijection on 32-bit integers: consecutive indexes give unrelated-looking IDs.
function scramble(index: number, seed: number, kind: CatalogueKind): number {
  let x = (index ^ seed ^ KIND_SALT[kind]) >>> 0;
  x = Math.imul(x, ODD_MULTIPLIER) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function unscramble(value: number, seed: number, kind: CatalogueKind): number {
  let x = (value ^ (value >>> 16)) >>> 0;
  x = Math.imul(x, MULTIPLIER_INVERSE) >>> 0;
  return (x ^ seed ^ KIND_SALT[kind]) >>> 0;
}

// Newton's iteration for the inverse of an odd number modulo 2^32.
function modularInverse(odd: number): number {
  let inverse = odd;
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(odd, inverse)) >>> 0;
  return inverse >>> 0;
}
