// Each way the Secret Service can be unusable, reproduced for real in a child process with its own
// throwaway environment: the vault must name the right reason, say so once, and keep tokens in
// memory for the run instead of failing every call.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPrivateTestKeychain } from './private-keychain-session.js';

assertPrivateTestKeychain();

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = path.join(fixtures, 'vault-in-environment.ts');
const busWithoutServices = path.join(fixtures, 'session-bus-without-services.conf');
const node = process.execPath;
// `--import tsx` resolves from the working directory: run children from the project root.
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const lockLogin =
  'gdbus call --session --dest=org.freedesktop.secrets --object-path=/org/freedesktop/secrets --method=org.freedesktop.Secret.Service.Lock "[\'/org/freedesktop/secrets/collection/login\']" >/dev/null';

interface FixtureReport {
  atOpen: { state: string; reason?: string; code?: string; message?: string };
  afterWrite: { state: string; reason?: string; code?: string };
  tokensWorkForThisRun: boolean;
  keys: string[];
  logs: string[];
}

const homes: string[] = [];

afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

/** A clean environment with no bus and no display, and fresh XDG folders of its own. */
async function isolatedEnv(): Promise<NodeJS.ProcessEnv> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'keychain-failure-'));
  homes.push(home);
  for (const dir of ['data', 'config', 'cache', 'run'])
    await mkdir(path.join(home, dir), { mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_RUNTIME_DIR: path.join(home, 'run'),
    SPOTIFY_ACCOUNTS_TEST_KEYCHAIN: process.env.SPOTIFY_ACCOUNTS_TEST_KEYCHAIN,
  };
  return env;
}

/** Runs the fixture under `command` (a prefix such as dbus-run-session), returns its report. */
async function runFixture(prefix: string[], extraArgs: string[] = []): Promise<FixtureReport> {
  const env = await isolatedEnv();
  const nodeArgs = ['--import', 'tsx', fixture, ...extraArgs];
  const [command, ...args] = [...prefix, node, ...nodeArgs];
  const { stdout } = await run(command ?? node, args, {
    env,
    cwd: projectRoot,
    timeout: 15_000,
  });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as FixtureReport;
}

/** `script` runs in a private session bus first; the fixture is appended as "$@". */
function inPrivateSession(script: string, config?: string): string[] {
  return [
    'dbus-run-session',
    ...(config === undefined ? [] : [`--config-file=${config}`]),
    '--',
    'sh',
    '-c',
    `${script}\nexec "$@"`,
    'in-private-session',
  ];
}

function expectWorksInMemory(report: FixtureReport) {
  expect(report.tokensWorkForThisRun).toBe(true);
  expect(report.keys).toEqual(['acct-1']);
  expect(report.logs).toEqual([expect.stringMatching(/in memory for this run only/)]);
  expect(report.logs.join('')).not.toContain('fixture-');
}

describe('TokenVault when the keychain cannot be used', () => {
  it('no D-Bus session at all → unavailable, no_dbus_session', async () => {
    const report = await runFixture([]);
    expect(report.atOpen).toMatchObject({
      state: 'unavailable',
      reason: 'no_dbus_session',
      code: 'keychain_unavailable',
    });
    expectWorksInMemory(report);
  });

  it('a session bus with no keyring service → unavailable, no_secret_service', async () => {
    const report = await runFixture(inPrivateSession(':', busWithoutServices));
    expect(report.atOpen).toMatchObject({
      state: 'unavailable',
      reason: 'no_secret_service',
      code: 'keychain_unavailable',
    });
    expectWorksInMemory(report);
  });

  it('a keyring daemon started without unlocking → locked, not_unlocked', async () => {
    const report = await runFixture(
      inPrivateSession(
        'gnome-keyring-daemon --components=secrets --daemonize >/dev/null </dev/null',
      ),
    );
    expect(report.atOpen).toMatchObject({
      state: 'unavailable',
      reason: 'not_unlocked',
      code: 'keychain_locked',
    });
    expectWorksInMemory(report);
  });

  it('a locked login collection → locked, although reads alone would just return null', async () => {
    const report = await runFixture(
      inPrivateSession(
        `printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n${lockLogin}`,
      ),
    );
    expect(report.atOpen).toMatchObject({
      state: 'unavailable',
      reason: 'locked',
      code: 'keychain_locked',
      message: expect.stringMatching(/^Your system keychain is locked — unlock it/),
    });
    expectWorksInMemory(report);
  });

  it('a collection locked during the run → switches to memory at the first failed write', async () => {
    const report = await runFixture(
      inPrivateSession('printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null'),
      ['--lock-after-open'],
    );
    expect(report.atOpen).toEqual({ state: 'available' });
    expect(report.afterWrite).toMatchObject({ state: 'unavailable', reason: 'locked' });
    expectWorksInMemory(report);
  });
});
