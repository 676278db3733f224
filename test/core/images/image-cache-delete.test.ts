// Deleting one picture from the image cache (an avatar, when its account is removed): the file
// goes, the others stay, and a load in flight or coming during the deletion cannot bring it back
// unseen.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cacheFiles, png, useImageCacheFixture } from './support.js';

const COVER = 'https://i.scdn.co/image/ab67616d0000b273cover';
const COVER_PATH = '/i.scdn.co/image/ab67616d0000b273cover';

const fixture = useImageCacheFixture();

describe('ImageCache.delete', () => {
  const OTHER = 'https://i.scdn.co/image/ab67616d0000b273other';
  const OTHER_PATH = '/i.scdn.co/image/ab67616d0000b273other';

  it('deletes the image’s file, keeps the others, and fetches it anew when asked again', async () => {
    fixture.server().serve(COVER_PATH, png(100));
    fixture.server().serve(OTHER_PATH, png(200));
    const cache = await fixture.open();
    await cache.get(COVER);
    await cache.get(OTHER);

    await cache.delete(COVER);

    const otherName = createHash('sha256').update(OTHER).digest('hex');
    expect(await cacheFiles(fixture.dir())).toEqual([otherName]);
    expect((await cache.get(COVER)).bytes.equals(png(100))).toBe(true);
    expect(fixture.server().count(COVER_PATH)).toBe(2);
    expect(fixture.server().count(OTHER_PATH)).toBe(1);
  });

  it('waits for a fetch of the image in flight, then deletes what it stored', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    fixture.server().route(COVER_PATH, async (_request, response) => {
      await held;
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(png(100));
    });
    const cache = await fixture.open();
    const arrived = fixture.server().arrival(COVER_PATH);
    const loading = cache.get(COVER);
    await arrived;

    const deleting = cache.delete(COVER);
    release();
    await expect(loading).resolves.toMatchObject({ contentType: 'image/png' });
    await deleting;

    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('makes a get() that comes during the deletion wait for it, then fetch the image anew', async () => {
    fixture.server().serve(COVER_PATH, png(100));
    const cache = await fixture.open();
    await cache.get(COVER);

    const deleting = cache.delete(COVER);
    const again = cache.get(COVER);
    await deleting;
    await expect(again).resolves.toMatchObject({ contentType: 'image/png' });

    // Fetched anew and stored again: the file is there, and a second delete removes it.
    expect(fixture.server().count(COVER_PATH)).toBe(2);
    expect(await cacheFiles(fixture.dir())).toHaveLength(1);
    await cache.delete(COVER);
    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('finishes a deletion under way before close() returns', async () => {
    fixture.server().serve(COVER_PATH, png(100));
    const cache = await fixture.open();
    await cache.get(COVER);

    void cache.delete(COVER);
    await cache.close();

    expect(await cacheFiles(fixture.dir())).toEqual([]);
  });

  it('does nothing for an image it does not hold', async () => {
    fixture.server().serve(COVER_PATH, png(100));
    const cache = await fixture.open();
    await cache.get(COVER);

    await cache.delete(OTHER);
    await cache.delete('not a url at all');

    expect(await cacheFiles(fixture.dir())).toHaveLength(1);
  });

  it('forgets that the image answered 404, so the next get() asks again', async () => {
    fixture.server().route(COVER_PATH, (_request, response) => response.writeHead(404).end());
    const cache = await fixture.open();
    await expect(cache.get(COVER)).rejects.toMatchObject({ code: 'image_not_found' });

    await cache.delete(COVER);
    fixture.server().serve(COVER_PATH, png(100));

    expect((await cache.get(COVER)).bytes.equals(png(100))).toBe(true);
    expect(fixture.server().count(COVER_PATH)).toBe(2);
  });
});
