// GET /authorize refuses what Spotify refuses: client and redirect URI problems as an error page,
// everything else as an ?error= redirect back to the app.
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
  fake = await startFakeSpotify({ users: 2, tracks: 5 });
  callback = await startCallbackListener();
});
afterAll(async () => {
  await fake.close();
  await callback.close();
});

function validParams(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    client_id: fake.clientId,
    response_type: 'code',
    redirect_uri: callback.redirectUri,
    code_challenge_method: 'S256',
    code_challenge: pkcePair().challenge,
    state: 'state-123',
    scope: 'user-read-private',
    ...overrides,
  };
}

async function attempt(overrides: Record<string, string | undefined>) {
  return new BrowserSession().completeLogin(authorizeUrl(fake.baseUrl, validParams(overrides)), {
    username: 'alice',
  });
}

describe('authorize request validation', () => {
  it('shows INVALID_CLIENT: Invalid client for an unknown client_id, without redirecting', async () => {
    const outcome = await attempt({ client_id: 'ffffffffffffffffffffffffffffffff' });
    expect(outcome.errorPage).toEqual({ status: 400, text: 'INVALID_CLIENT: Invalid client' });
    expect(outcome.redirectedTo).toBeNull();
  });

  it('refuses a localhost redirect URI as insecure', async () => {
    const outcome = await attempt({
      redirect_uri: callback.redirectUri.replace('127.0.0.1', 'localhost'),
    });
    expect(outcome.errorPage).toEqual({
      status: 400,
      text: 'INVALID_CLIENT: Insecure redirect URI',
    });
  });

  it('refuses an https or otherwise unregistered redirect URI', async () => {
    for (const uri of [
      'https://example.com/callback',
      'http://127.0.0.1:5000/callback/',
      'http://127.0.0.1:5000/other',
    ]) {
      const outcome = await attempt({ redirect_uri: uri });
      expect(outcome.errorPage, uri).toEqual({
        status: 400,
        text: 'INVALID_CLIENT: Invalid redirect URI',
      });
    }
  });

  it('accepts [::1] with a dynamic port as a loopback redirect', async () => {
    const res = await fetch(
      authorizeUrl(fake.baseUrl, validParams({ redirect_uri: 'http://[::1]:61234/callback' })),
      {
        redirect: 'manual',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-page="login"');
  });

  it('redirects response_type=token back with unsupported_response_type (implicit grant removed)', async () => {
    const outcome = await attempt({ response_type: 'token' });
    const params = new URL(outcome.redirectedTo ?? '').searchParams;
    expect(params.get('error')).toBe('unsupported_response_type');
    expect(params.get('state')).toBe('state-123');
    expect(outcome.callbackStatus).toBe(200);
  });

  it('redirects an illegal scope such as user-read-birthdate back with invalid_scope', async () => {
    for (const scope of ['user-read-private user-read-birthdate', 'made-up-scope']) {
      const outcome = await attempt({ scope });
      const params = new URL(outcome.redirectedTo ?? '').searchParams;
      expect(params.get('error'), scope).toBe('invalid_scope');
      expect(params.get('state')).toBe('state-123');
    }
  });

  it('redirects a request without PKCE back with invalid_request', async () => {
    for (const overrides of [
      { code_challenge: undefined },
      { code_challenge_method: 'plain' },
      { code_challenge: 'short' },
    ]) {
      const outcome = await attempt(overrides);
      expect(new URL(outcome.redirectedTo ?? '').searchParams.get('error')).toBe('invalid_request');
    }
  });
});
