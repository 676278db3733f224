// An account's whole life through the browser harness, below the UI: two accounts signed in
// through login tabs, each with its own profile and tracks, still there after the core restarts
// (tokens from the real keychain), a revoked sign-in shown and restored, an account off the
// allowlist, Spotify unreachable, an account removed from the app, the keychain and the disk —
// and, at the end, no token anywhere the page, the socket, the logs or the disk could show it.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seededUser, type SeededUser } from '../../demo/fake-spotify/index.js';
import { addResult, call, startAdd, value } from './support/bridge-calls.js';
import { openE2eHarness, type E2eHarness } from './support/e2e-harness.js';
import { expectNoFileMentions, expectNoTokenAnywhere } from './support/leak-checks.js';
import { answerLoginTab } from './support/login-tab.js';

test.describe.configure({ mode: 'serial' });

let e2e: E2eHarness;
let context: BrowserContext;
let page: Page;
const frames: string[] = [];
const pageContents: string[] = [];

function seeded(index: number): SeededUser {
  return seededUser(e2e.fake, index);
}

async function openApp(): Promise<void> {
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
}

async function signIn(user: SeededUser) {
  const tab = await answerLoginTab(page, () => startAdd(page), user);
  return { ...tab, result: await addResult(page) };
}

async function status(accountId: string): Promise<string | undefined> {
  const list = await value(page, 'accounts:list');
  return list.accounts.find((account) => account.id === accountId)?.status;
}

test.beforeAll(async ({ browser }) => {
  e2e = await openE2eHarness('account-lifecycle', { fake: { tracksPerUser: [70, 30, 10, 5] } });
  context = await browser.newContext();
  page = await context.newPage();
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => frames.push(payload.toString()));
    ws.on('framesent', ({ payload }) => frames.push(payload.toString()));
  });
  await openApp();
});

test.afterAll(async () => {
  await context?.close();
  await e2e?.dispose();
});

test('signs two accounts in, each through its own signed-out login tab', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  const first = await signIn(a);
  const second = await signIn(b);
  expect(first).toMatchObject({ loginFormShown: true, result: { ok: true } });
  expect(second).toMatchObject({ loginFormShown: true, result: { ok: true } });
  const list = await value(page, 'accounts:list');
  expect(list.accounts.map((x) => [x.id, x.status])).toEqual([
    [a.accountId, 'ok'],
    [b.accountId, 'ok'],
  ]);
  expect((await e2e.keychain.list()).map((entry) => entry.account).sort()).toEqual(
    [a.accountId, b.accountId].sort(),
  );
});

test('shows each account its own profile and saved tracks', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  const [profileA, profileB] = [
    await value(page, 'profile:get', a.accountId),
    await value(page, 'profile:get', b.accountId),
  ];
  expect(profileA).toMatchObject({ spotifyUserId: a.id, displayName: a.displayName });
  expect(profileB).toMatchObject({ spotifyUserId: b.id, displayName: null });
  const tracksA = await value(page, 'library:tracks', a.accountId, { offset: 0, limit: 50 });
  const tracksB = await value(page, 'library:tracks', b.accountId, { offset: 0, limit: 50 });
  expect([tracksA.total, tracksB.total]).toEqual([70, 30]);
  expect(tracksA.items.map((t) => t.id)).toEqual(
    (await e2e.fake.control.savedTrackIds(a.id)).slice(0, 50),
  );
  expect(tracksB.items.map((t) => t.id)).toEqual(await e2e.fake.control.savedTrackIds(b.id));
});

test('keeps both accounts signed in across a restart of the core', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await e2e.restart();
  await openApp();
  const list = await value(page, 'accounts:list');
  expect(list.accounts.map((x) => [x.id, x.status])).toEqual([
    [a.accountId, 'ok'],
    [b.accountId, 'ok'],
  ]);
  // Access tokens expire meanwhile: the calls must work from the keychain's refresh tokens alone.
  await e2e.fake.control.expireAccessTokens();
  expect((await value(page, 'profile:get', b.accountId)).spotifyUserId).toBe(b.id);
  expect((await value(page, 'profile:get', a.accountId)).spotifyUserId).toBe(a.id);
  expect(e2e.harness.openLogins).toBe(0);
});

test('shows a revoked account as needing sign-in, and signing in again restores it', async () => {
  const b = seeded(1);
  await e2e.fake.control.revokeUser(b.id);
  await e2e.fake.control.expireAccessTokens(b.id);
  const failed = await call(page, 'profile:get', b.accountId);
  expect(failed).toMatchObject({ ok: false, error: { code: 'needs_sign_in' } });
  expect(await status(b.accountId)).toBe('needs_sign_in');
  expect(await e2e.keychain.get(b.accountId)).toBeNull();

  const again = await signIn(b);
  expect(again).toMatchObject({ loginFormShown: true, result: { ok: true } });
  expect(await status(b.accountId)).toBe('ok');
  expect((await value(page, 'profile:get', b.accountId)).spotifyUserId).toBe(b.id);
  expect((await value(page, 'accounts:list')).accounts).toHaveLength(2);
});

test('refuses to add an account that is not on the app’s allowlist', async () => {
  const c = seeded(2);
  await e2e.fake.control.setAllowlisted(c.id, false);
  try {
    const { result } = await signIn(c);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowlisted' } });
    expect((await value(page, 'accounts:list')).accounts).toHaveLength(2);
    expect(await e2e.keychain.get(c.accountId)).toBeNull();
  } finally {
    await e2e.fake.control.setAllowlisted(c.id, true);
  }
});

test('marks an account taken off the allowlist, and "ok" once it is back', async () => {
  const a = seeded(0);
  await e2e.fake.control.setAllowlisted(a.id, false);
  expect(await call(page, 'profile:get', a.accountId)).toMatchObject({
    ok: false,
    error: { code: 'not_allowlisted' },
  });
  expect(await status(a.accountId)).toBe('not_allowlisted');
  await e2e.fake.control.setAllowlisted(a.id, true);
  await value(page, 'profile:get', a.accountId);
  expect(await status(a.accountId)).toBe('ok');
});

test('says Spotify cannot be reached when the connection drops, and recovers', async () => {
  const a = seeded(0);
  await e2e.fake.control.injectFault({ kind: 'drop_connection' });
  try {
    expect(await call(page, 'library:tracks', a.accountId, { offset: 0, limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'network_error' },
    });
  } finally {
    await e2e.fake.control.clearFaults();
  }
  expect((await value(page, 'library:tracks', a.accountId, { offset: 0, limit: 5 })).total).toBe(
    70,
  );
  expect(await status(a.accountId)).toBe('ok');
});

test('removes an account from the app, the keychain and the disk', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await value(page, 'accounts:remove', a.accountId);
  expect((await value(page, 'accounts:list')).accounts.map((x) => x.id)).toEqual([b.accountId]);
  expect((await e2e.keychain.list()).map((entry) => entry.account)).toEqual([b.accountId]);
  await expectNoFileMentions(e2e.dataDir, [a.accountId, a.id]);
});

test('no token reaches the page, the WebSocket, the logs or the data directory', async () => {
  pageContents.push(await page.content());
  expect(frames.length).toBeGreaterThan(10);
  await expectNoTokenAnywhere(e2e, { pageContents, frames });
});
