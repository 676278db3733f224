// The web preferences and session rules the app's windows run with (Electron's security
// checklist): isolated, sandboxed, no Node in the page, no new windows, no navigation away, no
// webviews, no permission grants.
import type { BrowserWindow, Session, WebPreferences } from 'electron';
import { isOpenableSpotifyPage } from './external-links.js';

export function secureWebPreferences(preload: string | null): WebPreferences {
  return {
    ...(preload === null ? {} : { preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Refuses every permission request and check (camera, notifications, clipboard…): none is needed. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Keeps the main window on the app's page: no navigation or redirect anywhere, no webview; a link
 * that opens a window goes to the system browser when it is a Spotify page, else nowhere.
 */
export function lockToAppPage(
  window: Pick<BrowserWindow, 'webContents'>,
  openExternal: (url: string) => Promise<void>,
): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableSpotifyPage(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  // The page is one document that routes in-page; any navigation is a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
