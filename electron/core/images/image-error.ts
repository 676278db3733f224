// How the image cache fails: one typed code per reason a picture cannot be shown, which the page's
// image protocol turns into a status. A message never holds a response body.
import { AppError } from '../errors/app-error.js';

export type ImageErrorCode =
  | 'image_url_not_allowed' // not https, not an allowed host, credentials or a port in it
  | 'image_not_found' // the host answered 404/410
  | 'image_unavailable' // network error, timeout, other status, and nothing on disk
  | 'image_not_an_image' // the bytes are no JPEG/PNG/WebP/GIF (whatever the content-type said)
  | 'image_too_large' // over maxImageBytes (stop reading as soon as it is over)
  | 'image_cache_closed';

export class ImageError extends AppError<ImageErrorCode> {}

/** The host answered 404/410, now or within the time a dead URL is believed. */
export function imageNotFound(): ImageError {
  return new ImageError('image_not_found', 'The image is no longer at its address.');
}

/** The `code` of a Node system error (ENOENT, ECONNREFUSED…), for log lines; else undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
