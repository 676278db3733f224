// The fake's own control API under /__fake (JSON in, JSON out): lets tests, benchmarks and the
// demo mint and revoke tokens, move time, change libraries, add latency and faults, and read
// request counts. Never counted, delayed or faulted. Errors: `{"error":{"code","message"}}`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { catalogueIndex } from './catalogue-ids.js';
import type { FakeState } from './fake-state.js';
import { FAULT_KINDS } from './faults.js';
import { readBody, sendJson } from './http-helpers.js';
import { MAX_LATENCY_MS } from './options.js';
import { DEFAULT_TOKEN_SCOPE, KNOWN_SCOPES, splitScope } from './scopes.js';
import { spotifyTimestamp } from './saved-library.js';
import { localTrack, trackId } from './track-catalogue.js';

export type ControlErrorCode =
  'fake_bad_request' | 'fake_unknown_user' | 'fake_unknown_track' | 'fake_not_found';

class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: ControlErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const userId = z.string().min(1);
const trackIds = z.array(z.string()).max(10_000);
const schemas = {
  tokens: z.strictObject({ userId, scope: z.string().optional() }),
  revoke: z
    .strictObject({ userId: userId.optional(), refreshToken: z.string().min(1).optional() })
    .refine(
      (b) => (b.userId === undefined) !== (b.refreshToken === undefined),
      'give exactly one of userId, refreshToken',
    ),
  expire: z.strictObject({ userId: userId.optional() }),
  backdate: z.strictObject({
    userId: userId.optional(),
    refreshToken: z.string().optional(),
    seconds: z.number().int().min(0),
  }),
  advance: z.strictObject({ seconds: z.number().int().min(0) }),
  add: z
    .strictObject({
      userId,
      count: z.number().int().min(1).max(100_000).optional(),
      trackIds: trackIds.optional(),
    })
    .refine(
      (b) => (b.count === undefined) !== (b.trackIds === undefined),
      'give exactly one of count, trackIds',
    ),
  remove: z
    .strictObject({
      userId,
      trackIds: trackIds.optional(),
      count: z.number().int().min(1).optional(),
      fromTop: z.boolean().optional(),
    })
    .refine(
      (b) => (b.count === undefined) !== (b.trackIds === undefined),
      'give exactly one of count, trackIds',
    ),
  latency: z.strictObject({ ms: z.number().int().min(0).max(MAX_LATENCY_MS) }),
  fault: z.strictObject({
    kind: z.enum(FAULT_KINDS),
    retryAfterSeconds: z.number().int().min(0).nullable().optional(),
    count: z.number().int().min(1).optional(),
    fraction: z.number().min(0).max(1).optional(),
    pathPrefix: z.string().startsWith('/').optional(),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
  }),
  rotate: z.strictObject({ enabled: z.boolean() }),
  allowlist: z.strictObject({ userId, allowlisted: z.boolean() }),
};

/** One entry of a library as `GET /__fake/saved-tracks` lists it. */
export interface SavedTrackItem {
  /** null for a local file. */
  trackId: string | null;
  uri: string;
  /** As the Web API's added_at: `YYYY-MM-DDTHH:MM:SSZ`. */
  addedAt: string;
}

type Route = (state: FakeState, body: unknown, url: URL) => unknown;

const ROUTES: Record<string, Route> = {
  'GET /__fake/users': (state) => ({
    users: state.profiles.map(({ username, password, id, accountId, displayName }) => ({
      username,
      password,
      id,
      accountId,
      displayName,
    })),
  }),
  'POST /__fake/tokens': (state, body) => {
    const b = parse(schemas.tokens, body);
    const scope = b.scope ?? DEFAULT_TOKEN_SCOPE;
    const unknown = splitScope(scope).find((s) => !KNOWN_SCOPES.has(s));
    if (unknown !== undefined)
      throw new ControlError(400, 'fake_bad_request', `unknown scope ${unknown}`);
    return state.tokens.createGrant(
      user(state, b.userId),
      state.clientId,
      splitScope(scope).join(' '),
    );
  },
  'POST /__fake/revoke': (state, body) => {
    const b = parse(schemas.revoke, body);
    if (b.refreshToken !== undefined)
      return { revoked: state.tokens.revokeRefreshToken(b.refreshToken) ? 1 : 0 };
    return { revoked: state.tokens.revokeUser(user(state, b.userId ?? '')) };
  },
  'POST /__fake/expire-access-tokens': (state, body) => {
    const b = parse(schemas.expire, body);
    return {
      expired: state.tokens.expireAccessTokens(
        b.userId === undefined ? undefined : user(state, b.userId),
      ),
    };
  },
  'POST /__fake/backdate-grants': (state, body) => {
    const b = parse(schemas.backdate, body);
    const userIndex = b.userId === undefined ? undefined : user(state, b.userId);
    return {
      updated: state.tokens.backdateGrants({ userIndex, refreshToken: b.refreshToken }, b.seconds),
    };
  },
  'POST /__fake/advance-time': (state, body) => {
    state.clock.advance(parse(schemas.advance, body).seconds);
    return { now: new Date(state.clock.now()).toISOString() };
  },
  'GET /__fake/saved-tracks': (state, _body, url) => {
    const userIndex = user(state, url.searchParams.get('userId') ?? '');
    const items = savedTrackItems(state, userIndex);
    return {
      trackIds: items.map((item) => item.trackId),
      items,
      repeatedWrites: state.repeatedWrites.get(userIndex) ?? 0,
    };
  },
  'POST /__fake/saved-tracks/add': (state, body) => {
    const b = parse(schemas.add, body);
    const library = state.libraries[user(state, b.userId)];
    const indexes =
      b.trackIds !== undefined
        ? b.trackIds.map((id) => trackIndex(state, id))
        : Array.from({ length: b.count ?? 0 }, () => state.nextFreshTrack++);
    const added = library?.save(indexes, state.clock.nowSeconds()) ?? [];
    return { added: added.map((index) => trackId(state.seed, index)) };
  },
  'POST /__fake/saved-tracks/remove': (state, body) => {
    const b = parse(schemas.remove, body);
    const library = state.libraries[user(state, b.userId)];
    if (!library) return { removed: [] };
    if (b.trackIds !== undefined) {
      const removed = library.remove(b.trackIds.map((id) => trackIndex(state, id)));
      return { removed: removed.map((index) => trackId(state.seed, index)) };
    }
    const removed = library.removeCount(b.count ?? 0, b.fromTop ?? true);
    return {
      removed: removed.map((e) =>
        e.catalogueIndex === null ? null : trackId(state.seed, e.catalogueIndex),
      ),
    };
  },
  'POST /__fake/latency': (state, body) => {
    state.latencyMs = parse(schemas.latency, body).ms;
    return { latencyMs: state.latencyMs };
  },
  'POST /__fake/faults': (state, body) => {
    state.faults.add(parse(schemas.fault, body));
    return { ok: true };
  },
  'DELETE /__fake/faults': (state) => {
    state.faults.clear();
    return { ok: true };
  },
  'GET /__fake/issued-secrets': (state) => ({ secrets: state.tokens.issuedSecrets() }),
  'GET /__fake/request-counts': (state) => {
    const byPath = Object.fromEntries(state.requestCounts);
    return { total: Object.values(byPath).reduce((a, b) => a + b, 0), byPath };
  },
  'DELETE /__fake/request-counts': (state) => {
    state.requestCounts = new Map();
    return { ok: true };
  },
  'POST /__fake/rotate-refresh-tokens': (state, body) => {
    state.rotateRefreshTokens = parse(schemas.rotate, body).enabled;
    return { rotateRefreshTokens: state.rotateRefreshTokens };
  },
  'POST /__fake/allowlist': (state, body) => {
    const b = parse(schemas.allowlist, body);
    const userIndex = user(state, b.userId);
    if (b.allowlisted) state.notAllowlisted.delete(userIndex);
    else state.notAllowlisted.add(userIndex);
    return { ok: true };
  },
};

export async function handleControl(
  state: FakeState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const route = ROUTES[`${req.method ?? 'GET'} ${url.pathname}`];
    if (!route)
      throw new ControlError(
        404,
        'fake_not_found',
        `no control endpoint ${req.method ?? ''} ${url.pathname}`,
      );
    const text = await readBody(req);
    let body: unknown = {};
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ControlError(400, 'fake_bad_request', 'body is not valid JSON');
      }
    }
    sendJson(res, 200, route(state, body, url));
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ControlError(400, 'fake_bad_request', `${where}${issue?.message ?? 'invalid body'}`);
  }
  return result.data;
}

function user(state: FakeState, id: string): number {
  const index = state.userIndexById(id);
  if (index === null)
    throw new ControlError(404, 'fake_unknown_user', `no seeded user with id ${id}`);
  return index;
}

/** The user's library newest first, as the Web API would list it, without the track JSON. */
function savedTrackItems(state: FakeState, userIndex: number): SavedTrackItem[] {
  const library = state.libraries[userIndex];
  const ctx = { seed: state.seed, baseUrl: state.baseUrl, market: null };
  const items: SavedTrackItem[] = [];
  for (let p = 0; library && p < library.total; p++) {
    const entry = library.entryAt(p);
    if (!entry) break;
    const addedAt = spotifyTimestamp(entry.addedAt);
    if (entry.catalogueIndex === null) {
      const uri = localTrack(userIndex, entry.localKey ?? 0, ctx).uri;
      items.push({ trackId: null, uri, addedAt });
    } else {
      const id = trackId(state.seed, entry.catalogueIndex);
      items.push({ trackId: id, uri: `spotify:track:${id}`, addedAt });
    }
  }
  return items;
}

function trackIndex(state: FakeState, id: string): number {
  const index = catalogueIndex('track', state.seed, id);
  if (index === null)
    throw new ControlError(400, 'fake_unknown_track', `${id} is not a track ID of this fake`);
  return index;
}
