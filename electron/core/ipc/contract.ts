// The one IPC contract between the renderer and the main process, shared by the main process, the
// preload, the browser harness and the renderer: request channels (`domain:verb`) with their
// arguments and answers, events from the main process, and the bridge the preload exposes. No
// view has a field for a token, so none can cross. The router checks every request's arguments at
// run time against request-schemas.ts: the renderer is never trusted.
//
// Browser-safe, so the renderer may import it: type-only imports, and constants with no imports.
import type { AccountColour } from '../accounts/account-colours.js';
import type { AccountStatus } from '../accounts/account-status.js';
import type { AppErrorCode } from '../errors/app-error-code.js';
import type { LoginMode } from '../settings/setting-rules.js';
import type {
  CachedTracksView,
  LibraryAtRevisionView,
  LibrarySyncView,
  SyncProgressView,
  TracksPageView,
} from './library-views.js';
import type { KeychainFailureReason } from '../vault/keychain-error.js';
import type { JobPlanRequest, JobPlanView, JobView } from './job-views.js';
import type {
  BackupSettingsPatch,
  BackupStatusView,
  ExportRequest,
  ExportResultView,
  ImportFileView,
  ImportPlanRequest,
} from './library-file-views.js';

// ---- Shapes that cross -------------------------------------------------------------------------

export interface AccountView {
  readonly id: string;
  readonly spotifyUserId: string | null;
  readonly nickname: string | null;
  /** Nickname, else display name, else the Spotify user id. */
  readonly label: string;
  readonly color: AccountColour;
  readonly displayName: string | null;
  readonly imageUrl: string | null;
  readonly profileUrl: string | null;
  readonly status: AccountStatus;
  readonly signInExpiresInDays: number | null;
  readonly lastSyncedAt: number | null;
}

export interface AccountsView {
  readonly accounts: readonly AccountView[];
  readonly activeAccountId: string | null;
}

export interface SettingsView {
  readonly clientId: string | null;
  /** Null: a new free port for every login (register the redirect URI without a port). */
  readonly redirectPort: number | null;
  readonly loginMode: LoginMode;
  /** Opening an account syncs its library when the last sync is older than this; 0 = always. */
  readonly librarySyncMaxAgeMinutes: number;
}

export type KeychainView =
  | { readonly state: 'available' }
  | {
      readonly state: 'unavailable';
      readonly reason: KeychainFailureReason;
      readonly message: string;
    };

export interface AppInfoView {
  readonly version: string;
  /** The demo runs against a built-in fake Spotify and is marked DEMO everywhere. */
  readonly demo: boolean;
  /** The exact redirect URI to register in the Spotify dashboard for the current settings. */
  readonly redirectUriToRegister: string;
  readonly keychain: KeychainView;
  /** Things the person should know from start-up (a file set aside, accounts rebuilt). */
  readonly notices: readonly string[];
}

export interface ProfileView {
  readonly accountId: string;
  readonly spotifyUserId: string;
  readonly displayName: string | null;
  readonly imageUrl: string | null;
  readonly profileUrl: string | null;
}

// The library's views live beside the rule that applies its changes.
export type {
  CachedTracksView,
  LibraryAtRevisionView,
  LibrarySyncView,
  SyncProgressView,
  TrackView,
  TracksPageView,
} from './library-views.js';
export type {
  JobCountsView,
  JobKind,
  JobPauseReason,
  JobPauseView,
  JobPhase,
  JobPlanRequest,
  JobPlanView,
  JobSelection,
  JobState,
  JobView,
  MissingScopeView,
} from './job-views.js';
export type {
  BackupAccountView,
  BackupFrequency,
  BackupSettingsPatch,
  BackupStatusView,
  ExportRequest,
  ExportResultView,
  ExportSource,
  ImportFileFormat,
  ImportFileView,
  ImportPlanRequest,
  ImportSectionView,
  LibraryFileFormat,
  RejectedRowReason,
  RejectedRowView,
} from './library-file-views.js';

/** The account's library changed outside a sync the page asked for (a job, a heart). */
export interface LibraryChangedView {
  readonly accountId: string;
  /** The library's revision now; the page asks `library:changes` from the one it holds. */
  readonly revision: string | null;
}

export type LoginProgressView =
  | { readonly state: 'waiting'; readonly loginId: string }
  | { readonly state: 'signed_in'; readonly loginId: string; readonly accountId: string }
  | { readonly state: 'cancelled'; readonly loginId: string }
  | {
      readonly state: 'failed';
      readonly loginId: string;
      readonly code: IpcError['code'];
      readonly message: string;
    };

export type SchedulerView =
  | { readonly kind: 'idle' | 'busy' }
  | { readonly kind: 'rate_limited' | 'quota_exceeded'; readonly until: number };

/**
 * Failures of a request's transport or routing, before or around its handler: the router's, the
 * Electron bridge's refusal of another page, the harness's lost socket, and `internal_error` for
 * a handler that failed with something other than an AppError (its details stay in the log).
 */
export type IpcErrorCode =
  | 'ipc_unknown_channel'
  | 'ipc_invalid_arguments'
  | 'ipc_payload_too_large'
  | 'ipc_untrusted_sender'
  | 'internal_error'
  | 'harness_disconnected'
  | 'harness_bad_message';

/**
 * What every failed request resolves to: a stable code for the UI and a message for logs and as a
 * fallback, for codes the renderer has no sentence of its own for.
 */
export interface IpcError {
  readonly code: AppErrorCode | IpcErrorCode;
  readonly message: string;
}

export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

// ---- Requests ----------------------------------------------------------------------------------

/** Every request channel, in the order the bridge lists them. */
export const requestChannels = [
  'app:info',
  'app:startDemo',
  'settings:get',
  'settings:update',
  'accounts:list',
  'accounts:add',
  'accounts:cancelLogins',
  'accounts:remove',
  'accounts:rename',
  'accounts:recolour',
  'accounts:reorder',
  'accounts:setActive',
  'profile:get',
  'library:tracks',
  'library:sync',
  'library:cached',
  'library:changes',
  'library:setSaved',
  'jobs:list',
  'jobs:plan',
  'jobs:planUndo',
  'jobs:start',
  'jobs:pause',
  'jobs:resume',
  'jobs:cancel',
  'library:export',
  'imports:choose',
  'imports:plan',
  'backups:status',
  'backups:update',
  'backups:chooseFolder',
  'backups:runNow',
] as const;

export type RequestChannel = (typeof requestChannels)[number];

/**
 * Largest slice of a cached library per request: a large library crosses in a few requests, and
 * each answer stays small enough not to hold up other messages for long.
 */
export const maxCachedTracksPerRequest = 5000;

/** A change to some settings; the settings store checks each value's range. */
export interface SettingsPatch {
  readonly clientId?: string | null;
  readonly redirectPort?: number | null;
  readonly loginMode?: LoginMode;
  readonly librarySyncMaxAgeMinutes?: number;
}

/** Which tracks of a list: from `offset`, at most `limit`. */
export interface SliceRequest {
  readonly offset: number;
  readonly limit: number;
}

/** The arguments of each request channel, as a tuple. */
export interface RequestArgsByChannel {
  'app:info': [];
  'app:startDemo': [];
  'settings:get': [];
  'settings:update': [patch: SettingsPatch];
  'accounts:list': [];
  'accounts:add': [];
  'accounts:cancelLogins': [];
  'accounts:remove': [accountId: string];
  'accounts:rename': [accountId: string, nickname: string | null];
  'accounts:recolour': [accountId: string, colour: AccountColour];
  'accounts:reorder': [accountIds: string[]];
  'accounts:setActive': [accountId: string];
  'profile:get': [accountId: string];
  'library:tracks': [accountId: string, page: SliceRequest];
  /** `since`: the revision the page holds, to be answered with what changed (null: none held). */
  'library:sync': [accountId: string, options?: { since: string | null }];
  'library:cached': [accountId: string, slice: SliceRequest];
  /** What changed since the page's revision `since`, without syncing. */
  'library:changes': [accountId: string, options: { since: string | null }];
  /** Saves (true) or removes (false) one track for the account: the heart of a row. */
  'library:setSaved': [accountId: string, trackId: string, saved: boolean];
  'jobs:list': [];
  'jobs:plan': [request: JobPlanRequest];
  /** A plan that undoes a finished job. */
  'jobs:planUndo': [jobId: string];
  /** Starts a plan the person confirmed; a plan starts at most once. */
  'jobs:start': [planId: string];
  'jobs:pause': [jobId: string];
  'jobs:resume': [jobId: string];
  'jobs:cancel': [jobId: string];
  /** Writes a file of the sources' tracks where the person chooses (or as a download). */
  'library:export': [request: ExportRequest];
  /** Asks the person for a file to import and reads it; null when they cancelled. */
  'imports:choose': [];
  /** A plan that saves a chosen file's tracks to an account (start it with `jobs:start`). */
  'imports:plan': [request: ImportPlanRequest];
  'backups:status': [];
  'backups:update': [patch: BackupSettingsPatch];
  /** Asks the person for the backup folder; the status is unchanged when they cancelled. */
  'backups:chooseFolder': [];
  /** Backs every account up now, whatever is due. */
  'backups:runNow': [];
}

export type RequestArgs<C extends RequestChannel> = RequestArgsByChannel[C];

/** What each request channel resolves to. */
export interface RequestResults {
  'app:info': AppInfoView;
  /** Restarts the app as the demo; answers just before the app quits for it. */
  'app:startDemo': null;
  'settings:get': SettingsView;
  'settings:update': SettingsView;
  'accounts:list': AccountsView;
  'accounts:add': AccountView;
  'accounts:cancelLogins': null;
  'accounts:remove': null;
  'accounts:rename': AccountView;
  'accounts:recolour': AccountView;
  'accounts:reorder': AccountsView;
  'accounts:setActive': AccountsView;
  'profile:get': ProfileView;
  'library:tracks': TracksPageView;
  'library:sync': LibrarySyncView;
  'library:cached': CachedTracksView;
  'library:changes': LibraryAtRevisionView;
  'library:setSaved': null;
  /** Every job kept (those not ended, and the 30 latest ended), newest first. */
  'jobs:list': readonly JobView[];
  'jobs:plan': JobPlanView;
  'jobs:planUndo': JobPlanView;
  'jobs:start': JobView;
  'jobs:pause': JobView;
  'jobs:resume': JobView;
  'jobs:cancel': JobView;
  'library:export': ExportResultView;
  'imports:choose': ImportFileView | null;
  'imports:plan': JobPlanView;
  'backups:status': BackupStatusView;
  'backups:update': BackupStatusView;
  'backups:chooseFolder': BackupStatusView;
  'backups:runNow': BackupStatusView;
}

// ---- Events ------------------------------------------------------------------------------------

export interface EventPayloads {
  'accounts:changed': AccountsView;
  'settings:changed': SettingsView;
  'login:progress': LoginProgressView;
  'scheduler:state': SchedulerView;
  'keychain:status': KeychainView;
  'sync:progress': SyncProgressView;
  'library:changed': LibraryChangedView;
  'jobs:changed': JobView;
  'backups:changed': BackupStatusView;
}

export type EventChannel = keyof EventPayloads;

export const eventChannels: readonly EventChannel[] = [
  'accounts:changed',
  'settings:changed',
  'login:progress',
  'scheduler:state',
  'keychain:status',
  'sync:progress',
  'library:changed',
  'jobs:changed',
  'backups:changed',
];

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

/**
 * What the preload exposes to the page (and the harness's WebSocket client mirrors): one named
 * function per request channel, grouped by domain (`api.accounts.rename(id, name)`), resolving to
 * an IpcResult rather than throwing, because errors lose their `code` crossing the context bridge.
 * Plus one subscription function per event. Never `ipcRenderer` itself.
 */
export type BridgeApi = {
  readonly [D in DomainOf<RequestChannel>]: {
    readonly [C in RequestChannel as C extends `${D}:${infer V}` ? V : never]: (
      ...args: RequestArgs<C>
    ) => Promise<IpcResult<RequestResults[C]>>;
  };
} & {
  readonly events: {
    readonly on: <E extends EventChannel>(
      event: E,
      listener: (payload: EventPayloads[E]) => void,
    ) => () => void;
  };
  /**
   * Where the page loads Spotify's pictures (covers, avatars) from: `baseUrl` followed by the
   * picture's Spotify URL, URI-component-encoded. The app's image protocol in Electron, the
   * harness's `/image/` route in a browser; either way the main side's image cache answers, so
   * pictures show offline and the page's CSP allows no third-party host.
   */
  readonly images: { readonly baseUrl: string };
};

/** Splits `accounts:setActive` into its domain and verb; the preload and the harness use it. */
export function splitChannel(channel: RequestChannel): { domain: string; verb: string } {
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, verb };
}

/** The name the preload exposes the bridge under: `window.spotifyAccounts`. */
export const bridgeGlobalName = 'spotifyAccounts';
