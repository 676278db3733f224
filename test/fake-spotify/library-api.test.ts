// PUT/DELETE /v1/me/library and GET /v1/me/library/contains, and the removed /me/tracks writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';

let fake: FakeSpotify;
let alice: string;
let bob: string;
let token: string;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 60 });
  alice = fake.users[0]?.id ?? '';
  bob = fake.users[1]?.id ?? '';
  token = (await fake.control.mintTokens(alice)).accessToken;
});
afterAll(() => fake.close());

async function call(method: string, path: string, accessToken = token) {
  const res = await fetch(fake.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const uris = (ids: readonly (string | null)[]) =>
  ids.map((id) => `spotify:track:${id ?? ''}`).join(',');

describe('library endpoints', () => {
  it('saves tracks on top with added_at now, in the order given', async () => {
    const bobsOnly = (await fake.control.savedTrackIds(bob))
      .filter((id): id is string => id !== null)
      .slice(0, 2);
    const before = await fake.control.savedTrackIds(alice);
    const toSave = bobsOnly.filter((id) => !before.includes(id));
    expect(toSave.length).toBeGreaterThan(0);
    expect(await call('PUT', `/v1/me/library?uris=${uris(toSave)}`)).toEqual({
      status: 200,
      body: null,
    });
    const after = await fake.control.savedTrackIds(alice);
    expect(after.slice(0, toSave.length)).toEqual([...toSave].reverse());
    const page = (await call('GET', '/v1/me/tracks?limit=1')).body as {
      items: { added_at: string }[];
    };
    const addedAt = Date.parse(page.items[0]?.added_at ?? '');
    expect(Math.abs(addedAt - Date.now())).toBeLessThan(5_000);
  });

  it('reports saved state with contains, one boolean per URI', async () => {
    const [first, second] = await fake.control.savedTrackIds(alice);
    await fake.control.removeSavedTracks(alice, [second ?? '']);
    const { status, body } = await call(
      'GET',
      `/v1/me/library/contains?uris=${uris([first ?? '', second ?? ''])},spotify:album:4aawyAB9vmqN3uQ7FjRGTy`,
    );
    expect(status).toBe(200);
    expect(body).toEqual([true, false, false]);
  });

  it('removes tracks with DELETE', async () => {
    const [first] = await fake.control.savedTrackIds(alice);
    expect((await call('DELETE', `/v1/me/library?uris=${uris([first ?? ''])}`)).status).toBe(200);
    expect(await fake.control.savedTrackIds(alice)).not.toContain(first);
  });

  it('rejects more than 40 URIs, a missing uris parameter and malformed URIs with 400', async () => {
    const ids = (await fake.control.savedTrackIds(bob))
      .filter((id): id is string => id !== null)
      .slice(0, 41);
    expect(ids).toHaveLength(41);
    for (const method of ['PUT', 'DELETE', 'GET']) {
      const path = method === 'GET' ? '/v1/me/library/contains' : '/v1/me/library';
      expect((await call(method, `${path}?uris=${uris(ids)}`)).status, method).toBe(400);
      expect((await call(method, `${path}?uris=${uris(ids.slice(0, 40))}`)).status, method).toBe(
        200,
      );
      expect(await call(method, path)).toMatchObject({
        status: 400,
        body: { error: { status: 400 } },
      });
      expect((await call(method, `${path}?uris=spotify:track:short`)).status).toBe(400);
    }
  });

  it('needs user-library-modify to change the library', async () => {
    const { accessToken } = await fake.control.mintTokens(alice, {
      scope: 'user-read-private user-library-read',
    });
    const [first] = await fake.control.savedTrackIds(alice);
    expect(
      (await call('DELETE', `/v1/me/library?uris=${uris([first ?? ''])}`, accessToken)).status,
    ).toBe(403);
    expect(
      (await call('GET', `/v1/me/library/contains?uris=${uris([first ?? ''])}`, accessToken))
        .status,
    ).toBe(200);
  });

  it('answers the removed PUT/DELETE /v1/me/tracks and /v1/me/tracks/contains with 403', async () => {
    const [first] = await fake.control.savedTrackIds(alice);
    for (const [method, path] of [
      ['PUT', `/v1/me/tracks?ids=${first ?? ''}`],
      ['DELETE', `/v1/me/tracks?ids=${first ?? ''}`],
      ['GET', `/v1/me/tracks/contains?ids=${first ?? ''}`],
    ] as const) {
      expect(await call(method, path), path).toMatchObject({
        status: 403,
        body: { error: { status: 403 } },
      });
    }
    expect(await fake.control.savedTrackIds(alice)).toContain(first);
  });
});
