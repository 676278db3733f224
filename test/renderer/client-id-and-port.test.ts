// The setup form's own checks: the Client ID and the optional fixed redirect port, each with a
// message that names the actual problem.
import { describe, expect, it } from 'vitest';

import { checkClientId } from '../../renderer/src/format/client-id.js';
import { redirectUri } from '../../renderer/src/app-contract.js';
import { checkPort } from '../../renderer/src/setup/redirect-port.js';

describe('Client ID check', () => {
  it('accepts 32 hexadecimal characters, trimmed and lower-cased', () => {
    expect(checkClientId('  0123456789ABCDEF0123456789abcdef\n')).toEqual({
      ok: true,
      value: '0123456789abcdef0123456789abcdef',
    });
  });

  it('asks for one when empty', () => {
    expect(checkClientId('   ')).toEqual({ ok: false, message: 'Enter the Client ID.' });
  });

  it('names the first character that is not hexadecimal, spaces included', () => {
    expect(checkClientId('0123456789abcdefz')).toMatchObject({
      message: expect.stringContaining('“z”'),
    });
    expect(checkClientId('0123 4567')).toMatchObject({
      message: expect.stringContaining('a space'),
    });
  });

  it('counts the characters of one too short or too long', () => {
    expect(checkClientId('abc')).toMatchObject({
      message: expect.stringMatching(/^Too short: 3 of 32/),
    });
    expect(checkClientId('a'.repeat(40))).toMatchObject({
      message: expect.stringMatching(/^Too long: 40/),
    });
  });
});

describe('redirect port', () => {
  it('treats empty as a free port for each sign-in', () => {
    expect(checkPort('')).toEqual({ ok: true, value: null });
  });

  it('accepts 1024 to 65535 and refuses the rest with a reason', () => {
    expect(checkPort('8888')).toEqual({ ok: true, value: 8888 });
    expect(checkPort('1023')).toEqual({
      ok: false,
      message: 'The port must be from 1024 to 65535.',
    });
    expect(checkPort('65536')).toMatchObject({ ok: false });
    expect(checkPort('80.5')).toEqual({ ok: false, message: 'The port must be a whole number.' });
  });

  it('puts the port into the redirect URI to register, or takes it out', () => {
    expect(redirectUri(8888)).toBe('http://127.0.0.1:8888/callback');
    expect(redirectUri(null)).toBe('http://127.0.0.1/callback');
  });
});
