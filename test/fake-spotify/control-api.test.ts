// The /__fake control API: library changes and listings, token minting, time, and typed errors for
// bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FakeControlError,
  startFakeSpotify,
  type FakeSpotify,
} from '../../demo/fake-spotify/index.js';

let fake: FakeSpotify;
let alice: string;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 20 });
  alice = fake.users[0]?.id ?? '';
});
afterAll(() => fake.close());

async function total(accessToken: string): Promise<number> {
  const res = await fetch(`${fake.baseUrl}/v1/me/tracks?limit=1`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return ((await res.json()) as { total: number }).total;
}

describe('control API', () => {
  it('adds new tracks on top and removes them again, from the top or the bottom', async () => {
    const { accessToken } = await fake.control.mintTokens(alice);
    const added = await fake.control.addSavedTracks(alice, 3);
    expect(added).toHaveLength(3);
    expect(await total(accessToken)).toBe(23);
    expect((await fake.control.savedTrackIds(alice)).slice(0, 3)).toEqual([...added].reverse());
    const removedTop = await fake.control.removeSavedTracks(alice, { count: 3 });
    expect(removedTop).toEqual([...added].reverse());
    const oldest = (await fake.control.savedTrackIds(alice)).at(-1);
    expect(await fake.control.removeSavedTracks(alice, { count: 1, fromTop: false })).toEqual([
      oldest,
    ]);
    expect(await total(accessToken)).toBe(19);
  });

  it('adds and removes given track IDs', async () => {
    const bobs = (await fake.control.savedTrackIds(fake.users[1]?.id ?? '')).filter(
      (id): id is string => id !== null,
    );
    const mine = await fake.control.savedTrackIds(alice);
    const fresh = bobs.filter((id) => !mine.includes(id)).slice(0, 2);
    expect(await fake.control.addSavedTracks(alice, fresh)).toEqual(fresh);
    expect(await fake.control.removeSavedTracks(alice, fresh)).toEqual(fresh);
  });

  it('lists a library newest first with URIs and added_at, as the Web API pages it', async () => {
    const big = await startFakeSpotify({ users: 1, tracks: 200 });
    try {
      const userId = big.users[0]?.id ?? '';
      const { accessToken } = await big.control.mintTokens(userId);
      const fromApi: { trackId: string | null; uri: string; addedAt: string }[] = [];
      for (let offset = 0; offset < 200; offset += 50) {
        const res = await fetch(`${big.baseUrl}/v1/me/tracks?limit=50&offset=${offset}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const page = (await res.json()) as {
          items: { added_at: string; track: { id: string | null; uri: string } }[];
        };
        for (const { added_at, track } of page.items)
          fromApi.push({ trackId: track.id, uri: track.uri, addedAt: added_at });
      }
      const items = await big.control.savedTracks(userId);
      expect(items).toEqual(fromApi);
      expect(items.filter((item) => item.trackId === null).map((item) => item.uri)).toEqual([
        expect.stringMatching(/^spotify:local:/),
        expect.stringMatching(/^spotify:local:/),
      ]);
      expect(await big.control.savedTrackIds(userId)).toEqual(items.map((item) => item.trackId));
    } finally {
      await big.close();
    }
  });

  it('mints tokens with the requested scope', async () => {
    const tokens = await fake.control.mintTokens(alice, { scope: 'user-read-private' });
    expect(tokens).toMatchObject({ expiresIn: 3600, scope: 'user-read-private' });
  });

  it('expires access tokens when the clock is advanced past their lifetime', async () => {
    const { accessToken } = await fake.control.mintTokens(alice);
    await fake.control.advanceTime(3600);
    const res = await fetch(`${fake.baseUrl}/v1/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(401);
  });

  it('rejects unknown users, foreign track IDs and malformed bodies with typed errors', async () => {
    await expect(fake.control.mintTokens('nobody')).rejects.toMatchObject({
      code: 'fake_unknown_user',
    });
    await expect(
      fake.control.addSavedTracks(alice, ['4iV5W9uYEdYUVa79Axb7Rh']),
    ).rejects.toMatchObject({ code: 'fake_unknown_track' });
    await expect(fake.control.setLatency(-5)).rejects.toBeInstanceOf(FakeControlError);
    await expect(
      fake.control.mintTokens(alice, { scope: 'user-read-birthdate' }),
    ).rejects.toMatchObject({ code: 'fake_bad_request' });
    const res = await fetch(`${fake.baseUrl}/__fake/faults`, { method: 'POST', body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'fake_bad_request' } });
    const unknown = await fetch(`${fake.baseUrl}/__fake/nothing`);
    expect(await unknown.json()).toMatchObject({ error: { code: 'fake_not_found' } });
  });

  it('fails with fake_control_failed when the fake is gone', async () => {
    const gone = await startFakeSpotify({ users: 1, tracks: 0 });
    await gone.close();
    await expect(gone.control.resetCounts()).rejects.toMatchObject({ code: 'fake_control_failed' });
  });
});
