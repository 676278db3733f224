// Starts the fake Spotify and builds real schedulers and sessions against it, with a recording
// fetch in between and small backoffs so failure paths run in milliseconds.
import { afterEach } from 'vitest';
import type { TokenSet } from '../../../../electron/core/auth/token-set.js';
import { singleOriginEndpoints } from '../../../../electron/core/spotify-endpoints.js';
import {
  AccountSession,
  type AccountSessionOptions,
} from '../../../../electron/core/spotify/account-session.js';
import {
  RequestScheduler,
  type RequestSchedulerOptions,
  type SchedulerState,
} from '../../../../electron/core/spotify/request-scheduler.js';
import { startFakeSpotify } from '../../../../demo/fake-spotify/index.js';
import { recordingFetch, type RecordingFetch } from './recording-fetch.js';

type FakeOptions = NonNullable<Parameters<typeof startFakeSpotify>[0]>;
export type FakeSpotify = Awaited<ReturnType<typeof startFakeSpotify>>;
export type FakeUser = FakeSpotify['users'][number];

export interface Harness {
  readonly fake: FakeSpotify;
  readonly wire: RecordingFetch;
  readonly scheduler: RequestScheduler;
  readonly states: SchedulerState[];
  /** Tokens persisted by every session, in order. */
  readonly persisted: TokenSet[];
  session(user: FakeUser, options?: SessionOptions): Promise<AccountSession>;
  /** Fresh tokens for `user` from the fake, as after a sign-in. */
  tokensFor(user: FakeUser, options?: { expired?: boolean }): Promise<TokenSet>;
  /** Requests the fake answered for `METHOD /path`. */
  count(key: string): Promise<number>;
}

export interface SessionOptions extends Partial<AccountSessionOptions> {
  /** Start with an access token that has already expired. */
  readonly expired?: boolean;
}

const running: FakeSpotify[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

export async function startHarness(
  fakeOptions: FakeOptions = {},
  schedulerOptions: RequestSchedulerOptions = {},
): Promise<Harness> {
  const fake = await startFakeSpotify(fakeOptions);
  running.push(fake);
  const wire = recordingFetch();
  const scheduler = new RequestScheduler({
    fetch: wire.fetch,
    backoff: { baseMs: 10, maxMs: 100 },
    requestTimeoutMs: 5_000,
    ...schedulerOptions,
  });
  const states: SchedulerState[] = [];
  scheduler.onDidChangeState((state) => states.push(state));
  const persisted: TokenSet[] = [];
  const endpoints = singleOriginEndpoints(fake.baseUrl);

  async function tokensFor(user: FakeUser, options: { expired?: boolean } = {}): Promise<TokenSet> {
    const minted = await fake.control.mintTokens(user.id);
    const now = Date.now();
    return {
      accessToken: minted.accessToken,
      refreshToken: minted.refreshToken,
      expiresAt: options.expired ? now - 1_000 : now + minted.expiresIn * 1000,
      scope: minted.scope,
      authorizedAt: now,
    };
  }

  return {
    fake,
    wire,
    scheduler,
    states,
    persisted,
    tokensFor,
    async session(user, options = {}) {
      const { expired, ...overrides } = options;
      return new AccountSession({
        accountKey: user.accountId,
        tokens: await tokensFor(user, { expired: expired ?? false }),
        clientId: fake.clientId,
        endpoints,
        scheduler,
        fetch: wire.fetch,
        refreshBackoff: { baseMs: 10, maxMs: 100 },
        persistTokens: async (tokens) => {
          persisted.push(tokens);
        },
        ...overrides,
      });
    },
    async count(key) {
      return (await fake.control.requestCounts()).byPath[key] ?? 0;
    },
  };
}
