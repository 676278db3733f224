// The app as a person uses it, in a real browser against the browser harness: first-run setup,
// two accounts added from the sidebar (the second in a signed-out login tab), switching between
// them, a restart, a revoked sign-in, refused and abandoned logins, an account off the allowlist,
// Spotify unreachable, removing an account — with axe and a screenshot on each main screen, and
// no token anywhere the page, the socket, the logs or the disk could show it.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { seededUser, type SeededUser } from '../../demo/fake-spotify/index.js';
import { value } from './support/bridge-calls.js';
import { openE2eHarness, type E2eHarness } from './support/e2e-harness.js';
import { expectNoFileMentions, expectNoTokenAnywhere } from './support/leak-checks.js';
import { answerLoginTab, type LoginTabAnswer } from './support/login-tab.js';
import { screenshot, seriousAxeViolations } from './support/screen-checks.js';

test.describe.configure({ mode: 'serial' });

let e2e: E2eHarness;
let context: BrowserContext;
let page: Page;
const frames: string[] = [];
const pageContents: string[] = [];

function seeded(index: number): SeededUser {
  return seededUser(e2e.fake, index);
}

/** The sidebar label: display name, else the Spotify user id. */
function label(user: SeededUser): string {
  return user.displayName ?? user.id;
}

const sidebar = () => page.getByRole('navigation', { name: 'Accounts' });
const row = (user: SeededUser): Locator =>
  page.locator(`[data-testid="account-row"][data-account-id="${user.accountId}"]`);

async function openApp(): Promise<void> {
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
}

async function checkScreen(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  pageContents.push(await page.content());
}

async function addFromSidebar(answer: LoginTabAnswer) {
  return answerLoginTab(
    page,
    () =>
      sidebar()
        .getByRole('button', { name: /Add account/ })
        .click(),
    answer,
  );
}

async function firstTrackName(user: SeededUser): Promise<string> {
  const { items } = await value(page, 'library:tracks', user.accountId, { offset: 0, limit: 1 });
  const first = items[0];
  if (!first) throw new Error(`${user.username} has no saved tracks`);
  return first.name;
}

/** Presses "Sync now" on the account page shown (once the cached library is in). */
async function syncNow(): Promise<void> {
  const button = page.getByRole('button', { name: 'Sync saved tracks now' });
  await expect(button).toBeEnabled();
  await button.click();
}

async function expectAccountPage(user: SeededUser, tracks: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label(user));
  await expect(row(user)).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toContainText(String(tracks));
  await expect(page.getByTestId('track-row').first()).toContainText(await firstTrackName(user));
}

test.beforeAll(async ({ browser }) => {
  e2e = await openE2eHarness('app-ui', {
    fake: { tracksPerUser: [40, 25, 5, 5] },
    presetClientId: false,
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => frames.push(payload.toString()));
    ws.on('framesent', ({ payload }) => frames.push(payload.toString()));
  });
});

test.afterAll(async () => {
  await context?.close();
  await e2e?.dispose();
});

test('first run: the setup screen takes the Client ID', async () => {
  await openApp();
  await expect(
    page.getByRole('heading', { name: 'Set up Multi Account for Spotify' }),
  ).toBeVisible();
  await expect(page.getByText('http://127.0.0.1/callback').first()).toBeVisible();
  await checkScreen('01-setup');
  await page.getByLabel('Client ID', { exact: true }).fill(e2e.fake.clientId);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Add your first account' })).toBeVisible();
  await checkScreen('02-no-accounts');
});

test('adds two accounts from the sidebar, the second in a signed-out login tab', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  expect((await addFromSidebar(a)).loginFormShown).toBe(true);
  await expect(row(a)).toContainText(label(a));
  // The browser still holds a's session cookie for the fake: b's tab must show the login form.
  expect((await addFromSidebar(b)).loginFormShown).toBe(true);
  await expect(row(b)).toContainText(label(b));
  await expect(page.getByTestId('account-row')).toHaveCount(2);
  await expect(row(a).getByRole('img', { name: 'Status: Signed in' })).toBeVisible();
});

/** Whether the image has loaded with real pixels (not the placeholder, not a broken image). */
async function loadedImage(image: Locator): Promise<boolean> {
  return image.evaluate((element) => {
    const img = element as unknown as { complete: boolean; naturalWidth: number };
    return img.complete && img.naturalWidth > 0;
  });
}

test('switching accounts shows each one’s own profile and saved tracks', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await row(a).click();
  await expectAccountPage(a, 40);
  // Cover art and the avatar come through the harness's image route (the app's image protocol
  // in Electron), answered by the core's image cache from the fake Spotify's image host.
  const cover = page.getByTestId('track-row').first().locator('.col-cover img');
  await expect(cover).toHaveAttribute('src', /\/image\/https%3A%2F%2Fi\.scdn\.co%2F/);
  await expect.poll(() => loadedImage(cover)).toBe(true);
  await expect.poll(() => loadedImage(page.locator('header.profile img.avatar'))).toBe(true);
  await checkScreen('03-account-page');
  await row(b).click();
  await expectAccountPage(b, 25);
  await expect(row(a)).not.toHaveAttribute('aria-current', 'page');
});

test('both accounts are still signed in after the core restarts', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await e2e.restart();
  await e2e.fake.control.expireAccessTokens(); // only the keychain's refresh tokens can help now
  await openApp();
  await expect(page.getByTestId('account-row')).toHaveCount(2);
  await row(a).click();
  await expectAccountPage(a, 40);
  await row(b).click();
  await expectAccountPage(b, 25);
  await expect(row(b).getByRole('img', { name: 'Status: Signed in' })).toBeVisible();
  expect(context.pages()).toHaveLength(1); // no login tab was needed
});

test('a revoked account shows "needs sign-in", and signing in again restores it', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await e2e.fake.control.revokeUser(b.id);
  await e2e.fake.control.expireAccessTokens(b.id);
  await row(a).click();
  await row(b).click();
  // b's library was synced minutes ago, so opening it shows the cache without asking Spotify:
  // the revoked grant shows on the next sync.
  await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toContainText('25');
  await syncNow();
  await expect(row(b).getByRole('img', { name: 'Status: Needs sign-in' })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Sign in again' });
  await expect(notice).toBeVisible();
  await checkScreen('04-needs-sign-in');
  const again = await answerLoginTab(
    page,
    () => notice.getByRole('button', { name: 'Sign in again' }).click(),
    b,
  );
  expect(again.loginFormShown).toBe(true);
  await expect(row(b).getByRole('img', { name: 'Status: Signed in' })).toBeVisible();
  await expectAccountPage(b, 25);
  await expect(page.getByTestId('account-row')).toHaveCount(2);
});

test('refused consent and a closed login tab each show the sign-in as cancelled', async () => {
  const c = seeded(2);
  for (const action of ['deny', 'close'] as const) {
    await addFromSidebar({ ...c, action });
    await expect(page.getByText('Sign-in cancelled.')).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(page.getByTestId('account-row')).toHaveCount(2);
});

test('an account off the app’s allowlist is explained, both when adding and when in use', async () => {
  const [a, c] = [seeded(0), seeded(2)];
  await e2e.fake.control.setAllowlisted(c.id, false);
  try {
    await addFromSidebar(c);
    const failed = page.locator('[data-error-code="not_allowlisted"]');
    await expect(failed).toContainText('Sign-in failed.');
    await expect(failed).toContainText('not on your app');
    await checkScreen('05-sign-in-failed');
    await failed.getByRole('button', { name: 'Dismiss' }).click();
  } finally {
    await e2e.fake.control.setAllowlisted(c.id, true);
  }
  await expect(page.getByTestId('account-row')).toHaveCount(2);

  await e2e.fake.control.setAllowlisted(a.id, false);
  try {
    await row(a).click();
    await syncNow();
    await expect(row(a).getByRole('img', { name: 'Status: Not allowlisted' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Spotify does not allow this account yet' }),
    ).toBeVisible();
    await checkScreen('06-not-allowlisted');
  } finally {
    await e2e.fake.control.setAllowlisted(a.id, true);
  }
  // Back on the list: "Try again" signs the account in again, and it works.
  await answerLoginTab(page, () => page.getByRole('button', { name: 'Try again' }).click(), a);
  await expect(row(a).getByRole('img', { name: 'Status: Signed in' })).toBeVisible();
  await expectAccountPage(a, 40);
});

test('offline: switching shows the cached tracks, a sync says Spotify cannot be reached, Retry recovers', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await row(b).click();
  await e2e.fake.control.injectFault({ kind: 'drop_connection' });
  try {
    await row(a).click();
    // The cached library needs no network.
    await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toContainText('40');
    await expect(page.getByTestId('track-row').first()).toBeVisible();
    await syncNow();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be reached' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Showing the 40 tracks from the last sync');
    await expect(page.getByTestId('track-row').first()).toBeVisible();
    await checkScreen('07-offline');
  } finally {
    await e2e.fake.control.clearFaults();
  }
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be reached' })).toHaveCount(0);
  await expect(page.getByTestId('sync-age')).toHaveText('Last synced just now');
  await expectAccountPage(a, 40);
});

test('removes an account from the sidebar, the keychain and the disk', async () => {
  const [a, b] = [seeded(0), seeded(1)];
  await sidebar()
    .getByRole('button', { name: `More actions for ${label(a)}` })
    .click();
  await page.getByRole('menuitem', { name: 'Remove…' }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${label(a)}?` });
  await expect(dialog).toBeVisible();
  await checkScreen('08-remove-dialog');
  await dialog.getByRole('button', { name: 'Remove account' }).click();
  await expect(row(a)).toHaveCount(0);
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  expect((await e2e.keychain.list()).map((entry) => entry.account)).toEqual([b.accountId]);
  await expectNoFileMentions(e2e.dataDir, [a.accountId, a.id]);
});

test('no token reaches the page, the WebSocket, the logs or the data directory', async () => {
  pageContents.push(await page.content());
  await expectNoTokenAnywhere(e2e, { pageContents, frames });
});
