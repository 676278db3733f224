// The app page's Content Security Policy, sent as a response header as well as the page's <meta>
// tag (renderer/index.html; a test keeps the two identical). Images: only the app's own files and
// Spotify's image CDNs. Facebook-hosted avatars (platform-lookaside.fbsbx.com) are left out on
// purpose: allowing a social network's CDN for every image is wider than a fallback avatar is
// worth; the design's answer is the main process caching avatars behind an app protocol.
import type { Session } from 'electron';

export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://i.scdn.co https://mosaic.scdn.co https://image-cdn-ak.spotifycdn.com https://image-cdn-fa.spotifycdn.com",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the policy to every document the session loads (the main window's session shows only the app). */
export function enforceContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({});
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [appContentSecurityPolicy],
      },
    });
  });
}
