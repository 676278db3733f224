// The renderer's one store: everything the screens share (app info, settings, accounts, the
// scheduler's and keychain's state, the sign-in in progress) and the actions that change it through
// the bridge. Components read it with useSyncExternalStore via useAppState; no other module keeps
// global mutable state. Per-view state (a search box, a table's sort) stays in components. The
// saved tracks of the accounts opened this session live in its LibraryStore (`libraries`), the
// library jobs and their plan dialog in its JobStore (`jobs`), export and import in its FileStore
// (`files`).
import { createContext, useContext, useSyncExternalStore } from 'react';

import type {
  AccountsView,
  AccountView,
  AppInfoView,
  KeychainView,
  LoginProgressView,
  SchedulerView,
  SettingsView,
} from '../app-contract.js';
import { defaultLibrarySyncMaxAgeMinutes, type AccountColour } from '../app-contract.js';
import { errorCode, unwrap, type BridgeApi } from '../bridge.js';
import type { FailureCode } from '../failure-code.js';
import { errorSentence, sentenceFor } from '../format/error-sentences.js';
import { BackupStore } from './backup-store.js';
import { ExternalStore } from './external-store.js';
import { FileStore } from './file-store.js';
import { JobStore } from './job-store.js';
import { LibraryStore } from './library-store.js';

export type LoginState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'waiting' }
  | { readonly phase: 'signed_in'; readonly accountId: string; readonly label: string }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'failed'; readonly code: FailureCode; readonly message: string };

export interface AppState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly loadError: string | null;
  readonly info: AppInfoView | null;
  readonly settings: SettingsView | null;
  readonly accounts: readonly AccountView[];
  readonly activeAccountId: string | null;
  readonly scheduler: SchedulerView;
  readonly keychain: KeychainView;
  readonly login: LoginState;
  /** The settings screen on top of the main view (the setup screen doubles as settings). */
  readonly showingSettings: boolean;
  /** "All accounts" is shown instead of the active account's page. */
  readonly showingAllAccounts: boolean;
  /** The last action that failed, as a sentence for the error banner. */
  readonly actionError: string | null;
}

export const initialState: AppState = {
  phase: 'loading',
  loadError: null,
  info: null,
  settings: null,
  accounts: [],
  activeAccountId: null,
  scheduler: { kind: 'idle' },
  keychain: { state: 'available' },
  login: { phase: 'idle' },
  showingSettings: false,
  showingAllAccounts: false,
  actionError: null,
};

export type SettingsPatch = Partial<
  Pick<SettingsView, 'clientId' | 'redirectPort' | 'loginMode' | 'librarySyncMaxAgeMinutes'>
>;

export class AppStore extends ExternalStore {
  readonly api: BridgeApi;
  readonly libraries: LibraryStore;
  readonly jobs: JobStore;
  readonly backups: BackupStore;
  readonly files: FileStore;
  private state: AppState = initialState;
  private readonly unsubscribers: (() => void)[] = [];
  // Accounts whose profile was asked for this run: once each, whatever the answer.
  private readonly profilesAsked = new Set<string>();

  constructor(api: BridgeApi) {
    super();
    this.api = api;
    this.libraries = new LibraryStore(api, {
      // The core's own default until the settings have loaded.
      maxAgeMinutes: () =>
        this.state.settings?.librarySyncMaxAgeMinutes ?? defaultLibrarySyncMaxAgeMinutes,
    });
    this.jobs = new JobStore(api);
    this.backups = new BackupStore(api);
    this.files = new FileStore(api, { jobs: this.jobs, labelOf: (id) => this.accountLabel(id) });
  }

  getState = (): AppState => this.state;

  private accountLabel(accountId: string): string {
    return this.state.accounts.find((account) => account.id === accountId)?.label ?? 'An account';
  }

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.notify();
  }

  /** Subscribes to the app's events, then loads what the first screen needs. */
  async start(): Promise<void> {
    const { events } = this.api;
    this.unsubscribers.push(
      events.on('accounts:changed', (view) => this.applyAccounts(view)),
      events.on('settings:changed', (settings) => this.set({ settings })),
      events.on('scheduler:state', (scheduler) => this.set({ scheduler })),
      events.on('keychain:status', (keychain) => this.set({ keychain })),
      events.on('login:progress', (progress) => this.applyLoginProgress(progress)),
      this.libraries.start(),
      this.jobs.start(),
      this.backups.start(),
    );
    try {
      const [info, settings, accounts] = await Promise.all([
        unwrap(this.api.app.info()),
        unwrap(this.api.settings.get()),
        unwrap(this.api.accounts.list()),
      ]);
      this.set({ phase: 'ready', info, settings, keychain: info.keychain });
      this.applyAccounts(accounts);
    } catch (error) {
      this.set({ phase: 'failed', loadError: errorSentence(error) });
    }
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  private applyAccounts(view: AccountsView): void {
    this.libraries.retain(view.accounts.map((account) => account.id));
    // "Signed in as X" about an account that has since been removed is no longer true.
    const { login } = this.state;
    const gone =
      login.phase === 'signed_in' &&
      !view.accounts.some((account) => account.id === login.accountId);
    this.set({
      accounts: view.accounts,
      activeAccountId: view.activeAccountId,
      ...(gone ? { login: { phase: 'idle' } } : {}),
    });
    this.fetchMissingProfiles(view.accounts);
  }

  /**
   * An account rebuilt from the keychain at start-up has no name or picture until its profile is
   * fetched again; the core then stores it and announces the accounts anew. A failure needs no
   * banner: the account's status tells of a sign-in or allowlist problem.
   */
  private fetchMissingProfiles(accounts: readonly AccountView[]): void {
    for (const account of accounts) {
      if (account.spotifyUserId !== null || account.status !== 'ok') continue;
      if (this.profilesAsked.has(account.id)) continue;
      this.profilesAsked.add(account.id);
      // Asked once, whatever the answer: a failure is the account's status to show.
      void unwrap(this.api.profile.get(account.id)).catch(() => undefined);
    }
  }

  private applyLoginProgress(progress: LoginProgressView): void {
    switch (progress.state) {
      case 'waiting':
        this.set({ login: { phase: 'waiting' } });
        return;
      case 'cancelled':
        this.set({ login: { phase: 'cancelled' } });
        return;
      case 'failed':
        this.set({
          login: {
            phase: 'failed',
            code: progress.code,
            message: sentenceFor(progress.code, progress.message),
          },
        });
        return;
      case 'signed_in': {
        const account = this.state.accounts.find((item) => item.id === progress.accountId);
        this.set({
          login: {
            phase: 'signed_in',
            accountId: progress.accountId,
            label: account?.label ?? 'your account',
          },
        });
        return;
      }
    }
  }

  /** Runs an action; a failure becomes the error banner's sentence instead of a rejection. */
  private async attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.set({ actionError: errorSentence(error) });
      return undefined;
    }
  }

  dismissError = (): void => this.set({ actionError: null });

  dismissLogin = (): void => this.set({ login: { phase: 'idle' } });

  openSettings = (): void => this.set({ showingSettings: true });

  closeSettings = (): void => this.set({ showingSettings: false });

  openAllAccounts = (): void =>
    this.set({ showingAllAccounts: true, login: this.loginAfter(null) });

  /** "Signed in as X" is news about X: it goes once the person moves on to another page. */
  private loginAfter(next: string | null): LoginState {
    const { login } = this.state;
    return login.phase === 'signed_in' && login.accountId !== next ? { phase: 'idle' } : login;
  }

  /** Saves settings; rejects with the BridgeError so a form can show it next to its field. */
  saveSettings = async (patch: SettingsPatch): Promise<void> => {
    const settings = await unwrap(this.api.settings.update(patch));
    const info = await unwrap(this.api.app.info()).catch(() => this.state.info);
    this.set({ settings, info, showingSettings: false });
  };

  /** Restarts the app as the demo; rejects with the BridgeError so the button can explain it. */
  startDemo = async (): Promise<void> => {
    await unwrap(this.api.app.startDemo());
  };

  /** Signs an account in (new, or again), then shows it unless `stay` (asked from a dialog). */
  addAccount = async (options: { readonly stay?: boolean } = {}): Promise<void> => {
    this.set({ login: { phase: 'waiting' }, actionError: null });
    try {
      const account = await unwrap(this.api.accounts.add());
      this.set({ login: { phase: 'signed_in', accountId: account.id, label: account.label } });
      // Show the account just signed in: that is what the person is waiting to see.
      if (options.stay !== true) await this.setActive(account.id);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'login_cancelled') this.set({ login: { phase: 'cancelled' } });
      else this.set({ login: { phase: 'failed', code, message: errorSentence(error) } });
    }
  };

  cancelLogins = async (): Promise<void> => {
    await this.attempt(() => unwrap(this.api.accounts.cancelLogins()));
  };

  setActive = async (accountId: string): Promise<void> => {
    if (accountId === this.state.activeAccountId && !this.state.showingAllAccounts) return;
    // Switch at once; the answer (or accounts:changed) confirms it.
    this.set({
      activeAccountId: accountId,
      showingAllAccounts: false,
      login: this.loginAfter(accountId),
    });
    const view = await this.attempt(() => unwrap(this.api.accounts.setActive(accountId)));
    if (view) this.applyAccounts(view);
  };

  rename = async (accountId: string, nickname: string): Promise<void> => {
    const trimmed = nickname.trim();
    await this.attempt(() => unwrap(this.api.accounts.rename(accountId, trimmed || null)));
  };

  recolour = async (accountId: string, colour: AccountColour): Promise<void> => {
    await this.attempt(() => unwrap(this.api.accounts.recolour(accountId, colour)));
  };

  /** Saves or removes one track for the account (a row's heart); false when it failed. */
  setSaved = async (accountId: string, trackId: string, saved: boolean): Promise<boolean> => {
    const save = () => unwrap(this.api.library.setSaved(accountId, trackId, saved));
    return (await this.attempt(save)) !== undefined;
  };

  remove = async (accountId: string): Promise<void> => {
    await this.attempt(() => unwrap(this.api.accounts.remove(accountId)));
  };

  /** Puts the accounts in this order (ids); shown at once, confirmed by the core. */
  reorder = async (order: readonly string[]): Promise<void> => {
    const byId = new Map(this.state.accounts.map((account) => [account.id, account]));
    const reordered = order.flatMap((id) => byId.get(id) ?? []);
    if (reordered.length === this.state.accounts.length) this.set({ accounts: reordered });
    const view = await this.attempt(() => unwrap(this.api.accounts.reorder([...order])));
    if (view) this.applyAccounts(view);
  };

  /** Moves one account up (-1) or down (+1) in the list; no-op at either end. */
  move = async (accountId: string, delta: -1 | 1): Promise<void> => {
    const ids = this.state.accounts.map((account) => account.id);
    const from = ids.indexOf(accountId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    ids.splice(from, 1);
    ids.splice(to, 0, accountId);
    await this.reorder(ids);
  };
}

const StoreContext = createContext<AppStore | null>(null);

export const StoreProvider = StoreContext.Provider;

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore must be used inside a StoreProvider.');
  return store;
}

export function useAppState(): AppState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
