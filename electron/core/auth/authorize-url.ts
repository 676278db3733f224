// Builds the URL of Spotify's authorize page for one login. Holds the app's default scopes, which
// are the least the app needs: Development Mode returns no email, so no user-read-email, and
// user-read-birthdate is an illegal scope that breaks the login.
import type { SpotifyEndpoints } from '../spotify-endpoints.js';

export const DEFAULT_SCOPES: readonly string[] = Object.freeze([
  'user-read-private',
  'user-library-read',
  'user-library-modify',
]);

export interface AuthorizeUrlParams {
  readonly endpoints: SpotifyEndpoints;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly state: string;
  readonly scopes?: readonly string[];
}

export function buildAuthorizeUrl(params: AuthorizeUrlParams): string {
  // Appended rather than resolved, so a base URL with a path prefix keeps it.
  const url = new URL(`${params.endpoints.accountsBaseUrl.replace(/\/+$/, '')}/authorize`);
  const query = new URLSearchParams({
    client_id: params.clientId,
    response_type: 'code',
    redirect_uri: params.redirectUri,
    code_challenge_method: 'S256',
    code_challenge: params.codeChallenge,
    state: params.state,
    scope: (params.scopes ?? DEFAULT_SCOPES).join(' '),
    // Forces the consent page, so the user sees which account is being added.
    show_dialog: 'true',
  });
  url.search = query.toString();
  return url.toString();
}
