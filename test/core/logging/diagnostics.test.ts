// "Copy diagnostics" on a real core signed in to the fake Spotify: versions, OS, keychain state,
// each account by id with its status and cache age, the log file — and no secret of the run, nor
// the person's name.
import { afterEach, expect, it } from 'vitest';
import { diagnosticsText } from '../../../electron/core/logging/diagnostics.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../composition/support.js';

let fake: FakeSpotify;
let subject: CoreUnderTest;

afterEach(async () => {
  await subject.dispose();
  await fake.close();
});

it('says what support needs and nothing secret', async () => {
  fake = await startFakeSpotify({ users: 2, tracksPerUser: [10, 0] });
  subject = await openCore(fake, new MemorySecretStore());
  const { core } = subject;
  subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
  const alice = await core.addAccount();
  const bob = await core.addAccount();
  await core.syncLibrary(alice.id);
  const now = Date.now() + 3 * 60 * 60_000;

  const text = diagnosticsText(core, {
    appVersion: '1.2.3',
    versions: { electron: '45.5.0', chrome: '142.0', node: '24.11.1' },
    os: { platform: 'linux', release: '6.8.0', arch: 'x64' },
    logFile: '/home/me/.config/app/logs/main.log',
    now,
  });

  expect(text).toContain('Multi Account for Spotify 1.2.3');
  expect(text).toContain('Electron 45.5.0, Chromium 142.0, Node 24.11.1');
  expect(text).toContain('OS: linux 6.8.0 (x64)');
  expect(text).toContain('Keychain: Secret Service (libsecret), available');
  expect(text).toContain('Log file: /home/me/.config/app/logs/main.log');
  expect(text).toContain(`- ${alice.id}: ok, synced 3 h ago, sign-in expires in`);
  expect(text).toContain(`- ${bob.id}: ok, never synced`);
  for (const secret of await fake.control.issuedSecrets()) expect(text).not.toContain(secret);
  expect(text).not.toContain(user(fake, 0).displayName ?? '∅');
});
