// An account's status: what a stored status becomes at start given the keychain, what each event
// makes of it, and the sign-in's end — refresh tokens die six calendar months after consent, and
// the warning counts from our own record.
import { describe, expect, it } from 'vitest';
import {
  shownStatus,
  signInExpired,
  signInExpiresAt,
  signInExpiresInDays,
  statusAfter,
  statusAtStart,
  type KeychainAtStart,
} from '../../../electron/core/accounts/account-status.js';

const at = (iso: string) => ({ now: () => Date.parse(iso) });

describe('sign-in expiry', () => {
  it('ends six calendar months after authorisation, same day and time', () => {
    expect(new Date(signInExpiresAt(Date.parse('2026-01-15T10:30:00Z'))).toISOString()).toBe(
      '2026-07-15T10:30:00.000Z',
    );
    expect(new Date(signInExpiresAt(Date.parse('2026-09-10T00:00:00Z'))).toISOString()).toBe(
      '2027-03-10T00:00:00.000Z',
    );
  });

  it('clamps to the last day of a shorter month instead of spilling into the next', () => {
    expect(new Date(signInExpiresAt(Date.parse('2026-08-31T12:00:00Z'))).toISOString()).toBe(
      '2027-02-28T12:00:00.000Z',
    );
    expect(new Date(signInExpiresAt(Date.parse('2027-08-31T12:00:00Z'))).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
  });

  it('counts whole days left, rounding down', () => {
    const authorizedAt = Date.parse('2026-01-15T00:00:00Z');
    expect(signInExpiresInDays(authorizedAt, at('2026-01-15T00:00:00Z'))).toBe(181);
    expect(signInExpiresInDays(authorizedAt, at('2026-07-13T12:00:00Z'))).toBe(1);
    expect(signInExpiresInDays(authorizedAt, at('2026-07-14T12:00:00Z'))).toBe(0);
  });

  it('is expired from the exact expiry moment on', () => {
    const authorizedAt = Date.parse('2026-01-15T00:00:00Z');
    expect(signInExpired(authorizedAt, at('2026-07-14T23:59:59Z'))).toBe(false);
    expect(signInExpired(authorizedAt, at('2026-07-15T00:00:00Z'))).toBe(true);
    expect(signInExpiresInDays(authorizedAt, at('2026-07-20T00:00:00Z'))).toBe(-5);
  });
});

describe('status at start', () => {
  const clock = at('2026-03-01T00:00:00Z');
  const recent = Date.parse('2026-02-01T00:00:00Z');
  const expired = Date.parse('2025-08-01T00:00:00Z');
  const keychain = (available: boolean, hasTokens: boolean, readable = hasTokens) => {
    const reads: string[] = [];
    const state: KeychainAtStart = {
      available,
      hasTokens,
      tokensReadable: async () => {
        reads.push('read');
        return readable;
      },
    };
    return { state, reads };
  };

  it('checks a status that says the tokens work against the keychain', async () => {
    for (const stored of ['ok', 'refreshing', 'keychain_unavailable'] as const) {
      expect(await statusAtStart(stored, recent, keychain(true, true).state, clock)).toBe('ok');
      expect(await statusAtStart(stored, recent, keychain(true, false).state, clock)).toBe(
        'needs_sign_in',
      );
      expect(await statusAtStart(stored, recent, keychain(false, true).state, clock)).toBe(
        'keychain_unavailable',
      );
    }
  });

  it('keeps what Spotify refused, whatever the keychain holds', async () => {
    const { state, reads } = keychain(true, true);
    expect(await statusAtStart('not_allowlisted', recent, state, clock)).toBe('not_allowlisted');
    expect(reads).toEqual([]);
  });

  it('tries readable tokens of an account marked "needs sign-in" again, unless expired', async () => {
    expect(await statusAtStart('needs_sign_in', recent, keychain(true, true).state, clock)).toBe(
      'ok',
    );
    expect(await statusAtStart('needs_sign_in', null, keychain(true, true).state, clock)).toBe(
      'ok',
    );
    expect(await statusAtStart('needs_sign_in', expired, keychain(true, true).state, clock)).toBe(
      'needs_sign_in',
    );
    expect(
      await statusAtStart('needs_sign_in', recent, keychain(true, true, false).state, clock),
    ).toBe('needs_sign_in');
    const locked = keychain(false, true);
    expect(await statusAtStart('needs_sign_in', recent, locked.state, clock)).toBe('needs_sign_in');
    expect(locked.reads).toEqual([]);
  });
});

describe('status after an event', () => {
  it('is "ok" after a sign-in, and after a call unless the keychain is unusable', () => {
    expect(statusAfter({ kind: 'signed_in' })).toBe('ok');
    expect(statusAfter({ kind: 'call_succeeded', keychainAvailable: true })).toBe('ok');
    expect(statusAfter({ kind: 'call_succeeded', keychainAvailable: false })).toBe(
      'keychain_unavailable',
    );
  });

  it('needs a sign-in once the grant is lost, or a rebuilt row has no readable tokens', () => {
    expect(statusAfter({ kind: 'grant_lost' })).toBe('needs_sign_in');
    expect(statusAfter({ kind: 'not_allowlisted' })).toBe('not_allowlisted');
    expect(statusAfter({ kind: 'rebuilt_from_keychain', tokensReadable: false })).toBe(
      'needs_sign_in',
    );
    expect(statusAfter({ kind: 'rebuilt_from_keychain', tokensReadable: true })).toBe('ok');
  });
});

describe('shown status', () => {
  it('needs a sign-in once six months have passed, whatever was stored', () => {
    const authorizedAt = Date.parse('2026-01-15T00:00:00Z');
    const before = at('2026-07-14T00:00:00Z');
    const after = at('2026-07-15T00:00:00Z');
    expect(shownStatus('not_allowlisted', authorizedAt, before)).toBe('not_allowlisted');
    expect(shownStatus('not_allowlisted', authorizedAt, after)).toBe('needs_sign_in');
    expect(shownStatus('ok', null, after)).toBe('ok');
  });
});
