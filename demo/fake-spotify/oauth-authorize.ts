// The browser side of the fake accounts service: GET /authorize validates the request like Spotify
// (client and redirect URI problems are shown as a page, never redirected to an unverified URI;
// the rest come back to the app as ?error=...), then the login page, the session cookie that
// remembers who signed in, and the consent page, ending in a redirect with a single-use code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeState, PendingAuthorization } from './fake-state.js';
import { isFormEncoded, parseCookies, readBody, redirect, sendHtml } from './http-helpers.js';
import { consentPage, errorPage, loginPage } from './login-pages.js';
import { checkRedirectUri } from './redirect-uri.js';
import { KNOWN_SCOPES, splitScope } from './scopes.js';

export const SESSION_COOKIE = 'sp_fake_session';
const CODE_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function handleAuthorize(
  state: FakeState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const q = url.searchParams;
  const clientId = q.get('client_id');
  if (clientId !== state.clientId) {
    return sendHtml(res, 400, errorPage('INVALID_CLIENT: Invalid client'));
  }
  const redirectUri = q.get('redirect_uri');
  const verdict = redirectUri === null ? 'not_registered' : checkRedirectUri(redirectUri);
  if (redirectUri === null || verdict !== 'ok') {
    const message =
      verdict === 'insecure'
        ? 'INVALID_CLIENT: Insecure redirect URI'
        : 'INVALID_CLIENT: Invalid redirect URI';
    return sendHtml(res, 400, errorPage(message));
  }
  const appState = q.get('state');
  const back = (error: string, description: string) =>
    redirect(
      res,
      withParams(redirectUri, { error, error_description: description, state: appState }),
    );

  const responseType = q.get('response_type');
  if (responseType !== 'code') {
    return back(
      'unsupported_response_type',
      responseType === 'token'
        ? 'Implicit grant is no longer supported; use response_type=code with PKCE'
        : 'response_type must be code',
    );
  }
  if (q.get('code_challenge_method') !== 'S256') {
    return back('invalid_request', 'code_challenge_method must be S256');
  }
  const codeChallenge = q.get('code_challenge') ?? '';
  if (!CODE_CHALLENGE_PATTERN.test(codeChallenge)) {
    return back('invalid_request', 'code_challenge must be 43 base64url characters');
  }
  const scopes = splitScope(q.get('scope') ?? '');
  const illegal = scopes.find((s) => !KNOWN_SCOPES.has(s));
  if (illegal !== undefined) return back('invalid_scope', `Illegal scope: ${illegal}`);

  const requestId = state.newOpaqueId();
  state.pending.set(requestId, {
    clientId,
    redirectUri,
    state: appState,
    scope: scopes.join(' '),
    codeChallenge,
    showDialog: q.get('show_dialog') === 'true',
  });
  continueAuthorization(state, requestId, sessionUser(state, req), res);
}

/** GET /authorize/continue and the end of every step: login, consent, or straight back with a code. */
export function handleContinue(
  state: FakeState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const requestId = url.searchParams.get('request_id') ?? '';
  continueAuthorization(state, requestId, sessionUser(state, req), res);
}

export async function handleLoginPost(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  const requestId = form.get('request_id') ?? '';
  if (!state.pending.has(requestId)) return expiredRequest(res);
  const userIndex = state.userIndexByUsername(form.get('username') ?? '');
  const profile = userIndex === null ? undefined : state.profiles[userIndex];
  if (userIndex === null || !profile || profile.password !== form.get('password')) {
    return sendHtml(
      res,
      200,
      loginPage(requestId, state.profiles, 'Incorrect username or password.'),
    );
  }
  const session = state.newOpaqueId();
  state.sessions.set(session, userIndex);
  redirect(res, `/authorize/continue?request_id=${encodeURIComponent(requestId)}`, {
    'set-cookie': `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`,
  });
}

/** GET /logout ("Not you?"): forgets the session and shows the login page again. */
export function handleLogout(
  state: FakeState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const session = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (session !== undefined) state.sessions.delete(session);
  const requestId = url.searchParams.get('request_id') ?? '';
  if (!state.pending.has(requestId)) return expiredRequest(res);
  sendHtml(res, 200, loginPage(requestId, state.profiles, null), {
    'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
  });
}

export async function handleConsentPost(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  const requestId = form.get('request_id') ?? '';
  const pending = state.pending.get(requestId);
  if (!pending) return expiredRequest(res);
  const userIndex = sessionUser(state, req);
  if (userIndex === null) {
    return sendHtml(res, 200, loginPage(requestId, state.profiles, null));
  }
  state.pending.delete(requestId);
  if (form.get('decision') !== 'accept') {
    return redirect(
      res,
      withParams(pending.redirectUri, { error: 'access_denied', state: pending.state }),
    );
  }
  const key = consentKey(userIndex, pending.clientId);
  const approved = state.consents.get(key) ?? new Set<string>();
  for (const scope of splitScope(pending.scope)) approved.add(scope);
  state.consents.set(key, approved);
  sendCode(state, pending, userIndex, res);
}

function continueAuthorization(
  state: FakeState,
  requestId: string,
  userIndex: number | null,
  res: ServerResponse,
): void {
  const pending = state.pending.get(requestId);
  if (!pending) return expiredRequest(res);
  if (userIndex === null) return sendHtml(res, 200, loginPage(requestId, state.profiles, null));
  const profile = state.profiles[userIndex];
  const approved = state.consents.get(consentKey(userIndex, pending.clientId));
  const scopes = splitScope(pending.scope);
  const needsConsent = pending.showDialog || !approved || scopes.some((s) => !approved.has(s));
  if (needsConsent && profile) {
    return sendHtml(
      res,
      200,
      consentPage(requestId, profile.username, profile.displayName, scopes),
    );
  }
  state.pending.delete(requestId);
  sendCode(state, pending, userIndex, res);
}

function sendCode(
  state: FakeState,
  pending: PendingAuthorization,
  userIndex: number,
  res: ServerResponse,
): void {
  const code = state.tokens.issueCode({
    userIndex,
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    codeChallenge: pending.codeChallenge,
    scope: pending.scope,
  });
  redirect(res, withParams(pending.redirectUri, { code, state: pending.state }));
}

/** Who the browser's session cookie says is signed in: this is what skips the login page. */
function sessionUser(state: FakeState, req: IncomingMessage): number | null {
  const session = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  if (session === undefined) return null;
  return state.sessions.get(session) ?? null;
}

function expiredRequest(res: ServerResponse): void {
  sendHtml(
    res,
    400,
    errorPage(
      'INVALID_REQUEST: This login request is unknown or already finished. Start again from the app.',
    ),
  );
}

function consentKey(userIndex: number, clientId: string): string {
  return `${userIndex} ${clientId}`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!isFormEncoded(req)) return new URLSearchParams();
  return new URLSearchParams(await readBody(req));
}

function withParams(base: string, params: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}
