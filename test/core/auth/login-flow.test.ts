// Whole sign-ins against the fake Spotify over real sockets: the login page, the redirect to our
// loopback listener, and the code exchange.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../demo/fake-spotify/login-driver.js';
import { startFakeSpotify } from '../../../demo/fake-spotify/index.js';
import { DEFAULT_SCOPES, buildAuthorizeUrl } from '../../../electron/core/auth/authorize-url.js';
import { LoginError } from '../../../electron/core/auth/login-error.js';
import { signIn } from '../../../electron/core/auth/login-flow.js';
import { createPkcePair } from '../../../electron/core/auth/pkce.js';
import { TokenEndpointError } from '../../../electron/core/auth/token-endpoint-error.js';
import { EXPIRY_SAFETY_MARGIN_MS } from '../../../electron/core/auth/token-endpoint.js';
import { singleOriginEndpoints } from '../../../electron/core/spotify-endpoints.js';
import { fakeSignInOptions, firstUser, type FakeSpotify } from './support/fake-login.js';
import { assertPortFree } from './support/ports.js';
import { expectNoSecretsIn } from './support/secrets.js';

let fake: FakeSpotify;
beforeEach(async () => {
  fake = await startFakeSpotify();
});
afterEach(async () => {
  await fake.close();
});

function redirectOf(authorizeUrl: string): URL {
  return new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '');
}

async function errorOf(promise: Promise<unknown>): Promise<Error & { code: string }> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(Error);
    return err as Error & { code: string };
  }
  throw new Error('expected a rejection');
}

describe('sign-in against the fake Spotify', () => {
  it('returns working tokens with the granted scope, a one-hour expiry and the consent time', async () => {
    const user = firstUser(fake);
    const options = fakeSignInOptions(fake, user);
    const before = Date.now();
    const { tokens, redirectUri } = await signIn(options);
    const after = Date.now();

    expect(tokens.scope.split(' ').sort()).toEqual([...DEFAULT_SCOPES].sort());
    expect(tokens.authorizedAt).toBeGreaterThanOrEqual(before);
    expect(tokens.authorizedAt).toBeLessThanOrEqual(after);
    expect(tokens.expiresAt).toBe(tokens.authorizedAt + 3600_000 - EXPIRY_SAFETY_MARGIN_MS);
    expect(tokens.refreshToken.length).toBeGreaterThan(0);

    const login = await options.logins[0];
    expect(login?.callbackStatus).toBe(200);
    expect(login?.callbackBody).toContain('You can close this window and return to the app');
    expect(login?.signedInAs).toBe(user.username);

    const me = await fetch(`${fake.baseUrl}/v1/me`, {
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(user.id);

    expect(new URL(redirectUri).hostname).toBe('127.0.0.1');
    await assertPortFree(Number(new URL(redirectUri).port));
  });

  it('ends as login_cancelled when the user refuses consent, and frees the port', async () => {
    const options = fakeSignInOptions(fake, firstUser(fake), 'deny');
    let port = 0;
    const error = await errorOf(
      signIn({
        ...options,
        openLoginPage: (url) => {
          port = Number(redirectOf(url).port);
          return options.openLoginPage(url);
        },
      }),
    );
    expect(error).toBeInstanceOf(LoginError);
    expect(error.code).toBe('login_cancelled');
    expect((await options.logins[0])?.callbackBody).toContain('Sign-in cancelled');
    await assertPortFree(port);
  });

  it('answers a wrong state 400 and a stray path 404, then completes with the real callback', async () => {
    const options = fakeSignInOptions(fake, firstUser(fake));
    const strays: number[] = [];
    const result = await signIn({
      ...options,
      openLoginPage: async (url) => {
        const redirect = redirectOf(url);
        strays.push((await fetch(`${redirect.href}?code=forged&state=wrong`)).status);
        strays.push((await fetch(`${redirect.origin}/favicon.ico`)).status);
        strays.push((await fetch(`${redirect.origin}/elsewhere`)).status);
        await options.openLoginPage(url);
      },
    });
    expect(strays).toEqual([400, 404, 404]);
    expect(result.tokens.accessToken.length).toBeGreaterThan(0);
  });

  it('fails the exchange with invalid_grant for a made-up code carrying the right state', async () => {
    const error = await errorOf(
      signIn({
        clientId: fake.clientId,
        endpoints: singleOriginEndpoints(fake.baseUrl),
        openLoginPage: async (url) => {
          const state = new URL(url).searchParams.get('state') ?? '';
          const answer = await fetch(`${redirectOf(url).href}?code=made-up-code&state=${state}`);
          expect(answer.status).toBe(200);
        },
      }),
    );
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error.code).toBe('invalid_grant');
    expectNoSecretsIn(error, ['made-up-code']);
  });

  it('lets an exchange failure through as TokenEndpointError without the code in it, and frees the port', async () => {
    await fake.control.injectFault({ kind: 'server_error', count: 1, pathPrefix: '/api/token' });
    const options = fakeSignInOptions(fake, firstUser(fake));
    const error = await errorOf(signIn(options));
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error.code).toBe('server_error');
    const redirectedTo = new URL((await options.logins[0])?.redirectedTo ?? '');
    const code = redirectedTo.searchParams.get('code') ?? '';
    expectNoSecretsIn(error, [code]);
    await assertPortFree(Number(redirectedTo.port));
  });

  it('ends as login_failed naming invalid_scope when asked for user-read-birthdate', async () => {
    const options = fakeSignInOptions(fake, firstUser(fake));
    const error = await errorOf(
      signIn({ ...options, scopes: [...DEFAULT_SCOPES, 'user-read-birthdate'] }),
    );
    expect(error).toBeInstanceOf(LoginError);
    expect(error.code).toBe('login_failed');
    expect(error.message).toContain('invalid_scope');
  });

  it('listens on 127.0.0.1 because Spotify refuses a localhost redirect URI', async () => {
    const { challenge } = createPkcePair();
    const url = buildAuthorizeUrl({
      endpoints: singleOriginEndpoints(fake.baseUrl),
      clientId: fake.clientId,
      redirectUri: 'http://localhost:43210/callback',
      codeChallenge: challenge,
      state: 'state',
    });
    const user = firstUser(fake);
    const login = await new BrowserSession().completeLogin(url, {
      username: user.username,
      password: user.password,
      consent: 'accept',
    });
    expect(login.redirectedTo).toBeNull();
    expect(login.errorPage?.status).toBe(400);
    expect(login.errorPage?.text).toMatch(/Insecure redirect URI/);
  });
});
