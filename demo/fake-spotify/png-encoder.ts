// A minimal PNG encoder for the fake's image CDN: 8-bit RGB, no interlace, every scanline with
// filter 0, one IDAT chunk compressed by node:zlib. Enough for placeholder art that any decoder
// (Chromium, Electron's nativeImage, sharp) accepts, without a native image library.
import * as zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPE_RGB = 2;

/**
 * Pixels for `encodeRgbPng`: `width * height * 3` bytes, row after row, red-green-blue.
 * Kept as a plain byte array so a drawing routine can fill runs with `Buffer.fill`.
 */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Buffer;
}

export function encodeRgbPng({ width, height, pixels }: RgbImage): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG size must be positive integers, got ${width}x${height}`);
  }
  const stride = width * 3;
  if (pixels.length !== stride * height) {
    throw new RangeError(`expected ${stride * height} pixel bytes, got ${pixels.length}`);
  }
  // Each scanline starts with its filter type; 0 (None) keeps the encoder trivial and deflate
  // still shrinks flat placeholder art to a few hundred bytes.
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = COLOUR_TYPE_RGB;
  // Bytes 10-12 stay 0: deflate compression, adaptive filtering, no interlace.
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  // The CRC covers the type and the data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

type Crc32 = (data: Uint8Array) => number;

// zlib.crc32 arrived in Node 20.15 / 22.2; read it off the namespace (a named import would fail
// to link on older Node) and fall back to the table version below.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 (ISO 3309, as PNG chunks use it): zlib's when Node has it, else `tableCrc32`. */
export const crc32: Crc32 =
  typeof nativeCrc32 === 'function' ? (data) => nativeCrc32(data) : tableCrc32;

let table: Uint32Array | null = null;

/** The byte-at-a-time table CRC-32 from the PNG specification's annex, for Node before 20.15. */
export function tableCrc32(data: Uint8Array): number {
  table ??= buildTable();
  let crc = 0xffffffff;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function buildTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
