// The Web API calls that change an account's saved tracks, and the check of which are saved:
// `PUT`/`DELETE /v1/me/library` and `GET /v1/me/library/contains`, at most 40 URIs each. Writes
// are sent as `unsafeToRepeat`: a write whose outcome is unknown is never sent again blindly, the
// caller checks with `savedContains` first (see jobs/batch-writer.ts).
import { z } from 'zod';
import type { AccountSession } from './account-session.js';
import { parseApiResponse } from './api-schemas.js';
import { SpotifyApiError } from './spotify-api-errors.js';

/** Spotify's limit of URIs per library request. */
export const MAX_LIBRARY_URIS = 40;

/** The URI a track ID is saved under. */
export function trackUri(trackId: string): string {
  return `spotify:track:${trackId}`;
}

/**
 * Saves the tracks in the order given: each lands on top, so the last ends up newest. `signal`
 * cancels it (a write cancelled on the wire has an unknown outcome, as a lost answer has).
 */
export function saveToLibrary(
  session: AccountSession,
  trackIds: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  return changeLibrary(session, 'PUT', trackIds, signal);
}

export function removeFromLibrary(
  session: AccountSession,
  trackIds: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  return changeLibrary(session, 'DELETE', trackIds, signal);
}

async function changeLibrary(
  session: AccountSession,
  method: 'PUT' | 'DELETE',
  trackIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<void> {
  await session.send({
    path: '/v1/me/library',
    method,
    query: { uris: urisOf(trackIds) },
    unsafeToRepeat: true,
    ...(signal === undefined ? {} : { signal }),
  });
}

/** Whether each track is saved, in the order given. */
export async function savedContains(
  session: AccountSession,
  trackIds: readonly string[],
  signal?: AbortSignal,
): Promise<boolean[]> {
  const body = await session.send({
    path: '/v1/me/library/contains',
    query: { uris: urisOf(trackIds) },
    ...(signal === undefined ? {} : { signal }),
  });
  const answer = parseApiResponse(z.array(z.boolean()), body, 'GET /v1/me/library/contains');
  if (answer.length !== trackIds.length) {
    throw new SpotifyApiError(
      'malformed_response',
      `Spotify answered ${answer.length} values for ${trackIds.length} tracks.`,
    );
  }
  return answer;
}

function urisOf(trackIds: readonly string[]): string {
  if (trackIds.length === 0 || trackIds.length > MAX_LIBRARY_URIS) {
    throw new SpotifyApiError(
      'bad_request',
      `A library request takes 1 to ${MAX_LIBRARY_URIS} tracks, not ${trackIds.length}.`,
    );
  }
  return trackIds.map(trackUri).join(',');
}
