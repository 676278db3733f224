// The composition root of the core: opens the settings, the keychain vault, the account registry,
// the image cache and the shared request scheduler for one data directory, and offers the
// operations the shell, the browser harness and the scripts use — add an account through a login
// (account-logins.ts), fetch a profile or a page of saved tracks, sync a library, remove an
// account. Everything outside (keychain, login page, network, time) comes in through the options,
// so the same core runs in Electron, in the harness and in tests.
import path from 'node:path';

import { AppError } from '../errors/app-error.js';
import { systemClock, type Clock } from '../clock.js';
import type { Event } from '../events/emitter.js';
import type { AccountErrorCode } from '../accounts/account-error.js';
import { AccountRegistry, type Account } from '../accounts/account-registry.js';
import { SettingsStore } from '../settings/settings-store.js';
import {
  LibraryService,
  type LibraryAtRevision,
  type LibraryChange,
} from '../library/library-service.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import type { SyncOutcome, SyncProgress } from '../library/library-sync.js';
import { ImageCache } from '../images/image-cache.js';
import type { Profile, SavedTracksPage } from '../spotify/models.js';
import { RequestScheduler, type RequestSchedulerOptions } from '../spotify/request-scheduler.js';
import {
  getProfile,
  getSavedTracksPage,
  type SavedTracksPageRequest,
} from '../spotify/spotify-api-client.js';
import { imageFetchUrl, type SpotifyEndpoints } from '../spotify-endpoints.js';
import type { SecretStore } from '../vault/secret-store.js';
import { TokenVault } from '../vault/token-vault.js';
import { BackupService } from '../backups/backup-service.js';
import { AccountLogins, type AccountLoginErrorCode } from './account-logins.js';
import { LibraryExports } from './library-exports.js';
import { LibraryImports } from './library-imports.js';
import { LibraryJobs } from './library-jobs.js';
import { accountProfileOf } from './account-profile.js';
import { SignedInSessions } from './signed-in-sessions.js';
import { accountLabel } from '../accounts/account-label.js';
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
  /** The app's version, written into exported files. */
  readonly appVersion?: string;
}

/** The app's name as exported files record it. */
export const appName = 'Multi Account for Spotify';

/**
 * Requests on the wire at once, for all accounts together. Eight pages in parallel sync a large
 * library much faster than paging one request at a time while staying well inside what Spotify's
 * rolling rate limit tolerates; a 429 still pauses everything.
 */
export const requestConcurrency = 8;

export type AppCoreErrorCode = AccountLoginErrorCode | 'client_id_missing';

export class AppCore {
  readonly settings: SettingsStore;
  readonly vault: TokenVault;
  readonly registry: AccountRegistry;
  readonly scheduler: RequestScheduler;
  /** Covers and avatars, cached on disk under the data directory, for the page's image route. */
  readonly images: ImageCache;
  /** Copy, move and undo between accounts, and the heart of a row. */
  readonly jobs: LibraryJobs;
  /** Export from the caches; import files into the job engine. */
  readonly libraryFiles: { readonly exports: LibraryExports; readonly imports: LibraryImports };
  readonly #clock: Clock;
  // Set by open(): the backups read their state file and make exports through this core.
  #backups: BackupService | null = null;
  readonly #sessions: SignedInSessions;
  readonly #logins: AccountLogins;
  readonly #library: LibraryService;
  // Accounts being removed: no new request or sync may start for them meanwhile.
  readonly #removing = new Set<string>();

  private constructor(
    options: AppCoreOptions,
    settings: SettingsStore,
    vault: TokenVault,
    registry: AccountRegistry,
    images: ImageCache,
  ) {
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
    this.#sessions = new SignedInSessions({
      registry,
      vault,
      scheduler: this.scheduler,
      endpoints: options.endpoints,
      clientId: () => this.#clientId(),
      fetch: options.fetch,
      clock: options.clock,
      log: options.log ?? ((message) => console.warn(message)),
    });
    this.#logins = new AccountLogins({
      settings,
      registry,
      scheduler: this.scheduler,
      endpoints: options.endpoints,
      openLoginPage: options.openLoginPage,
      clientId: () => this.#clientId(),
      retireSession: (accountId) => this.#sessions.retire(accountId),
      clock: this.#clock,
      fetch: options.fetch,
      loginTimeoutMs: options.loginTimeoutMs,
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
    this.jobs = new LibraryJobs({
      dataDir: options.dataDir,
      registry,
      vault,
      settings,
      scheduler: this.scheduler,
      sessions: this.#sessions,
      library: this.#library,
      syncLibrary: async (accountId, signal) =>
        (await this.syncLibrary(accountId, signal === undefined ? {} : { signal })).library,
      assertNotRemoving: (accountId) => this.#assertNotRemoving(accountId),
      clock: this.#clock,
      log: options.log ?? ((message) => console.warn(message)),
    });
    this.libraryFiles = {
      exports: new LibraryExports({
        registry,
        cached: (accountId) => this.cachedLibrary(accountId),
        revisionOf: (library) => this.libraryRevision(library),
        sync: async (accountId, signal) =>
          (await this.syncLibrary(accountId, signal === undefined ? {} : { signal })).library,
        maxCacheAgeMs: () => settings.get().librarySyncMaxAgeMinutes * 60_000,
        appName,
        appVersion: options.appVersion ?? '0.0.0',
        clock: this.#clock,
        log: options.log ?? ((message) => console.warn(message)),
      }),
      imports: new LibraryImports({
        planImport: (request) => this.jobs.planImport(request),
        clock: this.#clock,
      }),
    };
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
    const core = new AppCore(options, settings, vault, registry, images);
    await core.jobs.service.restore();
    core.#backups = await core.#openBackups(options, log);
    return core;
  }

  /** The automatic backups of every account into the folder the person chose. */
  get backups(): BackupService {
    if (this.#backups === null) throw new Error('AppCore.open() sets the backups up');
    return this.#backups;
  }

  #openBackups(options: AppCoreOptions, log: (message: string) => void): Promise<BackupService> {
    const jobs = this.jobs.service;
    const syncDone: Event<SyncProgress> = (listener) =>
      this.onSyncProgress((progress) => {
        if (progress.phase === 'done') listener(progress);
      });
    return BackupService.open({
      dataDir: options.dataDir,
      accounts: () =>
        this.registry.list().map((account) => ({
          id: account.id,
          owner: { label: accountLabel(account), key: account.spotifyUserId ?? account.id },
        })),
      makeBackup: async (accountId, signal) => {
        const prepared = await this.libraryFiles.exports.prepare(
          {
            format: 'json',
            excelBom: false,
            sources: [{ kind: 'library', accountId }],
            title: null,
          },
          { signal },
        );
        return { bytes: prepared.bytes, synced: prepared.notSynced.length === 0 };
      },
      // Paused jobs do not count: one paused for a sign-in may wait for days.
      jobsBusy: () =>
        jobs
          .list()
          .some(({ progress }) => progress.state === 'queued' || progress.state === 'running'),
      opportunities: [syncDone, jobs.onDidChange],
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      log,
    });
  }

  /** What had to be repaired while opening (files set aside, accounts rebuilt), as sentences. */
  get startupNotices(): readonly string[] {
    return [
      ...(this.settings.notice ? [describeStorageNotice(this.settings.notice, 'settings')] : []),
      ...this.registry.notices.map(describeAccountsNotice),
      ...this.jobs.service.notices.map((notice) => describeStorageNotice(notice, 'job journal')),
      ...(this.#backups?.notice
        ? [describeStorageNotice(this.#backups.notice, 'backup settings')]
        : []),
    ];
  }

  /**
   * Signs an account in through Spotify's login page and adds it — or, when that Spotify account
   * is already here, renews its tokens.
   */
  addAccount(options: { signal?: AbortSignal } = {}): Promise<Account> {
    return this.#logins.add(options);
  }

  /** Cancels every login still waiting for the person; each ends as `login_cancelled`. */
  cancelLogins(): void {
    this.#logins.cancelAll();
  }

  async fetchProfile(accountId: string): Promise<Profile> {
    this.#assertNotRemoving(accountId);
    const profile = await this.#sessions.call(accountId, getProfile);
    await this.registry.updateProfile(accountId, profile.spotifyUserId, accountProfileOf(profile));
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
    this.registry.require(accountId);
    this.#assertNotRemoving(accountId);
    const outcome = await this.#library.sync(accountId, options);
    await this.registry.markSynced(accountId, outcome.library.lastSyncedAt);
    return outcome;
  }

  /** The account's last synced library from memory or disk, never the network; null if none. */
  async cachedLibrary(accountId: string): Promise<LibrarySnapshot | null> {
    this.registry.require(accountId);
    // A read during a removal would put the library back in memory after the removal cleared it.
    this.#assertNotRemoving(accountId);
    return this.#library.cached(accountId);
  }

  /** The account's library as the page should now hold it, from the page's revision `since`. */
  libraryChanges(accountId: string, since: string | null): LibraryAtRevision | null {
    return this.#library.changesSince(accountId, since);
  }

  /** The revision of a library this core handed out (see LibraryRevisions). */
  libraryRevision(library: LibrarySnapshot): string | null {
    return this.#library.revisionOf(library);
  }

  /** The progress of every account's sync. */
  get onSyncProgress(): Event<SyncProgress> {
    return this.#library.onSyncProgress;
  }

  /** An account's library got a new revision (a sync, a job's writes, a heart). */
  get onDidChangeLibrary(): Event<LibraryChange> {
    return this.#library.onDidChangeLibrary;
  }

  async removeAccount(accountId: string): Promise<void> {
    const avatar = this.registry.require(accountId).profile?.imageUrl ?? null;
    this.#removing.add(accountId);
    try {
      // Its jobs stop first: none may write for it while it goes.
      await this.jobs.service.accountRemoved(accountId);
      // A sync still running would write into the cache folder about to be deleted, and a
      // refresh still running would put tokens back into the keychain. The folder goes before
      // the row: if it cannot be deleted, the row stays for a retry.
      await this.#library.removeAccount(accountId);
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
    await this.#logins.close();
    // Together: the running job's last step may wait for a sync only cancelAll stops.
    // The backups too: a backup's sync is among those cancelled.
    await Promise.all([this.jobs.close(), this.#library.cancelAll(), this.#backups?.close()]);
    await this.images.close();
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
