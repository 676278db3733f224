// The fake's /v1/me, /v1/me/tracks and /v1/me/library answers validate against Spotify's OpenAPI
// response schemas.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';
import { loadSpecValidators, type SpecValidators } from './support/openapi-validator.js';

let fake: FakeSpotify;
let spec: SpecValidators;

beforeAll(async () => {
  spec = loadSpecValidators();
  fake = await startFakeSpotify({ users: 3, tracks: 200, tracksPerUser: [200, 200, 100_000] });
});
afterEach(() => fake.control.clearFaults());
afterAll(() => fake.close());

async function getJson(path: string, token: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(fake.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

/** Calls `path` and checks the answer against what the spec declares for its operation. */
async function expectConformingAnswer(
  method: 'get' | 'put' | 'delete',
  path: string,
  token: string,
  status: number,
): Promise<unknown> {
  const res = await fetch(fake.baseUrl + path, {
    method: method.toUpperCase(),
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status, `${method} ${path}`).toBe(status);
  const text = await res.text();
  const validate = spec.response(new URL(path, fake.baseUrl).pathname.slice(3), method, status);
  if (validate === null) {
    expect(text).toBe('');
    return null;
  }
  const body: unknown = JSON.parse(text);
  expectValid(validate, body);
  return body;
}

function expectValid(validate: SpecValidators['me'], body: unknown): void {
  const ok = validate(body);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

describe('spec conformance', () => {
  it('serves /v1/me in the Development Mode shape for every seeded user', async () => {
    for (const user of fake.users) {
      const { accessToken } = await fake.control.mintTokens(user.id);
      const { status, body } = await getJson('/v1/me', accessToken);
      expect(status).toBe(200);
      expectValid(spec.me, body);
      const me = body as Record<string, unknown>;
      for (const removed of ['email', 'country', 'product', 'followers', 'explicit_content']) {
        expect(me).not.toHaveProperty(removed);
      }
      expect(me).toMatchObject({
        id: user.id,
        account_id: user.accountId,
        type: 'user',
        uri: `spotify:user:${user.id}`,
      });
    }
  });

  it('includes a user with a null display name and no images, still valid', async () => {
    const bob = fake.users[1];
    expect(bob?.displayName).toBeNull();
    const { accessToken } = await fake.control.mintTokens(bob?.id ?? '');
    const { body } = await getJson('/v1/me', accessToken);
    expect(body).toMatchObject({ display_name: null, images: [] });
    expectValid(spec.me, body);
  });

  it('serves saved-track pages, including local files, that match PagingSavedTrackObject', async () => {
    const { accessToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    // 200 tracks, oldest-first positions 13 and 110 are local files: newest-first 186 and 89.
    const pages = await Promise.all(
      [0, 50, 100, 150].map((offset) =>
        getJson(`/v1/me/tracks?limit=50&offset=${offset}&market=from_token`, accessToken),
      ),
    );
    let localFiles = 0;
    for (const { status, body } of pages) {
      expect(status).toBe(200);
      expectValid(spec.savedTracksPage, body);
      for (const item of (body as { items: { track: { is_local: boolean; id: string | null } }[] })
        .items) {
        if (item.track.is_local) {
          localFiles++;
          expect(item.track.id).toBeNull();
        } else {
          expect(typeof item.track.id).toBe('string');
        }
      }
    }
    expect(localFiles).toBe(2);
  });

  it('serves the last page of a 100,000-track library, valid and correctly bounded', async () => {
    const { accessToken } = await fake.control.mintTokens(fake.users[2]?.id ?? '');
    const { status, body } = await getJson('/v1/me/tracks?limit=50&offset=99990', accessToken);
    expect(status).toBe(200);
    expectValid(spec.savedTracksPage, body);
    expect(body).toMatchObject({ total: 100_000, offset: 99_990, limit: 50, next: null });
    expect((body as { items: unknown[] }).items).toHaveLength(10);
  });

  it('has a validator that rejects what the spec forbids (so the checks above mean something)', () => {
    const page = { href: 'x', limit: 1, next: null, offset: 0, previous: null, total: 1 };
    expect(
      spec.savedTracksPage({
        ...page,
        items: [{ added_at: 'yesterday', track: { type: 'album' } }],
      }),
    ).toBe(false);
    expect(
      spec.savedTracksPage({ ...page, items: [{ track: { album: { name: 'no ids' } } }] }),
    ).toBe(false);
    expect(spec.me({ images: [{ url: 'x' }] })).toBe(false);
    expect(spec.response('/me/library/contains', 'get', 200)?.([true, 'yes'])).toBe(false);
    expect(spec.response('/me/library', 'put', 429)?.({ status: 429 })).toBe(false);
    expect(() => spec.response('/me/library', 'put', 418)).toThrow();
  });

  it('answers library writes and contains as the spec declares them', async () => {
    const { accessToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    const uri = (await fake.control.savedTracks(fake.users[1]?.id ?? ''))[0]?.uri ?? '';
    const query = `?uris=${uri},spotify:album:4aawyAB9vmqN3uQ7FjRGTy`;
    await expectConformingAnswer('put', `/v1/me/library${query}`, accessToken, 200);
    expect(
      await expectConformingAnswer('get', `/v1/me/library/contains${query}`, accessToken, 200),
    ).toEqual([true, false]);
    await expectConformingAnswer('delete', `/v1/me/library${query}`, accessToken, 200);
    expect(
      await expectConformingAnswer('get', `/v1/me/library/contains${query}`, accessToken, 200),
    ).toEqual([false, false]);
  });

  it('answers library errors (401, 403, 429) with the bodies the spec declares', async () => {
    const { accessToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '', {
      scope: 'user-library-read',
    });
    const write = '/v1/me/library?uris=spotify:album:4aawyAB9vmqN3uQ7FjRGTy';
    await expectConformingAnswer('put', write, 'not-a-token', 401);
    await expectConformingAnswer('delete', write, accessToken, 403);
    await fake.control.injectFault({ kind: 'rate_limit', pathPrefix: '/v1/me/library', count: 2 });
    await expectConformingAnswer('put', write, accessToken, 429);
    await expectConformingAnswer(
      'get',
      write.replace('library', 'library/contains'),
      accessToken,
      429,
    );
  });

  it('answers errors with the Web API error body', async () => {
    const { status, body } = await getJson('/v1/me', 'not-a-token');
    expect(status).toBe(401);
    expectValid(spec.errorBody, body);
  });
});
