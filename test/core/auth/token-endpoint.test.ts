// The token endpoint client against the fake Spotify: real codes and verifiers, refresh with and
// without rotation, revocation, and the faults the fake injects.
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../demo/fake-spotify/login-driver.js';
import { startFakeSpotify } from '../../../demo/fake-spotify/index.js';
import { buildAuthorizeUrl } from '../../../electron/core/auth/authorize-url.js';
import { startLoopbackListener } from '../../../electron/core/auth/loopback-listener.js';
import { createPkcePair, createState } from '../../../electron/core/auth/pkce.js';
import { exchangeCode, refreshAccessToken } from '../../../electron/core/auth/token-endpoint.js';
import { TokenEndpointError } from '../../../electron/core/auth/token-endpoint-error.js';
import { singleOriginEndpoints } from '../../../electron/core/spotify-endpoints.js';
import { firstUser, signInAs, type FakeSpotify } from './support/fake-login.js';
import { expectNoSecretsIn } from './support/secrets.js';

let fake: FakeSpotify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function startFake(options: Parameters<typeof startFakeSpotify>[0] = {}) {
  fake = await startFakeSpotify(options);
  return fake;
}

async function failureOf(promise: Promise<unknown>, secrets: readonly string[]) {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TokenEndpointError);
    expectNoSecretsIn(err, secrets);
    return err as TokenEndpointError;
  }
  throw new Error('expected a TokenEndpointError');
}

/** A real authorization code from the fake, not yet exchanged. */
async function obtainCode(f: FakeSpotify) {
  const state = createState();
  const pkce = createPkcePair();
  const listener = await startLoopbackListener({ expectedState: state });
  try {
    const user = firstUser(f);
    const url = buildAuthorizeUrl({
      endpoints: singleOriginEndpoints(f.baseUrl),
      clientId: f.clientId,
      redirectUri: listener.redirectUri,
      codeChallenge: pkce.challenge,
      state,
    });
    await new BrowserSession().completeLogin(url, {
      username: user.username,
      password: user.password,
      consent: 'accept',
    });
    return { code: await listener.callback, pkce, redirectUri: listener.redirectUri };
  } finally {
    await listener.close();
  }
}

function refresh(f: FakeSpotify, refreshToken: string) {
  return refreshAccessToken({
    endpoints: singleOriginEndpoints(f.baseUrl),
    clientId: f.clientId,
    refreshToken,
  });
}

describe('token endpoint against the fake Spotify', () => {
  it('refuses a real code with the wrong verifier as invalid_grant', async () => {
    const f = await startFake();
    const { code, redirectUri } = await obtainCode(f);
    const wrongVerifier = createPkcePair().verifier;
    const error = await failureOf(
      exchangeCode({
        endpoints: singleOriginEndpoints(f.baseUrl),
        clientId: f.clientId,
        code,
        redirectUri,
        codeVerifier: wrongVerifier,
      }),
      [code, wrongVerifier],
    );
    expect(error.code).toBe('invalid_grant');
  });

  it('refuses a code used twice as invalid_grant', async () => {
    const f = await startFake();
    const { code, pkce, redirectUri } = await obtainCode(f);
    const exchange = () =>
      exchangeCode({
        endpoints: singleOriginEndpoints(f.baseUrl),
        clientId: f.clientId,
        code,
        redirectUri,
        codeVerifier: pkce.verifier,
      });
    await exchange();
    expect((await failureOf(exchange(), [code, pkce.verifier])).code).toBe('invalid_grant');
  });

  it('refreshes without rotation: a new access token and no refresh token to replace', async () => {
    const f = await startFake();
    const { tokens } = await signInAs(f, firstUser(f));
    const access = await refresh(f, tokens.refreshToken);
    expect(access.accessToken).not.toBe(tokens.accessToken);
    expect(access).not.toHaveProperty('refreshToken');
    expect(access.scope).toBe(tokens.scope);
    // The old refresh token keeps working, so keeping it was right.
    await expect(refresh(f, tokens.refreshToken)).resolves.toBeDefined();
  });

  it('refreshes with rotation: returns the new refresh token', async () => {
    const f = await startFake({ rotateRefreshTokens: true });
    const { tokens } = await signInAs(f, firstUser(f));
    const access = await refresh(f, tokens.refreshToken);
    expect(access.refreshToken).toBeDefined();
    expect(access.refreshToken).not.toBe(tokens.refreshToken);
    await expect(refresh(f, access.refreshToken ?? '')).resolves.toBeDefined();
  });

  it('refuses a revoked refresh token as invalid_grant', async () => {
    const f = await startFake();
    const user = firstUser(f);
    const { tokens } = await signInAs(f, user);
    await f.control.revokeUser(user.id);
    const error = await failureOf(refresh(f, tokens.refreshToken), [
      tokens.refreshToken,
      tokens.accessToken,
    ]);
    expect(error.code).toBe('invalid_grant');
  });

  it('reports a 5xx from the token endpoint as server_error', async () => {
    const f = await startFake();
    const { tokens } = await signInAs(f, firstUser(f));
    await f.control.injectFault({ kind: 'server_error', count: 1, pathPrefix: '/api/token' });
    const error = await failureOf(refresh(f, tokens.refreshToken), [tokens.refreshToken]);
    expect(error.code).toBe('server_error');
    expect(error.status).toBe(500);
  });

  it('reports a dropped connection as network_error', async () => {
    const f = await startFake();
    const { tokens } = await signInAs(f, firstUser(f));
    await f.control.injectFault({ kind: 'drop_connection', count: 1, pathPrefix: '/api/token' });
    const error = await failureOf(refresh(f, tokens.refreshToken), [tokens.refreshToken]);
    expect(error.code).toBe('network_error');
  });

  it('reports malformed JSON as malformed_response', async () => {
    const f = await startFake();
    const { tokens } = await signInAs(f, firstUser(f));
    await f.control.injectFault({ kind: 'malformed_json', count: 1, pathPrefix: '/api/token' });
    const error = await failureOf(refresh(f, tokens.refreshToken), [tokens.refreshToken]);
    expect(error.code).toBe('malformed_response');
  });
});
