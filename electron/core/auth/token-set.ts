// The tokens of one signed-in account, as the core keeps them. Never leaves the main process:
// the vault writes it to the keychain, nothing else persists or sends it.

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch milliseconds after which the access token must not be used. */
  readonly expiresAt: number;
  /** Space-separated scopes Spotify granted. */
  readonly scope: string;
  /** Epoch milliseconds of the user's consent; refresh tokens die 6 months after it. */
  readonly authorizedAt: number;
  /**
   * The Client ID the grant was issued to: refreshes must use it even after the settings name
   * another Spotify app. Absent in entries stored before it was recorded.
   */
  readonly clientId?: string;
}

/** What a refresh returns: Spotify usually sends no new refresh token since mid-2026. */
export interface RefreshedAccess {
  readonly accessToken: string;
  readonly expiresAt: number;
  readonly scope: string;
  /** Present only when Spotify rotated the refresh token; persist it before using the access token. */
  readonly refreshToken?: string;
}
