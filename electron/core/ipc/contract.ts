// The one IPC contract between the renderer and the main process, shared by the main process, the
// preload, the browser harness and the renderer. Requests are `domain:verb` channels whose
// arguments are checked at run time by these schemas (the renderer is never trusted); events flow
// from the main process to the renderer. Nothing here can carry a token: the views below are the
// only shapes that cross, and none has a field for one.
//
// This file must stay importable from browser code: zod and type-only imports only.
import { z } from 'zod';
import { accountColourNames, type AccountColour } from '../accounts/account-colours.js';
import type { AccountStatus } from '../accounts/account-status.js';
import type { LoginMode } from '../accounts/settings-store.js';
import type { SyncKind, SyncPhase } from '../library/library-sync.js';
import type { LibraryChanges } from './library-changes.js';
import type { SavedTrack } from '../spotify/models.js';
import type { KeychainFailureReason } from '../vault/keychain-error.js';

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

/** A saved track as the renderer gets it: the core's model with artists flattened to names. */
export type TrackView = Omit<SavedTrack, 'artists'> & { readonly artists: readonly string[] };

export interface TracksPageView {
  readonly items: readonly TrackView[];
  readonly total: number;
  readonly offset: number;
  readonly nextOffset: number | null;
}

/**
 * What one library sync did, and what changed since the revision the page named in `since`: the
 * page applies `changes`, or reads the library again with `library:cached` when told to reload.
 */
export interface LibrarySyncView {
  readonly kind: SyncKind;
  readonly total: number;
  readonly lastSyncedAt: number;
  /** The revision `changes` lead to; null when the page must read the library again. */
  readonly revision: string | null;
  readonly changes: LibraryChanges;
}

/**
 * A slice of the account's last synced library, read from memory or disk and never the network.
 * Before any sync: `cached` false, no items, `lastSyncedAt` null. `total` is Spotify's count (it
 * may include items Spotify no longer serves); `nextOffset` is null after the last slice.
 */
export interface CachedTracksView {
  readonly items: readonly TrackView[];
  readonly total: number;
  readonly offset: number;
  readonly nextOffset: number | null;
  readonly lastSyncedAt: number | null;
  readonly cached: boolean;
  /** Tracks held (Spotify's `total` may count more): the slices a whole read takes. */
  readonly cachedCount: number;
  /** The library's revision: slices of one read must all have the same. Null before any sync. */
  readonly revision: string | null;
}

export interface SyncProgressView {
  readonly accountId: string;
  readonly loaded: number;
  readonly total: number;
  readonly phase: SyncPhase;
}

export type LoginProgressView =
  | { readonly state: 'waiting'; readonly loginId: string }
  | { readonly state: 'signed_in'; readonly loginId: string; readonly accountId: string }
  | { readonly state: 'cancelled'; readonly loginId: string }
  | {
      readonly state: 'failed';
      readonly loginId: string;
      readonly code: string;
      readonly message: string;
    };

export type SchedulerView =
  | { readonly kind: 'idle' | 'busy' }
  | { readonly kind: 'rate_limited' | 'quota_exceeded'; readonly until: number };

/** What every failed request resolves to: a stable code for the UI and a sentence for people. */
export interface IpcError {
  readonly code: string;
  readonly message: string;
}

export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

// ---- Requests ----------------------------------------------------------------------------------

const accountId = z.string().min(1).max(200);

/**
 * Largest slice of a cached library per request: 50,000 tracks cross in 10 requests, and each
 * answer (about 2 MB) stays small enough not to hold up other messages for long.
 */
export const maxCachedTracksPerRequest = 5000;
const nickname = z.string().max(64).nullable();

/** Arguments of each request channel, as a tuple, checked by the router before any handler runs. */
export const requestArgs = {
  'app:info': z.tuple([]),
  'app:startDemo': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([
    z
      .object({
        clientId: z.string().max(64).nullable(),
        redirectPort: z.number().int().nullable(),
        loginMode: z.enum(['window', 'browser']),
        // Ranges are the settings store's to check, with an error that names the setting.
        librarySyncMaxAgeMinutes: z.number().int(),
      })
      .partial()
      .strict(),
  ]),
  'accounts:list': z.tuple([]),
  'accounts:add': z.tuple([]),
  'accounts:cancelLogins': z.tuple([]),
  'accounts:remove': z.tuple([accountId]),
  'accounts:rename': z.tuple([accountId, nickname]),
  'accounts:recolour': z.tuple([accountId, z.enum(accountColourNames)]),
  'accounts:reorder': z.tuple([z.array(accountId).max(500)]),
  'accounts:setActive': z.tuple([accountId]),
  'profile:get': z.tuple([accountId]),
  'library:tracks': z.tuple([
    accountId,
    z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(50) }).strict(),
  ]),
  'library:sync': z.tuple([
    accountId,
    // The revision the page holds, to be answered with what changed since (null: none held).
    z
      .object({ since: z.string().max(100).nullable() })
      .strict()
      .optional(),
  ]),
  'library:cached': z.tuple([
    accountId,
    z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(maxCachedTracksPerRequest),
      })
      .strict(),
  ]),
} as const;

export type RequestChannel = keyof typeof requestArgs;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestArgs)[C]>;

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
}

export const requestChannels = Object.keys(requestArgs) as RequestChannel[];

// ---- Events ------------------------------------------------------------------------------------

export interface EventPayloads {
  'accounts:changed': AccountsView;
  'settings:changed': SettingsView;
  'login:progress': LoginProgressView;
  'scheduler:state': SchedulerView;
  'keychain:status': KeychainView;
  'sync:progress': SyncProgressView;
}

export type EventChannel = keyof EventPayloads;

export const eventChannels: readonly EventChannel[] = [
  'accounts:changed',
  'settings:changed',
  'login:progress',
  'scheduler:state',
  'keychain:status',
  'sync:progress',
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
