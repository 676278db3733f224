// Turns a Web API refusal (a 4xx the scheduler does not retry) into a typed error. Branches on the
// status only, as Spotify's messages change; 403 is the exception, see forbidden-reason.ts.

import { forbiddenExplanations, forbiddenReason } from './forbidden-reason.js';
import { SpotifyApiError } from './spotify-api-errors.js';

export function errorFromResponse(status: number, body: string): SpotifyApiError {
  switch (status) {
    case 401:
      return new SpotifyApiError(
        'unauthorized',
        "Spotify did not accept this account's sign-in, even after refreshing it (HTTP 401).",
        { status },
      );
    case 403: {
      const reason = forbiddenReason(body);
      return new SpotifyApiError(reason, forbiddenExplanations[reason], { status });
    }
    case 404:
      return new SpotifyApiError(
        'not_found',
        'Spotify could not find what was asked for (HTTP 404).',
        {
          status,
        },
      );
    default:
      return new SpotifyApiError('bad_request', `Spotify refused the request (HTTP ${status}).`, {
        status,
      });
  }
}
