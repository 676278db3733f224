// The core's writes to libraries, put together: the job planner and service over the account
// sessions, the library service and the settings, and the heart of a row (save or remove one
// track). Each write goes through the shared scheduler; after it, the account's library follows
// (re-synced incrementally after saves, updated in place after removals), which fires the
// library's change event the page listens to.
import type { Clock } from '../clock.js';
import { DisposableStore } from '../events/emitter.js';
import type { AccountRegistry } from '../accounts/account-registry.js';
import { accountLabel } from '../accounts/account-label.js';
import type { LibraryService } from '../library/library-service.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { RequestScheduler } from '../spotify/request-scheduler.js';
import { removeFromLibrary, saveToLibrary, savedContains } from '../spotify/library-write-api.js';
import type { TokenSet } from '../auth/token-set.js';
import type { TokenVault } from '../vault/token-vault.js';
import { writeInBatches, type WriteAction } from '../jobs/batch-writer.js';
import { MissingScopeError } from '../jobs/job-outcome.js';
import { JobPlanner, type CopyRequest, type JobPlan } from '../jobs/job-planner.js';
import { JobService } from '../jobs/job-service.js';
import type { SignedInSessions } from './signed-in-sessions.js';

export interface LibraryJobsOptions {
  readonly dataDir: string;
  readonly registry: AccountRegistry;
  readonly vault: TokenVault;
  readonly settings: SettingsStore;
  readonly scheduler: RequestScheduler;
  readonly sessions: SignedInSessions;
  readonly library: LibraryService;
  /** The core's own sync (it records the sync time on the account too); `signal` cancels it. */
  readonly syncLibrary: (accountId: string, signal?: AbortSignal) => Promise<LibrarySnapshot>;
  /** Throws for an account being removed: no new write may start for it. */
  readonly assertNotRemoving: (accountId: string) => void;
  readonly clock: Clock;
  readonly log: (message: string) => void;
}

export class LibraryJobs {
  readonly service: JobService;
  readonly #planner: JobPlanner;
  readonly #options: LibraryJobsOptions;
  readonly #subscriptions = new DisposableStore();

  constructor(options: LibraryJobsOptions) {
    this.#options = options;
    const { registry, library, clock } = options;
    const labelOf = (accountId: string) => {
      const account = registry.find(accountId);
      return account === undefined ? null : accountLabel(account);
    };
    this.#planner = new JobPlanner({
      cached: (accountId) => library.cached(accountId),
      sync: (accountId) => options.syncLibrary(accountId),
      revisionOf: (snapshot) => library.revisionOf(snapshot),
      labelOf,
      grantedScopes: async (accountId) => (await this.#storedGrant(accountId))?.scope ?? null,
      maxCacheAgeMs: () => options.settings.get().librarySyncMaxAgeMinutes * 60_000,
      latencyMs: () => options.scheduler.typicalLatencyMs,
      clock,
    });
    this.service = new JobService({
      dataDir: options.dataDir,
      planner: this.#planner,
      labelOf,
      grantOf: async (accountId) => (await this.#storedGrant(accountId))?.authorizedAt ?? null,
      clock,
      deps: {
        write: (accountId, action, ids, signal) => this.#write(accountId, action, ids, signal),
        contains: (accountId, ids, signal) => this.#contains(accountId, ids, signal),
        syncLibrary: options.syncLibrary,
        removedFromLibrary: (accountId, ids) => library.applyRemoved(accountId, ids),
        heldIds: (accountId) => library.heldIds(accountId),
        log: options.log,
      },
    });
    // A sign-in renews an account's grant: jobs waiting for it go on.
    this.#subscriptions.add(
      registry.onDidChange(() => {
        void this.service.accountsChanged();
      }),
    );
  }

  /** At quit: the running job stops before its next batch (see JobService.close). */
  async close(): Promise<void> {
    this.#subscriptions.dispose();
    await this.service.close();
  }

  planCopy(request: CopyRequest): Promise<JobPlan> {
    return this.#planner.planCopy(request);
  }

  planImport(request: Parameters<JobPlanner['planImport']>[0]): Promise<JobPlan> {
    return this.#planner.planImport(request);
  }

  /**
   * Saves (`saved` true: on top, dated now) or removes one track for the account, exactly once
   * (a lost answer is checked before the write is sent again); the library follows.
   */
  async setSaved(accountId: string, trackId: string, saved: boolean): Promise<void> {
    this.#options.registry.require(accountId);
    if (!(await this.#planner.canWrite(accountId))) throw new MissingScopeError(accountId);
    const action: WriteAction = saved ? 'add' : 'remove';
    await writeInBatches(
      { action, trackIds: [trackId], fromBatch: 0, inFlight: false, checkEveryBatch: false },
      {
        write: (what, ids) => this.#write(accountId, what, ids),
        contains: (ids) => this.#contains(accountId, ids),
        journal: async () => {},
        shouldStop: () => false,
      },
    );
    if ((await this.#options.library.cached(accountId)) === null) return;
    if (saved) await this.#options.syncLibrary(accountId);
    else await this.#options.library.applyRemoved(accountId, [trackId]);
  }

  #write(
    accountId: string,
    action: WriteAction,
    trackIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<void> {
    this.#options.assertNotRemoving(accountId);
    return this.#options.sessions.call(accountId, (session) =>
      action === 'add'
        ? saveToLibrary(session, trackIds, signal)
        : removeFromLibrary(session, trackIds, signal),
    );
  }

  #contains(
    accountId: string,
    trackIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<boolean[]> {
    this.#options.assertNotRemoving(accountId);
    return this.#options.sessions.call(accountId, (session) =>
      savedContains(session, trackIds, signal),
    );
  }

  // The account's stored tokens, or null when there are none or the keychain cannot be read.
  async #storedGrant(accountId: string): Promise<TokenSet | null> {
    try {
      return await this.#options.vault.read(accountId);
    } catch {
      return null;
    }
  }
}
