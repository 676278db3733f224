import { describe, expect, it } from 'vitest';
import {
  getProfile,
  getSavedTracksPage,
} from '../../../electron/core/spotify/spotify-api-client.js';
import type { SavedTrack } from '../../../electron/core/spotify/models.js';
import { startHarness } from './support/spotify-harness.js';

describe('getProfile', () => {
  it('maps a seeded user to the app profile keyed by account_id', async () => {
    const h = await startHarness({ users: 1 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');

    const profile = await getProfile(await h.session(user));

    expect(profile).toMatchObject({
      accountKey: user.accountId,
      spotifyUserId: user.id,
      displayName: user.displayName,
      uri: `spotify:user:${user.id}`,
    });
    expect(profile.imageUrl).toMatch(/^https:\/\//);
    expect(profile.profileUrl).toMatch(/^https:\/\/open\.spotify\.com\/user\//);
  });

  it('maps a user with null display_name and no images', async () => {
    const h = await startHarness({ users: 2 });
    const bare = h.fake.users.find((u) => u.displayName === null);
    if (bare === undefined) throw new Error('the fake seeds no nameless user');

    const profile = await getProfile(await h.session(bare));

    expect(profile.displayName).toBeNull();
    expect(profile.imageUrl).toBeNull();
    expect(profile.accountKey).toBe(bare.accountId);
  });

  it('explains a 403 for an account missing from the allowlist', async () => {
    const h = await startHarness({ users: 1 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');
    const session = await h.session(user);
    await h.fake.control.setAllowlisted(user.id, false);

    await expect(getProfile(session)).rejects.toMatchObject({
      code: 'not_allowlisted',
      status: 403,
      message: expect.stringContaining('allowlist'),
    });
    expect(h.wire.sends('/v1/')).toHaveLength(1);
  });

  it('explains a 403 caused by the app owner lacking Premium', async () => {
    const h = await startHarness({ users: 1 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');
    const session = await h.session(user);
    await h.fake.control.injectFault({ kind: 'premium_required', count: 1 });

    await expect(getProfile(session)).rejects.toMatchObject({
      code: 'premium_required',
      status: 403,
    });
    expect(h.wire.sends('/v1/')).toHaveLength(1);
  });
});

describe('getSavedTracksPage', () => {
  it('pages a library by 50 with the right offsets, total and next offsets', async () => {
    const h = await startHarness({ users: 1, tracks: 120 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');
    const session = await h.session(user);

    const pages = [];
    for (let offset: number | null = 0; offset !== null;) {
      const page = await getSavedTracksPage(session, { offset });
      pages.push(page);
      offset = page.nextOffset;
    }

    expect(pages.map((p) => [p.offset, p.limit, p.items.length, p.nextOffset])).toEqual([
      [0, 50, 50, 50],
      [50, 50, 50, 100],
      [100, 50, 20, null],
    ]);
    expect(pages.every((p) => p.total === 120)).toBe(true);
    const all: SavedTrack[] = pages.flatMap((p) => [...p.items]);
    expect(new Set(all.map((t) => t.uri)).size).toBe(120);
    // Newest first.
    const addedAt = all.map((t) => t.addedAt);
    expect(addedAt).toEqual([...addedAt].sort((a, b) => b - a));
    expect(h.wire.sends('/v1/me/tracks').map((e) => e.query)).toEqual([
      '?limit=50&offset=0',
      '?limit=50&offset=50',
      '?limit=50&offset=100',
    ]);
  });

  it('maps local files with a null id and isLocal', async () => {
    const h = await startHarness({ users: 1, tracks: 120 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');
    const session = await h.session(user);

    const pages = await Promise.all(
      [0, 50, 100].map((offset) => getSavedTracksPage(session, { offset })),
    );
    const local = pages.flatMap((p) => p.items).filter((t) => t.isLocal);

    expect(local.length).toBeGreaterThan(0);
    for (const track of local) {
      expect(track.id).toBeNull();
      expect(track.uri).toMatch(/^spotify:local:/);
      expect(track.spotifyUrl).toBeNull();
    }
    const catalogue = pages.flatMap((p) => p.items).filter((t) => !t.isLocal);
    expect(catalogue.every((t) => t.id !== null && t.albumImageUrl !== null)).toBe(true);
  });

  it('asks for a smaller page when told to', async () => {
    const h = await startHarness({ users: 1, tracks: 30 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');

    const page = await getSavedTracksPage(await h.session(user), { offset: 20, limit: 7 });

    expect(page).toMatchObject({ offset: 20, limit: 7, total: 30, nextOffset: 27 });
    expect(page.items).toHaveLength(7);
  });

  it('refuses a bad offset or page size before sending anything', async () => {
    const h = await startHarness({ users: 1 });
    const [user] = h.fake.users;
    if (user === undefined) throw new Error('no user');
    const session = await h.session(user);

    for (const request of [
      { offset: -1 },
      { offset: 1.5 },
      { offset: 0, limit: 0 },
      { offset: 0, limit: 51 },
      { offset: 0, limit: 2.5 },
    ]) {
      await expect(getSavedTracksPage(session, request)).rejects.toMatchObject({
        code: 'bad_request',
      });
    }
    expect(h.wire.events).toEqual([]);
  });
});
