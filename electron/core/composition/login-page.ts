// How the core asks the outside world to show Spotify's login page. The Electron shell opens a
// login window (or the system browser); the browser harness opens a tab; tests drive the fake
// Spotify's form over HTTP. The core never knows which.

export interface LoginPageHandle {
  /** Aborted when the login is over, whatever the outcome: close the window or tab now. */
  readonly ended: AbortSignal;
  /** The person closed the login page: ends the login as cancelled and frees its port. */
  cancel(): void;
}

export type OpenLoginPage = (authorizeUrl: string, handle: LoginPageHandle) => void | Promise<void>;
