import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../../electron/core/spotify/error-from-response.js';
import {
  forbiddenExplanations,
  forbiddenReason,
} from '../../../electron/core/spotify/forbidden-reason.js';

describe('forbiddenReason', () => {
  it('reads a plain-text "user may not be registered" body as not allowlisted', () => {
    expect(
      forbiddenReason(
        'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
      ),
    ).toBe('not_allowlisted');
  });

  it('reads a JSON error message about the allowlist as not allowlisted', () => {
    const body = JSON.stringify({
      error: { status: 403, message: 'User not registered in the Developer Dashboard' },
    });
    expect(forbiddenReason(body)).toBe('not_allowlisted');
    expect(forbiddenReason('{"error":{"status":403,"message":"Not on the app allowlist"}}')).toBe(
      'not_allowlisted',
    );
  });

  it('reads a message about Premium (JSON or text) as premium required', () => {
    expect(
      forbiddenReason(
        JSON.stringify({
          error: {
            status: 403,
            message: 'Active premium subscription required for the owner of the app',
          },
        }),
      ),
    ).toBe('premium_required');
    expect(forbiddenReason('Active premium subscription required for the owner of the app')).toBe(
      'premium_required',
    );
  });

  it('falls back to plain forbidden for anything else, including empty and odd JSON', () => {
    expect(forbiddenReason('{"error":{"status":403,"message":"Forbidden"}}')).toBe('forbidden');
    expect(forbiddenReason('')).toBe('forbidden');
    expect(forbiddenReason('[1,2]')).toBe('forbidden');
    expect(forbiddenReason('null')).toBe('forbidden');
  });
});

describe('errorFromResponse', () => {
  it('gives a 403 the specific code and the explanation the user can act on', () => {
    const error = errorFromResponse(403, 'the user may not be registered');
    expect(error.code).toBe('not_allowlisted');
    expect(error.status).toBe(403);
    expect(error.message).toBe(forbiddenExplanations.not_allowlisted);
    expect(error.message).toContain('User Management');
    expect(errorFromResponse(403, 'premium required').message).toBe(
      'The owner of your Spotify app needs an active Premium subscription.',
    );
  });

  it('maps 400, 401, 404 and other refusals by status alone', () => {
    expect(errorFromResponse(400, '{}').code).toBe('bad_request');
    expect(errorFromResponse(401, 'Premium not registered').code).toBe('unauthorized');
    expect(errorFromResponse(404, '').code).toBe('not_found');
    expect(errorFromResponse(409, '').code).toBe('bad_request');
  });
});
