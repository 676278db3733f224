// Redirect URI rules Spotify enforces since 2025-11-27, applied to the fake's one registered URI
// `http://127.0.0.1/callback`: loopback IP literals may use any port, `localhost` is "insecure",
// anything else must match exactly (and nothing else is registered).

export type RedirectUriVerdict = 'ok' | 'insecure' | 'not_registered';

export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/callback';

export function checkRedirectUri(raw: string): RedirectUriVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_registered';
  }
  if (url.protocol === 'http:' && !isLoopbackLiteral(url.hostname)) return 'insecure';
  if (url.protocol !== 'http:') return 'not_registered';
  // Compare the raw text so case, trailing slashes, queries and fragments all count, as at Spotify.
  const withoutPort = raw.replace(/^http:\/\/(127\.0\.0\.1|\[::1\])(:\d{1,5})?/, 'http://$1');
  const allowed = ['http://127.0.0.1/callback', 'http://[::1]/callback'];
  return allowed.includes(withoutPort) ? 'ok' : 'not_registered';
}

function isLoopbackLiteral(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]';
}
