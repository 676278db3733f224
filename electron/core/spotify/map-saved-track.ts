// `GET /v1/me/tracks` JSON → the app's SavedTrack and SavedTracksPage. The one place that knows
// the saved-track Spotify shape.

import type { SavedTrackJson, SavedTracksPageJson } from './api-schemas.js';
import type { SavedTrack, SavedTracksPage } from './models.js';
import { pickImageUrl } from './pick-image.js';

// The track list shows covers at about 40–64 px.
const ALBUM_IMAGE_MIN_WIDTH = 64;

/** Null when Spotify sent the item without a track (it can no longer serve it). */
export function mapSavedTrack(item: SavedTrackJson): SavedTrack | null {
  const track = item.track;
  if (track === null) return null;
  return {
    id: track.id ?? null,
    uri: track.uri,
    name: track.name,
    artists: track.artists.map((artist) => ({ id: artist.id ?? null, name: artist.name })),
    album: track.album?.name ?? '',
    albumImageUrl: pickImageUrl(track.album?.images ?? [], ALBUM_IMAGE_MIN_WIDTH),
    durationMs: track.duration_ms,
    explicit: track.explicit ?? false,
    isLocal: track.is_local ?? false,
    addedAt: Date.parse(item.added_at),
    spotifyUrl: track.external_urls?.spotify ?? null,
  };
}

export function mapSavedTracksPage(page: SavedTracksPageJson): SavedTracksPage {
  const items: SavedTrack[] = [];
  for (const item of page.items) {
    const track = mapSavedTrack(item);
    if (track !== null) items.push(track);
  }
  // From the paging numbers, not from items.length: skipped items must not shift later pages.
  const following = page.offset + page.limit;
  const nextOffset = page.next === null || following >= page.total ? null : following;
  return { items, total: page.total, offset: page.offset, limit: page.limit, nextOffset };
}
