// `GET /v1/me` JSON → the app's Profile. The one place that knows the profile's Spotify shape.

import type { PrivateUserJson } from './api-schemas.js';
import type { Profile } from './models.js';
import { pickImageUrl } from './pick-image.js';

// Sharp in the profile header; the sidebar scales it down.
const PROFILE_IMAGE_MIN_WIDTH = 128;

export function mapProfile(user: PrivateUserJson): Profile {
  return {
    accountKey: user.account_id ?? user.id,
    spotifyUserId: user.id,
    displayName: user.display_name ?? null,
    imageUrl: pickImageUrl(user.images ?? [], PROFILE_IMAGE_MIN_WIDTH),
    profileUrl: user.external_urls?.spotify ?? null,
    uri: user.uri,
  };
}
