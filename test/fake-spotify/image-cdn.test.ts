// The image CDN under /cdn/<host>/<path>: every cover and avatar URL the fake's own answers hand
// out comes back as a real PNG of the right size over HTTP; anything else is 404; image requests
// are counted under their own path and faulted only by rules that name /cdn.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeCdnUrl, startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';
import { PNG_SIGNATURE, pixelAt, readPng } from './support/png-reader.js';

interface Image {
  url: string;
  width: number | null;
  height: number | null;
}
interface SavedTrack {
  track: { is_local: boolean; album: { id: string | null; images: Image[] } };
}

let fake: FakeSpotify;
let aliceToken: string;
let carolToken: string;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 3, tracks: 40 });
  aliceToken = (await fake.control.mintTokens(fake.users[0]?.id ?? '')).accessToken;
  carolToken = (await fake.control.mintTokens(fake.users[2]?.id ?? '')).accessToken;
});
afterEach(() => fake.control.clearFaults());
afterAll(() => fake.close());

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(fake.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Albums of Alice's newest saved tracks, one entry per album, as /v1/me/tracks sends them. */
async function albumsFromTracks(): Promise<{ id: string; images: Image[] }[]> {
  const page = await api<{ items: SavedTrack[] }>('/v1/me/tracks?limit=30', aliceToken);
  const albums = new Map<string, Image[]>();
  for (const { track } of page.items) {
    if (!track.is_local && track.album.id !== null) albums.set(track.album.id, track.album.images);
  }
  return [...albums].map(([id, images]) => ({ id, images }));
}

async function firstAlbum(): Promise<{ id: string; images: Image[] }> {
  const album = (await albumsFromTracks())[0];
  if (!album) throw new Error('Alice has no album with covers');
  return album;
}

async function getImage(imageUrl: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await fetch(fakeCdnUrl(fake.baseUrl, imageUrl));
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('cover art', () => {
  it('serves every size of a cover from a real /v1/me/tracks answer as an RGB PNG of that size', async () => {
    const { images } = await firstAlbum();
    expect(images.map((i) => i.width)).toEqual([640, 300, 64]);
    for (const image of images) {
      const { res, bytes } = await getImage(image.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const png = readPng(bytes);
      expect(png).toMatchObject({ width: image.width, height: image.height, bitDepth: 8 });
      expect(png.colourType).toBe(2); // RGB
      expect(png.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
      const width = image.width ?? 0;
      expect(png.scanlines.length).toBe((image.height ?? 0) * (1 + 3 * width));
      // Placeholder art compresses well: even the 640 px cover stays a few kilobytes.
      expect(bytes.length).toBeLessThan(20_000);
    }
  });

  it('draws different albums differently, the sizes of one album alike, and the same bytes each time', async () => {
    const albums = await albumsFromTracks();
    const [a, b] = albums;
    if (!a || !b) throw new Error('need two albums');
    const smallA = await getImage(a.images[2]?.url ?? '');
    const smallB = await getImage(b.images[2]?.url ?? '');
    expect(smallA.bytes.equals(smallB.bytes)).toBe(false);
    expect(pixelAt(readPng(smallA.bytes), 0, 0)).not.toEqual(pixelAt(readPng(smallB.bytes), 0, 0));

    const largeA = readPng((await getImage(a.images[0]?.url ?? '')).bytes);
    expect(pixelAt(largeA, 0, 0)).toEqual(pixelAt(readPng(smallA.bytes), 0, 0));

    expect((await getImage(a.images[2]?.url ?? '')).bytes.equals(smallA.bytes)).toBe(true);
  });
});

describe('avatars', () => {
  it("serves user 2's Facebook-hosted avatar from /v1/me, query string and all", async () => {
    const me = await api<{ images: Image[] }>('/v1/me', carolToken);
    const avatar = me.images[0];
    expect(avatar).toMatchObject({ width: null, height: null });
    const url = new URL(avatar?.url ?? '');
    expect(url.host).toBe('platform-lookaside.fbsbx.com');
    expect([...url.searchParams.keys()]).toEqual(['asid', 'height', 'width', 'ext', 'hash']);

    const { res, bytes } = await getImage(url.toString());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    // Facebook sizes the picture by the URL's width and height.
    expect(readPng(bytes)).toMatchObject({ width: 300, height: 300 });

    url.searchParams.delete('asid');
    expect((await getImage(url.toString())).res.status).toBe(404);
  });

  it("serves Alice's i.scdn.co avatars at 300 and 64 px", async () => {
    const me = await api<{ images: Image[] }>('/v1/me', aliceToken);
    expect(me.images.map((i) => i.width)).toEqual([300, 64]);
    for (const image of me.images) {
      const { res, bytes } = await getImage(image.url);
      expect(res.status).toBe(200);
      expect(readPng(bytes).width).toBe(image.width);
    }
  });
});

describe('what is not an image of the fake', () => {
  it('answers 404 for other hosts and for paths the fake never hands out', async () => {
    const cover = (await firstAlbum()).images[0]?.url ?? '';
    const hex = cover.slice(-40);
    for (const path of [
      `/cdn/example.com/image/${hex}`,
      `/cdn/i.scdn.co.evil.test/image/${hex}`,
      `/cdn/i.scdn.co/image/ffffffffffffffff${hex.slice(16)}`, // unknown size marker
      `/cdn/i.scdn.co/image/${hex}0`,
      `/cdn/i.scdn.co/other/${hex}`,
      '/cdn/i.scdn.co',
      '/cdn/',
      '/cdn/platform-lookaside.fbsbx.com/platform/profilepic/?asid=abc',
    ]) {
      const res = await fetch(fake.baseUrl + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      await res.arrayBuffer();
    }
  });

  it('answers HEAD with the headers and no body, and other methods with 405', async () => {
    const url = fakeCdnUrl(fake.baseUrl, (await firstAlbum()).images[1]?.url ?? '');
    const full = Buffer.from(await (await fetch(url)).arrayBuffer());
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/png');
    expect(head.headers.get('content-length')).toBe(String(full.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const post = await fetch(url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('counting and faults', () => {
  it('counts image requests under their own path, query stripped', async () => {
    const cover = (await firstAlbum()).images[2]?.url ?? '';
    const avatar = (await api<{ images: Image[] }>('/v1/me', carolToken)).images[0]?.url ?? '';
    await fake.control.resetCounts();
    await getImage(cover);
    await getImage(cover);
    await getImage(avatar);
    expect(await fake.control.requestCounts()).toEqual({
      total: 3,
      byPath: {
        [`GET /cdn/i.scdn.co${new URL(cover).pathname}`]: 2,
        'GET /cdn/platform-lookaside.fbsbx.com/platform/profilepic/': 1,
      },
    });
  });

  it('faults image requests only by rules whose path prefix names /cdn', async () => {
    const cover = (await firstAlbum()).images[2]?.url ?? '';
    await fake.control.injectFault({ kind: 'server_error', status: 503 });
    expect((await getImage(cover)).res.status).toBe(200);
    await fake.control.clearFaults();

    await fake.control.injectFault({ kind: 'drop_connection', pathPrefix: '/cdn/', count: 1 });
    await expect(fetch(fakeCdnUrl(fake.baseUrl, cover))).rejects.toThrow();
    expect((await getImage(cover)).res.status).toBe(200);
  });
});
