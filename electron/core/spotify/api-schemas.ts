// Run-time shapes of the Web API answers we read (`GET /v1/me`, `GET /v1/me/tracks`), from
// spotify-openapi.yml. Deliberately lenient where Spotify is known to vary: fields the spec marks
// deprecated are not read at all, nullable or absent fields are allowed wherever real answers omit
// them (Development Mode, local files), and unknown fields are dropped. Only the mappers use these.

import { z } from 'zod';
import { SpotifyApiError } from './spotify-api-errors.js';

const imageSchema = z.object({
  url: z.string().min(1),
  height: z.number().nullish(),
  width: z.number().nullish(),
});

const externalUrlsSchema = z.object({ spotify: z.string().nullish() });

export const privateUserSchema = z.object({
  id: z.string().min(1),
  // Added in May 2026; older answers (and some accounts) lack it.
  account_id: z.string().min(1).nullish(),
  display_name: z.string().nullish(),
  images: z.array(imageSchema).nullish(),
  external_urls: externalUrlsSchema.nullish(),
  uri: z.string().min(1),
});

const artistSchema = z.object({
  id: z.string().nullish(),
  name: z.string(),
});

const albumSchema = z.object({
  name: z.string().nullish(),
  images: z.array(imageSchema).nullish(),
});

const trackSchema = z.object({
  // Local files have `id: null`.
  id: z.string().nullish(),
  uri: z.string().min(1),
  name: z.string(),
  artists: z.array(artistSchema),
  album: albumSchema.nullish(),
  duration_ms: z.number().int().nonnegative(),
  explicit: z.boolean().nullish(),
  is_local: z.boolean().nullish(),
  external_urls: externalUrlsSchema.nullish(),
});

const savedTrackSchema = z.object({
  added_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date'),
  // Spotify has been seen to send `null` for tracks it can no longer serve.
  track: trackSchema.nullable(),
});

export const savedTracksPageSchema = z.object({
  items: z.array(savedTrackSchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  next: z.string().nullish(),
});

export type ImageJson = z.infer<typeof imageSchema>;
export type PrivateUserJson = z.infer<typeof privateUserSchema>;
export type SavedTrackJson = z.infer<typeof savedTrackSchema>;
export type SavedTracksPageJson = z.infer<typeof savedTracksPageSchema>;

/** Validates an answer; on mismatch names the fields (never their values) in a typed error. */
export function parseApiResponse<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what: string,
): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || 'body'))];
  throw new SpotifyApiError(
    'malformed_response',
    `Spotify's answer to ${what} has missing or invalid fields: ${fields.slice(0, 5).join(', ')}.`,
    { cause: result.error },
  );
}
