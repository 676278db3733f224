// Checks the user's Client ID before a login starts, so a pasted typo is named as such instead of
// surfacing as a confusing error page from Spotify.
import { LoginError } from './login-error.js';

const CLIENT_ID_PATTERN = /^[0-9a-f]{32}$/i;

export function assertValidClientId(clientId: unknown): asserts clientId is string {
  if (typeof clientId !== 'string' || !CLIENT_ID_PATTERN.test(clientId)) {
    throw new LoginError(
      'invalid_client_id',
      'The Client ID must be the 32 hexadecimal characters shown in the Spotify developer dashboard.',
    );
  }
}
