// `npm run demo:web`: starts the browser harness (the real core + fake Spotify + the built
// renderer) and prints the URL to open and the seeded logins. Builds the renderer first when it
// has not been built. Tokens go to the keychain under the demo service when one is reachable,
// else stay in memory for this run. Ctrl+C / SIGTERM close everything cleanly.
//
// Usage: npm run demo:web -- [--port N] [--users N] [--tracks N] [--renderer-dir DIR]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../electron/core/errors/app-error.js';
import { keychainServiceName } from '../../electron/core/vault/keychain-service-name.js';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store.js';
import type { SecretStore } from '../../electron/core/vault/secret-store.js';
import { buildRenderer } from './browser-setup.js';
import { defaultRendererDir, startHarness } from './harness-server.js';

function numberFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a whole number, got ${JSON.stringify(value)}.`);
    process.exit(2);
  }
  return parsed;
}

async function chooseSecretStore(): Promise<{ store: SecretStore; where: string }> {
  const service = keychainServiceName('demo', 'web harness');
  try {
    const { createKeytarSecretStore } =
      await import('../../electron/core/vault/keytar-secret-store.js');
    const store = createKeytarSecretStore(service);
    await store.list(); // reachable and unlocked, or it throws now rather than at first sign-in
    return { store, where: `the system keychain, service "${service}"` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      store: new MemorySecretStore(),
      where: `memory only (keychain unavailable: ${reason})`,
    };
  }
}

function parseFlags() {
  try {
    return parseArgs({
      strict: true,
      options: {
        port: { type: 'string' },
        users: { type: 'string' },
        tracks: { type: 'string' },
        'renderer-dir': { type: 'string' },
      },
    }).values;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(
      'Usage: npm run demo:web -- [--port N] [--users N] [--tracks N] [--renderer-dir DIR]',
    );
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const values = parseFlags();
  const rendererDir = values['renderer-dir'] ?? defaultRendererDir;
  if (values['renderer-dir'] === undefined && !existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('Building the renderer (npm run build:renderer)…');
    const built = buildRenderer();
    if (!built.ok) process.exit(built.exitCode);
  }
  const { store, where } = await chooseSecretStore();
  const harness = await startHarness({
    port: numberFlag('port', values.port, 0),
    fake: {
      users: numberFlag('users', values.users, 3),
      tracks: numberFlag('tracks', values.tracks, 200),
    },
    secretStore: store,
    rendererDir,
  });
  console.log(`Multi Account for Spotify — browser harness (DEMO, fake Spotify)`);
  console.log(`Open:        ${harness.url}`);
  console.log(`Fake Spotify: ${harness.fake.baseUrl}`);
  console.log(`Tokens in:   ${where}`);
  console.log(`Data in:     ${harness.dataDir} (removed on exit)`);
  console.log('Seeded logins:');
  for (const user of harness.fake.users) {
    console.log(
      `  ${user.username} / ${user.password}  (${user.displayName ?? 'no display name'})`,
    );
  }
  console.log('Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing…`);
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // A bad fake option (--users 0) is a bad argument, like an unknown flag.
  process.exit(error instanceof AppError && error.code === 'fake_invalid_option' ? 2 : 1);
});
