// How the token endpoint client reads every kind of answer, driven by a scripted endpoint on a real
// socket. Behaviour against the fake Spotify (real codes, revocation, faults) is in
// token-endpoint.test.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EXPIRY_SAFETY_MARGIN_MS,
  exchangeCode,
  refreshAccessToken,
} from '../../../electron/core/auth/token-endpoint.js';
import {
  OAUTH_ERROR_CODES,
  TokenEndpointError,
} from '../../../electron/core/auth/token-endpoint-error.js';
import type { Clock } from '../../../electron/core/clock.js';
import { singleOriginEndpoints } from '../../../electron/core/spotify-endpoints.js';
import { expectNoSecretsIn } from './support/secrets.js';
import { json, startTokenStub, type TokenStub } from './support/token-stub.js';

const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const CODE = 'AQD-secret-authorization-code';
const VERIFIER = 'secret-verifier-0123456789-0123456789-0123456789';
const REFRESH = 'AQA-secret-refresh-token';
const ACCESS = 'BQA-secret-access-token';
const SECRETS = [CODE, VERIFIER, REFRESH, ACCESS];
const NOW = 1_790_000_000_000;
const clock: Clock = { now: () => NOW };

let stub: TokenStub;
beforeEach(async () => {
  stub = await startTokenStub();
});
afterEach(async () => {
  await stub.close();
});

function exchange(timeoutMs?: number) {
  return exchangeCode({
    endpoints: singleOriginEndpoints(stub.baseUrl),
    clientId: CLIENT_ID,
    code: CODE,
    redirectUri: 'http://127.0.0.1:5000/callback',
    codeVerifier: VERIFIER,
    clock,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

function refresh() {
  return refreshAccessToken({
    endpoints: singleOriginEndpoints(stub.baseUrl),
    clientId: CLIENT_ID,
    refreshToken: REFRESH,
    clock,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<TokenEndpointError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TokenEndpointError);
    expectNoSecretsIn(err, SECRETS);
    return err as TokenEndpointError;
  }
  throw new Error('expected a TokenEndpointError');
}

const goodBody = {
  access_token: ACCESS,
  token_type: 'Bearer',
  scope: 'user-read-private user-library-read',
  expires_in: 3600,
  refresh_token: REFRESH,
};

describe('token endpoint requests', () => {
  it('exchanges a code with a form-encoded POST carrying the verifier, and no client secret', async () => {
    stub.answer(json(200, goodBody));
    const tokens = await exchange();
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/token');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: 'http://127.0.0.1:5000/callback',
      client_id: CLIENT_ID,
      code_verifier: VERIFIER,
    });
    expect(tokens).toEqual({
      accessToken: ACCESS,
      refreshToken: REFRESH,
      expiresAt: NOW + 3600_000 - EXPIRY_SAFETY_MARGIN_MS,
      scope: 'user-read-private user-library-read',
      authorizedAt: NOW,
      clientId: CLIENT_ID,
    });
  });

  it('refreshes with grant_type=refresh_token and the client ID only', async () => {
    stub.answer(json(200, { ...goodBody, refresh_token: undefined }));
    await refresh();
    expect(Object.fromEntries(stub.requests[0]?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
      client_id: CLIENT_ID,
    });
  });

  it('keeps most of a short-lived token rather than treating it as expired at once', async () => {
    stub.answer(json(200, { ...goodBody, expires_in: 30 }));
    const access = await refresh();
    expect(access.expiresAt).toBe(NOW + 27_000);
  });
});

describe('token endpoint failures', () => {
  it.each(OAUTH_ERROR_CODES.map((code) => [code]))(
    'turns HTTP 400 {"error":"%s"} into that code',
    async (code) => {
      stub.answer(json(400, { error: code, error_description: 'Something about it' }));
      const error = await failureOf(refresh());
      expect(error.code).toBe(code);
      expect(error.status).toBe(400);
      expect(error.message).toContain(code);
      expect(error.message).toContain('Something about it');
    },
  );

  it('branches on the error value, not the description', async () => {
    stub.answer(json(400, { error: 'invalid_request', error_description: 'invalid_grant' }));
    expect((await failureOf(refresh())).code).toBe('invalid_request');
  });

  it('blanks a secret the endpoint echoes back in its description', async () => {
    stub.answer(json(400, { error: 'invalid_grant', error_description: `Bad token ${REFRESH}` }));
    const error = await failureOf(refresh());
    expect(error.message).toContain('[redacted]');
  });

  it('reports an unknown OAuth error value as malformed_response', async () => {
    stub.answer(json(400, { error: 'temporarily_unavailable_ish' }));
    expect((await failureOf(refresh())).code).toBe('malformed_response');
  });

  it('reports a 4xx without a JSON body as malformed_response', async () => {
    stub.answer((_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Forbidden');
    });
    const error = await failureOf(refresh());
    expect(error.code).toBe('malformed_response');
    expect(error.status).toBe(403);
  });

  it('reports HTTP 429 as rate_limited with its Retry-After', async () => {
    stub.answer(json(429, {}, { 'Retry-After': '17' }));
    const error = await failureOf(refresh());
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(17);
  });

  it('reports HTTP 429 without a usable Retry-After as rate_limited with no delay', async () => {
    stub.answer(json(429, {}, { 'Retry-After': 'soon' }));
    const error = await failureOf(refresh());
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('reports any 5xx as server_error even with an OAuth body', async () => {
    stub.answer(json(503, { error: 'invalid_grant' }));
    const error = await failureOf(refresh());
    expect(error.code).toBe('server_error');
    expect(error.status).toBe(503);
  });

  it.each([
    ['no access_token', { ...goodBody, access_token: undefined }, 'access_token'],
    ['a non-Bearer token type', { ...goodBody, token_type: 'MAC' }, 'token_type'],
    ['a string expires_in', { ...goodBody, expires_in: '3600' }, 'expires_in'],
    ['no scope', { ...goodBody, scope: undefined }, 'scope'],
    ['a number refresh token', { ...goodBody, refresh_token: 12345 }, 'refresh_token'],
  ])('reports a 200 with %s as malformed_response naming the field', async (_l, body, field) => {
    stub.answer(json(200, body));
    const error = await failureOf(exchange());
    expect(error.code).toBe('malformed_response');
    expect(error.message).toContain(field);
  });

  it('reports a code exchange answered without a refresh token as malformed_response', async () => {
    stub.answer(json(200, { ...goodBody, refresh_token: undefined }));
    const error = await failureOf(exchange());
    expect(error.code).toBe('malformed_response');
    expect(error.message).toMatch(/refresh token/);
  });

  it('never follows a redirect with the code in hand', async () => {
    const elsewhere = await startTokenStub();
    try {
      stub.answer((_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(307, { Location: `${elsewhere.baseUrl}/api/token` });
        res.end();
      });
      expect((await failureOf(exchange())).code).toBe('malformed_response');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('gives up after its timeout with network_error', async () => {
    stub.answer(() => undefined); // never answers
    const startedAt = Date.now();
    const error = await failureOf(exchange(150));
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('150 ms');
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('reports a refused connection as network_error', async () => {
    await stub.close();
    expect((await failureOf(refresh())).code).toBe('network_error');
  });
});
