// The seeded music catalogue: turns a catalogue index (or a local-file key) into the full
// TrackObject JSON that GET /v1/me/tracks returns, computed on demand from (seed, index) so a
// library of 100,000 tracks costs no more memory than its list of indexes.
import { catalogueId } from './catalogue-ids.js';
import { hexString, mix32, pick, unitFloat } from './seeded-random.js';
import { ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS, TITLE_VERBS } from './word-lists.js';

const TRACKS_PER_ALBUM = 10;
const ARTIST_COUNT = 5_000;

export interface ImageJson {
  url: string;
  height: number | null;
  width: number | null;
}

export interface ArtistJson {
  external_urls: { spotify?: string };
  href: string | null;
  id: string | null;
  name: string;
  type: 'artist';
  uri: string | null;
}

export interface AlbumJson {
  album_type: 'album' | 'single' | 'compilation' | null;
  total_tracks: number;
  external_urls: { spotify?: string };
  href: string | null;
  id: string | null;
  images: ImageJson[];
  name: string;
  release_date: string | null;
  release_date_precision: 'year' | 'month' | 'day' | null;
  type: 'album';
  uri: string | null;
  artists: ArtistJson[];
}

export interface TrackJson {
  album: AlbumJson;
  artists: ArtistJson[];
  disc_number: number;
  duration_ms: number;
  explicit: boolean;
  external_ids: { isrc?: string };
  external_urls: { spotify?: string };
  href: string | null;
  id: string | null;
  is_local: boolean;
  is_playable?: boolean;
  name: string;
  preview_url: string | null;
  track_number: number;
  type: 'track';
  uri: string;
}

export interface TrackRenderContext {
  seed: number;
  /** Origin of the fake, so hrefs point somewhere that answers. */
  baseUrl: string;
  /** Present when the request named a market: Spotify then adds `is_playable`. */
  market: string | null;
}

export function trackId(seed: number, index: number): string {
  return catalogueId('track', seed, index);
}

export function catalogueTrack(index: number, ctx: TrackRenderContext): TrackJson {
  const { seed, baseUrl } = ctx;
  const id = trackId(seed, index);
  const albumIndex = Math.floor(index / TRACKS_PER_ALBUM);
  const album = catalogueAlbum(albumIndex, ctx);
  const albumArtist = album.artists[0];
  const artists = albumArtist ? [albumArtist] : [];
  if (mix32(seed, index, 3) % 6 === 0) {
    artists.push(catalogueArtist((mix32(seed, index, 4) % ARTIST_COUNT) >>> 0, ctx));
  }
  const track: TrackJson = {
    album,
    artists,
    disc_number: 1,
    duration_ms: 90_000 + (mix32(seed, index, 5) % 330_000),
    explicit: unitFloat(seed, index, 6) < 0.15,
    external_ids: {
      isrc: `QZ${hexString(3, seed, index, 7).toUpperCase()}${String(index % 10_000_000).padStart(7, '0')}`,
    },
    external_urls: { spotify: `https://open.spotify.com/track/${id}` },
    href: `${baseUrl}/v1/tracks/${id}`,
    id,
    is_local: false,
    name: trackTitle(seed, index),
    preview_url: null,
    track_number: (index % TRACKS_PER_ALBUM) + 1,
    type: 'track',
    uri: `spotify:track:${id}`,
  };
  if (ctx.market !== null) track.is_playable = true;
  return track;
}

/** A local file as Spotify reports it: no IDs, no links, a `spotify:local:` URI. */
export function localTrack(
  userIndex: number,
  localKey: number,
  ctx: TrackRenderContext,
): TrackJson {
  const { seed } = ctx;
  const artistName = personName(seed, 90_000 + userIndex, localKey);
  const albumName = `${pick(ADJECTIVES, seed, userIndex, localKey, 11)} ${pick(NOUNS, seed, userIndex, localKey, 12)} (Home Recordings)`;
  const title = `${pick(TITLE_VERBS, seed, userIndex, localKey, 13)} ${pick(NOUNS, seed, userIndex, localKey, 14)}`;
  const durationSeconds = 120 + (mix32(seed, userIndex, localKey, 15) % 240);
  const artist: ArtistJson = {
    external_urls: {},
    href: null,
    id: null,
    name: artistName,
    type: 'artist',
    uri: null,
  };
  return {
    album: {
      album_type: null,
      total_tracks: 0,
      external_urls: {},
      href: null,
      id: null,
      images: [],
      name: albumName,
      release_date: null,
      release_date_precision: null,
      type: 'album',
      uri: null,
      artists: [],
    },
    artists: [artist],
    disc_number: 0,
    duration_ms: durationSeconds * 1000,
    explicit: false,
    external_ids: {},
    external_urls: {},
    href: null,
    id: null,
    is_local: true,
    name: title,
    preview_url: null,
    track_number: 0,
    type: 'track',
    uri: ['spotify:local', artistName, albumName, title, String(durationSeconds)]
      .map((part, i) => (i === 0 ? part : encodeURIComponent(part).replace(/%20/g, '+')))
      .join(':'),
  };
}

function catalogueAlbum(albumIndex: number, ctx: TrackRenderContext): AlbumJson {
  const { seed, baseUrl } = ctx;
  const id = catalogueId('album', seed, albumIndex);
  const artist = catalogueArtist(mix32(seed, albumIndex, 20) % ARTIST_COUNT, ctx);
  const year = 1965 + (mix32(seed, albumIndex, 21) % 61);
  const month = 1 + (mix32(seed, albumIndex, 22) % 12);
  const day = 1 + (mix32(seed, albumIndex, 23) % 28);
  const precision = pick(['day', 'day', 'day', 'month', 'year'] as const, seed, albumIndex, 24);
  const releaseDate =
    precision === 'year'
      ? `${year}`
      : precision === 'month'
        ? `${year}-${pad2(month)}`
        : `${year}-${pad2(month)}-${pad2(day)}`;
  const cover = hexString(24, seed, albumIndex, 25);
  return {
    album_type: pick(
      ['album', 'album', 'album', 'single', 'compilation'] as const,
      seed,
      albumIndex,
      26,
    ),
    total_tracks: TRACKS_PER_ALBUM,
    external_urls: { spotify: `https://open.spotify.com/album/${id}` },
    href: `${baseUrl}/v1/albums/${id}`,
    id,
    // Widest first, as Spotify sends them; the prefixes are the CDN's real size markers.
    images: [
      { url: `https://i.scdn.co/image/ab67616d0000b273${cover}`, height: 640, width: 640 },
      { url: `https://i.scdn.co/image/ab67616d00001e02${cover}`, height: 300, width: 300 },
      { url: `https://i.scdn.co/image/ab67616d00004851${cover}`, height: 64, width: 64 },
    ],
    name: `${pick(ADJECTIVES, seed, albumIndex, 27)} ${pick(NOUNS, seed, albumIndex, 28)}`,
    release_date: releaseDate,
    release_date_precision: precision,
    type: 'album',
    uri: `spotify:album:${id}`,
    artists: [artist],
  };
}

function catalogueArtist(artistIndex: number, ctx: TrackRenderContext): ArtistJson {
  const { seed, baseUrl } = ctx;
  const id = catalogueId('artist', seed, artistIndex);
  const name =
    mix32(seed, artistIndex, 30) % 2 === 0
      ? personName(seed, artistIndex, 31)
      : `The ${pick(ADJECTIVES, seed, artistIndex, 32)} ${pick(NOUNS, seed, artistIndex, 33)}`;
  return {
    external_urls: { spotify: `https://open.spotify.com/artist/${id}` },
    href: `${baseUrl}/v1/artists/${id}`,
    id,
    name,
    type: 'artist',
    uri: `spotify:artist:${id}`,
  };
}

function trackTitle(seed: number, index: number): string {
  const shape = mix32(seed, index, 40) % 3;
  if (shape === 0) return `${pick(TITLE_VERBS, seed, index, 41)} ${pick(NOUNS, seed, index, 42)}`;
  if (shape === 1) return `${pick(ADJECTIVES, seed, index, 43)} ${pick(NOUNS, seed, index, 44)}`;
  return pick(NOUNS, seed, index, 45);
}

function personName(seed: number, a: number, b: number): string {
  return `${pick(FIRST_NAMES, seed, a, b, 50)} ${pick(LAST_NAMES, seed, a, b, 51)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
