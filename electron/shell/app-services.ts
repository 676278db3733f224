// Starts what the window talks to: in demo mode the in-process fake Spotify, then the core (data
// directory, keychain service and Spotify endpoints chosen by the run mode), the IPC bridge with
// the contract's handlers, the forwarding of the core's events to the page and their lines in the
// log file. `stop` winds it all down.
import { dialog, ipcMain, net, session, type BrowserWindow } from 'electron';
import { AppCore } from '../core/composition/app-core.js';
import { errorCodeOf } from '../core/errors/app-error.js';
import type { EventChannel, EventPayloads } from '../core/ipc/contract.js';
import { forwardCoreEvents } from '../core/ipc/core-events.js';
import { createIpcHandlers } from '../core/ipc/ipc-handlers.js';
import { createIpcRouter } from '../core/ipc/ipc-router.js';
import type { AppLog } from '../core/logging/app-log.js';
import { logCoreEvents } from '../core/logging/log-core-events.js';
import { secretObservingStore } from '../core/logging/secret-observing-store.js';
import type { SecretRedactor } from '../core/logging/secret-redactor.js';
import { realSpotifyEndpoints, singleOriginEndpoints } from '../core/spotify-endpoints.js';
import { keychainServiceName } from '../core/vault/keychain-service-name.js';
import { createKeytarSecretStore } from '../core/vault/keytar-secret-store.js';
import type { SecretStore } from '../core/vault/secret-store.js';
import { chromiumFetch } from './chromium-fetch.js';
import { startDemoSpotify, type DemoSpotify } from './demo-spotify.js';
import { registerIpcBridge } from './ipc-bridge.js';
import { createLoginPageOpener } from './login-window.js';
import { createNativeFiles } from './native-files.js';
import type { RunMode } from './run-mode.js';

/** No `persist:` prefix: Electron keeps the session in memory only. */
export const coreRequestsPartition = 'core-requests';

export interface AppServicesOptions {
  readonly mode: RunMode;
  readonly dataDir: string;
  readonly version: string;
  /** Where save dialogs start. */
  readonly documentsDir: string;
  readonly loginWindowTitle: string;
  readonly appPageUrl: string;
  readonly demoSpotifyUrl: string;
  readonly mainWindow: () => BrowserWindow | null;
  /** Restarts the app as the demo; offered to the page only outside the demo. */
  readonly startDemo?: () => Promise<void>;
  /** Default: the OS keychain under the run mode's service name. Tests pass an in-memory one. */
  readonly secretStore?: SecretStore;
  /** The log file, and the redactor it passes every line through (it learns each token read). */
  readonly log: AppLog;
  readonly redactor: SecretRedactor;
}

export interface AppServices {
  readonly core: AppCore;
  stop(): Promise<void>;
}

export async function startAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { mode } = options;
  const demo: DemoSpotify | null = mode.demo
    ? await startDemoSpotify(options.demoSpotifyUrl)
    : null;
  const endpoints = demo ? singleOriginEndpoints(demo.baseUrl) : realSpotifyEndpoints;
  // The login page opener reads the login mode at each login, from the core it is handed to.
  let opened: AppCore | null = null;
  // Every request of the core (token endpoint, scheduler, image cache) through Chromium, so they
  // pass the system proxy and trust the OS certificate store like the login page before them. An
  // in-memory session of its own: no cookie or cache of Spotify's API lands on disk or mixes
  // with the window's. Requires the app to be ready, as startAppServices already does.
  const coreSession = session.fromPartition(coreRequestsPartition);
  const core = await AppCore.open({
    dataDir: options.dataDir,
    secretStore: secretObservingStore(
      options.secretStore ?? createKeytarSecretStore(keychainServiceName(mode.keychainMode)),
      options.redactor,
    ),
    endpoints,
    fetch: chromiumFetch({
      fetch: (input, init) => coreSession.fetch(input, init),
      request: (requestOptions) => net.request(requestOptions),
      session: coreSession,
    }),
    openLoginPage: createLoginPageOpener({
      accountsOrigin: endpoints.accountsBaseUrl,
      loginMode: () => opened?.settings.get().loginMode ?? 'window',
      parent: options.mainWindow,
      title: options.loginWindowTitle,
    }),
    log: (message) => options.log.info(message),
    appVersion: options.version,
  });
  opened = core;
  // The fake accepts exactly one Client ID; the demo's own settings file holds it.
  if (demo && core.settings.get().clientId !== demo.clientId) {
    await core.settings.update({ clientId: demo.clientId });
  }

  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
    bridge.emit(event, payload);
  const router = createIpcRouter(
    createIpcHandlers(core, {
      version: options.version,
      demo: mode.demo,
      notices: core.startupNotices,
      emit,
      files: createNativeFiles({
        dialog,
        window: options.mainWindow,
        documentsDir: options.documentsDir,
      }),
      startDemo: mode.demo ? undefined : options.startDemo,
    }),
    {
      onUnexpectedError: (channel, error) =>
        options.log.error(
          `IPC ${channel} failed: ${errorCodeOf(error)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
    },
  );
  const bridge = registerIpcBridge({
    ipcMain,
    router,
    mainContents: () => options.mainWindow()?.webContents ?? null,
    appPageUrl: options.appPageUrl,
  });
  const stopForwarding = forwardCoreEvents(core, emit);
  const stopLogging = logCoreEvents(core, options.log);

  return {
    core,
    async stop() {
      try {
        core.cancelLogins();
        await core.close();
      } finally {
        stopForwarding();
        stopLogging();
        bridge.dispose();
        await demo?.close();
      }
    },
  };
}
