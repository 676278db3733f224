import { describe, expect, it } from 'vitest';
import { isBrowserLoginUrl, isOpenableSpotifyPage } from '../../electron/shell/external-links.js';

describe('URLs the app opens in the system browser', () => {
  it.each([
    'https://open.spotify.com/user/abc',
    'https://open.spotify.com/track/1?si=x',
    'https://developer.spotify.com/dashboard',
  ])('opens the Spotify page %s', (url) => expect(isOpenableSpotifyPage(url)).toBe(true));

  it.each([
    'http://open.spotify.com/user/abc',
    'https://open.spotify.com.evil.example/user/abc',
    'https://evil.example/?https://open.spotify.com',
    'https://x@open.spotify.com/user/abc',
    'https://open.spotify.com:8443/user/abc',
    'spotify:user:abc',
    'https://developer.spotify.com/dashboard/evil',
    'https://developer.spotify.com/documentation',
    'https://developer.spotify.com.evil.example/dashboard',
    'file:///etc/passwd',
    'smb://host/share',
    '',
  ])('refuses %s', (url) => expect(isOpenableSpotifyPage(url)).toBe(false));

  it('accepts only the configured accounts service authorize page for browser sign-in', () => {
    const origin = 'https://accounts.spotify.com';
    expect(isBrowserLoginUrl(`${origin}/authorize?client_id=x`, origin)).toBe(true);
    expect(isBrowserLoginUrl('http://127.0.0.1:5000/authorize?x=1', 'http://127.0.0.1:5000')).toBe(
      true,
    );
    expect(isBrowserLoginUrl(`${origin}/authorize-evil`, origin)).toBe(false);
    expect(isBrowserLoginUrl(`${origin}/login`, origin)).toBe(false);
    expect(isBrowserLoginUrl('https://accounts.spotify.com.evil.example/authorize', origin)).toBe(
      false,
    );
    expect(isBrowserLoginUrl('ms-settings:privacy', origin)).toBe(false);
  });
});
