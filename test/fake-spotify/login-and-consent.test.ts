// The fake's login and consent pages: credentials checked, the session cookie remembering the
// user (why each login needs a fresh browser session), consent shown on show_dialog, Cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserSession,
  startFakeSpotify,
  type FakeSpotify,
} from '../../demo/fake-spotify/index.js';
import { authorizeUrl, pkcePair, startCallbackListener } from './support/oauth-helpers.js';

let fake: FakeSpotify;
let callback: Awaited<ReturnType<typeof startCallbackListener>>;

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 3, tracks: 5 });
  callback = await startCallbackListener();
});
afterAll(async () => {
  await fake.close();
  await callback.close();
});

function url(showDialog: boolean, state = 'abc'): string {
  return authorizeUrl(fake.baseUrl, {
    client_id: fake.clientId,
    response_type: 'code',
    redirect_uri: callback.redirectUri,
    code_challenge_method: 'S256',
    code_challenge: pkcePair().challenge,
    state,
    scope: 'user-read-private user-library-read',
    show_dialog: showDialog ? 'true' : undefined,
  });
}

describe('login and consent', () => {
  it('signs in, shows consent, and delivers code and state to the loopback callback', async () => {
    const outcome = await new BrowserSession().completeLogin(url(true, 'state-1'), {
      username: 'alice',
    });
    expect(outcome).toMatchObject({
      loginPageShown: true,
      consentPageShown: true,
      signedInAs: 'alice',
      callbackStatus: 200,
    });
    const params = new URL(outcome.redirectedTo ?? '').searchParams;
    expect(params.get('code')).toMatch(/^AQ/);
    expect(params.get('state')).toBe('state-1');
    expect(callback.received.at(-1)?.searchParams.get('code')).toBe(params.get('code'));
  });

  it('shows the login page again with an error for a wrong password', async () => {
    const outcome = await new BrowserSession().completeLogin(url(true), {
      username: 'alice',
      password: 'wrong',
    });
    expect(outcome.loginError).toBe('Incorrect username or password.');
    expect(outcome.redirectedTo).toBeNull();
  });

  it('remembers the signed-in user in the same browser session and skips the login page', async () => {
    const browser = new BrowserSession();
    await browser.completeLogin(url(true), { username: 'bob' });
    const second = await browser.completeLogin(url(true), { username: 'carol' });
    // The cookie signs bob in again although carol was asked for: a fresh session is needed.
    expect(second).toMatchObject({
      loginPageShown: false,
      consentPageShown: true,
      signedInAs: 'bob',
    });
  });

  it('shows the login page again in a new browser session', async () => {
    await new BrowserSession().completeLogin(url(true), { username: 'bob' });
    const fresh = await new BrowserSession().completeLogin(url(true), { username: 'carol' });
    expect(fresh).toMatchObject({ loginPageShown: true, signedInAs: 'carol' });
  });

  it('skips consent once approved unless show_dialog=true', async () => {
    const browser = new BrowserSession();
    await browser.completeLogin(url(true), { username: 'carol' });
    const silent = await browser.completeLogin(url(false), { username: 'carol' });
    expect(silent.consentPageShown).toBe(false);
    expect(new URL(silent.redirectedTo ?? '').searchParams.get('code')).toBeTruthy();
    const forced = await browser.completeLogin(url(true), { username: 'carol' });
    expect(forced.consentPageShown).toBe(true);
  });

  it('redirects Cancel back as error=access_denied with the state', async () => {
    const outcome = await new BrowserSession().completeLogin(url(true, 'st-9'), {
      username: 'alice',
      consent: 'deny',
    });
    const params = new URL(outcome.redirectedTo ?? '').searchParams;
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('st-9');
    expect(params.get('code')).toBeNull();
  });

  it('refuses a replayed or invented login form request id', async () => {
    const res = await fetch(`${fake.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        request_id: 'invented',
        username: 'alice',
        password: 'alice-password',
      }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('INVALID_REQUEST');
  });

  it('forgets the signed-in user on "Not you?" and shows the login page again', async () => {
    const first = await fetch(url(true), { redirect: 'manual' });
    const requestId = /name="request_id" value="([^"]+)"/.exec(await first.text())?.[1] ?? '';
    const login = await fetch(`${fake.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        request_id: requestId,
        username: 'bob',
        password: 'bob-password',
      }).toString(),
      redirect: 'manual',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const consent = await fetch(`${fake.baseUrl}/authorize/continue?request_id=${requestId}`, {
      headers: { cookie },
    });
    expect(await consent.text()).toContain('data-signed-in-as="bob"');
    const logout = await fetch(`${fake.baseUrl}/logout?request_id=${requestId}`, {
      headers: { cookie },
    });
    expect(await logout.text()).toContain('data-page="login"');
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await fetch(`${fake.baseUrl}/authorize/continue?request_id=${requestId}`, {
      headers: { cookie },
    });
    expect(await after.text()).toContain('data-page="login"');
  });

  it('lists the seeded users on the login page with labelled fields', async () => {
    const html = await (await fetch(url(true))).text();
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">');
    for (const user of fake.users) expect(html).toContain(`Sign in as ${user.username}`);
  });
});
