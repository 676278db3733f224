// What of a Spotify profile the account list keeps beside each account: the name, picture and
// link the sidebar and the account page show.
import type { AccountProfile } from '../accounts/accounts-file.js';
import type { Profile } from '../spotify/models.js';

export function accountProfileOf(profile: Profile): AccountProfile {
  return {
    displayName: profile.displayName,
    imageUrl: profile.imageUrl,
    profileUrl: profile.profileUrl,
  };
}
