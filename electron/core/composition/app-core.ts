// The composition root of the core: opens the settings, the keychain vault, the account registry,
// the image cache and the shared request scheduler for one data directory, and offers the
// operations the shell, the browser harness and the scripts use — add an account through a
// login, fetch a profile or a page of saved tracks, remove an account. Everything outside
// (keychain, login page, network, time) comes in through the options, so the same core runs in
// Electron, in the harness and in tests.
import path from 'node:path';

import { AppError } from '../errors/app-error.js';
import { signIn } from '../auth/login-flow.js';
import type { TokenSet } from '../auth/token-set.js';
import { systemClock, type Clock } from '../clock.js';
import type { AccountErrorCode } from '../accounts/account-error.js';
import { AccountRegistry, type Account } from '../accounts/account-registry.js';
import { SettingsStore } from '../settings/settings-store.js';
import { LibraryService } from '../library/library-service.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import type { SyncOutcome, SyncProgress } from '../library/library-sync.js';
import { ImageCache } from '../images/image-cache.js';
import { AccountSession } from '../spotify/account-session.js';
import type { Profile, SavedTracksPage } from '../spotify/models.js';
import type { Unsubscribe } from '../spotify/typed-emitter.js';
import { RequestScheduler, type RequestSchedulerOptions } from '../spotify/request-scheduler.js';
import {
  getProfile,
  getSavedTracksPage,
  type SavedTracksPageRequest,
} from '../spotify/spotify-api-client.js';
import { imageFetchUrl, type SpotifyEndpoints } from '../spotify-endpoints.js';
import type { SecretStore } from '../vault/secret-store.js';
import { TokenVault } from '../vault/token-vault.js';
import { AccountSessions } from './account-sessions.js';
import { describeAccountsNotice, describeStorageNotice } from './startup-notices.js';
import type { OpenLoginPage } from './login-page.js';

export interface AppCoreOptions {
  /** Where settings, the account list and caches live (Electron's userData in the app). */
  readonly dataDir: string;
  /** The keychain, under this run's service name. */
  readonly secretStore: SecretStore;
  readonly endpoints: SpotifyEndpoints;
  readonly openLoginPage: OpenLoginPage;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly scheduler?: RequestSchedulerOptions;
  readonly loginTimeoutMs?: number;
  /** Receives operational messages; never a token. */
  readonly log?: (message: string) => void;
}

/**
 * Requests on the wire at once, for all accounts together. Eight pages in parallel syncs a large
 * library about 7× faster than paging one request at a time (see `npm run bench`) while staying
 * well inside what Spotify's rolling rate limit tolerates; a 429 still pauses everything.
 */
export const requestConcurrency = 8;

export type AppCoreErrorCode = 'client_id_missing' | 'core_closed' | 'login_in_progress';

export class AppCore {
  readonly settings: SettingsStore;
  readonly vault: TokenVault;
  readonly registry: AccountRegistry;
  readonly scheduler: RequestScheduler;
  /** Covers and avatars, cached on disk under the data directory, for the page's image route. */
  readonly images: ImageCache;
  readonly #options: AppCoreOptions;
  readonly #clock: Clock;
  readonly #sessions: AccountSessions;
  readonly #library: LibraryService;
  // Aborted at close(): every login still waiting ends as cancelled and frees its port.
  readonly #closing = new AbortController();
  // Each login in progress, so the UI can cancel them ("Cancel" next to "waiting for you…"),
  // and close() can wait for them to let go of their ports and files.
  readonly #pendingLogins = new Set<AbortController>();
  readonly #loginRuns = new Set<Promise<unknown>>();
  // Accounts being removed: no new request or sync may start for them meanwhile.
  readonly #removing = new Set<string>();

  private constructor(
    options: AppCoreOptions,
    settings: SettingsStore,
    vault: TokenVault,
    registry: AccountRegistry,
    images: ImageCache,
  ) {
    this.#options = options;
    this.images = images;
    this.#clock = options.clock ?? systemClock;
    this.settings = settings;
    this.vault = vault;
    this.registry = registry;
    this.scheduler = new RequestScheduler({
      concurrency: requestConcurrency,
      fetch: options.fetch,
      clock: options.clock,
      ...options.scheduler,
    });
    this.#sessions = new AccountSessions({
      registry,
      vault,
      scheduler: this.scheduler,
      endpoints: options.endpoints,
      clientId: () => this.#clientId(),
      fetch: options.fetch,
      clock: options.clock,
      log: options.log ?? ((message) => console.warn(message)),
    });
    this.#library = new LibraryService({
      dataDir: options.dataDir,
      fetchPage: (accountId, offset, limit, signal) =>
        this.savedTracksPage(accountId, {
          offset,
          limit,
          ...(signal === undefined ? {} : { signal }),
        }),
      clock: this.#clock,
      log: options.log ?? ((message) => console.warn(message)),
      // No more pages outstanding than the scheduler sends at once: one sync does not fill the
      // queue ahead of other accounts' requests.
      pageWindow: options.scheduler?.concurrency ?? requestConcurrency,
    });
  }

  static async open(options: AppCoreOptions): Promise<AppCore> {
    const log = options.log ?? ((message: string) => console.warn(message));
    const settings = await SettingsStore.open({ dataDir: options.dataDir, clock: options.clock });
    const vault = await TokenVault.open({ store: options.secretStore, log });
    const registry = await AccountRegistry.open({
      dataDir: options.dataDir,
      vault,
      clock: options.clock,
    });
    const images = await ImageCache.open({
      dir: path.join(options.dataDir, 'images'),
      fetch: options.fetch,
      fetchUrlFor: (imageUrl) => imageFetchUrl(options.endpoints, imageUrl),
      log,
    });
    return new AppCore(options, settings, vault, registry, images);
  }

  /** What had to be repaired while opening (files set aside, accounts rebuilt), as sentences. */
  get startupNotices(): readonly string[] {
    return [
      ...(this.settings.notice ? [describeStorageNotice(this.settings.notice, 'settings')] : []),
      ...this.registry.notices.map(describeAccountsNotice),
    ];
  }

  /**
   * Signs an account in through Spotify's login page and adds it — or, when that Spotify account
   * is already here, renews its tokens. Two logins may run at once (each has its own port).
   */
  async addAccount(options: { signal?: AbortSignal } = {}): Promise<Account> {
    if (this.#closing.signal.aborted) throw closedError();
    const clientId = this.#clientId();
    const port = this.settings.get().redirectPort;
    if (port !== null && this.#pendingLogins.size > 0) {
      // Each login listens on the redirect port; a fixed port fits one login at a time.
      throw new AppError<AppCoreErrorCode>(
        'login_in_progress',
        `Finish or cancel the sign-in in progress first: with the fixed redirect port ${port}, one sign-in runs at a time.`,
      );
    }
    const run = this.#signInAndAdd(clientId, port ?? 0, options.signal);
    this.#loginRuns.add(run);
    void run.catch(() => undefined).finally(() => this.#loginRuns.delete(run));
    return run;
  }

  async #signInAndAdd(clientId: string, port: number, outer?: AbortSignal): Promise<Account> {
    const ended = new AbortController();
    const cancelled = new AbortController();
    this.#pendingLogins.add(cancelled);
    const signal = AbortSignal.any([
      cancelled.signal,
      this.#closing.signal,
      ...(outer ? [outer] : []),
    ]);
    try {
      const { tokens } = await signIn({
        clientId,
        endpoints: this.#options.endpoints,
        port,
        timeoutMs: this.#options.loginTimeoutMs,
        fetch: this.#options.fetch,
        clock: this.#options.clock,
        signal,
        openLoginPage: (url) =>
          this.#options.openLoginPage(url, {
            ended: ended.signal,
            cancel: () => cancelled.abort(),
          }),
      });
      // A code exchanged while the app was closing is not stored: close() has returned.
      if (this.#closing.signal.aborted) throw closedError();
      return await this.#addSignedIn(clientId, tokens);
    } finally {
      this.#pendingLogins.delete(cancelled);
      ended.abort();
    }
  }

  /** Cancels every login still waiting for the person; each ends as `login_cancelled`. */
  cancelLogins(): void {
    for (const login of this.#pendingLogins) login.abort();
  }

  async fetchProfile(accountId: string): Promise<Profile> {
    this.#assertNotRemoving(accountId);
    const profile = await this.#sessions.call(accountId, getProfile);
    await this.registry.updateProfile(accountId, profile.spotifyUserId, snapshotOf(profile));
    return profile;
  }

  async savedTracksPage(
    accountId: string,
    request: SavedTracksPageRequest,
  ): Promise<SavedTracksPage> {
    this.#assertNotRemoving(accountId);
    return this.#sessions.call(accountId, (session) => getSavedTracksPage(session, request));
  }

  /** Brings the account's saved tracks up to date (incrementally when a cache exists). */
  async syncLibrary(
    accountId: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<SyncOutcome> {
    this.registry.get(accountId); // throws account_not_found for an unknown id
    this.#assertNotRemoving(accountId);
    const outcome = await this.#library.sync(accountId, options);
    await this.registry.markSynced(accountId, outcome.library.lastSyncedAt);
    return outcome;
  }

  /** The account's last synced library from memory or disk, never the network; null if none. */
  async cachedLibrary(accountId: string): Promise<LibrarySnapshot | null> {
    this.registry.get(accountId);
    // A read during a removal would put the library back in memory after the removal cleared it.
    this.#assertNotRemoving(accountId);
    return this.#library.cached(accountId);
  }

  onSyncProgress(listener: (progress: SyncProgress) => void): Unsubscribe {
    return this.#library.onProgress(listener);
  }

  async removeAccount(accountId: string): Promise<void> {
    const avatar = this.registry.get(accountId).profile?.imageUrl ?? null;
    this.#removing.add(accountId);
    try {
      // A sync still running would write into the cache folder the registry is about to delete,
      // and a refresh still running would put tokens back into the keychain.
      await this.#library.cancel(accountId);
      await this.#sessions.retire(accountId);
      await this.registry.remove(accountId);
      // Its picture goes too, unless another account shows the same one. (Covers stay: other
      // accounts may have saved the same albums, and they say nothing of who the account is.)
      // Not awaited: a download of it may be queued behind covers; the cache finishes the
      // deletion after it (close() waits), and a deletion never rejects.
      const shared = this.registry.list().some((other) => other.profile?.imageUrl === avatar);
      if (avatar !== null && !shared) void this.images.delete(avatar);
    } finally {
      this.#removing.delete(accountId);
    }
  }

  /** Cancels logins in progress; files are written atomically, so nothing is left half-done. */
  async close(): Promise<void> {
    this.#closing.abort();
    await Promise.allSettled([...this.#loginRuns]);
    await this.#library.cancelAll();
    await this.images.close();
  }

  // The profile keys the account (account_id, else id), so it is fetched with the new tokens
  // before anything is stored. A refresh during that one call is kept and stored with the row.
  async #addSignedIn(clientId: string, tokens: TokenSet): Promise<Account> {
    let latest = tokens;
    const session = new AccountSession({
      accountKey: 'new-login',
      tokens,
      clientId,
      endpoints: this.#options.endpoints,
      scheduler: this.scheduler,
      fetch: this.#options.fetch,
      clock: this.#clock,
      persistTokens: async (next) => {
        latest = next;
      },
    });
    const profile = await getProfile(session);
    const account = await this.registry.addFromLogin({
      key: profile.accountKey,
      spotifyUserId: profile.spotifyUserId,
      profile: snapshotOf(profile),
      tokens: latest,
    });
    // The next call starts a session on the new grant; calls still running on the old one stop
    // writing tokens.
    await this.#sessions.retire(account.id);
    return account;
  }

  #assertNotRemoving(accountId: string): void {
    if (this.#removing.has(accountId)) {
      throw new AppError<AccountErrorCode>('account_not_found', 'This account is being removed.');
    }
  }

  #clientId(): string {
    const { clientId } = this.settings.get();
    if (clientId === null) {
      throw new AppError<AppCoreErrorCode>(
        'client_id_missing',
        'Enter the Client ID of your Spotify app in the settings first.',
      );
    }
    return clientId;
  }
}

function snapshotOf(profile: Profile) {
  return {
    displayName: profile.displayName,
    imageUrl: profile.imageUrl,
    profileUrl: profile.profileUrl,
  };
}

function closedError(): AppError<AppCoreErrorCode> {
  return new AppError<AppCoreErrorCode>('core_closed', 'The app is shutting down.');
}
