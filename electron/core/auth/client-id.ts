// Checks the user's Client ID before a login starts, so a pasted typo is named as such instead of
// surfacing as a confusing error page from Spotify. Letter case is not a typo: Spotify treats an
// upper-case Client ID as the same one.
import { clientIdPattern } from '../settings/setting-rules.js';
import { LoginError } from './login-error.js';

export function assertValidClientId(clientId: unknown): asserts clientId is string {
  if (typeof clientId !== 'string' || !clientIdPattern.test(clientId.toLowerCase())) {
    throw new LoginError(
      'invalid_client_id',
      'The Client ID must be the 32 hexadecimal characters shown in the Spotify developer dashboard.',
    );
  }
}
