// The parts of a track row shared by every track table: the cover (or a note symbol), and the
// title with its Explicit and Local file badges.
import { useState } from 'react';

import type { TrackView } from '../app-contract.js';
import { useImageSource } from '../images/image-source.js';

/** What the Local file badge says when pointed at, unless a table says more. */
const localFileNote = 'A local file, not on Spotify';

/** The track's title, then its badges. */
export function TrackTitle({
  track,
  localNote = localFileNote,
}: {
  readonly track: TrackView;
  readonly localNote?: string;
}) {
  return (
    <>
      <span className="track-name">{track.name}</span>
      {track.explicit && (
        <span className="badge" role="img" aria-label="Explicit" title="Explicit">
          E
        </span>
      )}
      {track.isLocal && (
        <span className="badge" title={localNote}>
          Local file
        </span>
      )}
    </>
  );
}

/** The album cover, or a note symbol when there is none or it cannot be loaded (offline). */
export function Cover({ url, paused }: { readonly url: string | null; readonly paused: boolean }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  // The cover this row has shown: it stays while loading is paused, a new one waits.
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null);
  const imageSource = useImageSource();
  if (url === null || url === failedUrl || (paused && url !== loadedUrl)) {
    return (
      <span className="cover-placeholder" aria-hidden="true">
        ♪
      </span>
    );
  }
  return (
    <img
      // A new element per cover: rows are reused by position, and a reused <img> would show the
      // previous track's cover until the new one loads.
      key={url}
      src={imageSource(url)}
      alt=""
      loading="lazy"
      width={40}
      height={40}
      onLoad={() => setLoadedUrl(url)}
      onError={() => setFailedUrl(url)}
    />
  );
}
