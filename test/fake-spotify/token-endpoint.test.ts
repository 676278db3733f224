// POST /api/token: PKCE code exchange (single use, expiry, exact redirect_uri, verifier, client)
// and refresh with and without rotation, revocation and the 6-month grant lifetime.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  startFakeSpotify,
  type FakeSpotify,
} from '../../demo/fake-spotify/index.js';
import { obtainCode, pkcePair, postToken, startCallbackListener } from './support/oauth-helpers.js';

let fake: FakeSpotify;
let callback: Awaited<ReturnType<typeof startCallbackListener>>;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 5, authCodeTtlSeconds: 60 });
  callback = await startCallbackListener();
});
afterAll(async () => {
  await fake.close();
  await callback.close();
});
beforeEach(() => fake.control.setRotateRefreshTokens(false));

async function freshCode() {
  return obtainCode(
    fake.baseUrl,
    fake.clientId,
    new BrowserSession(),
    'alice',
    callback.redirectUri,
  );
}

function exchange(
  c: { code: string; verifier: string; redirectUri: string },
  overrides: Record<string, string> = {},
) {
  return postToken(fake.baseUrl, {
    grant_type: 'authorization_code',
    code: c.code,
    redirect_uri: c.redirectUri,
    client_id: fake.clientId,
    code_verifier: c.verifier,
    ...overrides,
  });
}

function refresh(refreshToken: string) {
  return postToken(fake.baseUrl, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: fake.clientId,
  });
}

async function meStatus(accessToken: string): Promise<number> {
  return (
    await fetch(`${fake.baseUrl}/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).status;
}

describe('authorization code exchange', () => {
  it('returns Spotify token JSON for a correct exchange, and the token works', async () => {
    const { status, body } = await exchange(await freshCode());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'user-read-private user-library-read user-library-modify',
    });
    expect(typeof body['access_token']).toBe('string');
    expect(typeof body['refresh_token']).toBe('string');
    expect(await meStatus(String(body['access_token']))).toBe(200);
  });

  it('refuses a second use of the same code with invalid_grant', async () => {
    const code = await freshCode();
    expect((await exchange(code)).status).toBe(200);
    expect(await exchange(code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses an expired code with invalid_grant', async () => {
    const code = await freshCode();
    await fake.control.advanceTime(61);
    expect(await exchange(code)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Authorization code expired' },
    });
  });

  it('refuses a redirect_uri that is not byte-identical to the authorize request', async () => {
    const code = await freshCode();
    const other = code.redirectUri.replace('/callback', '/callback/');
    expect(await exchange(code, { redirect_uri: other })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('refuses a wrong code_verifier with "code_verifier was incorrect"', async () => {
    const code = await freshCode();
    expect(await exchange(code, { code_verifier: pkcePair().verifier })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'code_verifier was incorrect' },
    });
  });

  it('refuses a malformed code_verifier and missing parameters with invalid_request', async () => {
    const code = await freshCode();
    expect(await exchange(code, { code_verifier: 'too-short' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    const { status, body } = await postToken(fake.baseUrl, {
      grant_type: 'authorization_code',
      client_id: fake.clientId,
    });
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_request');
  });

  it('refuses a different client_id with invalid_client', async () => {
    const code = await freshCode();
    expect(await exchange(code, { client_id: 'ffffffffffffffffffffffffffffffff' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_client' },
    });
  });

  it('refuses non-form bodies and unknown grant types', async () => {
    const res = await fetch(`${fake.baseUrl}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    expect(await postToken(fake.baseUrl, { grant_type: 'client_credentials' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
  });
});

describe('refresh', () => {
  it('does not rotate by default: no refresh_token in the answer and the old one keeps working', async () => {
    const { refreshToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    const first = await refresh(refreshToken);
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('refresh_token');
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(await meStatus(String(first.body['access_token']))).toBe(200);
    expect((await refresh(refreshToken)).status).toBe(200);
  });

  it('rotates when asked: a new refresh token, and the old one is then invalid_grant', async () => {
    await fake.control.setRotateRefreshTokens(true);
    const { refreshToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    const first = await refresh(refreshToken);
    expect(typeof first.body['refresh_token']).toBe('string');
    expect(first.body['refresh_token']).not.toBe(refreshToken);
    expect(await refresh(refreshToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await refresh(String(first.body['refresh_token']))).status).toBe(200);
  });

  it('answers invalid_grant once the user revoked access, and their access tokens stop working', async () => {
    const tokens = await fake.control.mintTokens(fake.users[1]?.id ?? '');
    expect(await fake.control.revokeUser(fake.users[1]?.id ?? '')).toBeGreaterThan(0);
    expect(await refresh(tokens.refreshToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Refresh token revoked' },
    });
    expect(await meStatus(tokens.accessToken)).toBe(401);
  });

  it('revokes a single refresh token', async () => {
    const tokens = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    const other = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    await fake.control.revokeRefreshToken(tokens.refreshToken);
    expect((await refresh(tokens.refreshToken)).body['error']).toBe('invalid_grant');
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('expires refresh tokens 6 months after authorization, however often they were used', async () => {
    const tokens = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    await fake.control.backdateGrants({ refreshToken: tokens.refreshToken }, 182 * 24 * 3600);
    expect((await refresh(tokens.refreshToken)).status).toBe(200);
    await fake.control.backdateGrants({ refreshToken: tokens.refreshToken }, 3 * 24 * 3600);
    expect(await refresh(tokens.refreshToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Refresh token expired' },
    });
  });

  it('refuses unknown refresh tokens and a wrong client', async () => {
    expect((await refresh('AQnot-a-real-token')).body['error']).toBe('invalid_grant');
    const { refreshToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '');
    const wrongClient = await postToken(fake.baseUrl, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'ffffffffffffffffffffffffffffffff',
    });
    expect(wrongClient).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
  });
});
