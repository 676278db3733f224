// Which URLs the app hands to the system browser (shell.openExternal). Opening an arbitrary URL
// can launch any registered protocol handler, so only fixed, trusted destinations pass.

/** The Spotify developer dashboard, where people create the app whose Client ID they enter. */
export const spotifyDashboardUrl = 'https://developer.spotify.com/dashboard';

const spotifyOpenOrigin = 'https://open.spotify.com';

/**
 * Pages a link in the app may open in the system browser: Spotify profile and item pages (exactly
 * open.spotify.com) and the developer dashboard the setup steps point to (exactly that page).
 */
export function isOpenableSpotifyPage(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  return parsed.origin === spotifyOpenOrigin || parsed.href === spotifyDashboardUrl;
}

/**
 * "Sign in with my browser instead": the authorize URL the core built must be the configured
 * accounts service's `/authorize`, nothing else.
 */
export function isBrowserLoginUrl(url: string, accountsOrigin: string): boolean {
  const parsed = parse(url);
  const expected = parse(accountsOrigin);
  return (
    parsed !== null &&
    expected !== null &&
    parsed.origin === expected.origin &&
    parsed.pathname === '/authorize' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
