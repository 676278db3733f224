// The app's own file of Liked Songs: a versioned JSON document holding one or more accounts'
// libraries with every field the cache keeps, dates added included. Export writes it, import and
// restore read it with the same schema, so what one version writes is exactly what it reads.
// The format is documented in docs/library-file-format.md; a new shape means a new `version`.
import { z } from 'zod';
import type { SavedTrack } from '../spotify/models.js';

/** Names the file as ours, whatever it is called on disk. */
export const LIBRARY_FILE_FORMAT = 'multi-account-for-spotify/liked-songs';
export const LIBRARY_FILE_VERSION = 1;

/** One account's part of an export: whose tracks, as of when, newest first. */
export interface ExportSection {
  readonly account: {
    readonly label: string;
    readonly spotifyUserId: string | null;
  };
  /** When Spotify last confirmed these tracks, epoch ms. */
  readonly syncedAt: number;
  /** Newest first, as Spotify orders them. */
  readonly tracks: readonly SavedTrack[];
}

export interface ExportMeta {
  readonly appName: string;
  readonly appVersion: string;
  /** Epoch ms. */
  readonly exportedAt: number;
}

const isoDate = z.iso.datetime({ offset: true });
const text = z.string().max(10_000);

const fileArtistSchema = z.object({ id: z.string().max(200).nullable(), name: text });

export const fileTrackSchema = z.object({
  /** Null for local files. */
  id: z.string().max(200).nullable(),
  uri: z.string().max(2_000),
  name: text,
  artists: z.array(fileArtistSchema).max(1_000),
  album: text,
  albumImageUrl: z.string().max(2_000).nullable(),
  durationMs: z.number().int().min(0),
  explicit: z.boolean(),
  isLocal: z.boolean(),
  /** When the account saved it (ISO 8601, UTC). */
  addedAt: isoDate,
  spotifyUrl: z.string().max(2_000).nullable(),
});

export const fileAccountSchema = z.object({
  label: z.string().max(1_000),
  spotifyUserId: z.string().max(200).nullable(),
  syncedAt: isoDate,
  /** Newest first. */
  tracks: z.array(fileTrackSchema),
});

/** The whole file as import reads it (`version` is checked before this, with its own message). */
export const libraryFileSchema = z.object({
  format: z.literal(LIBRARY_FILE_FORMAT),
  version: z.literal(LIBRARY_FILE_VERSION),
  app: z.object({ name: z.string().max(200), version: z.string().max(100) }),
  exportedAt: isoDate,
  accounts: z.array(fileAccountSchema).min(1).max(1_000),
});

export type LibraryFile = z.infer<typeof libraryFileSchema>;
export type FileTrack = z.infer<typeof fileTrackSchema>;

/** The file's text: one account per section, in the order given. */
export function encodeLibraryJson(sections: readonly ExportSection[], meta: ExportMeta): string {
  const file: LibraryFile = {
    format: LIBRARY_FILE_FORMAT,
    version: LIBRARY_FILE_VERSION,
    app: { name: meta.appName, version: meta.appVersion },
    exportedAt: new Date(meta.exportedAt).toISOString(),
    accounts: sections.map((section) => ({
      label: section.account.label,
      spotifyUserId: section.account.spotifyUserId,
      syncedAt: new Date(section.syncedAt).toISOString(),
      tracks: section.tracks.map(fileTrackOf),
    })),
  };
  // Two-space indent keeps the file readable and diffable; its size stays within a few MB.
  return `${JSON.stringify(file, null, 2)}\n`;
}

function fileTrackOf(track: SavedTrack): FileTrack {
  return {
    id: track.id,
    uri: track.uri,
    name: track.name,
    artists: track.artists.map((artist) => ({ id: artist.id, name: artist.name })),
    album: track.album,
    albumImageUrl: track.albumImageUrl,
    durationMs: track.durationMs,
    explicit: track.explicit,
    isLocal: track.isLocal,
    addedAt: new Date(track.addedAt).toISOString(),
    spotifyUrl: track.spotifyUrl,
  };
}
