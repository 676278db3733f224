// Library writes and contains under injected faults, latency and counting: a fault that answers
// instead of the handler leaves the library unchanged, drop_after_apply changes it and still
// resets the connection, so a client can meet both outcomes of a dropped write.
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';

let fake: FakeSpotify;
let alice: string;
let token: string;
/** Tracks bob has saved and alice has not, handed out one per test. */
let unsaved: string[];

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 60 });
  alice = fake.users[0]?.id ?? '';
  token = (await fake.control.mintTokens(alice)).accessToken;
  const alices = new Set(await fake.control.savedTrackIds(alice));
  unsaved = (await fake.control.savedTrackIds(fake.users[1]?.id ?? '')).filter(
    (id): id is string => id !== null && !alices.has(id),
  );
});
afterEach(async () => {
  await fake.control.clearFaults();
  await fake.control.setLatency(0);
});
afterAll(() => fake.close());

function unsavedTrack(): string {
  const id = unsaved.shift();
  if (id === undefined) throw new Error('the seeded libraries overlap too much for this test');
  return id;
}

type Outcome = { status: number; body: string } | { error: string | undefined };

/** One request on its own connection, telling a reset socket apart from any HTTP answer. */
function send(method: string, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(fake.baseUrl + path, {
      method,
      agent: false,
      headers: { authorization: `Bearer ${token}` },
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.end();
  });
}

async function isSaved(id: string): Promise<boolean> {
  return (await fake.control.savedTrackIds(alice)).includes(id);
}

describe('dropped connections on library writes', () => {
  it('drop_connection resets the socket before handling: the PUT is not applied', async () => {
    const id = unsavedTrack();
    await fake.control.injectFault({ kind: 'drop_connection', count: 1 });
    expect(await send('PUT', `/v1/me/library?uris=spotify:track:${id}`)).toEqual({
      error: 'ECONNRESET',
    });
    expect(await isSaved(id)).toBe(false);
  });

  it('drop_after_apply resets the socket after handling: the PUT is applied', async () => {
    const id = unsavedTrack();
    await fake.control.injectFault({ kind: 'drop_after_apply', count: 1 });
    expect(await send('PUT', `/v1/me/library?uris=spotify:track:${id}`)).toEqual({
      error: 'ECONNRESET',
    });
    expect(await isSaved(id)).toBe(true);
    expect(await send('GET', `/v1/me/library/contains?uris=spotify:track:${id}`)).toEqual({
      status: 200,
      body: '[true]',
    });
  });

  it('drop_after_apply applies a DELETE too, and sends nothing of a failing answer', async () => {
    const [newest] = await fake.control.savedTrackIds(alice);
    await fake.control.injectFault({ kind: 'drop_after_apply', count: 2 });
    expect(await send('DELETE', `/v1/me/library?uris=spotify:track:${newest ?? ''}`)).toEqual({
      error: 'ECONNRESET',
    });
    expect(await isSaved(newest ?? '')).toBe(false);
    expect(await send('PUT', '/v1/me/library')).toEqual({ error: 'ECONNRESET' });
    expect(await send('PUT', '/v1/me/library')).toMatchObject({ status: 400 });
  });
});

describe('answered faults on library writes', () => {
  it('rate_limit on /v1/me/library answers 429 to PUT and contains, and applies nothing', async () => {
    const id = unsavedTrack();
    await fake.control.injectFault({
      kind: 'rate_limit',
      pathPrefix: '/v1/me/library',
      retryAfterSeconds: 3,
      count: 2,
    });
    const put = await send('PUT', `/v1/me/library?uris=spotify:track:${id}`);
    expect(put).toMatchObject({ status: 429 });
    expect(await send('GET', `/v1/me/library/contains?uris=spotify:track:${id}`)).toMatchObject({
      status: 429,
    });
    expect(await isSaved(id)).toBe(false);
    expect(await send('GET', '/v1/me')).toMatchObject({ status: 200 });
    expect(await send('PUT', `/v1/me/library?uris=spotify:track:${id}`)).toMatchObject({
      status: 200,
    });
    expect(await isSaved(id)).toBe(true);
  });

  it('quota_exceeded on a PUT answers 429 QUOTA_EXCEEDED and applies nothing', async () => {
    const id = unsavedTrack();
    await fake.control.injectFault({ kind: 'quota_exceeded', pathPrefix: '/v1/me/library' });
    const put = await send('PUT', `/v1/me/library?uris=spotify:track:${id}`);
    expect(put).toMatchObject({ status: 429 });
    expect(JSON.parse('body' in put ? put.body : '')).toMatchObject({
      error: { status: 429, reason: 'QUOTA_EXCEEDED' },
    });
    expect(await isSaved(id)).toBe(false);
  });
});

describe('latency and counting of library calls', () => {
  it('counts library calls by method and path, the query stripped', async () => {
    const id = unsavedTrack();
    await fake.control.resetCounts();
    await send('PUT', `/v1/me/library?uris=spotify:track:${id}`);
    await send('DELETE', `/v1/me/library?uris=spotify:track:${id}`);
    await send('GET', `/v1/me/library/contains?uris=spotify:track:${id}`);
    await send('GET', `/v1/me/library/contains?uris=spotify:track:${id},spotify:track:${id}`);
    expect(await fake.control.requestCounts()).toEqual({
      total: 4,
      byPath: {
        'PUT /v1/me/library': 1,
        'DELETE /v1/me/library': 1,
        'GET /v1/me/library/contains': 2,
      },
    });
  });

  it('delays library writes and contains by the latency set', async () => {
    const id = unsavedTrack();
    await fake.control.setLatency(150);
    for (const [method, path] of [
      ['PUT', `/v1/me/library?uris=spotify:track:${id}`],
      ['GET', `/v1/me/library/contains?uris=spotify:track:${id}`],
      ['DELETE', `/v1/me/library?uris=spotify:track:${id}`],
    ] as const) {
      const started = performance.now();
      expect(await send(method, path), path).toMatchObject({ status: 200 });
      expect(performance.now() - started, `${method} ${path}`).toBeGreaterThanOrEqual(140);
    }
  });
});
