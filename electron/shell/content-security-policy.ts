// The app page's Content Security Policy, sent as a response header as well as the page's <meta>
// tag (renderer/index.html; a test keeps the two identical). Images: only the app's own files and
// the app's image protocol (image-protocol.ts), which serves every picture — Spotify's covers and
// avatars, Facebook-hosted avatars too — from the main process's cache. So no third-party image
// host is allowed, not even Spotify's CDNs: the page never loads from them.
import type { Session } from 'electron';
import { imageScheme } from './image-protocol.js';

export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: ${imageScheme}:`,
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
