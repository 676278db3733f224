// Opens an AppCore on a temporary data directory against a running fake Spotify, with a login page
// opener that completes the fake's form as the next queued user — each login in a fresh browser
// session unless a test hands one in, as the Electron login window's fresh partition does.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../../../electron/core/composition/app-core.js';
import type { LoginPageHandle } from '../../../electron/core/composition/login-page.js';
import type { RequestSchedulerOptions } from '../../../electron/core/spotify/request-scheduler.js';
import { singleOriginEndpoints } from '../../../electron/core/spotify-endpoints.js';
import type { SecretStore } from '../../../electron/core/vault/secret-store.js';
import {
  BrowserSession,
  type FakeSpotify,
  type LoginOutcome,
  type SeededUser,
} from '../../../demo/fake-spotify/index.js';

export interface QueuedLogin {
  readonly user?: SeededUser;
  readonly consent?: 'accept' | 'deny';
  /** Reuse a browser session (to show what a shared cookie jar would do). */
  readonly browser?: BrowserSession;
  /** Close the login page instead of answering it, or leave it open and unanswered. */
  readonly close?: boolean;
  readonly ignore?: boolean;
}

export interface CoreUnderTest {
  readonly core: AppCore;
  readonly dataDir: string;
  /** What the next logins do, in order. */
  readonly logins: QueuedLogin[];
  /** Outcomes of the logins the fake's pages answered. */
  readonly outcomes: Promise<LoginOutcome>[];
  /** Handles the core gave the login page opener, in order. */
  readonly handles: LoginPageHandle[];
  reopen(): Promise<AppCore>;
  dispose(): Promise<void>;
}

export async function openCore(
  fake: FakeSpotify,
  secretStore: SecretStore,
  options: {
    dataDir?: string;
    loginTimeoutMs?: number;
    fetch?: typeof fetch;
    scheduler?: RequestSchedulerOptions;
    log?: (message: string) => void;
  } = {},
): Promise<CoreUnderTest> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'app-core-')));
  const logins: QueuedLogin[] = [];
  const outcomes: Promise<LoginOutcome>[] = [];
  const handles: LoginPageHandle[] = [];
  const cores: AppCore[] = [];
  const open = async () => {
    const core = await AppCore.open({
      dataDir,
      secretStore,
      endpoints: singleOriginEndpoints(fake.baseUrl),
      loginTimeoutMs: options.loginTimeoutMs ?? 10_000,
      fetch: options.fetch,
      scheduler: { backoff: { baseMs: 5, maxMs: 50 }, ...options.scheduler },
      log: options.log ?? (() => undefined),
      openLoginPage: (url, handle) => {
        handles.push(handle);
        const login = logins.shift() ?? {};
        if (login.close) {
          handle.cancel();
          return;
        }
        if (login.ignore) return;
        const user = login.user ?? fake.users[0];
        outcomes.push(
          (login.browser ?? new BrowserSession()).completeLogin(url, {
            username: user?.username,
            password: user?.password,
            consent: login.consent ?? 'accept',
          }),
        );
      },
    });
    if ((await core.settings.get()).clientId === null) {
      await core.settings.update({ clientId: fake.clientId });
    }
    cores.push(core);
    return core;
  };
  const core = await open();
  return {
    core,
    dataDir,
    logins,
    outcomes,
    handles,
    reopen: open,
    dispose: async () => {
      await Promise.all(cores.map((c) => c.close()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { seededUser as user } from '../../../demo/fake-spotify/index.js';
