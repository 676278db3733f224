// The per-login proxy gives every login tab an empty cookie jar even though a browser shares
// cookies across ports of one host: a session cookie set through one login's proxy is renamed,
// and another login's proxy neither forwards it nor lets the fake recognise it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';
import { authorizeUrl, pkcePair } from '../fake-spotify/support/oauth-helpers.js';
import { startLoginProxy, type LoginProxy } from '../../demo/harness/login-proxy.js';

let fake: FakeSpotify;
const proxies: LoginProxy[] = [];

beforeAll(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 1 });
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await fake.close();
});

async function proxy(ref: string): Promise<LoginProxy> {
  const started = await startLoginProxy(fake.baseUrl, ref);
  proxies.push(started);
  return started;
}

function authorize(): string {
  return authorizeUrl(fake.baseUrl, {
    client_id: fake.clientId,
    response_type: 'code',
    redirect_uri: 'http://127.0.0.1:9/callback',
    code_challenge_method: 'S256',
    code_challenge: pkcePair().challenge,
    state: 'st',
    scope: 'user-read-private',
    show_dialog: 'true',
  });
}

/** Which page the fake shows for `url`, following its redirects, sending `cookie` as a browser would. */
async function pageFor(url: string, cookie: string): Promise<string> {
  let next = url;
  for (let step = 0; step < 5; step++) {
    const res = await fetch(next, { headers: { cookie }, redirect: 'manual' });
    const location = res.headers.get('location');
    if (location) {
      next = new URL(location, next).toString();
      continue;
    }
    return /data-page="(\w+)"/.exec(await res.text())?.[1] ?? `status ${res.status}`;
  }
  throw new Error('too many redirects');
}

/** Signs in through `via` and returns the cookie pair the browser would keep. */
async function signInThrough(via: LoginProxy): Promise<string> {
  const html = await (await fetch(via.rewrite(authorize()))).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const res = await fetch(`${via.origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      request_id: requestId,
      username: 'alice',
      password: 'alice-password',
    }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('login proxy', () => {
  it('serves the fake’s pages under its own origin', async () => {
    const first = await proxy('first');
    const url = first.rewrite(authorize());
    expect(url.startsWith(first.origin + '/authorize?')).toBe(true);
    expect(await pageFor(url, '')).toBe('login');
    expect(first.rewrite('http://127.0.0.1:9/callback?code=x')).toBe(
      'http://127.0.0.1:9/callback?code=x',
    );
  });

  it('keeps a login’s session cookie to that login', async () => {
    const first = await proxy('one');
    const second = await proxy('two');
    const cookie = await signInThrough(first);
    expect(cookie).toMatch(/^login_one__sp_fake_session=.+/);
    // The same login remembers its session: the fake goes straight to consent…
    expect(await pageFor(first.rewrite(authorize()), cookie)).toBe('consent');
    // …but the browser sends that cookie to every port of 127.0.0.1, and the next login must
    // still start signed out.
    expect(await pageFor(second.rewrite(authorize()), cookie)).toBe('login');
    // Without the proxy the fake would have recognised the session.
    const bare = cookie.replace('login_one__', '');
    expect(await pageFor(authorize(), bare)).toBe('consent');
  });

  it('answers 502 with a sentence when the fake is gone', async () => {
    const gone = await startFakeSpotify({ users: 1, tracks: 0 });
    const orphan = await startLoginProxy(gone.baseUrl, 'orphan');
    proxies.push(orphan);
    await gone.close();
    const res = await fetch(`${orphan.origin}/authorize`);
    expect(res.status).toBe(502);
    expect(await res.text()).toBe('The fake Spotify is not answering.');
  });
});
