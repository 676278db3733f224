// The tracks a page selected, by their positions in the library revision it showed: null when the
// library held now is not that revision (the page must select again on the new list), so a job or
// an export never takes tracks the person did not see.
import type { SavedTrack } from '../spotify/models.js';
import type { LibrarySnapshot } from './library-snapshot.js';

export function tracksAtRevision(
  held: LibrarySnapshot | null,
  heldRevision: string | null,
  selection: { readonly revision: string; readonly positions: readonly number[] },
): SavedTrack[] | null {
  if (held === null || heldRevision !== selection.revision) return null;
  const tracks: SavedTrack[] = [];
  for (const position of selection.positions) {
    const track = held.tracks[position];
    if (track === undefined) return null;
    tracks.push(track);
  }
  return tracks;
}
