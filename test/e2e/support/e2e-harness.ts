// What every end-to-end file starts from: its own fake Spotify, its own data directory and its own
// keychain service in the throwaway keyring, and a harness over them that can be restarted on the
// same data and keychain. Every token the core ever writes to the keychain is remembered (the real
// keychain, observed on the way in) so a test can look for any of them where none may appear.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createKeytarSecretStore } from '../../../electron/core/vault/keytar-secret-store.js';
import type { SecretStore } from '../../../electron/core/vault/secret-store.js';
import {
  startFakeSpotify,
  type FakeSpotify,
  type FakeSpotifyOptions,
} from '../../../demo/fake-spotify/index.js';
import { startHarness, type Harness } from '../../../demo/harness/harness-server.js';
import {
  assertPrivateTestKeychain,
  testServiceName,
} from '../../keychain/private-keychain-session.js';
import { rendererDirVariable } from './global-setup.js';

export interface E2eHarness {
  readonly fake: FakeSpotify;
  readonly dataDir: string;
  readonly serviceName: string;
  /** The keychain service of this file, read directly (not through the core). */
  readonly keychain: SecretStore;
  /** Every line the harness and the core logged. */
  readonly logs: string[];
  /** Every access and refresh token the core stored in the keychain during the run. */
  readonly tokensSeen: Set<string>;
  readonly harness: Harness;
  /** Closes the harness (not the fake) and starts a new one on the same data and keychain. */
  restart(): Promise<Harness>;
  dispose(): Promise<void>;
}

export interface E2eHarnessOptions {
  readonly fake?: FakeSpotifyOptions;
  /** false: start without a Client ID, on the first-run setup screen. */
  readonly presetClientId?: boolean;
}

export async function openE2eHarness(
  name: string,
  options: E2eHarnessOptions = {},
): Promise<E2eHarness> {
  assertPrivateTestKeychain();
  const rendererDir = process.env[rendererDirVariable];
  if (!rendererDir) throw new Error('Run the end-to-end tests through playwright (global setup).');
  const serviceName = testServiceName(`e2e ${name}`);
  const keychain = createKeytarSecretStore(serviceName);
  const tokensSeen = new Set<string>();
  const observed: SecretStore = {
    ...keychain,
    set: async (account, value) => {
      rememberTokens(value, tokensSeen);
      await keychain.set(account, value);
    },
  };
  const fake = await startFakeSpotify({ users: 4, tracks: 60, ...options.fake });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-data-'));
  const logs: string[] = [];
  const start = () =>
    startHarness({
      fake,
      dataDir,
      rendererDir,
      secretStore: observed,
      presetClientId: options.presetClientId,
      loginTimeoutMs: 20_000,
      scheduler: { backoff: { baseMs: 5, maxMs: 50 } },
      log: (line) => logs.push(line),
    });
  let harness = await start();
  return {
    fake,
    dataDir,
    serviceName,
    keychain,
    logs,
    tokensSeen,
    get harness() {
      return harness;
    },
    async restart() {
      await harness.close();
      harness = await start();
      return harness;
    },
    async dispose() {
      await harness.close();
      await fake.close();
      for (const { account } of await keychain.list()) await keychain.delete(account);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function rememberTokens(value: string, into: Set<string>): void {
  try {
    const parsed = JSON.parse(value) as { accessToken?: unknown; refreshToken?: unknown };
    for (const token of [parsed.accessToken, parsed.refreshToken]) {
      if (typeof token === 'string' && token.length > 0) into.add(token);
    }
  } catch {
    into.add(value); // not the vault's JSON: treat the whole value as secret
  }
}

/**
 * Every file under `dir` with its text, for "nothing on disk mentions X" checks. The app may be
 * syncing a library in the background (its partial file renamed or removed between listing and
 * reading): a file gone mid-way means the listing is taken again, so every file checked was read
 * whole and none is skipped.
 */
export async function filesUnder(dir: string): Promise<{ file: string; text: string }[]> {
  for (let attempt = 1; ; attempt += 1) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile());
    try {
      return await Promise.all(
        files.map(async (entry) => {
          const file = path.join(entry.parentPath, entry.name);
          return { file, text: await readFile(file, 'utf8') };
        }),
      );
    } catch (error) {
      const vanished = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!vanished || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
