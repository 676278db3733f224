// Chooses one image URL from Spotify's list (widest first; sizes may be null). The UI shows small
// thumbnails, so we take the smallest image that is still at least the wanted width, rather than
// the largest one that Spotify lists first.

import type { ImageJson } from './api-schemas.js';

export function pickImageUrl(images: readonly ImageJson[], minWidth: number): string | null {
  let best: { url: string; width: number } | null = null;
  for (const image of images) {
    const width = image.width ?? image.height ?? null;
    if (width === null || width < minWidth) continue;
    if (best === null || width < best.width) best = { url: image.url, width };
  }
  // None big enough, or sizes unknown: the first is the widest there is.
  return best?.url ?? images[0]?.url ?? null;
}
