import { describe, expect, it, vi } from 'vitest';
import type { TokenSet } from '../../../electron/core/auth/token-set.js';
import { getProfile } from '../../../electron/core/spotify/spotify-api-client.js';
import { seededUser } from '../../../demo/fake-spotify/index.js';
import { startHarness } from './support/spotify-harness.js';

describe('AccountSession token refresh', () => {
  it('refreshes an expired token exactly once for 20 concurrent calls, and all succeed', async () => {
    const h = await startHarness({ users: 1, latencyMs: 30 });
    const user = seededUser(h.fake);
    const session = await h.session(user, { expired: true });
    await h.fake.control.resetCounts();

    const profiles = await Promise.all(Array.from({ length: 20 }, () => getProfile(session)));

    expect(profiles.every((p) => p.spotifyUserId === user.id)).toBe(true);
    expect(await h.count('POST /api/token')).toBe(1);
    expect(await h.count('GET /v1/me')).toBe(20);
  });

  it('sends no API request while the refresh is in flight, and only with the new token', async () => {
    const h = await startHarness({ users: 1, latencyMs: 50 });
    const user = seededUser(h.fake);
    const session = await h.session(user, { expired: true });

    await Promise.all(Array.from({ length: 8 }, () => getProfile(session)));

    const refreshAnswer = h.wire.events.find(
      (e) => e.kind === 'response' && e.path === '/api/token',
    );
    expect(refreshAnswer).toBeDefined();
    const apiSends = h.wire.sends('/v1/');
    expect(apiSends).toHaveLength(8);
    for (const send of apiSends) expect(send.seq).toBeGreaterThan(refreshAnswer?.seq ?? Infinity);
    const newToken = h.persisted[0]?.accessToken;
    expect(apiSends.every((send) => send.token === newToken)).toBe(true);
  });

  it("does not hold the shared scheduler's slots while one account refreshes", async () => {
    const h = await startHarness({ users: 2 }, { concurrency: 1 });
    const [alice, bob] = h.fake.users;
    if (alice === undefined || bob === undefined) throw new Error('need two users');
    const slowTokenFetch: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return h.wire.fetch(input, init);
    };
    const aliceSession = await h.session(alice, { expired: true, fetch: slowTokenFetch });
    const bobSession = await h.session(bob);

    const order: string[] = [];
    await Promise.all([
      getProfile(aliceSession).then(() => order.push('alice')),
      getProfile(bobSession).then(() => order.push('bob')),
    ]);

    expect(order).toEqual(['bob', 'alice']);
  });

  it('answers a 401 mid-session with one refresh and one retry', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    const session = await h.session(user);
    await getProfile(session);
    await h.fake.control.expireAccessTokens(user.id);
    await h.fake.control.resetCounts();

    const profile = await getProfile(session);

    expect(profile.spotifyUserId).toBe(user.id);
    expect(await h.count('POST /api/token')).toBe(1);
    expect(await h.count('GET /v1/me')).toBe(2);
  });

  it('gives up with unauthorized when the refreshed token is refused too', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    // Expiring the tokens again while the new ones are stored makes the retry a 401 as well.
    const session = await h.session(user, {
      persistTokens: async () => {
        await h.fake.control.expireAccessTokens(user.id);
      },
    });
    await h.fake.control.expireAccessTokens(user.id);
    await h.fake.control.resetCounts();

    await expect(getProfile(session)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(await h.count('POST /api/token')).toBe(1);
    expect(await h.count('GET /v1/me')).toBe(2);
    expect(session.state).toBe('active');
  });

  it('keeps the old refresh token when the refresh answer carries none', async () => {
    const h = await startHarness({ users: 1, rotateRefreshTokens: false });
    const user = seededUser(h.fake);
    const session = await h.session(user, { expired: true });
    const before = h.wire.events.length;

    await getProfile(session);
    await h.fake.control.expireAccessTokens(user.id);
    await getProfile(session);

    const refreshes = h.wire.sends('/api/token').filter((e) => e.seq >= before);
    expect(refreshes).toHaveLength(2);
    const original = refreshes[0]?.form?.refresh_token;
    expect(original).toBeDefined();
    expect(refreshes[1]?.form?.refresh_token).toBe(original);
    expect(h.persisted.map((t) => t.refreshToken)).toEqual([original, original]);
    expect(h.persisted[0]?.accessToken).not.toBe(h.persisted[1]?.accessToken);
  });

  it('persists a rotated refresh token before the new access token is used', async () => {
    const h = await startHarness({ users: 1, rotateRefreshTokens: true });
    const user = seededUser(h.fake);
    const stored: TokenSet[] = [];
    const session = await h.session(user, {
      expired: true,
      persistTokens: async (tokens) => {
        h.wire.mark('persist started');
        await new Promise((resolve) => setTimeout(resolve, 40));
        stored.push(tokens);
        h.wire.mark('persisted');
      },
    });

    await Promise.all([getProfile(session), getProfile(session)]);

    const refreshSend = h.wire.sends('/api/token')[0];
    const rotated = stored[0];
    expect(rotated?.refreshToken).toBeDefined();
    expect(rotated?.refreshToken).not.toBe(refreshSend?.form?.refresh_token);
    const persistedAt = h.wire.marks.find((m) => m.label === 'persisted')?.seq ?? Infinity;
    const usesOfNewToken = h.wire.sends('/v1/').filter((e) => e.token === rotated?.accessToken);
    expect(usesOfNewToken).toHaveLength(2);
    for (const use of usesOfNewToken) expect(use.seq).toBeGreaterThan(persistedAt);

    // The old refresh token is now dead at the fake; the next refresh works only with the new one.
    await h.fake.control.expireAccessTokens(user.id);
    await getProfile(session);
    expect(h.wire.sends('/api/token')[1]?.form?.refresh_token).toBe(rotated?.refreshToken);
  });

  it('turns invalid_grant into needs_sign_in: one token request, no retry, no API call', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    const onNeedsSignIn = vi.fn();
    const tokens = await h.tokensFor(user, { expired: true });
    const session = await h.session(user, { tokens, onNeedsSignIn });
    await h.fake.control.revokeRefreshToken(tokens.refreshToken);
    await h.fake.control.resetCounts();

    await expect(getProfile(session)).rejects.toMatchObject({ code: 'needs_sign_in' });
    expect(session.state).toBe('needs_sign_in');
    expect(onNeedsSignIn).toHaveBeenCalledOnce();
    expect(onNeedsSignIn).toHaveBeenCalledWith(user.accountId);
    expect(await h.count('POST /api/token')).toBe(1);
    expect(await h.count('GET /v1/me')).toBe(0);

    // Later calls fail at once without touching the network.
    await expect(getProfile(session)).rejects.toMatchObject({ code: 'needs_sign_in' });
    expect((await h.fake.control.requestCounts()).total).toBe(1);
    expect(onNeedsSignIn).toHaveBeenCalledOnce();
    expect(h.persisted).toEqual([]);
  });

  it('retries a refresh whose connection dropped and keeps the old refresh token', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    const tokens = await h.tokensFor(user, { expired: true });
    const session = await h.session(user, { tokens });
    await h.fake.control.injectFault({
      kind: 'drop_connection',
      pathPrefix: '/api/token',
      count: 2,
    });

    await expect(getProfile(session)).resolves.toMatchObject({ spotifyUserId: user.id });

    const refreshes = h.wire.sends('/api/token');
    expect(refreshes).toHaveLength(3);
    expect(refreshes.every((e) => e.form?.refresh_token === tokens.refreshToken)).toBe(true);
    expect(h.persisted).toHaveLength(1);
    expect(h.persisted[0]?.refreshToken).toBe(tokens.refreshToken);
  });

  it('fails with a typed error after bounded refresh retries, tokens intact for later', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    const tokens = await h.tokensFor(user, { expired: true });
    const session = await h.session(user, { tokens, maxRefreshRetries: 2 });
    await h.fake.control.injectFault({
      kind: 'server_error',
      pathPrefix: '/api/token',
      status: 503,
    });

    await expect(
      Promise.all([getProfile(session), getProfile(session), getProfile(session)]),
    ).rejects.toMatchObject({ code: 'server_error', status: 503 });
    expect(h.wire.sends('/api/token')).toHaveLength(3);
    expect(h.wire.sends('/v1/')).toHaveLength(0);
    expect(session.state).toBe('active');

    await h.fake.control.clearFaults();
    await expect(getProfile(session)).resolves.toMatchObject({ spotifyUserId: user.id });
    expect(h.wire.sends('/api/token').at(-1)?.form?.refresh_token).toBe(tokens.refreshToken);
  });

  it('keeps using refreshed tokens when storing them fails, and reports the failure', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    const onPersistError = vi.fn();
    const session = await h.session(user, {
      expired: true,
      persistTokens: () => Promise.reject(new Error('keychain locked')),
      onPersistError,
    });

    await expect(getProfile(session)).resolves.toMatchObject({ spotifyUserId: user.id });
    expect(onPersistError).toHaveBeenCalledOnce();
    expect(h.wire.sends('/api/token')).toHaveLength(1);
  });

  it('never puts a token in an error message', async () => {
    const h = await startHarness({ users: 1 });
    const user = seededUser(h.fake);
    const tokens = await h.tokensFor(user, { expired: true });
    const session = await h.session(user, { tokens });
    await h.fake.control.revokeRefreshToken(tokens.refreshToken);

    const error = await getProfile(session).catch((e: unknown) => e);
    const text = `${String(error)} ${JSON.stringify(error)}`;
    expect(text).not.toContain(tokens.refreshToken);
    expect(text).not.toContain(tokens.accessToken);
  });
});
