// Injected faults (each kind, by count, by fraction, by path), latency and request counting;
// the control API itself is never faulted, delayed or counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';
import { postToken } from './support/oauth-helpers.js';

let fake: FakeSpotify;
let token: string;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 1, tracks: 10 });
  token = (await fake.control.mintTokens(fake.users[0]?.id ?? '')).accessToken;
});
afterEach(async () => {
  await fake.control.clearFaults();
  await fake.control.setLatency(0);
});
afterAll(() => fake.close());

function me(path = '/v1/me'): Promise<Response> {
  return fetch(fake.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
}

describe('faults', () => {
  it('rate_limit: 429 with Retry-After and a Web API error body, for the next N requests only', async () => {
    await fake.control.injectFault({ kind: 'rate_limit', retryAfterSeconds: 7, count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await me();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toMatchObject({ error: { status: 429 } });
    }
    expect((await me()).status).toBe(200);
  });

  it('rate_limit can come without Retry-After', async () => {
    await fake.control.injectFault({ kind: 'rate_limit', retryAfterSeconds: null, count: 1 });
    const res = await me();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('quota_exceeded: 429 with reason QUOTA_EXCEEDED and a long Retry-After', async () => {
    await fake.control.injectFault({ kind: 'quota_exceeded', count: 1 });
    const res = await me();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('86400');
    expect(await res.json()).toMatchObject({ error: { status: 429, reason: 'QUOTA_EXCEEDED' } });
  });

  it('not_allowlisted and premium_required: 403 with Spotify plain-text messages', async () => {
    await fake.control.injectFault({ kind: 'not_allowlisted', count: 1 });
    await fake.control.injectFault({ kind: 'premium_required', count: 1 });
    const first = await me();
    expect(first.status).toBe(403);
    expect(first.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await first.text()).toBe('User not registered in the Developer Dashboard');
    const second = await me();
    expect(second.status).toBe(403);
    expect(await second.text()).toBe(
      'Active premium subscription required for the owner of the app',
    );
  });

  it('server_error: 500 by default, 502 and 503 on request', async () => {
    await fake.control.injectFault({ kind: 'server_error', count: 1 });
    await fake.control.injectFault({ kind: 'server_error', status: 502, count: 1 });
    await fake.control.injectFault({ kind: 'server_error', status: 503, count: 1 });
    expect([(await me()).status, (await me()).status, (await me()).status]).toEqual([
      500, 502, 503,
    ]);
  });

  it('drop_connection: the socket closes without any response', async () => {
    await fake.control.injectFault({ kind: 'drop_connection', count: 1 });
    await expect(me()).rejects.toThrow();
    expect((await me()).status).toBe(200);
  });

  it('malformed_json: 200 with a truncated JSON body', async () => {
    await fake.control.injectFault({ kind: 'malformed_json', count: 1 });
    const res = await me('/v1/me/tracks');
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('fraction: fails only part of the matching requests', async () => {
    await fake.control.injectFault({ kind: 'server_error', fraction: 0.5 });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => me().then((r) => r.status)),
    );
    const failed = statuses.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(statuses.filter((s) => s !== 500).every((s) => s === 200)).toBe(true);
  });

  it('pathPrefix: only matching paths fail, the token endpoint included', async () => {
    await fake.control.injectFault({ kind: 'server_error', pathPrefix: '/api/token' });
    expect((await me()).status).toBe(200);
    expect((await postToken(fake.baseUrl, { grant_type: 'refresh_token' })).status).toBe(500);
  });

  it('never faults the control API, and clearFaults ends an open-ended fault', async () => {
    await fake.control.injectFault({ kind: 'drop_connection' });
    expect((await fake.control.requestCounts()).total).toBeGreaterThan(0);
    await expect(me()).rejects.toThrow();
    await fake.control.clearFaults();
    expect((await me()).status).toBe(200);
  });

  it('answers 403 plain text for every call of a user taken off the allowlist', async () => {
    await fake.control.setAllowlisted(fake.users[0]?.id ?? '', false);
    const res = await me();
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('User not registered in the Developer Dashboard');
    await fake.control.setAllowlisted(fake.users[0]?.id ?? '', true);
    expect((await me()).status).toBe(200);
  });
});

describe('latency and counting', () => {
  it('delays every request by the latency set at run time', async () => {
    await fake.control.setLatency(150);
    const started = performance.now();
    await me();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('counts requests by method and path without the query, excluding the control API', async () => {
    await fake.control.resetCounts();
    await me('/v1/me/tracks?offset=0&limit=5');
    await me('/v1/me/tracks?offset=5&limit=5');
    await me('/v1/me');
    await fake.control.savedTrackIds(fake.users[0]?.id ?? '');
    expect(await fake.control.requestCounts()).toEqual({
      total: 3,
      byPath: { 'GET /v1/me/tracks': 2, 'GET /v1/me': 1 },
    });
    await fake.control.resetCounts();
    expect(await fake.control.requestCounts()).toEqual({ total: 0, byPath: {} });
  });
});
