// Shows the core keeping accounts across a restart, against the fake Spotify and a real keychain:
// two accounts signed in through the fake's login page, the core closed and opened again on the
// same data directory, and both accounts' profiles and first pages of saved tracks fetched without
// signing in again. Run through `npm run demo:core`, which provides a throwaway keyring on Linux.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppCore } from '../electron/core/composition/app-core.js';
import { singleOriginEndpoints } from '../electron/core/spotify-endpoints.js';
import { keychainServiceName } from '../electron/core/vault/keychain-service-name.js';
import { createKeytarSecretStore } from '../electron/core/vault/keytar-secret-store.js';
import { BrowserSession, startFakeSpotify } from '../demo/fake-spotify/index.js';

const fake = await startFakeSpotify({ users: 2, tracks: 500 });
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'core-restart-demo-'));
const secretStore = createKeytarSecretStore(keychainServiceName('demo', 'core restart demo'));
const users = [...fake.users];

function openCore(): Promise<AppCore> {
  return AppCore.open({
    dataDir,
    secretStore,
    endpoints: singleOriginEndpoints(fake.baseUrl),
    // Each login in a fresh browser session, signing in as the next seeded user.
    openLoginPage: (url) => {
      const user = users.shift();
      void new BrowserSession().completeLogin(url, {
        username: user?.username,
        password: user?.password,
        consent: 'accept',
      });
    },
  });
}

try {
  console.log(`fake Spotify at ${fake.baseUrl}; data directory ${dataDir}`);
  const first = await openCore();
  console.log(`keychain: ${first.vault.status.state}`);
  await first.settings.update({ clientId: fake.clientId });
  for (let i = 0; i < 2; i++) {
    const account = await first.addAccount();
    console.log(`added ${account.profile?.displayName ?? account.id} (${account.id})`);
  }
  await first.close();
  console.log('core closed; opening it again on the same data directory');

  const second = await openCore();
  for (const account of second.registry.list()) {
    const profile = await second.fetchProfile(account.id);
    const page = await second.savedTracksPage(account.id, { offset: 0 });
    const newest = page.items[0];
    console.log(
      `${profile.displayName ?? profile.spotifyUserId}: status ${second.registry.require(account.id).status}, ` +
        `${page.total} saved tracks, first page ${page.items.length}, newest "${newest?.name}" by ` +
        `${newest?.artists.map((artist) => artist.name).join(', ')}`,
    );
  }
  for (const account of second.registry.list()) await second.removeAccount(account.id);
  await second.close();
} finally {
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
}
