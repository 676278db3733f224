// POST /api/token of the fake accounts service: authorization_code with PKCE S256 and
// refresh_token, answered with Spotify's token JSON or an OAuth error body
// `{"error": "...", "error_description": "..."}` (HTTP 400 for every OAuth error, as Spotify does).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeState } from './fake-state.js';
import { isFormEncoded, readBody, sendJson } from './http-helpers.js';

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export async function handleToken(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!isFormEncoded(req)) {
    return oauthError(
      res,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded',
    );
  }
  const form = new URLSearchParams(await readBody(req));
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(res, 'invalid_request', 'grant_type must be provided');
  if (grantType === 'authorization_code') return exchangeCode(state, form, res);
  if (grantType === 'refresh_token') return refresh(state, form, res);
  return oauthError(res, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
}

function exchangeCode(state: FakeState, form: URLSearchParams, res: ServerResponse): void {
  const missing = ['code', 'redirect_uri', 'client_id', 'code_verifier'].find(
    (name) => !form.get(name),
  );
  if (missing) return oauthError(res, 'invalid_request', `${missing} must be provided`);
  if (form.get('client_id') !== state.clientId)
    return oauthError(res, 'invalid_client', 'Invalid client');
  const verifier = form.get('code_verifier') ?? '';
  if (!VERIFIER_PATTERN.test(verifier)) {
    return oauthError(
      res,
      'invalid_request',
      'code_verifier must be 43-128 characters of [A-Za-z0-9-._~]',
    );
  }
  state.tokens.noteVerifier(verifier);
  const lookup = state.tokens.takeCode(form.get('code') ?? '');
  if (!lookup.ok) {
    const description = {
      unknown: 'Invalid authorization code',
      used: 'Authorization code already used',
      expired: 'Authorization code expired',
    }[lookup.reason];
    return oauthError(res, 'invalid_grant', description);
  }
  const code = lookup.code;
  if (code.clientId !== form.get('client_id'))
    return oauthError(res, 'invalid_grant', 'Invalid authorization code');
  if (code.redirectUri !== form.get('redirect_uri'))
    return oauthError(res, 'invalid_grant', 'Invalid redirect URI');
  if (createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) {
    return oauthError(res, 'invalid_grant', 'code_verifier was incorrect');
  }
  const tokens = state.tokens.createGrant(code.userIndex, code.clientId, code.scope);
  sendJson(
    res,
    200,
    {
      access_token: tokens.accessToken,
      token_type: 'Bearer',
      scope: tokens.scope,
      expires_in: tokens.expiresIn,
      refresh_token: tokens.refreshToken,
    },
    NO_STORE,
  );
}

function refresh(state: FakeState, form: URLSearchParams, res: ServerResponse): void {
  const missing = ['refresh_token', 'client_id'].find((name) => !form.get(name));
  if (missing) return oauthError(res, 'invalid_request', `${missing} must be provided`);
  const clientId = form.get('client_id') ?? '';
  if (clientId !== state.clientId) return oauthError(res, 'invalid_client', 'Invalid client');
  const outcome = state.tokens.refresh(
    form.get('refresh_token') ?? '',
    clientId,
    state.rotateRefreshTokens,
  );
  if (!outcome.ok) {
    const description = {
      unknown: 'Invalid refresh token',
      superseded: 'Invalid refresh token',
      revoked: 'Refresh token revoked',
      expired: 'Refresh token expired',
      wrong_client: 'Invalid refresh token',
    }[outcome.reason];
    return oauthError(res, 'invalid_grant', description);
  }
  const { tokens } = outcome;
  const body: Record<string, string | number> = {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    scope: tokens.scope,
    expires_in: tokens.expiresIn,
  };
  if (tokens.refreshToken !== undefined) body['refresh_token'] = tokens.refreshToken;
  sendJson(res, 200, body, NO_STORE);
}

function oauthError(res: ServerResponse, error: string, description: string): void {
  sendJson(res, 400, { error, error_description: description }, NO_STORE);
}
