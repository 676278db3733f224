// Which image URLs the fake hands out (seed-data.ts for avatars, track-catalogue.ts for covers)
// and what each one looks like: its size and a two-colour placeholder drawn from a hash of the
// image's identity, so every size of one cover matches and different covers differ.
import type { RgbImage } from './png-encoder.js';
import { mix32 } from './seeded-random.js';

export const SPOTIFY_IMAGE_HOST = 'i.scdn.co';
export const FACEBOOK_IMAGE_HOST = 'platform-lookaside.fbsbx.com';

/** A picture the fake's CDN can draw. */
export interface CdnImage {
  width: number;
  height: number;
  /** What the picture shows: shared by the sizes of one cover, different between covers. */
  identity: string;
}

/** i.scdn.co's size markers (the first 16 hex digits of the file name) and their pixel width. */
const SCDN_WIDTHS: Readonly<Record<string, number>> = {
  ab67616d0000b273: 640, // album cover, large
  ab67616d00001e02: 300, // album cover, medium
  ab67616d00004851: 64, // album cover, small
  ab6775700000ee85: 300, // profile picture, large
  ab67757000003b82: 64, // profile picture, small
};
const SCDN_PATH = /^\/image\/([0-9a-f]{16})([0-9a-f]{24})$/;

const DEFAULT_SIDE = 64;
/** Spotify's largest image is 640 px; a URL asking Facebook for more still gets a small file. */
const MAX_SIDE = 640;

/** The image behind a CDN URL of the fake's data, or null when the fake never hands it out. */
export function findCdnImage(
  host: string,
  pathname: string,
  query: URLSearchParams,
): CdnImage | null {
  if (host === SPOTIFY_IMAGE_HOST) {
    const match = SCDN_PATH.exec(pathname);
    const width = match?.[1] === undefined ? undefined : SCDN_WIDTHS[match[1]];
    if (width === undefined || match?.[2] === undefined) return null;
    return { width, height: width, identity: match[2] };
  }
  if (host === FACEBOOK_IMAGE_HOST && pathname === '/platform/profilepic/') {
    const asid = query.get('asid');
    if (asid === null || !/^\d{1,20}$/.test(asid)) return null;
    // The data gives no dimensions for these (as Spotify does); Facebook sizes the picture by
    // the URL's width/height, so the fake does too.
    const width = side(query.get('width')) ?? side(query.get('height')) ?? DEFAULT_SIDE;
    const height = side(query.get('height')) ?? width;
    return { width, height, identity: `fb:${asid}` };
  }
  return null;
}

function side(value: string | null): number | null {
  if (value === null || !/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n < 1 ? null : Math.min(n, MAX_SIDE);
}

/** Placeholder art: a diagonal split between two related colours picked by the identity. */
export function drawCdnImage({ width, height, identity }: CdnImage): RgbImage {
  const hash = mix32(...Array.from(identity, (c) => c.charCodeAt(0)));
  const hue = hash % 360;
  const dark = Buffer.from(hslToRgb(hue, 0.55, 0.4));
  const light = Buffer.from(hslToRgb((hue + 35 + ((hash >>> 9) % 50)) % 360, 0.6, 0.65));
  const stride = width * 3;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const split = Math.round(width - ((y + 0.5) * width) / height);
    const row = y * stride;
    if (split > 0) pixels.fill(dark, row, row + split * 3);
    if (split < width) pixels.fill(light, row + split * 3, row + stride);
  }
  return { width, height, pixels };
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}
