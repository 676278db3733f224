// The browser harness: the real core in Node against the fake Spotify, the real (built) renderer
// served to a browser, and the IPC contract carried over a WebSocket on loopback through the same
// router and handlers the Electron shell uses. Login pages open in a new browser tab, each behind
// its own login proxy so it starts signed out (see login-proxy.ts). Lives under test/: it never
// ships in the packaged app.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from '../../electron/core/composition/app-core.js';
import type { LoginPageHandle } from '../../electron/core/composition/login-page.js';
import { forwardCoreEvents } from '../../electron/core/ipc/core-events.js';
import { createIpcHandlers } from '../../electron/core/ipc/ipc-handlers.js';
import {
  bridgeGlobalName,
  eventChannels,
  requestChannels,
  type EventChannel,
  type EventPayloads,
} from '../../electron/core/ipc/contract.js';
import { createIpcRouter } from '../../electron/core/ipc/ipc-router.js';
import type { RequestSchedulerOptions } from '../../electron/core/spotify/request-scheduler.js';
import { singleOriginEndpoints } from '../../electron/core/spotify-endpoints.js';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store.js';
import type { SecretStore } from '../../electron/core/vault/secret-store.js';
import {
  startFakeSpotify,
  type FakeSpotify,
  type FakeSpotifyOptions,
} from '../fake-spotify/index.js';
import { createHarnessFiles, uploadPath } from './harness-files.js';
import { serveCachedImage, imagePath } from './image-route.js';
import { attachIpcSocket, ipcPath, loginClosedChannel } from './ipc-socket.js';
import { startLoginProxy, type LoginProxy } from './login-proxy.js';
import { assertRendererBuilt, bridgeScriptPath, serveRendererFile } from './renderer-files.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultRendererDir = path.join(projectRoot, 'dist', 'renderer');

export interface HarnessOptions {
  /** 0 or undefined: a free port. */
  readonly port?: number;
  /** Settings and account list; a temporary directory (removed at close) when not given. */
  readonly dataDir?: string;
  /** A running fake (left running at close) or options to start one (closed at close). */
  readonly fake?: FakeSpotifyOptions | FakeSpotify;
  /** The keychain; memory when not given. */
  readonly secretStore?: SecretStore;
  /** The built renderer; default dist/renderer. */
  readonly rendererDir?: string;
  readonly loginTimeoutMs?: number;
  readonly scheduler?: RequestSchedulerOptions;
  /** false: leave the Client ID unset, so the app opens on its first-run setup. Default true. */
  readonly presetClientId?: boolean;
  /** Where backups go (the folder "Choose folder…" answers with); default `<dataDir>/Backups`. */
  readonly backupFolder?: string;
  /** Operational lines from the harness and the core; never a token. Default: console.log. */
  readonly log?: (line: string) => void;
}

export interface Harness {
  /** The page to open, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  readonly fake: FakeSpotify;
  readonly core: AppCore;
  readonly dataDir: string;
  /** Login pages the core asked for that have not ended yet. */
  readonly openLogins: number;
  close(): Promise<void>;
}

interface PendingLogin {
  readonly handle: LoginPageHandle;
  readonly proxy: LoginProxy;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const log = options.log ?? ((line: string) => console.log(line));
  const rendererDir = options.rendererDir ?? defaultRendererDir;
  await assertRendererBuilt(rendererDir);

  const ownsFake = options.fake === undefined || !('control' in options.fake);
  const fake =
    options.fake !== undefined && 'control' in options.fake
      ? options.fake
      : await startFakeSpotify(options.fake);
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'harness-data-')));
  const token = randomBytes(24).toString('hex');
  const logins = new Map<string, PendingLogin>();
  const files = createHarnessFiles({
    backupFolder: options.backupFolder ?? path.join(dataDir, 'Backups'),
    token,
  });
  const bridgeSource = (await readFile(new URL('./bridge.js', import.meta.url), 'utf8')).replace(
    '/* HARNESS_CONFIG */ null',
    JSON.stringify({
      token,
      ipcPath,
      loginClosedChannel,
      globalName: bridgeGlobalName,
      imagePath,
      uploadPath,
      requestChannels,
      eventChannels,
    }),
  );

  let origin = '';
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (files.route(req, res, pathname)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === bridgeScriptPath) {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(bridgeSource);
      return;
    }
    if (pathname.startsWith(imagePath)) {
      void serveCachedImage(core.images, pathname, req.method, res, log);
      return;
    }
    void serveRendererFile(rendererDir, pathname, res);
  });

  const core = await AppCore.open({
    dataDir,
    secretStore: options.secretStore ?? new MemorySecretStore(),
    endpoints: singleOriginEndpoints(fake.baseUrl),
    loginTimeoutMs: options.loginTimeoutMs,
    scheduler: options.scheduler,
    log,
    appVersion: await packageVersion(),
    openLoginPage: async (authorizeUrl, handle) => {
      const loginRef = randomUUID();
      const proxy = await startLoginProxy(fake.baseUrl, loginRef);
      logins.set(loginRef, { handle, proxy });
      handle.ended.addEventListener('abort', () => {
        logins.delete(loginRef);
        socket.broadcast({ harness: 'close-login', loginRef });
        void proxy.close();
      });
      const delivered = socket.sendToRequester({
        harness: 'open-login',
        loginRef,
        url: proxy.rewrite(authorizeUrl),
      });
      if (!delivered) {
        log('no page is connected to show the login page: sign-in cancelled');
        handle.cancel();
      } else {
        log(`login page opened through ${proxy.origin}`);
      }
    },
  });
  if (options.presetClientId !== false && core.settings.get().clientId === null) {
    await core.settings.update({ clientId: fake.clientId });
  }

  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
    socket.broadcast({ event, payload });
  const version = await packageVersion();
  const handlers = createIpcHandlers(core, {
    version,
    demo: true,
    notices: core.startupNotices,
    emit,
    files,
  });
  const router = createIpcRouter(handlers, {
    onUnexpectedError: (channel, error) =>
      log(`unexpected error in ${channel}: ${error instanceof Error ? error.name : typeof error}`),
  });
  const socket = attachIpcSocket({
    server,
    origin: () => origin,
    token,
    router,
    log,
    onLoginClosed: (loginRef) => {
      const login = logins.get(loginRef);
      if (!login) return;
      log('the login tab was closed: sign-in cancelled');
      login.handle.cancel();
    },
  });
  const stopForwarding = forwardCoreEvents(core, emit);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/`,
    fake,
    core,
    dataDir,
    get openLogins() {
      return logins.size;
    },
    close() {
      closed ??= (async () => {
        // Pages first: a request still in flight then resolves as `harness_disconnected` in
        // the page, rather than racing the core's own shutdown answers.
        stopForwarding();
        files.close();
        await socket.close();
        await core.close();
        await Promise.all([...logins.values()].map((login) => login.proxy.close()));
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (ownsFake) await fake.close();
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

async function packageVersion(): Promise<string> {
  const text = await readFile(path.join(projectRoot, 'package.json'), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : '0.0.0';
}
