// Injected failures: which requests fail and how. Rules match /v1 and /api/token requests by path
// prefix, for the next `count` matches, a `fraction` of them, or (neither given) all of them until
// cleared. Image CDN requests (/cdn/) fail only by a rule whose prefix names /cdn, so a quota or
// outage rule for the Web API leaves covers alone. The control API and login pages never fail.
// Every kind answers instead of the request's handler, so nothing is applied, except
// drop_after_apply, which lets the handler act and then drops the connection: the client cannot
// tell whether its write took effect.
import { ServerResponse, type IncomingMessage } from 'node:http';
import { sendText } from './http-helpers.js';
import { isCdnPath } from './image-cdn.js';
import { randomStream } from './seeded-random.js';

export const FAULT_KINDS = [
  'rate_limit',
  'quota_exceeded',
  'not_allowlisted',
  'premium_required',
  'server_error',
  'drop_connection',
  'drop_after_apply',
  'malformed_json',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Retry-After header for 429s; null sends none. Defaults: 1 (rate_limit), 86400 (quota). */
  retryAfterSeconds?: number | null;
  /** Fail only the next N matching requests. */
  count?: number;
  /** Fail this share (0-1) of matching requests, chosen by the seeded random stream. */
  fraction?: number;
  /**
   * Only requests whose path starts with this, e.g. "/v1/me/tracks" or "/api/token". Image
   * requests need one starting with "/cdn", e.g. "/cdn/" or "/cdn/i.scdn.co/".
   */
  pathPrefix?: string;
  /** For server_error: 500 (default), 502 or 503. */
  status?: 500 | 502 | 503;
}

interface ActiveRule extends FaultRule {
  remaining: number | null;
}

export class FaultBook {
  private rules: ActiveRule[] = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = randomStream(seed ^ 0x5eed_fa11);
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.count ?? null });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault this request suffers, if any; consumes one use of a counted rule. */
  take(path: string): FaultRule | null {
    const image = isCdnPath(path);
    if (!image && !isFaultablePath(path)) return null;
    for (const rule of this.rules) {
      if (image && rule.pathPrefix?.startsWith('/cdn') !== true) continue;
      if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue;
      if (rule.fraction !== undefined && this.random() >= rule.fraction) continue;
      if (rule.remaining !== null) {
        rule.remaining--;
        if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return rule;
    }
    return null;
  }
}

export function isFaultablePath(path: string): boolean {
  return path.startsWith('/v1/') || path === '/api/token';
}

/** The request's own handling; it writes its answer to the response it is given. */
export type RequestHandling = (res: ServerResponse) => Promise<void> | void;

/**
 * Answers a request the way Spotify does when this fault happens: in place of `handle`, or, for
 * drop_after_apply, by running `handle` and then dropping the connection.
 */
export async function answerWithFault(
  rule: FaultRule,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
  handle: RequestHandling,
): Promise<void> {
  switch (rule.kind) {
    case 'rate_limit':
      return send429(res, rule.retryAfterSeconds === undefined ? 1 : rule.retryAfterSeconds, {
        status: 429,
        message: 'API rate limit exceeded',
      });
    case 'quota_exceeded':
      return send429(res, rule.retryAfterSeconds === undefined ? 86_400 : rule.retryAfterSeconds, {
        status: 429,
        message: 'Quota exceeded for this developer account',
        reason: 'QUOTA_EXCEEDED',
      });
    case 'not_allowlisted':
      return sendText(res, 403, 'User not registered in the Developer Dashboard');
    case 'premium_required':
      return sendText(res, 403, 'Active premium subscription required for the owner of the app');
    case 'server_error': {
      const status = rule.status ?? 500;
      const message =
        status === 500 ? 'Server error.' : status === 502 ? 'Bad gateway.' : 'Service unavailable';
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { status, message } }));
      return;
    }
    case 'drop_connection':
      // No status line at all and nothing handled: the client sees a reset socket, as when the
      // network fails before the request reaches Spotify.
      res.destroy();
      return;
    case 'drop_after_apply':
      // The handler answers into a response that has no socket, so not one byte of its answer
      // reaches the client; then the real connection is reset, as when the network fails after
      // Spotify acted but before its answer arrived.
      try {
        await handle(new ServerResponse(req));
      } finally {
        res.destroy();
      }
      return;
    case 'malformed_json':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(`{"href":${JSON.stringify(url.toString())},"items":[{"added_at":"2026-`);
      return;
  }
}

function send429(res: ServerResponse, retryAfter: number | null, error: object): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
  res.writeHead(429, headers);
  res.end(JSON.stringify({ error }));
}
