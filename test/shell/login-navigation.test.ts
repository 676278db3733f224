import { describe, expect, it } from 'vitest';
import { isAllowedLoginNavigation, loginScopeOf } from '../../electron/shell/login-navigation.js';

const real = {
  accountsOrigin: 'https://accounts.spotify.com',
  redirectOrigin: 'http://127.0.0.1:43123',
};
const demo = { accountsOrigin: 'http://127.0.0.1:5000', redirectOrigin: 'http://127.0.0.1:43123' };

describe('login window navigation allowlist', () => {
  it.each([
    'https://accounts.spotify.com/en/login?continue=x',
    'https://accounts.spotify.com/authorize?client_id=x',
    'https://challenge.spotify.com/c/abc/def',
    'http://127.0.0.1:43123/callback?code=abc&state=s',
  ])('allows %s with real Spotify', (url) => {
    expect(isAllowedLoginNavigation(url, real)).toBe(true);
  });

  it.each([
    'https://www.spotify.com/signup',
    'https://accounts.google.com/o/oauth2/auth',
    'https://evil.example/accounts.spotify.com',
    'http://accounts.spotify.com/login',
    'https://accounts.spotify.com.evil.example/login',
    'https://user:pw@accounts.spotify.com/login',
    'http://127.0.0.1:43123/other',
    'http://127.0.0.1:43124/callback',
    'http://localhost:43123/callback',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedLoginNavigation(url, real)).toBe(false);
  });

  it("allows the demo's fake accounts origin, and not Spotify's hosts, in demo mode", () => {
    expect(isAllowedLoginNavigation('http://127.0.0.1:5000/authorize/continue', demo)).toBe(true);
    expect(isAllowedLoginNavigation('https://accounts.spotify.com/en/login', demo)).toBe(false);
    expect(isAllowedLoginNavigation('https://challenge.spotify.com/c/a', demo)).toBe(false);
  });
});

describe('login scope from the authorize URL', () => {
  it('reads the loopback redirect origin', () => {
    const url =
      'https://accounts.spotify.com/authorize?client_id=x&redirect_uri=http%3A%2F%2F127.0.0.1%3A43123%2Fcallback';
    expect(loginScopeOf(url, 'https://accounts.spotify.com')).toEqual(real);
  });

  it.each([
    'https://accounts.spotify.com/authorize?redirect_uri=http%3A%2F%2Flocalhost%3A1%2Fcallback',
    'https://accounts.spotify.com/authorize?redirect_uri=https%3A%2F%2F127.0.0.1%3A1%2Fcallback',
    'https://accounts.spotify.com/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fsteal',
    'https://evil.example/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcallback',
    'garbage',
  ])('refuses %s with login_url_untrusted', (url) => {
    expect(() => loginScopeOf(url, 'https://accounts.spotify.com')).toThrow(
      expect.objectContaining({ code: 'login_url_untrusted' }),
    );
  });
});
