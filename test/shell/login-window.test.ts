import type { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoginMode } from '../../electron/core/settings/setting-rules.js';

interface FakeSession {
  cleared: string[];
  permissionRequest: unknown;
  permissionCheck: unknown;
}

interface FakeWindow {
  options: Record<string, unknown>;
  loaded: string[];
  destroyed: boolean;
  pageVetoesClose: boolean;
  windowOpenHandler: ((details: { url: string }) => unknown) | null;
  contents: EventEmitter;
  close(): void;
}

const electronFake = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  sessions: new Map<string, FakeSession>(),
  opened: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly loaded: string[] = [];
    destroyed = false;
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    readonly contents = new EventEmitter();
    readonly webContents = Object.assign(this.contents, {
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        this.windowOpenHandler = handler;
      },
    });
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      electronFake.windows.push(this as never);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** A page with a beforeunload handler can veto close(), never destroy(). */
    pageVetoesClose = false;
    close() {
      if (this.pageVetoesClose) return;
      this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const session = {
    fromPartition: (partition: string) => {
      const fake = {
        cleared: [] as string[],
        permissionRequest: null as unknown,
        permissionCheck: null as unknown,
        clearStorageData: async () => void fake.cleared.push('storage'),
        clearCache: async () => void fake.cleared.push('cache'),
        setPermissionRequestHandler: (handler: unknown) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: unknown) => (fake.permissionCheck = handler),
      };
      electronFake.sessions.set(partition, fake);
      return fake;
    },
  };
  const shell = { openExternal: async (url: string) => void electronFake.opened.push(url) };
  return { BrowserWindow, session, shell };
});

const { createLoginPageOpener } = await import('../../electron/shell/login-window.js');

const accountsOrigin = 'https://accounts.spotify.com';
const authorizeUrl = `${accountsOrigin}/authorize?client_id=abc&redirect_uri=${encodeURIComponent(
  'http://127.0.0.1:43123/callback',
)}&state=s`;

function opener(mode: LoginMode = 'window') {
  return createLoginPageOpener({
    accountsOrigin,
    loginMode: () => mode,
    parent: () => null,
    title: 'Sign in to Spotify',
  });
}

function handle() {
  const ended = new AbortController();
  const cancel = vi.fn();
  return { ended, cancel, value: { ended: ended.signal, cancel } };
}

function lastWindow() {
  const window = electronFake.windows.at(-1);
  if (!window) throw new Error('no login window was opened');
  return window;
}

function navigate(eventName: string, url: string, ...rest: unknown[]): boolean {
  let prevented = false;
  const event = { preventDefault: () => (prevented = true) };
  lastWindow().contents.emit(eventName, event, url, ...rest);
  return prevented;
}

afterEach(() => {
  electronFake.windows.length = 0;
  electronFake.sessions.clear();
  electronFake.opened.length = 0;
});

describe('login window', () => {
  it('opens the authorize URL in a sandboxed window without preload, on a fresh in-memory partition', async () => {
    await opener()(authorizeUrl, handle().value);
    await opener()(authorizeUrl, handle().value);
    const [first, second] = electronFake.windows;
    const prefs = first?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs).not.toHaveProperty('preload');
    expect(String(prefs.partition)).toMatch(/^login-/);
    expect(String(prefs.partition)).not.toMatch(/^persist:/);
    const secondPartition = (second?.options.webPreferences as Record<string, unknown>).partition;
    expect(secondPartition).not.toBe(prefs.partition);
    expect(first?.loaded).toEqual([authorizeUrl]);
  });

  it('denies new windows and permissions', async () => {
    await opener()(authorizeUrl, handle().value);
    expect(lastWindow().windowOpenHandler?.({ url: 'https://www.spotify.com/signup' })).toEqual({
      action: 'deny',
    });
    const [fakeSession] = electronFake.sessions.values();
    const grants: boolean[] = [];
    (fakeSession?.permissionRequest as (...a: unknown[]) => void)(null, 'media', (g: boolean) =>
      grants.push(g),
    );
    expect(grants).toEqual([false]);
    expect((fakeSession?.permissionCheck as () => boolean)()).toBe(false);
  });

  it('lets the page go to Spotify login hosts and the callback only', async () => {
    await opener()(authorizeUrl, handle().value);
    expect(navigate('will-navigate', 'https://accounts.spotify.com/en/login')).toBe(false);
    expect(navigate('will-navigate', 'https://challenge.spotify.com/c/abc')).toBe(false);
    expect(navigate('will-redirect', 'http://127.0.0.1:43123/callback?code=x', false, true)).toBe(
      false,
    );
    expect(navigate('will-navigate', 'https://accounts.google.com/o/oauth2')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/', false, true)).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9999/callback', false, true)).toBe(true);
    // A captcha iframe may redirect inside itself.
    expect(navigate('will-redirect', 'https://www.google.com/recaptcha', false, false)).toBe(false);
    expect(navigate('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('cancels the login when the person closes the window, and clears its storage', async () => {
    const login = handle();
    await opener()(authorizeUrl, login.value);
    lastWindow().close();
    expect(login.cancel).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => {
      const [fakeSession] = electronFake.sessions.values();
      expect(fakeSession?.cleared.sort()).toEqual(['cache', 'storage']);
    });
  });

  it('closes the window when the login ends (even if the page vetoes close), without cancelling, and clears its storage', async () => {
    const login = handle();
    await opener()(authorizeUrl, login.value);
    lastWindow().pageVetoesClose = true;
    login.ended.abort();
    expect(lastWindow().destroyed).toBe(true);
    expect(login.cancel).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      const [fakeSession] = electronFake.sessions.values();
      expect(fakeSession?.cleared.sort()).toEqual(['cache', 'storage']);
    });
  });

  it('opens nothing for a login that has already ended', async () => {
    const login = handle();
    login.ended.abort();
    await opener()(authorizeUrl, login.value);
    expect(electronFake.windows).toEqual([]);
  });

  it.each([
    [
      'another host',
      `https://evil.example/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcallback`,
    ],
    ['another path', `${accountsOrigin}/logout?redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcallback`],
    [
      'a non-loopback redirect',
      `${accountsOrigin}/authorize?redirect_uri=https%3A%2F%2Fevil.example%2Fcallback`,
    ],
    ['no redirect', `${accountsOrigin}/authorize`],
  ])('refuses to open %s with login_url_untrusted', async (_name, url) => {
    await expect(opener()(url, handle().value)).rejects.toMatchObject({
      code: 'login_url_untrusted',
    });
    expect(electronFake.windows).toEqual([]);
  });

  it('in browser mode, opens the authorize URL in the system browser and no window', async () => {
    await opener('browser')(authorizeUrl, handle().value);
    expect(electronFake.opened).toEqual([authorizeUrl]);
    expect(electronFake.windows).toEqual([]);
  });

  it('in browser mode, refuses a URL that is not the accounts service authorize page', async () => {
    await expect(opener('browser')('file:///etc/passwd', handle().value)).rejects.toMatchObject({
      code: 'login_url_untrusted',
    });
    expect(electronFake.opened).toEqual([]);
  });
});
