// GET /v1/me/tracks and /v1/me: bearer checks, scopes, paging bounds and links, newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';

interface Page {
  href: string;
  items: { added_at: string; track: { id: string | null; uri: string } }[];
  limit: number;
  next: string | null;
  offset: number;
  previous: string | null;
  total: number;
}

let fake: FakeSpotify;
let token: string;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 120, seed: 7 });
  token = (await fake.control.mintTokens(fake.users[0]?.id ?? '')).accessToken;
});
afterAll(() => fake.close());

async function get(path: string, accessToken: string | null = token) {
  const headers: Record<string, string> =
    accessToken === null ? {} : { authorization: `Bearer ${accessToken}` };
  const res = await fetch(fake.baseUrl + path, { headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('bearer tokens', () => {
  it('answers 401 with the Web API error body without a token, with a bad one, and with an expired one', async () => {
    expect(await get('/v1/me', null)).toEqual({
      status: 401,
      body: { error: { status: 401, message: 'No token provided' } },
    });
    expect(await get('/v1/me', 'BQbogus')).toMatchObject({
      status: 401,
      body: { error: { status: 401 } },
    });
    const { accessToken } = await fake.control.mintTokens(fake.users[1]?.id ?? '');
    expect((await get('/v1/me', accessToken)).status).toBe(200);
    await fake.control.expireAccessTokens(fake.users[1]?.id);
    expect(await get('/v1/me', accessToken)).toMatchObject({
      status: 401,
      body: { error: { message: 'The access token expired' } },
    });
    expect((await get('/v1/me')).status).toBe(200);
  });

  it('answers 403 on saved tracks when the token lacks user-library-read', async () => {
    const { accessToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '', {
      scope: 'user-read-private',
    });
    expect((await get('/v1/me', accessToken)).status).toBe(200);
    expect(await get('/v1/me/tracks', accessToken)).toMatchObject({
      status: 403,
      body: { error: { status: 403 } },
    });
  });
});

describe('saved tracks paging', () => {
  it('defaults to limit 20 at offset 0 with a next link and no previous', async () => {
    const { status, body } = await get('/v1/me/tracks');
    const page = body as Page;
    expect(status).toBe(200);
    expect(page).toMatchObject({ limit: 20, offset: 0, total: 120, previous: null });
    expect(page.items).toHaveLength(20);
    expect(page.href).toBe(`${fake.baseUrl}/v1/me/tracks?offset=0&limit=20`);
    expect(page.next).toBe(`${fake.baseUrl}/v1/me/tracks?offset=20&limit=20`);
  });

  it('rejects limits outside 1-50 and bad offsets with 400', async () => {
    for (const query of [
      'limit=0',
      'limit=51',
      'limit=abc',
      'offset=-1',
      'offset=x',
      'market=narnia',
    ]) {
      const { status, body } = await get(`/v1/me/tracks?${query}`);
      expect(status, query).toBe(400);
      expect(body, query).toMatchObject({ error: { status: 400 } });
    }
  });

  it('links next and previous pages that walk the whole library newest first without gaps', async () => {
    const seen: string[] = [];
    const addedAt: string[] = [];
    let next: string | null = `/v1/me/tracks?limit=50`;
    let last: Page | null = null;
    while (next) {
      const page: Page = (await get(next.replace(fake.baseUrl, ''))).body as Page;
      for (const item of page.items) {
        seen.push(item.track.uri);
        addedAt.push(item.added_at);
      }
      last = page;
      next = page.next;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect([...addedAt].sort().reverse()).toEqual(addedAt);
    expect(addedAt.every((a) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(a))).toBe(true);
    expect(last).toMatchObject({
      offset: 100,
      next: null,
      previous: `${fake.baseUrl}/v1/me/tracks?offset=50&limit=50`,
    });
    expect(last?.items).toHaveLength(20);
  });

  it('returns an empty page past the end and keeps the market in links', async () => {
    const { body } = await get('/v1/me/tracks?offset=500&limit=10&market=SE');
    expect(body).toMatchObject({
      items: [],
      total: 120,
      next: null,
      previous: `${fake.baseUrl}/v1/me/tracks?offset=110&limit=10&market=SE`,
    });
  });

  it('matches the control API view of the library, newest first', async () => {
    const ids = await fake.control.savedTrackIds(fake.users[0]?.id ?? '');
    const page = (await get('/v1/me/tracks?limit=50')).body as Page;
    expect(page.items.map((i) => i.track.id)).toEqual(ids.slice(0, 50));
  });

  it('generates the same library for the same seed and a different one for another seed', async () => {
    const again = await startFakeSpotify({ users: 1, tracks: 120, seed: 7 });
    const other = await startFakeSpotify({ users: 1, tracks: 120, seed: 8 });
    try {
      const mine = await fake.control.savedTrackIds(fake.users[0]?.id ?? '');
      expect(again.users[0]).toEqual(fake.users[0]);
      expect(await again.control.savedTrackIds(again.users[0]?.id ?? '')).toEqual(mine);
      expect(await other.control.savedTrackIds(other.users[0]?.id ?? '')).not.toEqual(mine);
    } finally {
      await again.close();
      await other.close();
    }
  });
});

describe('paths', () => {
  it('answers unknown paths with a 404 Web API error body', async () => {
    expect(await get('/v1/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { status: 404 } },
    });
    expect(await get('/elsewhere')).toMatchObject({
      status: 404,
      body: { error: { status: 404 } },
    });
  });

  it('answers a wrong method on a known path with 405', async () => {
    const res = await fetch(`${fake.baseUrl}/v1/me`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ error: { status: 405 } });
  });

  it('refuses request bodies over 1 MiB with 413', async () => {
    const res = await fetch(`${fake.baseUrl}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
  });

  it('points a person opening the base URL at the seeded users', async () => {
    const res = await fetch(`${fake.baseUrl}/`);
    expect(res.url).toBe(`${fake.baseUrl}/__fake/users`);
    expect(((await res.json()) as { users: unknown[] }).users).toHaveLength(2);
  });
});
