// The web preferences and session rules every window of the app runs with (Electron's security
// checklist): isolated, sandboxed, no Node in the page, no new windows, no navigation away, no
// permission grants.
import type { BrowserWindow, WebPreferences } from 'electron';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Keeps a window on the app's own page: `window.open` and navigation elsewhere are refused. */
export function lockToAppPage(window: BrowserWindow, appUrl: string): void {
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
}
