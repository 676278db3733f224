// SavedTrack[] ↔ a compact column form for the on-disk cache. Every text field becomes an index
// into one string table (album names, cover URLs and artists repeat a lot, and decoding shares one
// string per value in memory); `spotify:track:<id>` URIs and `open.spotify.com/track/<id>` links
// are not stored at all but rebuilt from the id. Decoding checks every cell, so a damaged file
// fails here with a reason instead of handing the app half-formed tracks. Pure: no I/O.
import type { ArtistRef, SavedTrack } from '../spotify/models.js';

/** Index meaning "null". */
const NONE = -1;
/** Index meaning "rebuild from the track id" (URI and link of ordinary tracks). */
const DERIVED = -2;

export interface TrackColumns {
  readonly strings: string[];
  readonly id: number[];
  readonly uri: number[];
  readonly name: number[];
  /** Per track: [artistId, artistName, artistId, artistName, …] as string indexes. */
  readonly artists: number[][];
  readonly album: number[];
  readonly albumImageUrl: number[];
  readonly durationMs: number[];
  /** 1 or 0. */
  readonly explicit: number[];
  /** 1 or 0. */
  readonly isLocal: number[];
  readonly addedAt: number[];
  readonly spotifyUrl: number[];
}

/** Thrown by decodeTrackColumns; the message says what is wrong, never the data itself. */
export class TrackColumnsError extends Error {}

const trackUri = (id: string) => `spotify:track:${id}`;
const trackUrl = (id: string) => `https://open.spotify.com/track/${id}`;

export function encodeTrackColumns(tracks: readonly SavedTrack[]): TrackColumns {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const ref = (value: string | null): number => {
    if (value === null) return NONE;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  const columns: TrackColumns = {
    strings,
    id: [],
    uri: [],
    name: [],
    artists: [],
    album: [],
    albumImageUrl: [],
    durationMs: [],
    explicit: [],
    isLocal: [],
    addedAt: [],
    spotifyUrl: [],
  };
  for (const track of tracks) {
    const { id } = track;
    columns.id.push(ref(id));
    columns.uri.push(id !== null && track.uri === trackUri(id) ? DERIVED : ref(track.uri));
    columns.name.push(ref(track.name));
    columns.artists.push(track.artists.flatMap((artist) => [ref(artist.id), ref(artist.name)]));
    columns.album.push(ref(track.album));
    columns.albumImageUrl.push(ref(track.albumImageUrl));
    columns.durationMs.push(track.durationMs);
    columns.explicit.push(track.explicit ? 1 : 0);
    columns.isLocal.push(track.isLocal ? 1 : 0);
    columns.addedAt.push(track.addedAt);
    columns.spotifyUrl.push(
      id !== null && track.spotifyUrl === trackUrl(id) ? DERIVED : ref(track.spotifyUrl),
    );
  }
  return columns;
}

/** Rebuilds the tracks; throws TrackColumnsError when anything is missing or out of range. */
export function decodeTrackColumns(value: unknown): SavedTrack[] {
  if (typeof value !== 'object' || value === null) throw new TrackColumnsError('no columns');
  const raw = value as Record<string, unknown>;
  const strings = raw['strings'];
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) {
    throw new TrackColumnsError('bad string table');
  }
  const table = strings as string[];
  const id = numbers(raw, 'id');
  const count = id.length;
  const column = (name: string) => {
    const cells = numbers(raw, name);
    if (cells.length !== count) throw new TrackColumnsError(`column ${name} has a wrong length`);
    return cells;
  };
  const uri = column('uri');
  const name = column('name');
  const album = column('album');
  const albumImageUrl = column('albumImageUrl');
  const durationMs = column('durationMs');
  const explicit = column('explicit');
  const isLocal = column('isLocal');
  const addedAt = column('addedAt');
  const spotifyUrl = column('spotifyUrl');
  const artists = raw['artists'];
  if (!Array.isArray(artists) || artists.length !== count) {
    throw new TrackColumnsError('column artists is missing or has a wrong length');
  }

  const text = (index: number | undefined, field: string): string => {
    const found = index === undefined ? undefined : table[index];
    if (found === undefined) throw new TrackColumnsError(`bad ${field} reference`);
    return found;
  };
  const optional = (index: number | undefined, field: string): string | null =>
    index === NONE ? null : text(index, field);
  const fromId = (trackId: string | null, build: (id: string) => string) => {
    if (trackId === null) throw new TrackColumnsError('a link is derived without a track id');
    return build(trackId);
  };

  const tracks: SavedTrack[] = new Array<SavedTrack>(count);
  for (let i = 0; i < count; i += 1) {
    const trackId = optional(id[i], 'id');
    const uriCell = uri[i];
    const urlCell = spotifyUrl[i];
    const duration = durationMs[i];
    const added = addedAt[i];
    if (duration === undefined || duration < 0 || added === undefined) {
      throw new TrackColumnsError('bad duration or date');
    }
    tracks[i] = {
      id: trackId,
      uri: uriCell === DERIVED ? fromId(trackId, trackUri) : text(uriCell, 'uri'),
      name: text(name[i], 'name'),
      artists: artistsOf(artists[i], optional, text),
      album: text(album[i], 'album'),
      albumImageUrl: optional(albumImageUrl[i], 'albumImageUrl'),
      durationMs: duration,
      explicit: flag(explicit[i]),
      isLocal: flag(isLocal[i]),
      addedAt: added,
      spotifyUrl: urlCell === DERIVED ? fromId(trackId, trackUrl) : optional(urlCell, 'spotifyUrl'),
    };
  }
  return tracks;
}

function numbers(raw: Record<string, unknown>, name: string): number[] {
  const cells = raw[name];
  if (!Array.isArray(cells) || !cells.every((cell) => Number.isSafeInteger(cell))) {
    throw new TrackColumnsError(`column ${name} is missing or not whole numbers`);
  }
  return cells as number[];
}

function flag(cell: number | undefined): boolean {
  if (cell !== 0 && cell !== 1) throw new TrackColumnsError('bad flag');
  return cell === 1;
}

function artistsOf(
  cell: unknown,
  optional: (index: number | undefined, field: string) => string | null,
  text: (index: number | undefined, field: string) => string,
): ArtistRef[] {
  if (!Array.isArray(cell) || cell.length % 2 !== 0) throw new TrackColumnsError('bad artists');
  const artists: ArtistRef[] = [];
  for (let i = 0; i < cell.length; i += 2) {
    const idCell: unknown = cell[i];
    const nameCell: unknown = cell[i + 1];
    if (!Number.isSafeInteger(idCell) || !Number.isSafeInteger(nameCell)) {
      throw new TrackColumnsError('bad artists');
    }
    artists.push({
      id: optional(idCell as number, 'artist id'),
      name: text(nameCell as number, 'artist name'),
    });
  }
  return artists;
}
