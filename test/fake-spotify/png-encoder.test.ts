// The fake's PNG encoder: chunk CRCs match zlib's (and the fallback table CRC agrees), and an
// encoded image reads back with the exact pixels it was given.
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodeRgbPng, tableCrc32 } from '../../demo/fake-spotify/png-encoder.js';
import { pixelAt, readPng } from './support/png-reader.js';

describe('CRC-32', () => {
  it('gives the standard check value and agrees with zlib on arbitrary bytes', () => {
    const check = Buffer.from('123456789');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(tableCrc32(check)).toBe(0xcbf43926);
    expect(tableCrc32(Buffer.alloc(0))).toBe(0);
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    expect(tableCrc32(bytes)).toBe(zlibCrc32(bytes));
  });
});

describe('encodeRgbPng', () => {
  it('writes an image that reads back pixel for pixel', () => {
    const width = 3;
    const height = 2;
    const pixels = Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => i * 10));
    const png = readPng(encodeRgbPng({ width, height, pixels }));
    expect(png).toMatchObject({ width, height, bitDepth: 8, colourType: 2 });
    for (let y = 0; y < height; y++) {
      expect(png.scanlines[y * (1 + 3 * width)]).toBe(0); // filter byte: None
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 3;
        expect(pixelAt(png, x, y)).toEqual([...pixels.subarray(at, at + 3)]);
      }
    }
  });

  it('refuses sizes that are not positive integers or do not match the pixels', () => {
    expect(() => encodeRgbPng({ width: 0, height: 1, pixels: Buffer.alloc(0) })).toThrow(
      RangeError,
    );
    expect(() => encodeRgbPng({ width: 2, height: 2, pixels: Buffer.alloc(11) })).toThrow(
      RangeError,
    );
  });
});
