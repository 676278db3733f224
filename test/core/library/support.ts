// An AppCore with one signed-in account against a running fake Spotify, over real HTTP, with a
// fetch that notes the offset of every saved-tracks page the core asks for, so tests can tell
// which pages a sync fetched (the fake's own counts strip the query).
import type { AppCore } from '../../../electron/core/composition/app-core.js';
import type { RequestSchedulerOptions } from '../../../electron/core/spotify/request-scheduler.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import {
  seededUser,
  startFakeSpotify,
  type FakeSpotify,
  type SeededUser,
} from '../../../demo/fake-spotify/index.js';
import { openCore } from '../composition/support.js';

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
  const user = seededUser(fake);
  const pageOffsets: number[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/v1/me/tracks') pageOffsets.push(Number(url.searchParams.get('offset')));
    return fetch(input, init);
  };
  const subject = await openCore(fake, new MemorySecretStore(), {
    fetch: recordingFetch,
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
  });
  subject.logins.push({ user });
  const account = await subject.core.addAccount();
  return {
    fake,
    core: subject.core,
    dataDir: subject.dataDir,
    user,
    accountId: account.id,
    pageOffsets,
    reopen: subject.reopen,
    dispose: async () => {
      await subject.dispose();
      await fake.close();
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
