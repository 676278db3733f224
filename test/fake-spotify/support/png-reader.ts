// Test helper: reads back a PNG the way a decoder would (signature, chunk CRCs, IHDR, inflated
// IDAT), independently of the fake's encoder, so tests can say what an image really contains.
import { crc32, inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  chunkTypes: string[];
  /** Inflated IDAT data: one filter byte then the pixels, for every row. */
  scanlines: Buffer;
}

export function readPng(bytes: Buffer): DecodedPng {
  if (!bytes.subarray(0, 8).equals(Buffer.from(PNG_SIGNATURE))) {
    throw new Error('not a PNG: bad signature');
  }
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | null = null;
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const expected = bytes.readUInt32BE(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== expected) {
      throw new Error(`bad CRC on chunk ${type}`);
    }
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (header === null) throw new Error('no IHDR chunk');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8] ?? 0,
    colourType: header[9] ?? 0,
    chunkTypes,
    scanlines: inflateSync(Buffer.concat(idat)),
  };
}

/** The RGB colour of pixel (x, y) of an 8-bit RGB image whose rows all use filter 0. */
export function pixelAt(png: DecodedPng, x: number, y: number): [number, number, number] {
  const at = y * (1 + 3 * png.width) + 1 + 3 * x;
  const s = png.scanlines;
  return [s[at] ?? -1, s[at + 1] ?? -1, s[at + 2] ?? -1];
}
