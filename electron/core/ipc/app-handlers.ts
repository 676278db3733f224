// The IPC contract's request handlers, implemented on the AppCore, and its events, forwarded from
// the core's stores. Used unchanged by the Electron shell and the browser harness.
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { redirectUri } from '../auth/redirect-uri.js';
import type { AppCore } from '../composition/app-core.js';
import type { EventChannel, EventPayloads } from './contract.js';
import { ipcErrorOf } from './ipc-error.js';
import type { IpcHandlers } from './ipc-router.js';
import {
  accountsView,
  accountView,
  cachedTracksView,
  keychainView,
  librarySyncView,
  profileView,
  schedulerView,
  settingsView,
  syncProgressView,
  tracksPageView,
} from './views.js';

export interface AppHandlersOptions {
  readonly version: string;
  readonly demo: boolean;
  /** Start-up notices worth showing (files set aside, accounts rebuilt). */
  readonly notices?: readonly string[];
  /** Sends an event to the renderer(s). */
  readonly emit: <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;
  /**
   * Restarts the app as the demo (the Electron shell relaunches with `--demo` and quits). Absent
   * where there is nothing to switch to: in the demo itself and in the browser harness.
   */
  readonly startDemo?: () => Promise<void>;
}

/** app:startDemo where no demo can be started (in the demo itself, in the harness). */
export type DemoErrorCode = 'demo_unavailable';

export function createAppHandlers(core: AppCore, options: AppHandlersOptions): IpcHandlers {
  const { emit } = options;
  return {
    'app:info': async () => ({
      version: options.version,
      demo: options.demo,
      redirectUriToRegister: redirectUri(core.settings.get().redirectPort),
      keychain: keychainView(core.vault.status),
      notices: options.notices ?? [],
    }),
    'app:startDemo': async () => {
      if (!options.startDemo) {
        throw new AppError<DemoErrorCode>(
          'demo_unavailable',
          options.demo
            ? 'This is already the demo.'
            : 'The demo can only be started from the desktop app.',
        );
      }
      await options.startDemo();
      return null;
    },
    'settings:get': async () => settingsView(core.settings.get()),
    'settings:update': async (patch) => settingsView(await core.settings.update(patch)),
    'accounts:list': async () => accountsView(core.registry.snapshot()),
    'accounts:add': async () => {
      const loginId = randomUUID();
      emit('login:progress', { state: 'waiting', loginId });
      try {
        const account = await core.addAccount();
        emit('login:progress', { state: 'signed_in', loginId, accountId: account.id });
        return accountView(account);
      } catch (error) {
        if (error instanceof AppError && error.code === 'login_cancelled') {
          emit('login:progress', { state: 'cancelled', loginId });
        } else {
          const { code, message } = ipcErrorOf(error, 'Sign-in failed.');
          emit('login:progress', { state: 'failed', loginId, code, message });
        }
        throw error;
      }
    },
    'accounts:cancelLogins': async () => {
      core.cancelLogins();
      return null;
    },
    'accounts:remove': async (id) => {
      await core.removeAccount(id);
      return null;
    },
    'accounts:rename': async (id, nickname) =>
      accountView(await core.registry.rename(id, nickname)),
    'accounts:recolour': async (id, colour) =>
      accountView(await core.registry.recolour(id, colour)),
    'accounts:reorder': async (ids) => {
      await core.registry.reorder(ids);
      return accountsView(core.registry.snapshot());
    },
    'accounts:setActive': async (id) => {
      core.registry.get(id); // unknown id → account_not_found, not a silent no-op
      await core.registry.setActive(id);
      return accountsView(core.registry.snapshot());
    },
    'profile:get': async (id) => profileView(id, await core.fetchProfile(id)),
    'library:tracks': async (id, page) => tracksPageView(await core.savedTracksPage(id, page)),
    'library:sync': async (id) => librarySyncView(await core.syncLibrary(id)),
    'library:cached': async (id, slice) => cachedTracksView(await core.cachedLibrary(id), slice),
  };
}

/** Forwards the core's changes as contract events; returns a function that stops forwarding. */
export function forwardCoreEvents(core: AppCore, emit: AppHandlersOptions['emit']): () => void {
  const settingsForwarding = core.settings.onChange((settings) =>
    emit('settings:changed', settingsView(settings)),
  );
  const stops = [
    core.registry.onChange((snapshot) => emit('accounts:changed', accountsView(snapshot))),
    () => settingsForwarding.dispose(),
    core.scheduler.onStateChange((state) => emit('scheduler:state', schedulerView(state))),
    core.vault.onStatusChange((status) => emit('keychain:status', keychainView(status))),
    core.onSyncProgress((progress) => emit('sync:progress', syncProgressView(progress))),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
