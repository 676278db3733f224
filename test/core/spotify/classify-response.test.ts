import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  networkFailure,
} from '../../../electron/core/spotify/classify-response.js';

const receivedAt = Date.parse('2026-11-26T08:00:00Z');

function answer(status: number, body = '', headers: Record<string, string> = {}) {
  return classifyResponse({ status, headers: new Headers(headers), body }, receivedAt);
}

describe('classifyResponse', () => {
  it('hands a 2xx back with its parsed JSON', () => {
    expect(answer(200, '{"id":"alice","n":[1,2]}')).toEqual({
      kind: 'answer',
      response: { ok: true, status: 200, body: { id: 'alice', n: [1, 2] } },
    });
  });

  it('gives an empty 2xx body as null', () => {
    expect(answer(204)).toEqual({
      kind: 'answer',
      response: { ok: true, status: 204, body: null },
    });
    expect(answer(200, ' \n')).toMatchObject({ response: { body: null } });
  });

  it('retries a 2xx whose body is not JSON as malformed_response', () => {
    expect(answer(200, '<html>')).toMatchObject({
      kind: 'transient',
      failure: { code: 'malformed_response', status: 200, cause: expect.any(SyntaxError) },
    });
  });

  it('hands a 4xx other than 429 back for the caller to map, with its text', () => {
    for (const status of [400, 401, 403, 404]) {
      expect(answer(status, 'nope')).toEqual({
        kind: 'answer',
        response: { ok: false, status, text: 'nope' },
      });
    }
  });

  it('retries a 5xx as server_error, whatever its body', () => {
    for (const status of [500, 502, 503]) {
      expect(answer(status, '{"error":{"status":500}}')).toEqual({
        kind: 'transient',
        failure: {
          code: 'server_error',
          message: `Spotify had a server error (HTTP ${status})`,
          status,
        },
      });
    }
  });

  it('reads an ordinary 429 with the wait its Retry-After asks for', () => {
    expect(answer(429, '', { 'retry-after': '2' })).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 2_000,
    });
    // A date counts from when the answer arrived.
    expect(answer(429, '', { 'retry-after': 'Thu, 26 Nov 2026 08:00:10 GMT' })).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 10_000,
    });
  });

  it('leaves the wait of a 429 without a readable Retry-After to the backoff', () => {
    expect(answer(429)).toEqual({ kind: 'rate_limited', retryAfterMs: null });
    expect(answer(429, '', { 'retry-after': 'soon' })).toEqual({
      kind: 'rate_limited',
      retryAfterMs: null,
    });
  });

  it('tells the quota 429 apart by its body, at the top level or inside `error`', () => {
    expect(answer(429, '{"reason":"QUOTA_EXCEEDED"}', { 'retry-after': '3600' })).toEqual({
      kind: 'quota_exceeded',
      retryAfterMs: 3_600_000,
    });
    expect(answer(429, '{"error":{"status":429,"reason":"QUOTA_EXCEEDED"}}')).toEqual({
      kind: 'quota_exceeded',
      retryAfterMs: null,
    });
    expect(answer(429, '{"error":{"status":429,"message":"API rate limit exceeded"}}')).toEqual({
      kind: 'rate_limited',
      retryAfterMs: null,
    });
  });
});

describe('networkFailure', () => {
  it('says a timed-out attempt did not answer in time, and keeps the cause', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(networkFailure(timeout)).toEqual({
      code: 'network_error',
      message: 'Spotify did not answer in time',
      cause: timeout,
    });
  });

  it('says any other failed send could not reach Spotify', () => {
    const refused = new TypeError('fetch failed');
    expect(networkFailure(refused)).toEqual({
      code: 'network_error',
      message: 'Could not reach Spotify',
      cause: refused,
    });
  });
});
