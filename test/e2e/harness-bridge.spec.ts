// The browser harness itself, below the UI: the contract over the WebSocket bridge, the refusals
// that keep other pages and other sites out, and the login tab flow (fresh session per login,
// denied consent, closed tab) — with a real keychain in a throwaway keyring.
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import type { BridgeApi } from '../../electron/core/ipc/contract.js';
import { openE2eHarness, type E2eHarness } from './support/e2e-harness.js';
import { answerLoginTab } from './support/login-tab.js';

// What the page's globals look like from here (tsconfig has no DOM lib for Node-side files).
interface PageGlobals {
  spotifyAccounts: BridgeApi;
  pending?: Promise<unknown>;
  progress?: unknown[];
}

let e2e: E2eHarness;

test.beforeAll(async () => {
  e2e = await openE2eHarness('harness-bridge');
});
test.afterAll(async () => {
  await e2e?.dispose();
});

async function openApp(page: Page): Promise<void> {
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
}

async function bridgeToken(): Promise<string> {
  const source = await (await fetch(new URL('/harness/bridge.js', e2e.harness.url))).text();
  const token = /"token":"([0-9a-f]+)"/.exec(source)?.[1];
  if (!token) throw new Error('bridge.js carries no token');
  return token;
}

function upgrade(url: string, origin: string): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', reject);
  });
}

test('the page answers contract requests through the WebSocket bridge', async ({ page }) => {
  await openApp(page);
  const [list, info] = await page.evaluate(async () => {
    const api = (globalThis as unknown as PageGlobals).spotifyAccounts;
    return Promise.all([api.accounts.list(), api.app.info()]);
  });
  expect(list).toEqual({ ok: true, value: { accounts: [], activeAccountId: null } });
  expect(info).toMatchObject({ ok: true, value: { demo: true, keychain: { state: 'available' } } });
});

test('bad arguments and unknown accounts come back as typed errors from the router', async ({
  page,
}) => {
  await openApp(page);
  const [empty, unknown] = await page.evaluate(async () => {
    const api = (globalThis as unknown as PageGlobals).spotifyAccounts;
    return Promise.all([api.accounts.remove(''), api.profile.get('no-such-account')]);
  });
  expect(empty).toMatchObject({ ok: false, error: { code: 'ipc_invalid_arguments' } });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'account_not_found' } });
});

test('refuses a WebSocket from another origin, or without the run’s token', async () => {
  const token = await bridgeToken();
  const origin = new URL(e2e.harness.url).origin;
  const ipc = `${origin.replace('http', 'ws')}/harness/ipc`;
  expect(await upgrade(`${ipc}?token=${token}`, origin)).toBe('open');
  expect(await upgrade(`${ipc}?token=${token}`, 'http://evil.example')).toBe(403);
  expect(await upgrade(`${ipc}?token=${token}`, e2e.fake.baseUrl)).toBe(403);
  expect(await upgrade(`${ipc}?token=${'0'.repeat(token.length)}`, origin)).toBe(403);
  expect(await upgrade(ipc, origin)).toBe(403);
});

test('a page on another site cannot drive the app even with the token', async ({ page }) => {
  const token = await bridgeToken();
  const ipc = `${new URL(e2e.harness.url).origin.replace('http', 'ws')}/harness/ipc?token=${token}`;
  await page.goto(e2e.fake.baseUrl + '/__fake/users');
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve('open');
        ws.onclose = () => resolve('refused');
      }),
    ipc,
  );
  expect(outcome).toBe('refused');
  expect(e2e.logs.some((line) => line.includes('refused a WebSocket from origin'))).toBe(true);
});

test('signs two accounts in through login tabs, each starting signed out', async ({ page }) => {
  await openApp(page);
  const [alice, bob] = e2e.fake.users;
  if (!alice || !bob) throw new Error('the fake has too few users');
  const startAdd = () =>
    page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      g.pending = g.spotifyAccounts.accounts.add();
    });
  const first = await answerLoginTab(page, startAdd, alice);
  expect(first.loginFormShown).toBe(true);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pending)).toMatchObject({
    ok: true,
    value: { spotifyUserId: alice.id, displayName: alice.displayName },
  });
  // The same browser still holds alice's session cookie for the fake; B's tab must not reuse it.
  const second = await answerLoginTab(page, startAdd, bob);
  expect(second.loginFormShown).toBe(true);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pending)).toMatchObject({
    ok: true,
    value: { spotifyUserId: bob.id },
  });
  const list = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).spotifyAccounts.accounts.list(),
  );
  expect(list.ok && list.value.accounts.map((a) => a.spotifyUserId)).toEqual([alice.id, bob.id]);
  expect(e2e.harness.openLogins).toBe(0);
});

for (const action of ['deny', 'close'] as const) {
  test(`${action === 'deny' ? 'refused consent' : 'a closed login tab'} ends the login as cancelled`, async ({
    page,
  }) => {
    await openApp(page);
    const carol = e2e.fake.users[2];
    if (!carol) throw new Error('the fake has too few users');
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      g.progress = [];
      g.spotifyAccounts.events.on('login:progress', (p) => g.progress?.push(p));
    });
    await answerLoginTab(
      page,
      () =>
        page.evaluate(() => {
          const g = globalThis as unknown as PageGlobals;
          g.pending = g.spotifyAccounts.accounts.add();
        }),
      { ...carol, action },
    );
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pending)).toMatchObject(
      {
        ok: false,
        error: { code: 'login_cancelled' },
      },
    );
    const states = await page.evaluate(() =>
      ((globalThis as unknown as PageGlobals).progress ?? []).map(
        (p) => (p as { state: string }).state,
      ),
    );
    expect(states).toEqual(['waiting', 'cancelled']);
    const list = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).spotifyAccounts.accounts.list(),
    );
    expect(list.ok && list.value.accounts.some((a) => a.spotifyUserId === carol.id)).toBe(false);
    await expect.poll(() => e2e.harness.openLogins).toBe(0);
  });
}

test('when the browser blocks the login tab, a click on the harness overlay opens it', async ({
  page,
}) => {
  // Chromium's popup blocker is off under automation: this page script blocks the first
  // window.open as the blocker does for a popup that no click started.
  await page.addInitScript({
    content: `{
      const open = window.open.bind(window);
      let blocked = false;
      window.open = (...args) => (blocked ? open(...args) : ((blocked = true), null));
    }`,
  });
  await openApp(page);
  const dave = e2e.fake.users[3];
  if (!dave) throw new Error('the fake has too few users');
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.pending = g.spotifyAccounts.accounts.add();
  });
  const overlay = page.getByRole('dialog', { name: 'Spotify sign-in (harness)' });
  await expect(overlay).toContainText('The browser blocked the Spotify login tab.');
  const { loginFormShown } = await answerLoginTab(
    page,
    () => overlay.getByRole('button', { name: 'Open the Spotify login page' }).click(),
    dave,
  );
  expect(loginFormShown).toBe(true);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pending)).toMatchObject({
    ok: true,
    value: { spotifyUserId: dave.id },
  });
  await expect(overlay).toHaveCount(0);
});

// Last in this file: it closes the harness.
test('a request in flight when the harness goes away resolves as harness_disconnected', async ({
  page,
}) => {
  await openApp(page);
  const opened = page.context().waitForEvent('page');
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.pending = g.spotifyAccounts.accounts.add();
  });
  await opened;
  await e2e.harness.close();
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pending)).toMatchObject({
    ok: false,
    error: { code: 'harness_disconnected' },
  });
  await expect(page.locator('html')).toHaveAttribute('data-harness', /disconnected|connecting/);
});
