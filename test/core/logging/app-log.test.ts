// The log file as support would read it: a sign-in, a refresh, a sync, a rate limit and a job
// each leave a line, and no secret the fake Spotify issued in the run — authorization code, PKCE
// verifier, access or refresh token — appears in it, even in a line that quotes one; the file
// rotates past its size and keeps the previous one.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAppLog, type AppLog } from '../../../electron/core/logging/app-log.js';
import { logCoreEvents } from '../../../electron/core/logging/log-core-events.js';
import { secretObservingStore } from '../../../electron/core/logging/secret-observing-store.js';
import { SecretRedactor } from '../../../electron/core/logging/secret-redactor.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../composition/support.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'app-log-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The file's text once electron-log has written every line asked for. */
async function logText(log: AppLog): Promise<string> {
  let text = '';
  await vi.waitFor(async () => {
    text = await readFile(log.filePath, 'utf8');
    expect(text).toContain('end of test');
  });
  return text;
}

describe('SecretRedactor', () => {
  it('takes out the tokens it was told of and anything shaped like a secret', () => {
    const redactor = new SecretRedactor();
    redactor.addFromStoredValue(
      JSON.stringify({
        accessToken: 'BQD-access-token-0123456789',
        refreshToken: 'AQB-refresh-0123456789',
        scope: 'user-library-read user-library-modify',
      }),
    );
    const line = redactor.redact(
      'failed: BQD-access-token-0123456789 / AQB-refresh-0123456789 Authorization: Bearer abc.def-ghi code=AQxyz&state=1 {"code_verifier":"v123"} scope user-library-read user-library-modify',
    );
    expect(line).not.toContain('BQD-access');
    expect(line).not.toContain('AQB-refresh');
    expect(line).not.toContain('abc.def-ghi');
    expect(line).not.toContain('AQxyz');
    expect(line).not.toContain('v123');
    expect(line).toContain('Bearer [redacted]');
    expect(line).toContain('code=[redacted]&state=1');
    // What is not a secret stays readable.
    expect(line).toContain('scope user-library-read user-library-modify');
  });
});

describe('the log file', () => {
  let fake: FakeSpotify | null = null;
  let subject: CoreUnderTest | null = null;

  afterEach(async () => {
    await subject?.dispose();
    await fake?.close();
    subject = null;
    fake = null;
  });

  it('tells a sign-in, a refresh, a rate limit, a sync and a job, and no secret of the run', async () => {
    const fake = await startFakeSpotify({ users: 2, tracksPerUser: [120, 0] });
    const keychain = new MemorySecretStore();
    const redactor = new SecretRedactor();
    const log = openAppLog({ filePath: path.join(dir, 'logs', 'main.log'), redactor });
    const subject = await openCore(fake, secretObservingStore(keychain, redactor), {
      log: (message) => log.info(message),
      // A Retry-After of a second is a pause of every request (rate_limited), not a wait.
      scheduler: { backoff: { baseMs: 5, maxMs: 20 }, maxRateLimitWaitMs: 100 },
    });
    fakeAndCore(fake, subject);
    const { core } = subject;
    const stop = logCoreEvents(core, log);

    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
    const alice = await core.addAccount();
    const bob = await core.addAccount();
    await fake.control.expireAccessTokens();
    await core.fetchProfile(alice.id);
    await fake.control.injectFault({ kind: 'rate_limit', count: 1, retryAfterSeconds: 1 });
    await core.syncLibrary(alice.id).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await core.syncLibrary(alice.id);
    await core.syncLibrary(bob.id);
    const library = await core.cachedLibrary(alice.id);
    const plan = await core.jobs.planCopy({
      kind: 'copy',
      sourceAccountId: alice.id,
      targetAccountId: bob.id,
      revision: library === null ? '' : (core.libraryRevision(library) ?? ''),
      positions: [0, 1, 2],
    });
    const started = await core.jobs.service.start(plan.planId);
    await vi.waitFor(() =>
      expect(
        core.jobs.service.list().find((job) => job.definition.id === started.definition.id)
          ?.progress.state,
      ).toBe('finished'),
    );
    // An error's text that quotes a stored token (a server's answer, say) is redacted too.
    const stored = (await keychain.list()).map((entry) => entry.value).join(' ');
    log.warn(`an answer quoted ${stored}`);
    const secrets = await fake.control.issuedSecrets();
    log.info('end of test');
    stop();

    const text = await logText(log);
    expect(text).toContain(`account ${alice.id}: added`);
    expect(text).toContain(`account ${alice.id}: tokens refreshed`);
    expect(text).toContain(`sync ${alice.id}: done, 120 tracks`);
    expect(text).toMatch(/\[warn\] +spotify: rate_limited until /);
    expect(text).toContain('spotify: requests resumed');
    expect(text).toMatch(/job .+ \(copy\): finished/);
    expect(secrets.length).toBeGreaterThan(4);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  function fakeAndCore(startedFake: FakeSpotify, started: CoreUnderTest): void {
    fake = startedFake;
    subject = started;
  }

  it('rotates past its size and keeps the previous file', async () => {
    const log = openAppLog({
      filePath: path.join(dir, 'main.log'),
      redactor: new SecretRedactor(),
      maxBytes: 2_000,
    });
    for (let i = 0; i < 100; i += 1) log.info(`line ${i} ${'x'.repeat(40)}`);
    log.info('end of test');
    await logText(log);
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.old.log']);
  });
});
