// Refresh tokens die six calendar months after consent; the warning counts from our own record.
import { describe, expect, it } from 'vitest';
import {
  signInExpired,
  signInExpiresAt,
  signInExpiresInDays,
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
