import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES, buildAuthorizeUrl } from '../../../electron/core/auth/authorize-url.js';
import {
  realSpotifyEndpoints,
  singleOriginEndpoints,
} from '../../../electron/core/spotify-endpoints.js';

const base = {
  clientId: '0123456789abcdef0123456789abcdef',
  redirectUri: 'http://127.0.0.1:43123/callback',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHoeJ2oHyhMiDtEmn8I3q8M',
  state: 'some-state',
};

describe('authorize URL', () => {
  it('asks Spotify for a PKCE S256 code with state, the default scopes and a forced consent page', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, endpoints: realSpotifyEndpoints }));
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.spotify.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: base.clientId,
      response_type: 'code',
      redirect_uri: base.redirectUri,
      code_challenge_method: 'S256',
      code_challenge: base.codeChallenge,
      state: base.state,
      scope: 'user-read-private user-library-read user-library-modify',
      show_dialog: 'true',
    });
  });

  it('requests only the scopes the app needs: no email, never birthdate', () => {
    expect(DEFAULT_SCOPES).toEqual([
      'user-read-private',
      'user-library-read',
      'user-library-modify',
    ]);
    expect(DEFAULT_SCOPES).not.toContain('user-read-email');
    expect(DEFAULT_SCOPES).not.toContain('user-read-birthdate');
  });

  it('sends the scopes it is given, and keeps a base URL path prefix', () => {
    const url = new URL(
      buildAuthorizeUrl({
        ...base,
        endpoints: singleOriginEndpoints('http://127.0.0.1:9999/spotify/'),
        scopes: ['user-read-private'],
      }),
    );
    expect(url.pathname).toBe('/spotify/authorize');
    expect(url.searchParams.get('scope')).toBe('user-read-private');
  });
});
