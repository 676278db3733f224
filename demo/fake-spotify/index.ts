// Public entry of the fake Spotify used by tests, benchmarks and the demo: start one on a loopback
// port, get its base URL, Client ID, seeded users and a typed control client, close it when done.
import { FakeControlClient } from './control-client.js';
import { FakeState } from './fake-state.js';
import { resolveOptions, type FakeSpotifyOptions } from './options.js';
import type { SeededUser } from './seed-data.js';
import { listen } from './server.js';

export interface FakeSpotify {
  /** e.g. http://127.0.0.1:43123 — both the accounts service and the Web API live here. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly users: readonly SeededUser[];
  readonly control: FakeControlClient;
  /** Closes the server and all its sockets. */
  close(): Promise<void>;
}

export async function startFakeSpotify(options?: FakeSpotifyOptions): Promise<FakeSpotify> {
  const resolved = resolveOptions(options);
  const state = new FakeState(resolved);
  const server = await listen(state, resolved.port);
  return {
    baseUrl: server.baseUrl,
    clientId: resolved.clientId,
    users: state.profiles.map(({ username, password, id, accountId, displayName }) => ({
      username,
      password,
      id,
      accountId,
      displayName,
    })),
    control: new FakeControlClient(server.baseUrl),
    close: () => server.close(),
  };
}

/** The seeded user at `index` (default the first); tests ask only for users they seeded. */
export function seededUser(fake: Pick<FakeSpotify, 'users'>, index = 0): SeededUser {
  const user = fake.users[index];
  if (user === undefined) throw new Error(`the fake has no user ${index}`);
  return user;
}

export type { SavedTrackItem } from './control-api.js';
export { FakeControlClient, FakeControlError } from './control-client.js';
export type { MintedTokens, RequestCounts } from './control-client.js';
export type { FaultKind, FaultRule } from './faults.js';
export { CDN_PATH_PREFIX, fakeCdnUrl } from './image-cdn.js';
export { BrowserSession } from './login-driver.js';
export type { LoginOutcome } from './login-driver.js';
export { DEFAULT_CLIENT_ID, type FakeSpotifyOptions } from './options.js';
export { REGISTERED_REDIRECT_URI } from './redirect-uri.js';
export { DEFAULT_TOKEN_SCOPE } from './scopes.js';
export type { SeededUser } from './seed-data.js';
