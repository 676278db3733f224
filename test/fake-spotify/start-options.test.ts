// startFakeSpotify refuses bad options with a typed error naming the option, before listening.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors/app-error.js';
import { startFakeSpotify } from '../../demo/fake-spotify/index.js';

describe('start options', () => {
  it.each([
    [{ clientId: 'NOT-HEX' }, /clientId/],
    [{ clientId: 'ABCDEFABCDEFABCDEFABCDEFABCDEFAB' }, /clientId/],
    [{ tracks: 100_001 }, /tracks/],
    [{ users: 0 }, /users/],
    [{ latencyMs: -1 }, /latencyMs/],
    [{ port: 70_000 }, /port/],
    [{ tracksPerUser: [1.5] }, /tracksPerUser\[0\]/],
  ])('refuses %j', async (options, message) => {
    const error: unknown = await startFakeSpotify(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'fake_invalid_option',
      message: expect.stringMatching(message),
    });
  });

  it('uses the given Client ID and per-user track counts', async () => {
    const fake = await startFakeSpotify({
      clientId: 'abcdefabcdefabcdefabcdefabcdefab',
      users: 2,
      tracks: 4,
      tracksPerUser: [1],
    });
    try {
      expect(fake.clientId).toBe('abcdefabcdefabcdefabcdefabcdefab');
      expect(await fake.control.savedTrackIds(fake.users[0]?.id ?? '')).toHaveLength(1);
      expect(await fake.control.savedTrackIds(fake.users[1]?.id ?? '')).toHaveLength(4);
    } finally {
      await fake.close();
    }
  });
});
