// The shell's wiring end to end, in demo mode: the real core, router and handlers behind the IPC
// bridge, the in-process fake Spotify, and a login window whose "page" is driven over real HTTP by
// the fake's browser stand-in. Only the electron module is faked (and the keychain is in memory).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAppLog } from '../../electron/core/logging/app-log.js';
import { SecretRedactor } from '../../electron/core/logging/secret-redactor.js';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store.js';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electronFake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  loginUrls: [] as string[],
  /** What the person does in the login window. */
  person: 'signs-in' as 'signs-in' | 'closes-window',
  /** The core's requests as Chromium's network stand-in saw them: "via METHOD /path credentials". */
  network: [] as string[],
  partitions: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { BrowserSession: Session } = await import('../../demo/fake-spotify/index.js');
  class BrowserWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: () => {},
    });
    #destroyed = false;
    async loadURL(url: string) {
      electronFake.loginUrls.push(url);
      if (electronFake.person === 'closes-window') {
        setImmediate(() => this.close());
        return;
      }
      // A fresh browser profile per window, as the real partition gives.
      await new Session().completeLogin(url, { username: 'alice' });
    }
    isDestroyed() {
      return this.#destroyed;
    }
    close() {
      this.destroy();
    }
    destroy() {
      this.#destroyed = true;
      this.emit('closed');
    }
  }
  const { Readable } = await import('node:stream');
  const record = (via: string, method: string, url: string, credentials: string | undefined) =>
    electronFake.network.push(`${via} ${method} ${new URL(url).pathname} ${credentials}`);
  // net.request over Node's fetch: enough of ClientRequest for chromium-fetch.ts's manual mode.
  class ClientRequest extends EventEmitter {
    readonly #headers = new Headers();
    readonly #chunks: Buffer[] = [];
    constructor(
      readonly options: { method?: string; url: string; redirect?: string; credentials?: string },
    ) {
      super();
    }
    setHeader(name: string, value: string) {
      this.#headers.set(name, value);
    }
    write(chunk: Buffer) {
      this.#chunks.push(chunk);
    }
    abort() {}
    end() {
      const { method = 'GET', url, redirect, credentials } = this.options;
      record(`net.request(${redirect})`, method, url, credentials);
      fetch(url, {
        method,
        headers: this.#headers,
        redirect: 'manual',
        ...(this.#chunks.length === 0 ? {} : { body: Buffer.concat(this.#chunks) }),
      }).then(
        (response) => {
          const location = response.headers.get('location');
          if (location !== null && response.status >= 300 && response.status < 400) {
            const headers = Object.fromEntries([...response.headers].map(([k, v]) => [k, [v]]));
            this.emit('redirect', response.status, method, new URL(location, url).href, headers);
            return;
          }
          const body = Readable.fromWeb(response.body as never);
          this.emit(
            'response',
            Object.assign(body, {
              statusCode: response.status,
              statusMessage: response.statusText,
              headers: Object.fromEntries(response.headers),
            }),
          );
        },
        (error: unknown) => this.emit('error', error),
      );
    }
  }
  const fakeSession = {
    // ses.fetch: Node's fetch, recorded.
    fetch: (input: Request, init?: RequestInit) => {
      const request = new Request(input, init);
      record('session.fetch', request.method, request.url, init?.credentials);
      return fetch(request);
    },
    clearStorageData: async () => {},
    clearCache: async () => {},
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
  };
  return {
    BrowserWindow,
    session: {
      fromPartition: (partition: string) => {
        electronFake.partitions.push(partition);
        return fakeSession;
      },
    },
    net: { request: (options: never) => new ClientRequest(options) },
    shell: { openExternal: async () => {} },
    // The dialogs' own tests are native-files.test.ts, with a dialog of their own.
    dialog: {},
    ipcMain: {
      handle: (channel: string, handler: Handler) => electronFake.handlers.set(channel, handler),
      removeHandler: (channel: string) => electronFake.handlers.delete(channel),
    },
  };
});

const { startAppServices } = await import('../../electron/shell/app-services.js');
const { runModeOf } = await import('../../electron/shell/run-mode.js');

const appPageUrl = 'file:///opt/app/dist/renderer/index.html';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'app-services-'));
});
afterEach(async () => {
  electronFake.handlers.clear();
  electronFake.loginUrls.length = 0;
  electronFake.person = 'signs-in';
  electronFake.network.length = 0;
  electronFake.partitions.length = 0;
  await rm(dataDir, { recursive: true, force: true });
});

async function startDemo(
  extra: { startDemo?: () => Promise<void>; secretStore?: MemorySecretStore } = {},
) {
  const sent: [string, unknown][] = [];
  const redactor = new SecretRedactor();
  const mainContents = {
    isDestroyed: () => false,
    send: (c: string, p: unknown) => sent.push([c, p]),
  };
  const services = await startAppServices({
    mode: runModeOf(['electron', '.', '--demo'], false),
    dataDir,
    version: '9.9.9',
    documentsDir: dataDir,
    loginWindowTitle: 'Sign in',
    appPageUrl,
    demoSpotifyUrl: new URL('../../demo/fake-spotify/index.ts', import.meta.url).href,
    mainWindow: () => ({ webContents: mainContents }) as never,
    secretStore: new MemorySecretStore(),
    log: openAppLog({ filePath: path.join(dataDir, 'logs', 'main.log'), redactor }),
    redactor,
    ...extra,
  });
  const request = (channel: string, ...args: unknown[]) => {
    const handler = electronFake.handlers.get('ipc:request');
    if (!handler) throw new Error('the bridge is not registered');
    const event = { sender: mainContents, senderFrame: { url: appPageUrl, parent: null } };
    return handler(event, channel, args) as Promise<{
      ok: boolean;
      value?: unknown;
      error?: unknown;
    }>;
  };
  return { services, request, sent };
}

describe('app services in demo mode', () => {
  it('answers as the demo, with the fake Client ID in the demo settings', async () => {
    const { services, request } = await startDemo();
    try {
      expect(await request('app:info')).toMatchObject({
        ok: true,
        value: { version: '9.9.9', demo: true },
      });
      expect(await request('settings:get')).toMatchObject({
        ok: true,
        value: { clientId: '0f5a1c2e3d4b5a6978877665544332ab', loginMode: 'window' },
      });
    } finally {
      await services.stop();
    }
  });

  it('does not offer to start the demo from within the demo', async () => {
    const relaunch = vi.fn(async () => undefined);
    const { services, request } = await startDemo({ startDemo: relaunch });
    try {
      expect(await request('app:startDemo')).toMatchObject({
        ok: false,
        error: { code: 'demo_unavailable' },
      });
      expect(relaunch).not.toHaveBeenCalled();
    } finally {
      await services.stop();
    }
  });

  it('adds a demo account through a login window on the fake, and tells the main window', async () => {
    const { services, request, sent } = await startDemo();
    try {
      const added = await request('accounts:add');
      expect(added).toMatchObject({
        ok: true,
        value: { displayName: expect.stringMatching(/^Alice/) },
      });
      expect(new URL(electronFake.loginUrls[0] ?? '').pathname).toBe('/authorize');
      const events = sent.map(([channel]) => channel);
      expect(events).toContain('event:login:progress');
      expect(events).toContain('event:accounts:changed');
      const tracks = await request('library:tracks', (added.value as { id: string }).id, {
        offset: 0,
        limit: 5,
      });
      expect(tracks).toMatchObject({ ok: true, value: { total: 2_000 } });
    } finally {
      await services.stop();
    }
  });

  it('logs the sign-in to the log file, and no token of it', async () => {
    const keychain = new MemorySecretStore();
    const { services, request } = await startDemo({ secretStore: keychain });
    let logFile = '';
    try {
      const added = await request('accounts:add');
      const id = (added.value as { id: string }).id;
      logFile = path.join(dataDir, 'logs', 'main.log');
      const stored = await keychain.list();
      expect(stored).toHaveLength(1);
      await vi.waitFor(async () =>
        expect(await readFile(logFile, 'utf8')).toContain(`account ${id}: added`),
      );
      const text = await readFile(logFile, 'utf8');
      const tokens = JSON.parse(stored[0]?.value ?? '{}') as Record<string, unknown>;
      for (const token of [tokens['accessToken'], tokens['refreshToken']]) {
        expect(typeof token).toBe('string');
        expect(text).not.toContain(token);
      }
    } finally {
      await services.stop();
    }
  });

  it('sends the core’s requests through Chromium’s network in a session of their own, sign-in included', async () => {
    const { services, request } = await startDemo();
    try {
      const added = await request('accounts:add');
      expect(added).toMatchObject({ ok: true });
      await request('library:tracks', (added.value as { id: string }).id, { offset: 0, limit: 5 });
      // In memory (no "persist:"), and not the window's session.
      expect(electronFake.partitions).toContain('core-requests');
      // The code exchange never follows a redirect, so it takes net.request's manual mode.
      expect(electronFake.network).toContain('net.request(manual) POST /api/token omit');
      expect(electronFake.network).toContain('session.fetch GET /v1/me omit');
      expect(electronFake.network).toContainEqual(
        expect.stringMatching(/^session\.fetch GET \/v1\/me\/tracks omit$/),
      );
      // Never the window's cookies: every request omits credentials.
      expect(electronFake.network.every((entry) => entry.endsWith(' omit'))).toBe(true);
    } finally {
      await services.stop();
    }
  });

  it('ends the login as cancelled when the person closes the login window', async () => {
    const { services, request, sent } = await startDemo();
    try {
      electronFake.person = 'closes-window';
      const result = await request('accounts:add');
      expect(result).toMatchObject({ ok: false, error: { code: 'login_cancelled' } });
      expect(sent).toContainEqual([
        'event:login:progress',
        expect.objectContaining({ state: 'cancelled' }),
      ]);
      expect(await request('accounts:list')).toMatchObject({ ok: true, value: { accounts: [] } });
    } finally {
      await services.stop();
    }
  });

  it('on stop, removes its IPC handler and closes the fake Spotify', async () => {
    const { services, request } = await startDemo();
    const login = request('accounts:add');
    await login;
    const fakeOrigin = new URL(electronFake.loginUrls[0] ?? '').origin;
    await services.stop();
    expect(electronFake.handlers.size).toBe(0);
    await expect(fetch(fakeOrigin)).rejects.toThrow();
  });
});
