// An image's content type from its first bytes (magic numbers), never from a server's header: the
// cache serves only what it can name as JPEG, PNG, WebP or GIF, and a file on disk that is none of
// these (damaged, cut short at the start) is treated as missing.

export type ImageContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

/** An image's bytes with the type they sniff as: what the cache stores and hands out. */
export interface CachedImage {
  readonly bytes: Buffer;
  readonly contentType: ImageContentType;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function imageTypeOf(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // The signature, then the first chunk, which must be IHDR: 8 + 4 (length) + 4 (type) bytes.
  if (startsWith(bytes, 0, PNG_SIGNATURE) && startsWithText(bytes, 12, 'IHDR')) {
    return 'image/png';
  }
  if (startsWithText(bytes, 0, 'GIF87a') || startsWithText(bytes, 0, 'GIF89a')) return 'image/gif';
  // RIFF, a 4-byte size, then the form type WEBP.
  if (startsWithText(bytes, 0, 'RIFF') && startsWithText(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((byte, i) => bytes[offset + i] === byte);
}

function startsWithText(bytes: Uint8Array, offset: number, text: string): boolean {
  return startsWith(
    bytes,
    offset,
    Array.from(text, (char) => char.charCodeAt(0)),
  );
}
