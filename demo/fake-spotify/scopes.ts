// The OAuth scopes Spotify knows (from the OpenAPI spec's security scheme). Anything else, and
// the long-dead user-read-birthdate, is an illegal scope that breaks the login.

export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  'app-remote-control',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-public',
  'playlist-modify-private',
  'user-library-read',
  'user-library-modify',
  'user-read-private',
  'user-read-email',
  'user-follow-read',
  'user-follow-modify',
  'user-top-read',
  'user-read-playback-position',
  'user-read-playback-state',
  'user-read-recently-played',
  'user-read-currently-playing',
  'user-modify-playback-state',
  'ugc-image-upload',
  'streaming',
]);

/** What the app asks for; the control API mints tokens with these unless told otherwise. */
export const DEFAULT_TOKEN_SCOPE = 'user-read-private user-library-read user-library-modify';

export function splitScope(scope: string): string[] {
  return scope.split(/\s+/).filter((s) => s.length > 0);
}

export function hasScope(granted: string, needed: string): boolean {
  return splitScope(granted).includes(needed);
}
