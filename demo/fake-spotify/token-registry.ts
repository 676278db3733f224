// Everything the fake's accounts service has handed out: authorization codes, grants (one per
// user consent, holding the current refresh token and when the user authorized) and access
// tokens. It answers "is this token good?" with a reason, and never logs or prints a token.
import { randomBytes } from 'node:crypto';
import type { FakeClock } from './fake-clock.js';

export interface AuthCodeRequest {
  userIndex: number;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
}

interface AuthCode extends AuthCodeRequest {
  issuedAtMs: number;
  used: boolean;
}

interface Grant {
  id: number;
  userIndex: number;
  clientId: string;
  scope: string;
  authorizedAtMs: number;
  revoked: boolean;
}

interface RefreshTokenRecord {
  grantId: number;
  /** Replaced by a newer token in rotating mode: using it again is refused. */
  superseded: boolean;
}

interface AccessTokenRecord {
  grantId: number;
  userIndex: number;
  scope: string;
  expiresAtMs: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
}

export interface RefreshedTokens {
  accessToken: string;
  /** Only in rotating mode. */
  refreshToken?: string;
  expiresIn: number;
  scope: string;
}

export type CodeLookup =
  { ok: true; code: AuthCodeRequest } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export type RefreshOutcome =
  | { ok: true; tokens: RefreshedTokens }
  | { ok: false; reason: 'unknown' | 'superseded' | 'revoked' | 'expired' | 'wrong_client' };

export type AccessLookup =
  { ok: true; userIndex: number; scope: string } | { ok: false; reason: 'invalid' | 'expired' };

export interface TokenLifetimes {
  accessTokenTtlSeconds: number;
  authCodeTtlSeconds: number;
}

/** Refresh tokens die this many months after the user authorized; refreshing does not extend it. */
export const GRANT_LIFETIME_MONTHS = 6;

export class TokenRegistry {
  private readonly codes = new Map<string, AuthCode>();
  private readonly grants = new Map<number, Grant>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private nextGrantId = 1;
  // Every PKCE verifier a token request presented: secret to the app as much as the tokens.
  private readonly verifiers = new Set<string>();

  constructor(
    private readonly clock: FakeClock,
    private readonly lifetimes: TokenLifetimes,
  ) {}

  issueCode(request: AuthCodeRequest): string {
    const code = `AQ${randomToken(96)}`;
    this.codes.set(code, { ...request, issuedAtMs: this.clock.now(), used: false });
    return code;
  }

  /** Looks a code up and marks it used: a code is good for one attempt, right or wrong. */
  takeCode(code: string): CodeLookup {
    const record = this.codes.get(code);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.used) return { ok: false, reason: 'used' };
    record.used = true;
    if (this.clock.now() > record.issuedAtMs + this.lifetimes.authCodeTtlSeconds * 1000) {
      return { ok: false, reason: 'expired' };
    }
    const { userIndex, clientId, redirectUri, codeChallenge, scope } = record;
    return { ok: true, code: { userIndex, clientId, redirectUri, codeChallenge, scope } };
  }

  /** A new grant, as when the user agrees on the consent page. */
  createGrant(userIndex: number, clientId: string, scope: string): IssuedTokens {
    const grant: Grant = {
      id: this.nextGrantId++,
      userIndex,
      clientId,
      scope,
      authorizedAtMs: this.clock.now(),
      revoked: false,
    };
    this.grants.set(grant.id, grant);
    const refreshToken = this.newRefreshToken(grant.id);
    return { ...this.newAccessToken(grant), refreshToken };
  }

  refresh(refreshToken: string, clientId: string, rotate: boolean): RefreshOutcome {
    const record = this.refreshTokens.get(refreshToken);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!record || !grant) return { ok: false, reason: 'unknown' };
    if (grant.clientId !== clientId) return { ok: false, reason: 'wrong_client' };
    if (grant.revoked) return { ok: false, reason: 'revoked' };
    if (record.superseded) return { ok: false, reason: 'superseded' };
    if (this.clock.now() >= grantExpiry(grant.authorizedAtMs))
      return { ok: false, reason: 'expired' };
    const access = this.newAccessToken(grant);
    if (!rotate) return { ok: true, tokens: access };
    record.superseded = true;
    return { ok: true, tokens: { ...access, refreshToken: this.newRefreshToken(grant.id) } };
  }

  checkAccessToken(token: string): AccessLookup {
    const record = this.accessTokens.get(token);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!record || !grant || grant.revoked) return { ok: false, reason: 'invalid' };
    if (this.clock.now() >= record.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, userIndex: record.userIndex, scope: record.scope };
  }

  /** Revokes the grant behind a refresh token (its access tokens stop working too). */
  revokeRefreshToken(refreshToken: string): boolean {
    const record = this.refreshTokens.get(refreshToken);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!grant) return false;
    grant.revoked = true;
    return true;
  }

  /** Revokes every grant of a user, as "Remove access" on the account page does. */
  revokeUser(userIndex: number): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.userIndex === userIndex && !grant.revoked) {
        grant.revoked = true;
        count++;
      }
    }
    return count;
  }

  /** Remembers a code verifier a token request presented, for `issuedSecrets`. */
  noteVerifier(verifier: string): void {
    this.verifiers.add(verifier);
  }

  /**
   * Every secret of this run: authorization codes, the verifiers presented with them, refresh
   * and access tokens, so a test can look for them where none may appear (a log, a file).
   */
  issuedSecrets(): string[] {
    return [
      ...this.codes.keys(),
      ...this.verifiers,
      ...this.refreshTokens.keys(),
      ...this.accessTokens.keys(),
    ];
  }

  /** Makes access tokens (of one user, or everyone's) expired now. */
  expireAccessTokens(userIndex?: number): number {
    let count = 0;
    const now = this.clock.now();
    for (const record of this.accessTokens.values()) {
      if (userIndex !== undefined && record.userIndex !== userIndex) continue;
      if (record.expiresAtMs > now) {
        record.expiresAtMs = now;
        count++;
      }
    }
    return count;
  }

  /** Moves authorizedAt of matching grants into the past, so 6-month expiry can be reached. */
  backdateGrants(match: { userIndex?: number; refreshToken?: string }, seconds: number): number {
    const onlyGrant =
      match.refreshToken === undefined
        ? undefined
        : this.refreshTokens.get(match.refreshToken)?.grantId;
    if (match.refreshToken !== undefined && onlyGrant === undefined) return 0;
    let count = 0;
    for (const grant of this.grants.values()) {
      if (onlyGrant !== undefined && grant.id !== onlyGrant) continue;
      if (match.userIndex !== undefined && grant.userIndex !== match.userIndex) continue;
      grant.authorizedAtMs -= seconds * 1000;
      count++;
    }
    return count;
  }

  private newRefreshToken(grantId: number): string {
    const token = `AQ${randomToken(96)}`;
    this.refreshTokens.set(token, { grantId, superseded: false });
    return token;
  }

  private newAccessToken(grant: Grant): Omit<IssuedTokens, 'refreshToken'> {
    const token = `BQ${randomToken(120)}`;
    const expiresIn = this.lifetimes.accessTokenTtlSeconds;
    this.accessTokens.set(token, {
      grantId: grant.id,
      userIndex: grant.userIndex,
      scope: grant.scope,
      expiresAtMs: this.clock.now() + expiresIn * 1000,
    });
    return { accessToken: token, expiresIn, scope: grant.scope };
  }
}

/** Epoch ms at which a grant authorized at `authorizedAtMs` stops refreshing. */
export function grantExpiry(authorizedAtMs: number): number {
  const date = new Date(authorizedAtMs);
  date.setUTCMonth(date.getUTCMonth() + GRANT_LIFETIME_MONTHS);
  return date.getTime();
}

function randomToken(bytes: number): string {
  return randomBytes(bytes)
    .toString('base64url')
    .slice(0, Math.ceil((bytes * 4) / 3));
}
