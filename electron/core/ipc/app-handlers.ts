// The IPC contract's request handlers, implemented on the AppCore, and its events, forwarded from
// the core's stores. Used unchanged by the Electron shell and the browser harness.
import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error.js';
import { redirectUriFor } from '../auth/loopback-listener.js';
import type { AppCore } from '../app/app-core.js';
import { DisposableStore } from '../events/emitter.js';
import type { EventChannel, EventPayloads } from './contract.js';
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

/** The registered redirect URI: without a port for dynamic ports, as Spotify allows for loopback. */
export function redirectUriToRegister(redirectPort: number | null): string {
  return redirectPort === null ? 'http://127.0.0.1/callback' : redirectUriFor(redirectPort);
}

export function createAppHandlers(core: AppCore, options: AppHandlersOptions): IpcHandlers {
  const { emit } = options;
  return {
    'app:info': async () => ({
      version: options.version,
      demo: options.demo,
      redirectUriToRegister: redirectUriToRegister(core.settings.get().redirectPort),
      keychain: keychainView(core.vault.status),
      notices: options.notices ?? [],
    }),
    'app:startDemo': async () => {
      if (!options.startDemo) {
        throw new AppError(
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
          const { code, message } =
            error instanceof AppError
              ? error
              : { code: 'internal_error', message: 'Sign-in failed.' };
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
      core.registry.require(id); // unknown id → account_not_found, not a silent no-op
      await core.registry.setActive(id);
      return accountsView(core.registry.snapshot());
    },
    'profile:get': async (id) => profileView(id, await core.fetchProfile(id)),
    'library:tracks': async (id, page) => tracksPageView(await core.savedTracksPage(id, page)),
    'library:sync': async (id, options) => {
      const outcome = await core.syncLibrary(id);
      // Read after the sync: a later sync that finished meanwhile is what the page should get.
      const current = core.libraryChanges(id, options?.since ?? null);
      return librarySyncView(outcome, current);
    },
    'library:cached': async (id, slice) => {
      const library = await core.cachedLibrary(id);
      const revision = library === null ? null : core.libraryRevision(library);
      return cachedTracksView(library, slice, revision);
    },
  };
}

/** Forwards the core's changes as contract events; returns a function that stops forwarding. */
export function forwardCoreEvents(core: AppCore, emit: AppHandlersOptions['emit']): () => void {
  const subscriptions = new DisposableStore();
  subscriptions.add(
    core.registry.onDidChange((snapshot) => emit('accounts:changed', accountsView(snapshot))),
  );
  subscriptions.add(
    core.vault.onDidChangeStatus((status) => emit('keychain:status', keychainView(status))),
  );
  subscriptions.add(
    core.scheduler.onDidChangeState((state) => emit('scheduler:state', schedulerView(state))),
  );
  subscriptions.add(
    core.onSyncProgress((progress) => emit('sync:progress', syncProgressView(progress))),
  );
  const stopSettings = core.settings.onChange((settings) =>
    emit('settings:changed', settingsView(settings)),
  );
  return () => {
    subscriptions.dispose();
    stopSettings();
  };
}
