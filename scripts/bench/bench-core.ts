// The real core of a benchmark: opened on a data directory against the fake Spotify's process,
// with every seeded user signed in through the fake's login page, the settings as the scenario
// wants them. The scenarios time what comes after.
import { AppCore } from '../../electron/core/composition/app-core.js';
import type { Settings } from '../../electron/core/settings/settings-store.js';
import { singleOriginEndpoints } from '../../electron/core/spotify-endpoints.js';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store.js';
import { BrowserSession } from '../../demo/fake-spotify/index.js';
import type { FakeProcess } from './fake-process.js';

export interface BenchCore {
  readonly core: AppCore;
  /** The accounts, in the order of the fake's users. */
  readonly accountIds: readonly string[];
}

export async function openBenchCore(options: {
  readonly fake: FakeProcess;
  readonly dataDir: string;
  readonly concurrency: number;
  readonly settings?: Partial<Settings>;
}): Promise<BenchCore> {
  const { fake } = options;
  const logins = [...fake.users];
  const core = await AppCore.open({
    dataDir: options.dataDir,
    secretStore: new MemorySecretStore(),
    endpoints: singleOriginEndpoints(fake.baseUrl),
    scheduler: { concurrency: options.concurrency },
    log: (message) => console.error(message),
    openLoginPage: (url) => {
      const user = logins.shift();
      if (user === undefined) throw new Error('more logins than seeded users');
      void new BrowserSession().completeLogin(url, user);
    },
  });
  try {
    await core.settings.update({ clientId: fake.clientId, ...options.settings });
    const accountIds: string[] = [];
    for (let i = 0; i < fake.users.length; i++) accountIds.push((await core.addAccount()).id);
    return { core, accountIds };
  } catch (error) {
    await core.close();
    throw error;
  }
}
