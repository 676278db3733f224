// The Web API calls the app makes, as typed functions: each sends through the account's session
// (and so the shared scheduler), validates the answer and returns the app's own models.

import type { AccountSession } from './account-session.js';
import { parseApiResponse, privateUserSchema, savedTracksPageSchema } from './api-schemas.js';
import { mapProfile } from './map-profile.js';
import { mapSavedTracksPage } from './map-saved-track.js';
import type { Profile, SavedTracksPage } from './models.js';
import { SpotifyApiError } from './spotify-api-errors.js';

/** Spotify's largest page of saved tracks. */
export const MAX_SAVED_TRACKS_PAGE_SIZE = 50;

export interface SavedTracksPageRequest {
  readonly offset: number;
  /** 1–50; default 50. */
  readonly limit?: number;
  /** e.g. `from_token`, for `is_playable`; omitted by default. */
  readonly market?: string;
  /** Cancels the request: dropped from the scheduler's queue, or aborted on the wire. */
  readonly signal?: AbortSignal;
}

export async function getProfile(session: AccountSession): Promise<Profile> {
  const body = await session.send({ path: '/v1/me' });
  return mapProfile(parseApiResponse(privateUserSchema, body, 'GET /v1/me'));
}

export async function getSavedTracksPage(
  session: AccountSession,
  request: SavedTracksPageRequest,
): Promise<SavedTracksPage> {
  const limit = request.limit ?? MAX_SAVED_TRACKS_PAGE_SIZE;
  if (!Number.isInteger(request.offset) || request.offset < 0) {
    throw new SpotifyApiError('bad_request', 'The page offset must be a whole number, 0 or more.');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SAVED_TRACKS_PAGE_SIZE) {
    throw new SpotifyApiError(
      'bad_request',
      `The page size must be a whole number from 1 to ${MAX_SAVED_TRACKS_PAGE_SIZE}.`,
    );
  }
  const body = await session.send({
    path: '/v1/me/tracks',
    query: { limit, offset: request.offset, market: request.market },
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  });
  return mapSavedTracksPage(parseApiResponse(savedTracksPageSchema, body, 'GET /v1/me/tracks'));
}
