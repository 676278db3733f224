// A file's reference to a track as Spotify writes them — `spotify:track:ID`, an
// open.spotify.com link (with a locale segment or query string), or a bare ID — read into the
// track's ID, or the reason it cannot be saved to an account: nothing there, a local file (it has
// no Spotify ID), or something else (an episode, a typo, a cut-off cell).
import type { RejectedRowReason } from '../ipc/library-file-views.js';

export type TrackReference =
  { readonly id: string } | { readonly reason: RejectedRowReason; readonly value: string };

/** Spotify IDs are 22 base-62 characters. */
const spotifyId = /^[0-9A-Za-z]{22}$/;
const uriPattern = /^spotify:track:([0-9A-Za-z]{22})$/;
const linkPattern =
  /^https?:\/\/open\.spotify\.com\/(?:intl-[a-z]{2}(?:-[A-Za-z]{2})?\/)?track\/([0-9A-Za-z]{22})(?:[/?#].*)?$/;
/** How much of a bad value a rejected row shows. */
const shownLength = 60;

export function readTrackReference(raw: string): TrackReference {
  const value = raw.trim();
  if (value === '') return { reason: 'no_track_uri', value: '' };
  if (value.startsWith('spotify:local:')) return { reason: 'local_file', value: shorten(value) };
  const id = uriPattern.exec(value)?.[1] ?? linkPattern.exec(value)?.[1];
  if (id !== undefined) return { id };
  if (spotifyId.test(value)) return { id: value };
  return { reason: 'malformed_uri', value: shorten(value) };
}

export function shorten(raw: string): string {
  // A cell may hold line breaks (a quoted value); one line shows it.
  const value = raw.replace(/\s+/g, ' ');
  return value.length <= shownLength ? value : `${value.slice(0, shownLength - 1)}…`;
}
