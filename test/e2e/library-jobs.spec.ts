// Copying between accounts as a person does it, in a real browser against the browser harness and
// the real core: rows selected with the mouse and the keyboard, "Copy to…" with its plan, the job
// in the Activity panel until it finishes, the tracks saved on the fake Spotify, Undo taking them
// away again, and a row's heart — with axe and a screenshot on each screen.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seededUser } from '../../demo/fake-spotify/index.js';
import { openE2eHarness, type E2eHarness } from './support/e2e-harness.js';
import { answerLoginTab } from './support/login-tab.js';
import { screenshot, seriousAxeViolations } from './support/screen-checks.js';

test.describe.configure({ mode: 'serial' });

let e2e: E2eHarness;
let context: BrowserContext;
let page: Page;

const alice = () => seededUser(e2e.fake, 0);
const bob = () => seededUser(e2e.fake, 1);
const nameOf = (user: ReturnType<typeof alice>) => user.displayName ?? user.id;
const grid = () => page.getByRole('grid', { name: /^Saved tracks of / });
const rows = () => grid().getByTestId('track-row');

async function checkScreen(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  e2e = await openE2eHarness('library-jobs', { fake: { tracksPerUser: [30, 10] } });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
  for (const user of [bob(), alice()]) {
    const add = page
      .getByRole('navigation', { name: 'Accounts' })
      .getByRole('button', { name: /Add account/ });
    await answerLoginTab(page, () => add.click(), {
      username: user.username,
      password: user.password,
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf(user));
  }
  await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toContainText('30');
});

test.afterAll(async () => {
  await context?.close();
  await e2e?.dispose();
});

test('selects rows by mouse and keyboard', async () => {
  await rows().nth(0).click();
  await rows()
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByText('4 selected')).toBeVisible();
  await expect(grid().locator('[aria-selected="true"]')).toHaveCount(4);
  await checkScreen('jobs-01-selected');
});

test('copies the selection through its plan and shows the job until it finishes', async () => {
  const before = new Set(await e2e.fake.control.savedTrackIds(bob().id));
  const selected = await grid().locator('[aria-selected="true"] .track-name').allTextContents();
  await page.getByRole('button', { name: 'Copy to…' }).click();
  await page.getByRole('menuitem', { name: nameOf(bob()) }).click();
  const dialog = page.getByRole('dialog', { name: `Copy to ${nameOf(bob())}` });
  const confirm = dialog.getByRole('button', { name: /^Copy \d+ tracks?$/ });
  await expect(confirm).toBeVisible();
  await expect(dialog).toContainText('4 tracks selected in');
  await expect(dialog).toContainText('“date added”');
  await checkScreen('jobs-02-plan');
  await confirm.click();

  const activity = page.getByRole('region', { name: 'Activity' });
  const finished = activity.getByTestId('finished-job').first();
  await expect(finished).toContainText(`Copied to ${nameOf(bob())}`, { timeout: 15_000 });
  await checkScreen('jobs-03-finished');
  await expect(page.getByText(/\d+ selected/)).toHaveCount(0);

  const after = await e2e.fake.control.savedTracks(bob().id);
  const added = after.filter((item) => item.trackId !== null && !before.has(item.trackId));
  expect(added.length).toBeGreaterThan(0);
  expect(added.length).toBeLessThanOrEqual(selected.length);
});

test('undoes the copy from the Activity panel', async () => {
  const activity = page.getByRole('region', { name: 'Activity' });
  const copied = activity.getByTestId('finished-job').first();
  const outcome = (await copied.locator('.job-outcome').textContent()) ?? '';
  const added = Number(/^(\d+) added/.exec(outcome)?.[1]);
  const before = (await e2e.fake.control.savedTrackIds(bob().id)).length;
  await copied.getByRole('button', { name: 'Undo' }).click();
  const dialog = page.getByRole('dialog', { name: `Undo the copy to ${nameOf(bob())}` });
  await expect(dialog).toContainText(`${added} to remove from ${nameOf(bob())}`);
  await checkScreen('jobs-04-undo-plan');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(activity.getByTestId('finished-job').first()).toContainText(
    `Undid the copy to ${nameOf(bob())}`,
    { timeout: 15_000 },
  );
  await expect(activity.getByText('Undone')).toBeVisible();
  expect((await e2e.fake.control.savedTrackIds(bob().id)).length).toBe(before - added);
});

test('removes a track with its heart', async () => {
  const first = rows().first();
  const name = (await first.locator('.track-name').textContent()) ?? '';
  const trackIds = await e2e.fake.control.savedTrackIds(alice().id);
  await first
    .getByRole('button', { name: `Remove “${name}” from ${nameOf(alice())}’s saved tracks` })
    .click();
  await expect
    .poll(async () => (await e2e.fake.control.savedTrackIds(alice().id)).length)
    .toBe(trackIds.length - 1);
});
