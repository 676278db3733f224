// Maps the core's own records to the views of the IPC contract: the one place that decides what
// the renderer may see. Tokens are not in any input here, so none can reach an output.
import { accountLabel } from '../accounts/account-label.js';
import type { Account, AccountsSnapshot } from '../accounts/account-registry.js';
import type { Settings } from '../settings/settings-store.js';
import type { LibraryAtRevision } from '../library/library-service.js';
import type { ChangesSince } from '../library/library-revisions.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import type { LibraryChanges } from './library-views.js';
import type { SyncOutcome, SyncProgress } from '../library/library-sync.js';
import type { Profile, SavedTrack, SavedTracksPage } from '../spotify/models.js';
import type { SchedulerState } from '../spotify/request-scheduler.js';
import type { VaultStatus } from '../vault/token-vault.js';
import type {
  AccountsView,
  AccountView,
  CachedTracksView,
  KeychainView,
  LibraryAtRevisionView,
  LibrarySyncView,
  ProfileView,
  SchedulerView,
  SettingsView,
  SyncProgressView,
  TrackView,
  TracksPageView,
} from './contract.js';

export function accountView(account: Account): AccountView {
  const displayName = account.profile?.displayName ?? null;
  return {
    id: account.id,
    spotifyUserId: account.spotifyUserId,
    nickname: account.nickname,
    label: accountLabel(account),
    color: account.color,
    displayName,
    imageUrl: account.profile?.imageUrl ?? null,
    profileUrl: account.profile?.profileUrl ?? null,
    status: account.status,
    signInExpiresInDays: account.signInExpiresInDays,
    lastSyncedAt: account.lastSyncedAt,
  };
}

export function accountsView(snapshot: AccountsSnapshot): AccountsView {
  return {
    accounts: snapshot.accounts.map(accountView),
    activeAccountId: snapshot.activeAccountId,
  };
}

export function settingsView(settings: Settings): SettingsView {
  return {
    clientId: settings.clientId,
    redirectPort: settings.redirectPort,
    loginMode: settings.loginMode,
    librarySyncMaxAgeMinutes: settings.librarySyncMaxAgeMinutes,
  };
}

export function keychainView(status: VaultStatus): KeychainView {
  return status.state === 'available'
    ? { state: 'available' }
    : { state: 'unavailable', reason: status.reason, message: status.message };
}

export function profileView(accountId: string, profile: Profile): ProfileView {
  return {
    accountId,
    spotifyUserId: profile.spotifyUserId,
    displayName: profile.displayName,
    imageUrl: profile.imageUrl,
    profileUrl: profile.profileUrl,
  };
}

export function trackView(track: SavedTrack): TrackView {
  return {
    id: track.id,
    uri: track.uri,
    name: track.name,
    artists: track.artists.map((artist) => artist.name),
    album: track.album,
    albumImageUrl: track.albumImageUrl,
    durationMs: track.durationMs,
    explicit: track.explicit,
    isLocal: track.isLocal,
    addedAt: track.addedAt,
    spotifyUrl: track.spotifyUrl,
  };
}

export function tracksPageView(page: SavedTracksPage): TracksPageView {
  return {
    items: page.items.map(trackView),
    total: page.total,
    offset: page.offset,
    nextOffset: page.nextOffset,
  };
}

/**
 * What one sync did, and how the page gets from its revision to the library now held: `current`
 * is read after the sync (null only if the library was dropped meanwhile: the page reads again).
 */
export function librarySyncView(
  outcome: SyncOutcome,
  current: LibraryAtRevision | null,
): LibrarySyncView {
  const library = current?.library ?? outcome.library;
  return {
    kind: outcome.kind,
    total: library.total,
    lastSyncedAt: library.lastSyncedAt,
    revision: current?.revision ?? null,
    changes: current === null ? { kind: 'reload' } : libraryChangesView(current.changes),
  };
}

/** The library held now and what changed since the page's revision. */
export function libraryAtRevisionView(current: LibraryAtRevision): LibraryAtRevisionView {
  return {
    total: current.library.total,
    lastSyncedAt: current.library.lastSyncedAt,
    revision: current.revision,
    changes: libraryChangesView(current.changes),
  };
}

function libraryChangesView(changes: ChangesSince): LibraryChanges {
  if (changes.kind !== 'delta') return changes;
  return {
    kind: 'delta',
    steps: changes.steps.map((step) => ({
      added: step.added.map(trackView),
      removed: step.removed,
    })),
  };
}

/** One slice of the cached library (or the empty answer when it was never synced). */
export function cachedTracksView(
  library: LibrarySnapshot | null,
  slice: { readonly offset: number; readonly limit: number },
  revision: string | null,
): CachedTracksView {
  if (library === null) {
    return {
      items: [],
      total: 0,
      offset: slice.offset,
      nextOffset: null,
      lastSyncedAt: null,
      cached: false,
      cachedCount: 0,
      revision: null,
    };
  }
  const end = Math.min(slice.offset + slice.limit, library.tracks.length);
  return {
    items: library.tracks.slice(slice.offset, end).map(trackView),
    total: library.total,
    offset: slice.offset,
    nextOffset: end < library.tracks.length ? end : null,
    lastSyncedAt: library.lastSyncedAt,
    cached: true,
    cachedCount: library.tracks.length,
    revision,
  };
}

export function syncProgressView(progress: SyncProgress): SyncProgressView {
  return {
    accountId: progress.accountId,
    loaded: progress.loaded,
    total: progress.total,
    phase: progress.phase,
  };
}

export function schedulerView(state: SchedulerState): SchedulerView {
  return state.kind === 'idle' || state.kind === 'busy'
    ? { kind: state.kind }
    : { kind: state.kind, until: state.until };
}
