// Where the page loads one of Spotify's pictures from: never Spotify's (or Facebook's) hosts, but
// the app's image route, which the main side's image cache answers (the bridge says where it is).
// The page's CSP allows no other image host, and cached pictures show offline.
import { useStore } from '../state/app-store.js';

/** The address of `imageUrl` under the image route at `baseUrl`. */
export function imageSource(baseUrl: string, imageUrl: string): string {
  return baseUrl + encodeURIComponent(imageUrl);
}

/** `imageSource` for this app's bridge. */
export function useImageSource(): (imageUrl: string) => string {
  const { baseUrl } = useStore().api.images;
  return (imageUrl) => imageSource(baseUrl, imageUrl);
}
