import { describe, expect, it } from 'vitest';
import { assertValidClientId } from '../../../electron/core/auth/client-id.js';
import { LoginError } from '../../../electron/core/auth/login-error.js';

describe('Client ID check', () => {
  it('accepts 32 hexadecimal characters in either case', () => {
    expect(() => assertValidClientId('0123456789abcdef0123456789ABCDEF')).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['too short', '0123456789abcdef'],
    ['too long', '0123456789abcdef0123456789abcdef0'],
    ['not hex', '0123456789abcdef0123456789abcdeg'],
    ['surrounding spaces', ' 0123456789abcdef0123456789abcdef '],
    ['not a string', 42],
  ])('refuses a Client ID that is %s with invalid_client_id', (_label, value) => {
    let caught: unknown;
    try {
      assertValidClientId(value);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LoginError);
    expect(caught).toMatchObject({ code: 'invalid_client_id' });
    expect((caught as Error).message).toMatch(/32 hexadecimal characters/);
  });
});
