// Where a login window may go. Only Spotify's sign-in hosts (or the configured accounts origin,
// e.g. the demo's fake Spotify) and this login's own loopback callback; everything else — sign-up
// and help pages on www.spotify.com, Google/Facebook/Apple sign-in (they refuse embedded windows:
// that is what "Sign in with my browser instead" is for), any other site — is blocked.
import { AppError } from '../core/errors/app-error.js';
import { realSpotifyEndpoints } from '../core/spotify-endpoints.js';

export interface LoginNavigationScope {
  /** Origin of the configured accounts service, e.g. https://accounts.spotify.com. */
  readonly accountsOrigin: string;
  /** Origin of this login's loopback redirect, e.g. http://127.0.0.1:43123. */
  readonly redirectOrigin: string;
}

// Spotify sends people through its challenge host (captcha, suspicious-login checks) during sign-in.
const realSpotifyLoginCompanions = ['https://challenge.spotify.com'];

export function isAllowedLoginNavigation(url: string, scope: LoginNavigationScope): boolean {
  const target = parse(url);
  if (target === null || target.username !== '' || target.password !== '') return false;
  if (target.origin === scope.redirectOrigin) return target.pathname === '/callback';
  const accounts = parse(scope.accountsOrigin)?.origin;
  if (accounts === undefined) return false;
  if (target.origin === accounts) return true;
  return (
    accounts === realSpotifyEndpoints.accountsBaseUrl &&
    realSpotifyLoginCompanions.includes(target.origin)
  );
}

export type LoginUrlErrorCode = 'login_url_untrusted';

/**
 * Checks the URL the core asks to open and reads this login's scope from it: it must be the
 * accounts service's `/authorize`, with a loopback `redirect_uri` on 127.0.0.1.
 */
export function loginScopeOf(authorizeUrl: string, accountsOrigin: string): LoginNavigationScope {
  const url = parse(authorizeUrl);
  const accounts = parse(accountsOrigin);
  const redirect = parse(url?.searchParams.get('redirect_uri') ?? '');
  if (
    url === null ||
    accounts === null ||
    url.origin !== accounts.origin ||
    url.pathname !== '/authorize' ||
    redirect === null ||
    redirect.protocol !== 'http:' ||
    redirect.hostname !== '127.0.0.1' ||
    redirect.pathname !== '/callback'
  ) {
    throw new AppError<LoginUrlErrorCode>(
      'login_url_untrusted',
      'The sign-in page address is not the configured Spotify accounts service.',
    );
  }
  return { accountsOrigin: accounts.origin, redirectOrigin: redirect.origin };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
