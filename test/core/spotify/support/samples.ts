// Spec-shaped Web API answers written by hand, for the mapping tests.

export const fullProfileJson = {
  account_id: 'aB3dE5fG7h',
  display_name: 'Ada Lovelace',
  external_urls: { spotify: 'https://open.spotify.com/user/ada' },
  href: 'https://api.spotify.com/v1/users/ada',
  id: 'ada',
  images: [
    { url: 'https://i.scdn.co/image/ada-300', height: 300, width: 300 },
    { url: 'https://i.scdn.co/image/ada-64', height: 64, width: 64 },
  ],
  type: 'user',
  uri: 'spotify:user:ada',
};

/** A Development Mode answer: no name, no pictures, no account_id, and a field we do not know. */
export const bareProfileJson = {
  display_name: null,
  external_urls: { spotify: 'https://open.spotify.com/user/bare' },
  href: 'https://api.spotify.com/v1/users/bare',
  id: 'bare',
  images: [],
  type: 'user',
  uri: 'spotify:user:bare',
  some_future_field: { nested: true },
};

export function catalogueTrackJson(n: number) {
  return {
    album: {
      album_type: 'album',
      total_tracks: 10,
      available_markets: ['GB', 'US'],
      external_urls: { spotify: `https://open.spotify.com/album/album${n}` },
      href: `https://api.spotify.com/v1/albums/album${n}`,
      id: `album${n}`,
      images: [
        { url: `https://i.scdn.co/image/album${n}-640`, height: 640, width: 640 },
        { url: `https://i.scdn.co/image/album${n}-300`, height: 300, width: 300 },
        { url: `https://i.scdn.co/image/album${n}-64`, height: 64, width: 64 },
      ],
      name: `Album ${n}`,
      release_date: '1981-12',
      release_date_precision: 'month',
      type: 'album',
      uri: `spotify:album:album${n}`,
      artists: [
        { id: 'artist1', name: 'First Artist', type: 'artist', uri: 'spotify:artist:artist1' },
      ],
    },
    artists: [
      {
        external_urls: { spotify: 'https://open.spotify.com/artist/artist1' },
        href: 'https://api.spotify.com/v1/artists/artist1',
        id: 'artist1',
        name: 'First Artist',
        type: 'artist',
        uri: 'spotify:artist:artist1',
      },
      { id: 'artist2', name: 'Second Artist', type: 'artist', uri: 'spotify:artist:artist2' },
    ],
    available_markets: ['GB', 'US'],
    disc_number: 1,
    duration_ms: 201_000 + n,
    explicit: n % 2 === 0,
    external_ids: { isrc: 'USUM71703861' },
    external_urls: { spotify: `https://open.spotify.com/track/track${n}` },
    href: `https://api.spotify.com/v1/tracks/track${n}`,
    id: `track${n}`,
    name: `Track ${n}`,
    popularity: 42,
    preview_url: null,
    track_number: 3,
    type: 'track',
    uri: `spotify:track:track${n}`,
    is_local: false,
  };
}

/** How Spotify serves a local file: no ids, no album art, empty external URLs. */
export const localTrackJson = {
  album: {
    album_type: null,
    total_tracks: 0,
    external_urls: {},
    href: null,
    id: null,
    images: [],
    name: 'Home Recordings',
    release_date: null,
    release_date_precision: null,
    type: 'album',
    uri: null,
    artists: [],
  },
  artists: [{ external_urls: {}, href: null, id: null, name: 'Me', type: 'artist', uri: null }],
  disc_number: 0,
  duration_ms: 180_000,
  explicit: false,
  external_ids: {},
  external_urls: {},
  href: null,
  id: null,
  is_local: true,
  name: 'Demo Take 3',
  track_number: 0,
  type: 'track',
  uri: 'spotify:local:Me:Home+Recordings:Demo+Take+3:180',
};

export function pageJson(items: unknown[], offset: number, limit: number, total: number) {
  const base = 'https://api.spotify.com/v1/me/tracks';
  return {
    href: `${base}?offset=${offset}&limit=${limit}`,
    items,
    limit,
    next: offset + limit < total ? `${base}?offset=${offset + limit}&limit=${limit}` : null,
    offset,
    previous: offset > 0 ? `${base}?offset=${Math.max(0, offset - limit)}&limit=${limit}` : null,
    total,
  };
}

/** A copy of `value` without the named fields. */
export function without<T extends object>(value: T, ...keys: string[]): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !keys.includes(key)),
  ) as Partial<T>;
}

/** The same track as Development Mode serves it: every field the spec marks deprecated removed. */
export function developmentModeTrackJson(n: number) {
  const track = catalogueTrackJson(n);
  return {
    ...without(track, 'available_markets', 'popularity', 'preview_url', 'linked_from'),
    album: without(track.album, 'available_markets'),
  };
}
