// The `app-image:` protocol: the page shows Spotify's pictures (covers, avatars — including
// Facebook-hosted ones) from `app-image://image/<encoded Spotify URL>`, and the main process
// answers from its image cache, so the page's CSP names no third-party host and pictures show
// offline. Any failure is an empty error response; the page shows its placeholder instead.
// bridge-api.ts imports `imageBaseUrl` from here and is bundled into the sandboxed preload, so this
// module must not load `electron` at run time: Electron types only, as `import type`.
import type { Protocol } from 'electron';
import { AppError } from '../core/errors/app-error.js';
import type { ImageCache, ImageErrorCode } from '../core/images/image-cache.js';

export const imageScheme = 'app-image';
/** A page address is `imageBaseUrl + encodeURIComponent(spotifyImageUrl)`. */
export const imageBaseUrl = `${imageScheme}://image/`;
const imageHost = 'image';

// Spotify never changes the picture behind an image URL (a new picture gets a new URL), so the
// renderer may keep each one for good; `private` because the bytes are one person's avatars.
const cacheControl = 'private, max-age=31536000, immutable';

const statusForError: Readonly<Record<ImageErrorCode, number>> = {
  image_url_not_allowed: 403,
  image_not_found: 404,
  image_not_an_image: 404,
  image_too_large: 404,
  image_unavailable: 503,
  image_cache_closed: 503,
};

/**
 * Must run before the app is ready. `standard` gives the scheme real hosts and paths (and an
 * origin the CSP can name); `secure` keeps the page from treating the images as mixed content.
 * Nothing more: the page only puts these addresses in <img>, never fetches them.
 */
export function registerImageScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: imageScheme, privileges: { standard: true, secure: true } },
  ]);
}

/** Serves the scheme in one session from `images`; give it only the main window's session. */
export function handleImageRequests(
  protocol: Pick<Protocol, 'handle'>,
  images: Pick<ImageCache, 'get'>,
  log: (message: string) => void = (message) => console.error(message),
): void {
  protocol.handle(imageScheme, (request) => answerImageRequest(request, images, log));
}

/** The protocol's answer to one request, without Electron, so tests can call it directly. */
export async function answerImageRequest(
  request: Request,
  images: Pick<ImageCache, 'get'>,
  log: (message: string) => void = (message) => console.error(message),
): Promise<Response> {
  if (request.method !== 'GET') return empty(405, { allow: 'GET' });
  const url = new URL(request.url);
  const segments = url.pathname.split('/').slice(1);
  // Only addresses built from imageBaseUrl: one encoded URL as the single path segment.
  if (url.host !== imageHost || segments.length !== 1 || !segments[0] || url.search !== '') {
    return empty(404);
  }
  let imageUrl: string;
  try {
    imageUrl = decodeURIComponent(segments[0]);
  } catch {
    return empty(400);
  }
  try {
    const image = await images.get(imageUrl);
    return new Response(image.bytes, {
      status: 200,
      headers: {
        'content-type': image.contentType,
        'cache-control': cacheControl,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined) return empty(status);
    // The name only: a message could carry the URL or a server's words.
    log(`The image protocol failed: ${error instanceof Error ? error.name : typeof error}.`);
    return empty(500);
  }
}

function statusOf(error: unknown): number | undefined {
  if (!(error instanceof AppError) || !Object.hasOwn(statusForError, error.code)) return undefined;
  return statusForError[error.code as ImageErrorCode];
}

function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}
