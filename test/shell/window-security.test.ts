import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  lockToAppPage,
  secureWebPreferences,
} from '../../electron/shell/window-security.js';

vi.mock('electron', () => ({}));

function fakeWindow() {
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    },
  });
  const opened: string[] = [];
  lockToAppPage({ webContents } as never, async (url) => void opened.push(url));
  const prevented = (name: string, url: string) => {
    let result = false;
    webContents.emit(name, { preventDefault: () => (result = true) }, url);
    return result;
  };
  const open = (url: string) => openHandler?.({ url });
  return { prevented, open, opened };
}

describe('main window security', () => {
  it('runs the page isolated and sandboxed, without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
    expect(secureWebPreferences(null)).not.toHaveProperty('preload');
  });

  it('prevents every navigation, redirect and webview', () => {
    const window = fakeWindow();
    expect(window.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(window.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(window.prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(window.prevented('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('denies new windows, sending only open.spotify.com pages to the system browser', () => {
    const window = fakeWindow();
    expect(window.open('https://open.spotify.com/user/abc')).toEqual({ action: 'deny' });
    expect(window.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(window.open('smb://host/share')).toEqual({ action: 'deny' });
    expect(window.opened).toEqual(['https://open.spotify.com/user/abc']);
  });

  it('denies every permission request and check', () => {
    let request: ((...args: unknown[]) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: never) => (request = handler),
      setPermissionCheckHandler: (handler: never) => (check = handler),
    } as never);
    const grants: boolean[] = [];
    (request as ((...args: unknown[]) => void) | null)?.(null, 'notifications', (g: boolean) =>
      grants.push(g),
    );
    expect(grants).toEqual([false]);
    expect((check as (() => boolean) | null)?.()).toBe(false);
  });
});
