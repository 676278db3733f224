// Shows Spotify's sign-in page for the core (its OpenLoginPage): in a login window of our own, or
// in the system browser when the person chose "Sign in with my browser instead". Each login window
// has a fresh in-memory partition, so the previous account's cookies never sign the next one in,
// and its storage is cleared when it closes.
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, shell, type Session } from 'electron';
import type { LoginMode } from '../core/settings/setting-rules.js';
import { AppError } from '../core/errors/app-error.js';
import type { LoginPageHandle, OpenLoginPage } from '../core/composition/login-page.js';
import { isBrowserLoginUrl } from './external-links.js';
import {
  isAllowedLoginNavigation,
  loginScopeOf,
  type LoginNavigationScope,
  type LoginUrlErrorCode,
} from './login-navigation.js';
import { denyAllPermissions, secureWebPreferences } from './window-security.js';

export interface LoginPageOpenerOptions {
  /** Origin of the configured accounts service (the fake Spotify's in demo mode). */
  readonly accountsOrigin: string;
  /** Read at each login, so a change in the settings applies to the next one. */
  readonly loginMode: () => LoginMode;
  /** The main window, so the login window stays in front of it. */
  readonly parent: () => BrowserWindow | null;
  readonly title: string;
}

export function createLoginPageOpener(options: LoginPageOpenerOptions): OpenLoginPage {
  return async (authorizeUrl, handle) => {
    if (options.loginMode() === 'browser') {
      if (!isBrowserLoginUrl(authorizeUrl, options.accountsOrigin)) throw untrusted();
      // The login ends by its callback, its timeout or the app's Cancel button.
      await shell.openExternal(authorizeUrl);
      return;
    }
    openLoginWindow(
      authorizeUrl,
      loginScopeOf(authorizeUrl, options.accountsOrigin),
      handle,
      options,
    );
  };
}

function openLoginWindow(
  authorizeUrl: string,
  scope: LoginNavigationScope,
  handle: LoginPageHandle,
  options: LoginPageOpenerOptions,
): void {
  if (handle.ended.aborted) return;
  // No `persist:` prefix: the partition lives in memory only and dies with the window.
  const partition = `login-${randomUUID()}`;
  const loginSession = session.fromPartition(partition);
  denyAllPermissions(loginSession);
  const parent = options.parent();
  const window = new BrowserWindow({
    width: 520,
    height: 760,
    title: options.title,
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: { ...secureWebPreferences(null), partition },
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedLoginNavigation(url, scope)) event.preventDefault();
  });
  // Sub-frames are left alone: Spotify's captcha runs in a third-party iframe, and a sandboxed
  // frame cannot move the window itself anywhere.
  contents.on('will-redirect', (event, url, _isInPlace, isMainFrame) => {
    if (isMainFrame && !isAllowedLoginNavigation(url, scope)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // destroy(), not close(): a page's beforeunload handler must not keep a finished login open.
  const closeWhenEnded = () => {
    if (!window.isDestroyed()) window.destroy();
  };
  handle.ended.addEventListener('abort', closeWhenEnded, { once: true });
  window.on('closed', () => {
    handle.ended.removeEventListener('abort', closeWhenEnded);
    // Closed by the person while the login still waits: that is a cancel.
    if (!handle.ended.aborted) handle.cancel();
    void clearLoginSession(loginSession);
  });
  // A failed load shows Chromium's error page in the window; the login itself ends by callback,
  // cancel or timeout, so there is nothing to report from here.
  void window.loadURL(authorizeUrl).catch(() => undefined);
}

async function clearLoginSession(loginSession: Session): Promise<void> {
  await Promise.allSettled([loginSession.clearStorageData(), loginSession.clearCache()]);
}

function untrusted(): AppError<LoginUrlErrorCode> {
  return new AppError<LoginUrlErrorCode>(
    'login_url_untrusted',
    'The sign-in page address is not the configured Spotify accounts service.',
  );
}
