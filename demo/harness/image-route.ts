// The harness's stand-in for the app's image protocol: `/image/<encoded Spotify image URL>`,
// answered by the same function as the Electron `app-image:` protocol (over the core's image
// cache), so the page shows covers and avatars, from the fake Spotify, exactly as in the app.
import type http from 'node:http';
import type { ImageCache } from '../../electron/core/images/image-cache.js';
import { answerImageRequest, imageBaseUrl } from '../../electron/shell/image-protocol.js';

export const imagePath = '/image/';

export async function serveCachedImage(
  images: Pick<ImageCache, 'get'>,
  pathname: string,
  method: string,
  res: http.ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  // The page's address, read as the app's: what follows /image/ is the protocol's path.
  const request = new Request(imageBaseUrl + pathname.slice(imagePath.length), {
    method: method === 'HEAD' ? 'GET' : method,
  });
  const response = await answerImageRequest(request, images, log);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
