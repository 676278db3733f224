// The fake Web API under /v1, as a Development Mode app sees it: /me without the removed fields,
// saved tracks with paging, /me/library to save, remove and check, and the removed
// /me/tracks write and contains endpoints answered 403. Bearer tokens are checked on every call.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { catalogueIndex } from './catalogue-ids.js';
import type { FakeState } from './fake-state.js';
import { sendJson, sendWebApiError } from './http-helpers.js';
import { spotifyTimestamp } from './saved-library.js';
import { hasScope } from './scopes.js';
import {
  catalogueTrack,
  localTrack,
  type TrackJson,
  type TrackRenderContext,
} from './track-catalogue.js';

const MAX_URIS = 40;
const URI_PATTERN =
  /^spotify:(track|album|artist|episode|show|audiobook|user|playlist):([A-Za-z0-9]+)$/;
const REMOVED_MESSAGE =
  'This endpoint is not available to apps in Development Mode; use /v1/me/library';

interface Caller {
  userIndex: number;
  scope: string;
}

type Handler = (state: FakeState, caller: Caller, url: URL, res: ServerResponse) => void;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/v1/me': { GET: getProfile },
  '/v1/me/tracks': { GET: getSavedTracks, PUT: removedEndpoint, DELETE: removedEndpoint },
  '/v1/me/tracks/contains': { GET: removedEndpoint },
  '/v1/me/library': { PUT: saveToLibrary, DELETE: removeFromLibrary },
  '/v1/me/library/contains': { GET: libraryContains },
};

export function handleWebApi(
  state: FakeState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const route = ROUTES[url.pathname];
  if (!route) return sendWebApiError(res, 404, 'Service not found');
  const handler = route[req.method ?? 'GET'];
  if (!handler) return sendWebApiError(res, 405, 'Method not allowed');
  const caller = authenticate(state, req, res);
  if (!caller) return;
  if (state.notAllowlisted.has(caller.userIndex)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('User not registered in the Developer Dashboard');
    return;
  }
  handler(state, caller, url, res);
}

function authenticate(state: FakeState, req: IncomingMessage, res: ServerResponse): Caller | null {
  const header = req.headers.authorization;
  if (!header) {
    sendWebApiError(res, 401, 'No token provided');
    return null;
  }
  const match = /^Bearer (\S+)$/.exec(header);
  const lookup = match?.[1]
    ? state.tokens.checkAccessToken(match[1])
    : ({ ok: false, reason: 'invalid' } as const);
  if (!lookup.ok) {
    sendWebApiError(
      res,
      401,
      lookup.reason === 'expired' ? 'The access token expired' : 'Invalid access token',
    );
    return null;
  }
  return { userIndex: lookup.userIndex, scope: lookup.scope };
}

function getProfile(state: FakeState, caller: Caller, _url: URL, res: ServerResponse): void {
  const profile = state.profiles[caller.userIndex];
  if (!profile) return sendWebApiError(res, 404, 'Non existing id');
  // Development Mode shape since 2026: no email, country, product, followers or explicit_content.
  sendJson(res, 200, {
    account_id: profile.accountId,
    display_name: profile.displayName,
    external_urls: { spotify: `https://open.spotify.com/user/${profile.id}` },
    href: `${state.baseUrl}/v1/users/${profile.id}`,
    id: profile.id,
    images: profile.images,
    type: 'user',
    uri: `spotify:user:${profile.id}`,
  });
}

function getSavedTracks(state: FakeState, caller: Caller, url: URL, res: ServerResponse): void {
  if (!hasScope(caller.scope, 'user-library-read'))
    return sendWebApiError(res, 403, 'Insufficient client scope');
  const q = url.searchParams;
  const limit = parseInteger(q.get('limit'), 20);
  if (limit === null || limit < 1 || limit > 50) return sendWebApiError(res, 400, 'Invalid limit');
  const offset = parseInteger(q.get('offset'), 0);
  if (offset === null || offset < 0) return sendWebApiError(res, 400, 'Invalid offset');
  const market = q.get('market');
  if (market !== null && market !== 'from_token' && !/^[A-Z]{2}$/.test(market)) {
    return sendWebApiError(res, 400, 'Invalid market code');
  }
  const library = state.libraries[caller.userIndex];
  if (!library) return sendWebApiError(res, 404, 'Non existing id');
  const ctx: TrackRenderContext = { seed: state.seed, baseUrl: state.baseUrl, market };
  const items: { added_at: string; track: TrackJson }[] = [];
  for (let p = offset; p < Math.min(offset + limit, library.total); p++) {
    const entry = library.entryAt(p);
    if (!entry) break;
    const track =
      entry.catalogueIndex !== null
        ? catalogueTrack(entry.catalogueIndex, ctx)
        : localTrack(caller.userIndex, entry.localKey ?? 0, ctx);
    items.push({ added_at: spotifyTimestamp(entry.addedAt), track });
  }
  const page = (o: number) => {
    const params = new URLSearchParams({ offset: String(o), limit: String(limit) });
    if (market !== null) params.set('market', market);
    return `${state.baseUrl}/v1/me/tracks?${params.toString()}`;
  };
  const total = library.total;
  sendJson(res, 200, {
    href: page(offset),
    items,
    limit,
    next: offset + limit < total ? page(offset + limit) : null,
    offset,
    previous: offset > 0 ? page(Math.max(0, Math.min(offset, total) - limit)) : null,
    total,
  });
}

function saveToLibrary(state: FakeState, caller: Caller, url: URL, res: ServerResponse): void {
  const indexes = libraryChange(state, caller, url, res);
  if (!indexes) return;
  const library = state.libraries[caller.userIndex];
  // A track sent again that is already saved: what an app that resends writes blindly does.
  state.countRepeatedWrites(caller.userIndex, indexes.filter((i) => library?.contains(i)).length);
  // Saved in the order given, each on top of the previous: the last URI ends up newest, and all
  // share this second as added_at.
  library?.save(indexes, state.clock.nowSeconds());
  emptyOk(res);
}

function removeFromLibrary(state: FakeState, caller: Caller, url: URL, res: ServerResponse): void {
  const indexes = libraryChange(state, caller, url, res);
  if (!indexes) return;
  const library = state.libraries[caller.userIndex];
  state.countRepeatedWrites(caller.userIndex, indexes.filter((i) => !library?.contains(i)).length);
  library?.remove(indexes);
  emptyOk(res);
}

function libraryContains(state: FakeState, caller: Caller, url: URL, res: ServerResponse): void {
  if (!hasScope(caller.scope, 'user-library-read'))
    return sendWebApiError(res, 403, 'Insufficient client scope');
  const parsed = parseUris(state, url, res);
  if (!parsed) return;
  const library = state.libraries[caller.userIndex];
  sendJson(
    res,
    200,
    parsed.map((index) => index !== null && (library?.contains(index) ?? false)),
  );
}

function removedEndpoint(_state: FakeState, _caller: Caller, _url: URL, res: ServerResponse): void {
  sendWebApiError(res, 403, REMOVED_MESSAGE);
}

/** Catalogue indexes of the track URIs in `uris`, after the scope and format checks. */
function libraryChange(
  state: FakeState,
  caller: Caller,
  url: URL,
  res: ServerResponse,
): number[] | null {
  if (!hasScope(caller.scope, 'user-library-modify')) {
    sendWebApiError(res, 403, 'Insufficient client scope');
    return null;
  }
  const parsed = parseUris(state, url, res);
  // Other URI types (albums, shows...) are accepted and ignored: the fake only keeps tracks.
  return parsed ? parsed.filter((index): index is number => index !== null) : null;
}

/** One entry per URI: the catalogue index of a known track, null for anything else well-formed. */
function parseUris(state: FakeState, url: URL, res: ServerResponse): (number | null)[] | null {
  const raw = url.searchParams.get('uris');
  if (!raw) {
    sendWebApiError(res, 400, 'Missing required parameter: uris');
    return null;
  }
  const uris = raw.split(',');
  if (uris.length > MAX_URIS) {
    sendWebApiError(res, 400, `Too many URIs requested: at most ${MAX_URIS}`);
    return null;
  }
  const indexes: (number | null)[] = [];
  for (const uri of uris) {
    const match = URI_PATTERN.exec(uri);
    if (!match || (match[1] !== 'user' && match[2]?.length !== 22)) {
      sendWebApiError(res, 400, `Invalid URI: ${uri.slice(0, 80)}`);
      return null;
    }
    indexes.push(match[1] === 'track' ? catalogueIndex('track', state.seed, match[2] ?? '') : null);
  }
  return indexes;
}

function parseInteger(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : null;
}

function emptyOk(res: ServerResponse): void {
  res.writeHead(200, { 'content-length': '0' });
  res.end();
}
