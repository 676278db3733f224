// The one name the app shows for an account: the person's nickname, else Spotify's display
// name, else the Spotify user id, else the key.
import type { Account } from './account-registry.js';

export function accountLabel(account: Account): string {
  return account.nickname ?? account.profile?.displayName ?? account.spotifyUserId ?? account.id;
}
