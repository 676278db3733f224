// Which URLs the app hands to the system browser (shell.openExternal). Opening an arbitrary URL
// can launch any registered protocol handler, so only fixed, trusted destinations pass.

/** The Spotify developer dashboard, where people create the app whose Client ID they enter. */
export const spotifyDashboardUrl = 'https://developer.spotify.com/dashboard';

const spotifyOpenOrigin = 'https://open.spotify.com';

/** Spotify profile and item pages (a profile's "open in Spotify" link): exactly open.spotify.com. */
export function isOpenableSpotifyPage(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.origin === spotifyOpenOrigin &&
    parsed.username === '' &&
    parsed.password === ''
  );
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
