// The fake Spotify's start options: defaults and validation. A bad option is refused with an
// AppError naming the option, before any socket is opened.
import { AppError } from '../../electron/core/errors/app-error.js';
import { clientIdPattern } from '../../electron/core/settings/setting-rules.js';

export interface FakeSpotifyOptions {
  /** 0 or undefined: the OS picks a free port. */
  port?: number;
  /** Seeded users, default 3 (1-50). */
  users?: number;
  /** Saved tracks of every user, default 200 (0-100,000). */
  tracks?: number;
  /** Per-user saved-track counts; entries override `tracks` for the first users. */
  tracksPerUser?: readonly number[];
  /** Added to every request before it is answered, default 0. */
  latencyMs?: number;
  /** The one Client ID the fake accepts (32 lowercase hex). */
  clientId?: string;
  /** false (default): refresh responses carry no refresh_token, as Spotify does since mid-2026. */
  rotateRefreshTokens?: boolean;
  accessTokenTtlSeconds?: number;
  authCodeTtlSeconds?: number;
  /** Fixes every generated name, ID and date. */
  seed?: number;
}

export interface ResolvedOptions {
  port: number;
  trackCounts: number[];
  latencyMs: number;
  clientId: string;
  rotateRefreshTokens: boolean;
  accessTokenTtlSeconds: number;
  authCodeTtlSeconds: number;
  seed: number;
}

export const DEFAULT_CLIENT_ID = '0f5a1c2e3d4b5a6978877665544332ab';
export const MAX_TRACKS_PER_USER = 100_000;
export const MAX_USERS = 50;
export const MAX_LATENCY_MS = 60_000;

export type FakeOptionErrorCode = 'fake_invalid_option';

export function resolveOptions(options: FakeSpotifyOptions = {}): ResolvedOptions {
  const port = integerOption('port', options.port, 0, 0, 65_535);
  const users = integerOption('users', options.users, 3, 1, MAX_USERS);
  const tracks = integerOption('tracks', options.tracks, 200, 0, MAX_TRACKS_PER_USER);
  const perUser = options.tracksPerUser ?? [];
  const trackCounts = Array.from({ length: users }, (_, i) =>
    integerOption(`tracksPerUser[${i}]`, perUser[i], tracks, 0, MAX_TRACKS_PER_USER),
  );
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  if (!clientIdPattern.test(clientId)) {
    throw new AppError<FakeOptionErrorCode>(
      'fake_invalid_option',
      'clientId must be 32 lowercase hexadecimal characters, like a Spotify Client ID.',
    );
  }
  return {
    port,
    trackCounts,
    latencyMs: integerOption('latencyMs', options.latencyMs, 0, 0, MAX_LATENCY_MS),
    clientId,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    accessTokenTtlSeconds: integerOption(
      'accessTokenTtlSeconds',
      options.accessTokenTtlSeconds,
      3600,
      1,
      86_400,
    ),
    authCodeTtlSeconds: integerOption(
      'authCodeTtlSeconds',
      options.authCodeTtlSeconds,
      600,
      1,
      86_400,
    ),
    seed: integerOption('seed', options.seed, 1, 0, 0xffff_ffff),
  };
}

function integerOption(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError<FakeOptionErrorCode>(
      'fake_invalid_option',
      `${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`,
    );
  }
  return value;
}
