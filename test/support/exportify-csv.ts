// Files as Exportify (the most widely used Spotify exporter) writes them: its 24 columns, every
// cell quoted, for tests and benchmarks of import. Only the columns import reads carry the
// track's data; the others hold plausible values, as a real file would.
import type { SavedTrack } from '../../electron/core/spotify/models.js';

export const EXPORTIFY_HEADER = [
  'Track URI',
  'Track Name',
  'Album Name',
  'Artist Name(s)',
  'Release Date',
  'Duration (ms)',
  'Popularity',
  'Explicit',
  'Added By',
  'Added At',
  'Genres',
  'Record Label',
  'Danceability',
  'Energy',
  'Key',
  'Loudness',
  'Mode',
  'Speechiness',
  'Acousticness',
  'Instrumentalness',
  'Liveness',
  'Valence',
  'Tempo',
  'Time Signature',
] as const;

export interface ExportifyRow {
  readonly uri: string;
  readonly name?: string;
  readonly album?: string;
  /** Names joined by a comma, as Exportify does. */
  readonly artists?: string;
  readonly durationMs?: number;
  readonly explicit?: boolean;
  /** As Exportify writes it, e.g. `2024-03-01T10:00:00Z`. */
  readonly addedAt: string;
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** The header line. */
export const exportifyHeaderLine = EXPORTIFY_HEADER.map(quote).join(',');

/** One row's line. */
export function exportifyLine(row: ExportifyRow): string {
  return [
    row.uri,
    row.name ?? 'Name',
    row.album ?? 'Album',
    row.artists ?? 'A,B',
    '2019-05-17',
    String(row.durationMs ?? 215_000),
    '41',
    String(row.explicit ?? false),
    '',
    row.addedAt,
    'pop',
    'Label',
    '0.5',
    '0.6',
    '5',
    '-7.1',
    '1',
    '0.04',
    '0.2',
    '0',
    '0.1',
    '0.4',
    '120.0',
    '4',
  ]
    .map(quote)
    .join(',');
}

/** A saved track as Exportify's row of it (its dates without milliseconds, as Exportify's). */
export function exportifyRowOf(track: SavedTrack): ExportifyRow {
  return {
    uri: track.uri,
    name: track.name,
    album: track.album,
    artists: track.artists.map((artist) => artist.name).join(','),
    durationMs: track.durationMs,
    explicit: track.explicit,
    addedAt: new Date(track.addedAt).toISOString().replace('.000Z', 'Z'),
  };
}

/** A whole file of these tracks, newest first as Spotify lists them. */
export function exportifyCsv(tracks: readonly SavedTrack[]): string {
  return `${[exportifyHeaderLine, ...tracks.map((track) => exportifyLine(exportifyRowOf(track)))].join('\n')}\n`;
}
