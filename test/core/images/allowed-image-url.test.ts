// Which URLs the image cache may fetch: only https on the default port, no credentials, and only
// Spotify's image hosts and Facebook's avatar hosts. Everything else would turn the cache into a
// proxy from the page into the network.
import { describe, expect, it } from 'vitest';
import { allowedImageUrl } from '../../../electron/core/images/allowed-image-url.js';

const allowed = [
  'https://i.scdn.co/image/ab67616d0000b273aaaa',
  'https://mosaic.scdn.co/640/ab67616d0000b273aaaa',
  'https://image-cdn-ak.spotifycdn.com/image/ab6775700000ee85aaaa',
  'https://image-cdn-fa.spotifycdn.com/image/ab6775700000ee85aaaa',
  'https://seeded-session-images.scdn.co/v1/img/track/abc/en',
  'https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1&height=300&width=300&ext=1&hash=x',
  'https://scontent-ams2-1.xx.fbcdn.net/v/t1.0-1/p320x320/1.jpg?oh=a&oe=b',
  'https://scontent.fbcdn.net/v/1.jpg',
  // The parser drops https's own port and lower-cases the host: still the same image host.
  'https://i.scdn.co:443/image/a',
  'https://I.SCDN.CO/image/a',
];

const refused: [string, string][] = [
  ['http:', 'http://i.scdn.co/image/a'],
  ['another port', 'https://i.scdn.co:8443/image/a'],
  ['a user name', 'https://user@i.scdn.co/image/a'],
  ['a password', 'https://user:secret@i.scdn.co/image/a'],
  ['loopback', 'https://127.0.0.1/image/a'],
  ['localhost', 'https://localhost/image/a'],
  ['IPv6 loopback', 'https://[::1]/image/a'],
  ['a LAN address', 'https://192.168.1.10/image/a'],
  ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
  ['file:', 'file:///etc/passwd'],
  ['data:', 'data:image/png;base64,iVBORw0KGgo='],
  ['javascript:', 'javascript:alert(1)'],
  ['an allowed host in the path', 'https://evil.com/i.scdn.co'],
  ['an allowed host as a prefix', 'https://i.scdn.co.evil.com/image/a'],
  ['a subdomain of an exact host', 'https://x.i.scdn.co/image/a'],
  ['a look-alike suffix', 'https://evilfbcdn.net/a.jpg'],
  ['the bare Facebook CDN domain', 'https://fbcdn.net/a.jpg'],
  ['fbcdn.net not at the end', 'https://x.fbcdn.net.evil.com/a.jpg'],
  ['another Spotify host', 'https://api.spotify.com/v1/me'],
  ['a trailing dot', 'https://i.scdn.co./image/a'],
  ['not a URL', 'i.scdn.co/image/a'],
  ['empty', ''],
  ['over 2048 characters', `https://i.scdn.co/image/${'a'.repeat(2048)}`],
];

describe('allowedImageUrl', () => {
  it.each(allowed)('allows %s', (value) => {
    const url = allowedImageUrl(value);
    expect(url).toBeInstanceOf(URL);
    expect(url?.protocol).toBe('https:');
  });

  it.each(refused)('refuses %s', (_why, value) => {
    expect(allowedImageUrl(value)).toBeNull();
  });

  it('allows a URL of exactly 2048 characters', () => {
    const prefix = 'https://i.scdn.co/image/';
    const value = prefix + 'a'.repeat(2048 - prefix.length);
    expect(value).toHaveLength(2048);
    expect(allowedImageUrl(value)).not.toBeNull();
  });
});
