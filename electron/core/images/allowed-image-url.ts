// Which image URLs the image cache may fetch at all. The page hands the cache URLs, so this list is
// what stops it being used as a proxy into the network (loopback, LAN, any other host): only
// https on the default port, no credentials, and only the hosts Spotify's data points at for cover
// art and profile pictures (Facebook's hosts for the avatars of Facebook-linked accounts).

/** Longer than any image URL Spotify hands out; refusing more bounds what reaches the cache. */
const MAX_URL_LENGTH = 2048;

const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'i.scdn.co',
  'mosaic.scdn.co',
  'image-cdn-ak.spotifycdn.com',
  'image-cdn-fa.spotifycdn.com',
  'seeded-session-images.scdn.co',
  'platform-lookaside.fbsbx.com',
]);

// Facebook serves avatars from many numbered edge hosts (scontent-xxx1-1.xx.fbcdn.net); at least
// one label must precede the suffix so the bare domain or an empty label never matches.
const FACEBOOK_CDN_HOST = /^(?:[a-z0-9-]+\.)+fbcdn\.net$/;

/** The URL parsed when the cache may fetch it, else null. */
export function allowedImageUrl(value: string): URL | null {
  if (value.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  // The URL parser empties the port when it is https's default (443), so any port left is another.
  if (url.port !== '') return null;
  const host = url.hostname;
  if (ALLOWED_HOSTS.has(host) || FACEBOOK_CDN_HOST.test(host)) return url;
  return null;
}
