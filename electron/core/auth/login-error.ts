// The typed errors a sign-in can end with before any token exists. Token endpoint failures have
// their own class (TokenEndpointError) because refreshes raise them too.
import { AppError } from '../errors/app-error.js';

export type LoginErrorCode =
  /** The Client ID setting is not 32 hexadecimal characters. */
  | 'invalid_client_id'
  /** The fixed-port setting is not an integer from 0 to 65535. */
  | 'invalid_port'
  /** The login timeout is not a positive number of milliseconds. */
  | 'invalid_timeout'
  /** The user refused consent, closed the login window, or the app is quitting. */
  | 'login_cancelled'
  /** Spotify's login page never redirected back in time. */
  | 'login_timeout'
  /** The fixed loopback port is taken by another program. */
  | 'login_port_in_use'
  /** Spotify redirected back with an error other than access_denied, or the listener failed. */
  | 'login_failed'
  /** The login page (window or browser) could not be opened. */
  | 'login_open_failed';

export class LoginError extends AppError<LoginErrorCode> {}
