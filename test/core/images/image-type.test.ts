// The content type comes from the bytes' magic numbers, whatever a server claimed.
import { describe, expect, it } from 'vitest';
import { imageTypeOf } from '../../../electron/core/images/image-type.js';
import { gif, jpeg, png, webp } from './support.js';

describe('imageTypeOf', () => {
  it.each([
    ['image/jpeg', jpeg()],
    ['image/png', png()],
    ['image/gif', gif()],
    ['image/gif', Buffer.from('GIF87a\x01\x00\x01\x00', 'latin1')],
    ['image/webp', webp()],
  ])('names %s from its first bytes', (type, bytes) => {
    expect(imageTypeOf(bytes)).toBe(type);
  });

  it.each([
    ['nothing', Buffer.alloc(0)],
    ['HTML', Buffer.from('<!doctype html><html></html>')],
    ['JSON', Buffer.from('{"error":"not found"}')],
    ['a JPEG cut after two bytes', Buffer.from([0xff, 0xd8])],
    ['a PNG signature without IHDR', png().subarray(0, 12)],
    ['a PNG whose first chunk is not IHDR', Buffer.from(png()).fill(0x41, 12, 16)],
    ['RIFF that is not WebP', Buffer.from('RIFF\x0c\x00\x00\x00WAVEfmt ', 'latin1')],
    ['GIF with an unknown version', Buffer.from('GIF88a\x01\x00', 'latin1')],
    ['zeros', Buffer.alloc(64)],
  ])('names no type for %s', (_what, bytes) => {
    expect(imageTypeOf(bytes)).toBeNull();
  });
});
