// Maps the core's own records to the views of the IPC contract: the one place that decides what
// the renderer may see. Tokens are not in any input here, so none can reach an output.
import type { Account, AccountsSnapshot } from '../accounts/account-registry.js';
import type { Settings } from '../accounts/settings-store.js';
import type { Profile, SavedTracksPage } from '../spotify/models.js';
import type { SchedulerState } from '../spotify/request-scheduler.js';
import type { VaultStatus } from '../vault/token-vault.js';
import type {
  AccountsView,
  AccountView,
  KeychainView,
  ProfileView,
  SchedulerView,
  SettingsView,
  TracksPageView,
} from './contract.js';

export function accountView(account: Account): AccountView {
  const displayName = account.profile?.displayName ?? null;
  return {
    id: account.id,
    spotifyUserId: account.spotifyUserId,
    nickname: account.nickname,
    label: account.nickname ?? displayName ?? account.spotifyUserId ?? account.id,
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

export function tracksPageView(page: SavedTracksPage): TracksPageView {
  return {
    items: page.items.map((track) => ({
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
    })),
    total: page.total,
    offset: page.offset,
    nextOffset: page.nextOffset,
  };
}

export function schedulerView(state: SchedulerState): SchedulerView {
  return state.kind === 'idle' || state.kind === 'busy'
    ? { kind: state.kind }
    : { kind: state.kind, until: state.until };
}
