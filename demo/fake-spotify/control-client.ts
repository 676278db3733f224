// Typed client for the fake's /__fake control API, over real HTTP so it works the same against an
// in-process fake and one started from the CLI. Failures become FakeControlError with the
// server's stable code.
import { AppError } from '../../electron/core/errors/app-error.js';
import type { ControlErrorCode, SavedTrackItem } from './control-api.js';
import type { FaultRule } from './faults.js';

export type FakeControlErrorCode = ControlErrorCode | 'fake_control_failed';

export class FakeControlError extends AppError<FakeControlErrorCode> {}

export interface MintedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
}

export interface RequestCounts {
  total: number;
  /** "METHOD /path" (query stripped) -> number of requests. */
  byPath: Record<string, number>;
}

export class FakeControlClient {
  constructor(private readonly baseUrl: string) {}

  /** Tokens for a seeded user as if they had just signed in (default scope: what the app asks). */
  mintTokens(userId: string, opts: { scope?: string } = {}): Promise<MintedTokens> {
    return this.call('POST', '/__fake/tokens', { userId, ...opts });
  }

  /** Revokes the grant behind one refresh token; resolves to how many grants were revoked. */
  async revokeRefreshToken(refreshToken: string): Promise<number> {
    return (await this.call<{ revoked: number }>('POST', '/__fake/revoke', { refreshToken }))
      .revoked;
  }

  /** Revokes all of a user's grants, as removing the app from their account does. */
  async revokeUser(userId: string): Promise<number> {
    return (await this.call<{ revoked: number }>('POST', '/__fake/revoke', { userId })).revoked;
  }

  /** Every code, verifier and token of this run (for "no secret appears here" checks). */
  async issuedSecrets(): Promise<string[]> {
    return (await this.call<{ secrets: string[] }>('GET', '/__fake/issued-secrets')).secrets;
  }

  /** Makes current access tokens (one user's, or everyone's) expired. */
  async expireAccessTokens(userId?: string): Promise<number> {
    return (
      await this.call<{ expired: number }>('POST', '/__fake/expire-access-tokens', { userId })
    ).expired;
  }

  /** Moves authorizedAt of matching grants back by `seconds` (refresh tokens die 6 months after it). */
  async backdateGrants(
    match: { userId?: string; refreshToken?: string },
    seconds: number,
  ): Promise<number> {
    return (
      await this.call<{ updated: number }>('POST', '/__fake/backdate-grants', { ...match, seconds })
    ).updated;
  }

  /** Moves the fake's clock forward (codes, access tokens and grants expire by it). */
  async advanceTime(seconds: number): Promise<void> {
    await this.call('POST', '/__fake/advance-time', { seconds });
  }

  /** Saves `count` new tracks, or the given track IDs, on top of the library; resolves to the IDs added. */
  async addSavedTracks(userId: string, tracks: number | readonly string[]): Promise<string[]> {
    const body =
      typeof tracks === 'number' ? { userId, count: tracks } : { userId, trackIds: tracks };
    return (await this.call<{ added: string[] }>('POST', '/__fake/saved-tracks/add', body)).added;
  }

  /** Removes the given IDs, or `count` entries from the top (default) or bottom; resolves to the IDs removed (null for local files). */
  async removeSavedTracks(
    userId: string,
    tracks: readonly string[] | { count: number; fromTop?: boolean },
  ): Promise<(string | null)[]> {
    // Array.isArray does not narrow readonly arrays, hence the cast on the other branch.
    const body = Array.isArray(tracks)
      ? { userId, trackIds: tracks }
      : { userId, ...(tracks as { count: number; fromTop?: boolean }) };
    return (
      await this.call<{ removed: (string | null)[] }>('POST', '/__fake/saved-tracks/remove', body)
    ).removed;
  }

  /** The user's saved track IDs, newest first; null where the entry is a local file. */
  async savedTrackIds(userId: string): Promise<(string | null)[]> {
    const path = `/__fake/saved-tracks?userId=${encodeURIComponent(userId)}`;
    return (await this.call<{ trackIds: (string | null)[] }>('GET', path)).trackIds;
  }

  /** The user's library newest first with each entry's URI and added_at, as the Web API lists it. */
  async savedTracks(userId: string): Promise<SavedTrackItem[]> {
    const path = `/__fake/saved-tracks?userId=${encodeURIComponent(userId)}`;
    return (await this.call<{ items: SavedTrackItem[] }>('GET', path)).items;
  }

  /**
   * Tracks the Web API was asked to save that were already saved, plus tracks it was asked to
   * remove that were not: 0 for an app that writes each track exactly once.
   */
  async repeatedWrites(userId: string): Promise<number> {
    const path = `/__fake/saved-tracks?userId=${encodeURIComponent(userId)}`;
    return (await this.call<{ repeatedWrites: number }>('GET', path)).repeatedWrites;
  }

  async setLatency(ms: number): Promise<void> {
    await this.call('POST', '/__fake/latency', { ms });
  }

  async injectFault(rule: FaultRule): Promise<void> {
    await this.call('POST', '/__fake/faults', rule);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/__fake/faults');
  }

  requestCounts(): Promise<RequestCounts> {
    return this.call('GET', '/__fake/request-counts');
  }

  async resetCounts(): Promise<void> {
    await this.call('DELETE', '/__fake/request-counts');
  }

  async setRotateRefreshTokens(enabled: boolean): Promise<void> {
    await this.call('POST', '/__fake/rotate-refresh-tokens', { enabled });
  }

  /** false: every API call with this user's tokens gets Development Mode's "not registered" 403. */
  async setAllowlisted(userId: string, allowlisted: boolean): Promise<void> {
    await this.call('POST', '/__fake/allowlist', { userId, allowlisted });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new FakeControlError(
        'fake_control_failed',
        `fake Spotify unreachable at ${this.baseUrl}`,
        { cause: error },
      );
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (
        payload as { error?: { code?: FakeControlErrorCode; message?: string } } | null
      )?.error;
      throw new FakeControlError(
        error?.code ?? 'fake_control_failed',
        error?.message ?? `control call ${method} ${path} failed with HTTP ${response.status}`,
      );
    }
    return payload as T;
  }
}
