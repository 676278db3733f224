// An AppCore with one signed-in account against a running fake Spotify, over real HTTP, with a
// fetch that notes the offset of every saved-tracks page the core asks for, so tests can tell
// which pages a sync fetched (the fake's own counts strip the query).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../../../electron/core/app/app-core.js';
import type { RequestSchedulerOptions } from '../../../electron/core/spotify/request-scheduler.js';
import { singleOriginEndpoints } from '../../../electron/core/spotify-endpoints.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import {
  BrowserSession,
  startFakeSpotify,
  type FakeSpotify,
  type SeededUser,
} from '../../fake-spotify/index.js';

export interface LibraryHarness {
  readonly fake: FakeSpotify;
  readonly core: AppCore;
  readonly dataDir: string;
  readonly user: SeededUser;
  /** The signed-in account's id (its key). */
  readonly accountId: string;
  /** Offsets of the saved-tracks pages requested so far, in the order they were sent. */
  readonly pageOffsets: number[];
  /** A second core on the same data directory and keychain, as after a restart. */
  reopen(): Promise<AppCore>;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  readonly tracks: number;
  readonly latencyMs?: number;
  readonly scheduler?: RequestSchedulerOptions;
}

export async function openLibraryHarness(options: HarnessOptions): Promise<LibraryHarness> {
  const fake = await startFakeSpotify({
    users: 1,
    tracks: options.tracks,
    latencyMs: options.latencyMs ?? 0,
  });
  const user = fake.users[0];
  if (user === undefined) throw new Error('the fake has no user');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'library-'));
  const secretStore = new MemorySecretStore();
  const pageOffsets: number[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/v1/me/tracks') pageOffsets.push(Number(url.searchParams.get('offset')));
    return fetch(input, init);
  };
  const cores: AppCore[] = [];
  const open = async () => {
    const core = await AppCore.open({
      dataDir,
      secretStore,
      endpoints: singleOriginEndpoints(fake.baseUrl),
      fetch: recordingFetch,
      loginTimeoutMs: 10_000,
      scheduler: { backoff: { baseMs: 5, maxMs: 50 }, ...options.scheduler },
      log: () => undefined,
      openLoginPage: (url) => {
        void new BrowserSession().completeLogin(url, {
          username: user.username,
          password: user.password,
        });
      },
    });
    if (core.settings.get().clientId === null) {
      await core.settings.update({ clientId: fake.clientId });
    }
    cores.push(core);
    return core;
  };
  const core = await open();
  const account = await core.addAccount();
  return {
    fake,
    core,
    dataDir,
    user,
    accountId: account.id,
    pageOffsets,
    reopen: open,
    dispose: async () => {
      await Promise.all(cores.map((c) => c.close()));
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saved-tracks requests the fake answered since its counts were last reset. */
export async function pageRequests(fake: FakeSpotify): Promise<number> {
  return (await fake.control.requestCounts()).byPath['GET /v1/me/tracks'] ?? 0;
}

/** Waits until the core has no request queued or on the wire (answers to a cancelled sync). */
export async function untilSchedulerIdle(core: AppCore): Promise<void> {
  while (core.scheduler.stats.outstanding > 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
