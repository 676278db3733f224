// The app's own shapes for what it reads from Spotify: compact, flat, and the only Spotify data
// that travels past the mappers (to the cache, the IPC contract and the renderer). Tens of
// thousands of SavedTracks live in memory at once, so they carry only what the UI shows.

export interface Profile {
  /** Stable key for the account: Spotify's `account_id`, else its user `id`. */
  readonly accountKey: string;
  readonly spotifyUserId: string;
  readonly displayName: string | null;
  readonly imageUrl: string | null;
  /** The profile on open.spotify.com. */
  readonly profileUrl: string | null;
  readonly uri: string;
}

export interface ArtistRef {
  /** Null for artists of local files. */
  readonly id: string | null;
  readonly name: string;
}

export interface SavedTrack {
  /** Null for local files. */
  readonly id: string | null;
  readonly uri: string;
  readonly name: string;
  readonly artists: readonly ArtistRef[];
  readonly album: string;
  /** A small cover (about 64 px) for the track list. */
  readonly albumImageUrl: string | null;
  readonly durationMs: number;
  readonly explicit: boolean;
  readonly isLocal: boolean;
  /** When the user saved it, epoch milliseconds. */
  readonly addedAt: number;
  readonly spotifyUrl: string | null;
}

export interface SavedTracksPage {
  /** Newest first, as Spotify orders them. */
  readonly items: readonly SavedTrack[];
  /** Size of the whole library. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** Offset of the next page, or null when this is the last. */
  readonly nextOffset: number | null;
}
