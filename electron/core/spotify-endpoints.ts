// Where the app finds Spotify. Real Spotify by default; tests, benchmarks and the demo point both
// base URLs at the fake Spotify, which serves the accounts and Web API paths from one origin.

export interface SpotifyEndpoints {
  /** Origin of the accounts service: `/authorize` and `/api/token` live under it. */
  readonly accountsBaseUrl: string;
  /** Origin of the Web API: `/v1/...` lives under it. */
  readonly apiBaseUrl: string;
  /**
   * Where Spotify's pictures are fetched from, when not from their own hosts: a picture at
   * `https://<host><path>` is fetched from `<imageCdnBaseUrl>/<host><path>`. The fake Spotify
   * serves them under `/cdn`; real Spotify leaves it unset.
   */
  readonly imageCdnBaseUrl?: string;
}

export const realSpotifyEndpoints: SpotifyEndpoints = {
  accountsBaseUrl: 'https://accounts.spotify.com',
  apiBaseUrl: 'https://api.spotify.com',
};

/** Both services served from one origin, as the fake Spotify does. */
export function singleOriginEndpoints(baseUrl: string): SpotifyEndpoints {
  const origin = baseUrl.replace(/\/+$/, '');
  return { accountsBaseUrl: origin, apiBaseUrl: origin, imageCdnBaseUrl: `${origin}/cdn` };
}

/** The URL a picture is fetched from under these endpoints (see `imageCdnBaseUrl`). */
export function imageFetchUrl(endpoints: SpotifyEndpoints, imageUrl: URL): string {
  if (endpoints.imageCdnBaseUrl === undefined) return imageUrl.href;
  return `${endpoints.imageCdnBaseUrl}/${imageUrl.host}${imageUrl.pathname}${imageUrl.search}`;
}
