import { describe, expect, it } from 'vitest';
import {
  parseApiResponse,
  privateUserSchema,
  savedTracksPageSchema,
} from '../../../electron/core/spotify/api-schemas.js';
import { mapProfile } from '../../../electron/core/spotify/map-profile.js';
import { mapSavedTracksPage } from '../../../electron/core/spotify/map-saved-track.js';
import { pickImageUrl } from '../../../electron/core/spotify/pick-image.js';
import { SpotifyApiError } from '../../../electron/core/spotify/spotify-api-errors.js';
import {
  bareProfileJson,
  catalogueTrackJson,
  developmentModeTrackJson,
  fullProfileJson,
  localTrackJson,
  pageJson,
  without,
} from './support/samples.js';
import { loadSpecValidators } from '../../fake-spotify/support/openapi-validator.js';

function profileFrom(json: unknown) {
  return mapProfile(parseApiResponse(privateUserSchema, json, 'GET /v1/me'));
}

function pageFrom(json: unknown) {
  return mapSavedTracksPage(parseApiResponse(savedTracksPageSchema, json, 'GET /v1/me/tracks'));
}

describe('the samples are what the spec describes', () => {
  const spec = loadSpecValidators();

  it('validates the profiles against spotify-openapi.yml', () => {
    expect(spec.me(fullProfileJson)).toBe(true);
    expect(spec.me(bareProfileJson)).toBe(true);
  });

  it('validates catalogue, Development Mode and local-file pages against spotify-openapi.yml', () => {
    const page = pageJson(
      [
        { added_at: '2026-01-03T03:04:05Z', track: catalogueTrackJson(1) },
        { added_at: '2026-01-02T03:04:05Z', track: developmentModeTrackJson(2) },
        { added_at: '2026-01-01T03:04:05Z', track: localTrackJson },
      ],
      0,
      50,
      3,
    );
    expect(spec.savedTracksPage(page), JSON.stringify(spec.savedTracksPage.errors)).toBe(true);
  });
});

describe('mapProfile', () => {
  it('keys the account by account_id and keeps the user id apart', () => {
    const profile = profileFrom(fullProfileJson);
    expect(profile).toEqual({
      accountKey: 'aB3dE5fG7h',
      spotifyUserId: 'ada',
      displayName: 'Ada Lovelace',
      imageUrl: 'https://i.scdn.co/image/ada-300',
      profileUrl: 'https://open.spotify.com/user/ada',
      uri: 'spotify:user:ada',
    });
  });

  it('maps a profile with null display_name, no images and no account_id', () => {
    expect(profileFrom(bareProfileJson)).toEqual({
      accountKey: 'bare',
      spotifyUserId: 'bare',
      displayName: null,
      imageUrl: null,
      profileUrl: 'https://open.spotify.com/user/bare',
      uri: 'spotify:user:bare',
    });
  });

  it('rejects a profile without id with a typed error naming the field, not the values', () => {
    const attempt = () =>
      profileFrom({ ...fullProfileJson, id: undefined, display_name: 'SECRET' });
    expect(attempt).toThrow(SpotifyApiError);
    try {
      attempt();
    } catch (error) {
      expect((error as SpotifyApiError).code).toBe('malformed_response');
      expect((error as SpotifyApiError).message).toContain('id');
      expect((error as SpotifyApiError).message).not.toContain('SECRET');
    }
  });
});

describe('mapSavedTracksPage', () => {
  it('maps catalogue tracks to compact models with a small cover and epoch addedAt', () => {
    const page = pageFrom(
      pageJson([{ added_at: '2026-01-02T03:04:05Z', track: catalogueTrackJson(7) }], 0, 50, 1),
    );
    expect(page.items).toEqual([
      {
        id: 'track7',
        uri: 'spotify:track:track7',
        name: 'Track 7',
        artists: [
          { id: 'artist1', name: 'First Artist' },
          { id: 'artist2', name: 'Second Artist' },
        ],
        album: 'Album 7',
        albumImageUrl: 'https://i.scdn.co/image/album7-64',
        durationMs: 201_007,
        explicit: false,
        isLocal: false,
        addedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
        spotifyUrl: 'https://open.spotify.com/track/track7',
      },
    ]);
    expect(page.nextOffset).toBeNull();
  });

  it('maps a local file with id null, isLocal, no cover and no link', () => {
    const page = pageFrom(
      pageJson([{ added_at: '2026-01-02T03:04:05Z', track: localTrackJson }], 0, 50, 1),
    );
    expect(page.items[0]).toEqual({
      id: null,
      uri: 'spotify:local:Me:Home+Recordings:Demo+Take+3:180',
      name: 'Demo Take 3',
      artists: [{ id: null, name: 'Me' }],
      album: 'Home Recordings',
      albumImageUrl: null,
      durationMs: 180_000,
      explicit: false,
      isLocal: true,
      addedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
      spotifyUrl: null,
    });
  });

  it('maps a Development Mode track without deprecated fields, ignoring unknown fields', () => {
    const track = { ...developmentModeTrackJson(2), brand_new_field: [1, 2, 3] };
    expect(track).not.toHaveProperty('available_markets');
    expect(track.album).not.toHaveProperty('available_markets');
    const page = pageFrom(pageJson([{ added_at: '2026-01-02T03:04:05Z', track }], 0, 50, 1));
    const full = pageFrom(
      pageJson([{ added_at: '2026-01-02T03:04:05Z', track: catalogueTrackJson(2) }], 0, 50, 1),
    );
    expect(page.items).toEqual(full.items);
    expect(page.items[0]).not.toHaveProperty('brand_new_field');
    expect(page.items[0]?.explicit).toBe(true);
  });

  it('skips items whose track is null without shifting the next offset', () => {
    const items = [
      { added_at: '2026-01-02T03:04:05Z', track: null },
      { added_at: '2026-01-01T03:04:05Z', track: catalogueTrackJson(3) },
    ];
    const page = pageFrom(pageJson(items, 0, 2, 5));
    expect(page.items.map((t) => t.id)).toEqual(['track3']);
    expect(page.nextOffset).toBe(2);
  });

  it('gives the next offset from offset + limit until total is reached', () => {
    expect(pageFrom(pageJson([], 50, 50, 120)).nextOffset).toBe(100);
    expect(pageFrom(pageJson([], 100, 50, 120)).nextOffset).toBeNull();
    expect(pageFrom({ ...pageJson([], 0, 50, 120), next: null }).nextOffset).toBeNull();
  });

  it('rejects an item with an unreadable added_at as malformed', () => {
    const json = pageJson([{ added_at: 'yesterday', track: catalogueTrackJson(1) }], 0, 50, 1);
    expect(() => pageFrom(json)).toThrow(
      expect.objectContaining({
        code: 'malformed_response',
        message: expect.stringContaining('items.0.added_at'),
      }),
    );
  });

  it('rejects a page without total as malformed', () => {
    const json = without(pageJson([], 0, 50, 0), 'total');
    expect(() => pageFrom(json)).toThrow(expect.objectContaining({ code: 'malformed_response' }));
  });
});

describe('pickImageUrl', () => {
  const images = [
    { url: 'big', width: 640, height: 640 },
    { url: 'mid', width: 300, height: 300 },
    { url: 'small', width: 64, height: 64 },
  ];

  it('takes the smallest image at least the wanted width', () => {
    expect(pickImageUrl(images, 64)).toBe('small');
    expect(pickImageUrl(images, 65)).toBe('mid');
  });

  it('falls back to the first (widest) when none is big enough or sizes are null', () => {
    expect(pickImageUrl(images, 1000)).toBe('big');
    expect(pickImageUrl([{ url: 'a', width: null, height: null }, { url: 'b' }], 64)).toBe('a');
    expect(pickImageUrl([], 64)).toBeNull();
  });
});
