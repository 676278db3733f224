// An in-memory BridgeApi for component tests: the renderer's edge, standing in for the preload or
// the harness socket. It keeps accounts, settings, each account's library on "Spotify" and the
// core's cache of it (what the last `library.sync` copied), its library jobs (fake-jobs.ts) and its
// exports, imports and backups (fake-files.ts), records every call, lets a test fire events, and
// lets a test hold or fail particular answers to see the states in between.
import type {
  AccountsView,
  AccountView,
  AppInfoView,
  BackupStatusView,
  BridgeApi,
  EventChannel,
  EventPayloads,
  ExportRequest,
  ExportResultView,
  ImportFileView,
  IpcResult,
  SettingsView,
  TrackView,
} from '../../electron/core/ipc/contract.js';
import type { LibraryChanges } from '../../electron/core/ipc/library-views.js';
import { diffLibraries } from '../../electron/core/library/library-diff.js';
import type { FailureCode } from '../../renderer/src/failure-code.js';
import { downloadOf, makeBackupStatus } from './fake-files.js';
import { FakeJobs } from './fake-jobs.js';

export interface RecordedCall {
  readonly channel: string;
  readonly args: readonly unknown[];
}

export function makeAccount(overrides: Partial<AccountView> & { id: string }): AccountView {
  return {
    spotifyUserId: `user-${overrides.id}`,
    nickname: null,
    label: `Account ${overrides.id}`,
    color: 'green',
    displayName: `Account ${overrides.id}`,
    imageUrl: null,
    profileUrl: `https://open.spotify.com/user/user-${overrides.id}`,
    status: 'ok',
    signInExpiresInDays: 120,
    lastSyncedAt: null,
    ...overrides,
  };
}

/** A promise a test releases when it chooses: for `holdSync`, `holdCachedAt` and the like. */
export function held(): { promise: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

export function makeTrack(index: number, overrides: Partial<TrackView> = {}): TrackView {
  return {
    id: `track${index}`,
    uri: `spotify:track:track${index}`,
    name: `Song ${index}`,
    artists: [`Artist ${index % 7}`],
    album: `Album ${index % 11}`,
    albumImageUrl: null,
    durationMs: 180_000 + index * 1000,
    explicit: false,
    isLocal: false,
    addedAt: Date.UTC(2024, 0, 1) + index * 60_000,
    spotifyUrl: `https://open.spotify.com/track/track${index}`,
    ...overrides,
  };
}

export interface FakeBridgeOptions {
  readonly settings?: Partial<SettingsView>;
  readonly info?: Partial<AppInfoView>;
  readonly accounts?: readonly AccountView[];
  readonly activeAccountId?: string | null;
  /** Saved tracks per account id on Spotify, newest first; `library.sync` copies them. */
  readonly libraries?: Readonly<Record<string, readonly TrackView[]>>;
  /** Accounts whose library is already cached, synced at this time (epoch ms). */
  readonly cachedAt?: Readonly<Record<string, number>>;
  /** What Spotify answers `profile.get` with per account id; the account's view takes it on. */
  readonly profiles?: Readonly<Record<string, SpotifyProfile>>;
}

export type SpotifyProfile = Pick<
  AccountView,
  'spotifyUserId' | 'label' | 'displayName' | 'imageUrl' | 'profileUrl'
>;

export interface CachedLibrary {
  readonly tracks: readonly TrackView[];
  readonly lastSyncedAt: number;
}

type Answer<T> = IpcResult<T> | Promise<IpcResult<T>>;

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
/**
 * A failure the fake answers with: any code the page knows, its own `bridge_failed` included, so a
 * test can stand in for a transport that broke as well as for the core.
 */
export interface FakeFailure {
  readonly code: FailureCode;
  readonly message: string;
}

// The page handles every FailureCode the same way whichever side produced it.
export const fakeFailure = (error: FakeFailure): IpcResult<never> =>
  ({ ok: false, error }) as IpcResult<never>;

export class FakeBridge {
  readonly calls: RecordedCall[] = [];
  settings: SettingsView;
  info: AppInfoView;
  accounts: AccountView[];
  activeAccountId: string | null;
  libraries: Record<string, readonly TrackView[]>;
  readonly profiles: Readonly<Record<string, SpotifyProfile>>;
  /** The core's cache per account: what `library.cached` pages through. */
  readonly caches = new Map<string, CachedLibrary>();
  /** When set, `app.startDemo` waits for it before answering (the app would quit meanwhile). */
  holdStartDemo: Promise<void> | null = null;
  /** When set, `library.sync` waits for it before answering. */
  holdSync: Promise<void> | null = null;
  /** When set, `library.changes` waits for it before answering. */
  holdChanges: Promise<void> | null = null;
  /** When set for an offset, `library.cached` waits for the promise before answering there. */
  readonly holdCachedAt = new Map<number, Promise<void>>();
  /** When set, `accounts.add` answers with this (a promise lets a test keep it waiting). */
  addAnswer: (() => Answer<AccountView>) | null = null;
  /** When set for an offset, `library.tracks` fails there (once) with this error. */
  readonly failTracksAt = new Map<number, FakeFailure>();
  /** When set for an offset, `library.tracks` waits for the promise before answering there. */
  readonly holdTracksAt = new Map<number, Promise<void>>();
  /** Channels that fail with this error (until deleted), e.g. `accounts:setActive`. */
  readonly failures = new Map<string, FakeFailure>();
  /** What `library.export` answers; by default a download of the sources' tracks. */
  exportAnswer: ((request: ExportRequest) => Answer<ExportResultView>) | null = null;
  /** The file `imports.choose` answers with as read; null: the person cancelled the dialog. */
  chosenFile: ImportFileView | null = null;
  /** The automatic backups as the core holds them; `backups.*` answer and change it. */
  backups: BackupStatusView = makeBackupStatus();
  /** The folder `backups.chooseFolder` takes; null: the person cancelled the dialog. */
  folderToChoose: string | null = '/home/me/Spotify backups';
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  // Each cache object set (by a sync or by a test) is a revision; the tracks of each are kept so a
  // sync can answer with the step from the page's revision.
  readonly #revisions = new WeakMap<CachedLibrary, string>();
  readonly #tracksAt = new Map<string, readonly TrackView[]>();
  #nextRevision = 1;

  /** The revision of a cache object: a new one the first time it is seen. */
  revisionOf(cache: CachedLibrary): string {
    let revision = this.#revisions.get(cache);
    if (revision === undefined) {
      revision = `rev-${this.#nextRevision++}`;
      this.#revisions.set(cache, revision);
    }
    this.#tracksAt.set(revision, cache.tracks);
    return revision;
  }

  private changesSince(since: string | null, revision: string): LibraryChanges {
    if (since === revision) return { kind: 'none' };
    const before = since === null ? undefined : this.#tracksAt.get(since);
    const after = this.#tracksAt.get(revision);
    const step = before && after ? diffLibraries(before, after) : null;
    return step === null ? { kind: 'reload' } : { kind: 'delta', steps: [step] };
  }

  constructor(options: FakeBridgeOptions = {}) {
    this.settings = {
      clientId: '0123456789abcdef0123456789abcdef',
      redirectPort: null,
      loginMode: 'window',
      librarySyncMaxAgeMinutes: 30,
      ...options.settings,
    };
    this.info = {
      version: '0.1.0',
      demo: false,
      redirectUriToRegister: 'http://127.0.0.1/callback',
      keychain: { state: 'available' },
      notices: [],
      ...options.info,
    };
    this.accounts = [...(options.accounts ?? [])];
    this.activeAccountId =
      options.activeAccountId === undefined
        ? (this.accounts[0]?.id ?? null)
        : options.activeAccountId;
    this.libraries = { ...options.libraries };
    this.profiles = { ...options.profiles };
    for (const [id, lastSyncedAt] of Object.entries(options.cachedAt ?? {})) {
      this.caches.set(id, { tracks: this.libraries[id] ?? [], lastSyncedAt });
    }
  }

  /**
   * Saves (on top, dated now) or removes one track on "Spotify" and in the core's cache, as the
   * core does after a write, and announces the library's new revision.
   */
  setSaved(id: string, trackId: string, saved: boolean, track?: TrackView): void {
    const before = this.libraries[id] ?? [];
    const known =
      track ??
      Object.values(this.libraries)
        .flat()
        .find((candidate) => candidate.id === trackId);
    const without = before.filter((candidate) => candidate.id !== trackId);
    const tracks =
      saved && known !== undefined ? [{ ...known, addedAt: Date.now() }, ...without] : without;
    this.libraries[id] = tracks;
    const cache = { tracks, lastSyncedAt: this.caches.get(id)?.lastSyncedAt ?? Date.now() };
    this.caches.set(id, cache);
    this.emit('library:changed', { accountId: id, revision: this.revisionOf(cache) });
  }

  /** The core's library jobs: plans from the caches, jobs a test moves on (fake-jobs.ts). */
  readonly jobs = new FakeJobs({
    cached: (id) => {
      const cache = this.caches.get(id);
      return cache === undefined
        ? null
        : { tracks: cache.tracks, revision: this.revisionOf(cache) };
    },
    labelOf: (id) => this.findAccount(id)?.label ?? null,
    emit: (event, payload) => this.emit(event, payload),
  });

  /** Records a jobs call and answers it, or with the failure a test set for the channel. */
  private async jobCall<T>(
    channel: string,
    args: readonly unknown[],
    answer: () => IpcResult<T> | Promise<IpcResult<T>>,
  ): Promise<IpcResult<T>> {
    const failure = this.record(channel, args);
    if (failure) return fakeFailure(failure);
    return answer();
  }

  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (value: EventPayloads[E]) => void)(payload);
    }
  }

  callsTo(channel: string): RecordedCall[] {
    return this.calls.filter((call) => call.channel === channel);
  }

  /** Records a files call and answers it, or with the failure a test set for the channel. */
  private async fileCall<T>(
    channel: string,
    args: readonly unknown[],
    answer: () => Answer<T>,
  ): Promise<IpcResult<T>> {
    const failure = this.record(channel, args);
    if (failure) return fakeFailure(failure);
    return answer();
  }

  private setBackups(patch: Partial<BackupStatusView>): IpcResult<BackupStatusView> {
    this.backups = { ...this.backups, ...patch };
    this.emit('backups:changed', this.backups);
    return ok(this.backups);
  }

  private view(): AccountsView {
    return { accounts: [...this.accounts], activeAccountId: this.activeAccountId };
  }

  /** Records the call; answers with the failure a test set for this channel, if any. */
  private record(channel: string, args: readonly unknown[]): FakeFailure | undefined {
    this.calls.push({ channel, args });
    return this.failures.get(channel);
  }

  private findAccount(id: string): AccountView | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  private update(id: string, patch: Partial<AccountView>): IpcResult<AccountView> {
    const index = this.accounts.findIndex((account) => account.id === id);
    const current = this.accounts[index];
    if (!current) return fakeFailure({ code: 'account_not_found', message: `No account ${id}.` });
    const next = { ...current, ...patch };
    this.accounts[index] = next;
    this.emit('accounts:changed', this.view());
    return ok(next);
  }

  readonly api: BridgeApi = {
    app: {
      info: async () => {
        const failure = this.record('app:info', []);
        if (failure) return fakeFailure(failure);
        return ok(this.info);
      },
      startDemo: async () => {
        const failure = this.record('app:startDemo', []);
        if (failure) return fakeFailure(failure);
        await this.holdStartDemo;
        return ok(null);
      },
    },
    settings: {
      get: async () => {
        const failure = this.record('settings:get', []);
        if (failure) return fakeFailure(failure);
        return ok(this.settings);
      },
      update: async (patch) => {
        const failure = this.record('settings:update', [patch]);
        if (failure) return fakeFailure(failure);
        this.settings = { ...this.settings, ...patch };
        this.emit('settings:changed', this.settings);
        return ok(this.settings);
      },
    },
    accounts: {
      list: async () => {
        const failure = this.record('accounts:list', []);
        if (failure) return fakeFailure(failure);
        return ok(this.view());
      },
      add: async () => {
        const failure = this.record('accounts:add', []);
        if (failure) return fakeFailure(failure);
        if (this.addAnswer) return this.addAnswer();
        return fakeFailure({ code: 'login_cancelled', message: 'The sign-in was cancelled.' });
      },
      cancelLogins: async () => {
        const failure = this.record('accounts:cancelLogins', []);
        if (failure) return fakeFailure(failure);
        return ok(null);
      },
      remove: async (id) => {
        const failure = this.record('accounts:remove', [id]);
        if (failure) return fakeFailure(failure);
        this.accounts = this.accounts.filter((account) => account.id !== id);
        if (this.activeAccountId === id) this.activeAccountId = this.accounts[0]?.id ?? null;
        this.emit('accounts:changed', this.view());
        return ok(null);
      },
      rename: async (id, nickname) => {
        const failure = this.record('accounts:rename', [id, nickname]);
        if (failure) return fakeFailure(failure);
        const account = this.findAccount(id);
        return this.update(id, {
          nickname,
          label: nickname ?? account?.displayName ?? id,
        });
      },
      recolour: async (id, colour) => {
        const failure = this.record('accounts:recolour', [id, colour]);
        if (failure) return fakeFailure(failure);
        return this.update(id, { color: colour });
      },
      reorder: async (order) => {
        const failure = this.record('accounts:reorder', [order]);
        if (failure) return fakeFailure(failure);
        const byId = new Map(this.accounts.map((account) => [account.id, account]));
        this.accounts = order.flatMap((id) => byId.get(id) ?? []);
        this.emit('accounts:changed', this.view());
        return ok(this.view());
      },
      setActive: async (id) => {
        const failure = this.record('accounts:setActive', [id]);
        if (failure) return fakeFailure(failure);
        if (!this.findAccount(id)) {
          return fakeFailure({ code: 'account_not_found', message: `No account ${id}.` });
        }
        this.activeAccountId = id;
        this.emit('accounts:changed', this.view());
        return ok(this.view());
      },
    },
    profile: {
      get: async (id) => {
        const failure = this.record('profile:get', [id]);
        if (failure) return fakeFailure(failure);
        const fetched = this.profiles[id];
        // As the core does: the profile is stored with the account, and the accounts announced.
        if (fetched) this.update(id, fetched);
        const account = this.findAccount(id);
        if (!account)
          return fakeFailure({ code: 'account_not_found', message: `No account ${id}.` });
        return ok({
          accountId: id,
          spotifyUserId: account.spotifyUserId ?? id,
          displayName: account.displayName,
          imageUrl: account.imageUrl,
          profileUrl: account.profileUrl,
        });
      },
    },
    library: {
      tracks: async (id, { offset, limit }) => {
        const failure = this.record('library:tracks', [id, { offset, limit }]);
        if (failure) return fakeFailure(failure);
        await this.holdTracksAt.get(offset);
        const pageFailure = this.failTracksAt.get(offset);
        if (pageFailure) {
          this.failTracksAt.delete(offset);
          return fakeFailure(pageFailure);
        }
        const all = this.libraries[id] ?? [];
        const items = all.slice(offset, offset + limit);
        const next = offset + items.length;
        return ok({
          items,
          total: all.length,
          offset,
          nextOffset: next < all.length ? next : null,
        });
      },
      sync: async (id, options) => {
        const failure = this.record('library:sync', options === undefined ? [id] : [id, options]);
        await this.holdSync;
        if (failure) return fakeFailure(failure);
        if (!this.findAccount(id)) {
          return fakeFailure({ code: 'account_not_found', message: `No account ${id}.` });
        }
        const tracks = this.libraries[id] ?? [];
        const before = this.caches.get(id);
        const unchanged = before !== undefined && before.tracks === tracks;
        const after = { tracks, lastSyncedAt: Date.now() };
        // An unchanged library keeps its revision, as the core's does.
        if (unchanged) this.#revisions.set(after, this.revisionOf(before));
        this.caches.set(id, after);
        const revision = this.revisionOf(after);
        return ok({
          kind: before === undefined ? 'full' : unchanged ? 'unchanged' : 'full',
          total: tracks.length,
          lastSyncedAt: after.lastSyncedAt,
          revision,
          changes: this.changesSince(options?.since ?? null, revision),
        });
      },
      cached: async (id, { offset, limit }) => {
        const failure = this.record('library:cached', [id, { offset, limit }]);
        if (failure) return fakeFailure(failure);
        await this.holdCachedAt.get(offset);
        const cache = this.caches.get(id);
        if (!cache) {
          return ok({
            items: [],
            total: 0,
            offset,
            nextOffset: null,
            lastSyncedAt: null,
            cached: false,
            cachedCount: 0,
            revision: null,
          });
        }
        const items = cache.tracks.slice(offset, offset + limit);
        const next = offset + items.length;
        return ok({
          items,
          total: cache.tracks.length,
          offset,
          nextOffset: next < cache.tracks.length ? next : null,
          lastSyncedAt: cache.lastSyncedAt,
          cached: true,
          cachedCount: cache.tracks.length,
          revision: this.revisionOf(cache),
        });
      },
      changes: async (id, options) => {
        const failure = this.record('library:changes', [id, options]);
        await this.holdChanges;
        if (failure) return fakeFailure(failure);
        const cache = this.caches.get(id);
        if (!cache) return fakeFailure({ code: 'account_not_found', message: `No cache ${id}.` });
        const revision = this.revisionOf(cache);
        return ok({
          total: cache.tracks.length,
          lastSyncedAt: cache.lastSyncedAt,
          revision,
          changes: this.changesSince(options.since, revision),
        });
      },
      setSaved: async (id, trackId, saved) => {
        const failure = this.record('library:setSaved', [id, trackId, saved]);
        if (failure) return fakeFailure(failure);
        this.setSaved(id, trackId, saved);
        return ok(null);
      },
      export: async (request) =>
        this.fileCall('library:export', [request], () =>
          this.exportAnswer !== null
            ? this.exportAnswer(request)
            : ok(
                downloadOf(request, (id) => {
                  const cache = this.caches.get(id);
                  if (cache === undefined) return null;
                  return { size: cache.tracks.length, syncedAt: cache.lastSyncedAt };
                }),
              ),
        ),
    },
    imports: {
      choose: async () => this.fileCall('imports:choose', [], () => ok(this.chosenFile)),
      plan: async (request) =>
        this.fileCall('imports:plan', [request], () => {
          const file = this.chosenFile;
          if (file === null || file.fileId !== request.fileId) {
            return fakeFailure({ code: 'job_plan_not_found', message: 'No such file.' });
          }
          const sectionTracks = file.sections.map((section) => section.tracks);
          return this.jobs.planImport(request, { fileName: file.fileName, sectionTracks });
        }),
    },
    backups: {
      status: async () => this.fileCall('backups:status', [], () => ok(this.backups)),
      update: async (patch) =>
        this.fileCall('backups:update', [patch], () => this.setBackups(patch)),
      chooseFolder: async () =>
        this.fileCall('backups:chooseFolder', [], () =>
          this.folderToChoose === null
            ? ok(this.backups)
            : this.setBackups({ folder: this.folderToChoose }),
        ),
      runNow: async () =>
        this.fileCall('backups:runNow', [], () => this.setBackups({ running: true })),
    },
    images: { baseUrl: 'app-image://image/' },
    jobs: {
      list: async () => this.jobCall('jobs:list', [], () => ok([...this.jobs.all])),
      plan: async (request) => this.jobCall('jobs:plan', [request], () => this.jobs.plan(request)),
      planUndo: async (jobId) =>
        this.jobCall('jobs:planUndo', [jobId], () => this.jobs.planUndo(jobId)),
      start: async (planId) => this.jobCall('jobs:start', [planId], () => this.jobs.start(planId)),
      pause: async (jobId) => this.jobCall('jobs:pause', [jobId], () => this.jobs.pause(jobId)),
      resume: async (jobId) => this.jobCall('jobs:resume', [jobId], () => this.jobs.resume(jobId)),
      cancel: async (jobId) => this.jobCall('jobs:cancel', [jobId], () => this.jobs.cancel(jobId)),
    },
    events: {
      on: (event, listener) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener as (payload: never) => void);
        this.listeners.set(event, set);
        return () => set.delete(listener as (payload: never) => void);
      },
    },
  };
}
