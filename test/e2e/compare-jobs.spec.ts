// Working across accounts from All accounts, in a real browser against the browser harness and the
// real core: "in Alice but not in Bob" filtered and counted, 122 of those rows selected with a
// click and a Shift+click (120 tracks and 2 local files), copied to Bob through the plan dialog,
// the job followed to its end in the Activity panel, Bob's library holding the 120 on top in
// Alice's order and the compare table showing them in Bob; then a few tracks moved from Alice to
// Carol; then both undone from the Activity panel, with the fake Spotify's libraries as before.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { TrackView } from '../../electron/core/ipc/contract.js';
import { seededUser, type SeededUser } from '../../demo/fake-spotify/index.js';
import { value } from './support/bridge-calls.js';
import { openE2eHarness, type E2eHarness } from './support/e2e-harness.js';
import { answerLoginTab } from './support/login-tab.js';
import { screenshot, seriousAxeViolations } from './support/screen-checks.js';

test.describe.configure({ mode: 'serial' });

let e2e: E2eHarness;
let context: BrowserContext;
let page: Page;

// Neighbours share half: Alice's newest 50 and oldest 150 are not Bob's, enough for 120.
const tracksPerUser = [300, 100, 40];
const selectedRows = 122;
const label = (user: SeededUser): string => user.displayName ?? user.id;
const users = () =>
  [0, 1, 2].map((index) => seededUser(e2e.fake, index)) as [SeededUser, SeededUser, SeededUser];

/** What each user has saved on the fake Spotify before the jobs, newest first. */
let savedBefore: (string | null)[][] = [];
/** The track IDs copied to Bob, in Alice's order (newest first). */
let copied: string[] = [];
/** The track IDs moved to Carol, in Alice's order. */
let moved: string[] = [];

const compareGrid = () => page.getByRole('grid', { name: 'Saved tracks of all accounts' });
const activity = () => page.getByRole('region', { name: 'Activity' });
const finished = (headline: string) =>
  activity().getByTestId('finished-job').filter({ hasText: headline });

async function checkScreen(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

async function cached(user: SeededUser): Promise<readonly TrackView[]> {
  return (await value(page, 'library:cached', user.accountId, { offset: 0, limit: 5000 })).items;
}

async function savedOnSpotify(): Promise<(string | null)[][]> {
  return Promise.all(users().map((user) => e2e.fake.control.savedTrackIds(user.id)));
}

async function openAllAccounts(): Promise<void> {
  await page.getByRole('button', { name: 'All accounts' }).click();
  await expect(page.getByRole('heading', { name: 'All accounts', level: 1 })).toBeVisible();
}

/** Shows the compare row at `index` (0-based) of the rows shown: the table renders only those in view. */
async function compareRowAt(index: number) {
  const row = compareGrid().locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  await compareGrid().evaluate((element, at) => {
    // The end-to-end tests are typed without the DOM: the two members used, by hand.
    const grid = element as unknown as {
      scrollTop: number;
      querySelector(selector: string): { offsetHeight: number } | null;
    };
    grid.scrollTop = at * (grid.querySelector('[data-testid="compare-row"]')?.offsetHeight ?? 0);
  }, index);
  await expect(row).toBeVisible();
  return row;
}

test.beforeAll(async ({ browser }) => {
  e2e = await openE2eHarness('compare-jobs', { fake: { users: 3, tracksPerUser } });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
  const add = page
    .getByRole('navigation', { name: 'Accounts' })
    .getByRole('button', { name: /Add account/ });
  for (const [i, user] of users().entries()) {
    await answerLoginTab(page, () => add.click(), user);
    await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toHaveText(
      `Saved tracks ${tracksPerUser[i]}`,
      { timeout: 15_000 },
    );
  }
  savedBefore = await savedOnSpotify();
});

test.afterAll(async () => {
  await context?.close();
  await e2e?.dispose();
});

test('copies 120 tracks in Alice but not in Bob to Bob from All accounts', async () => {
  const [alice, bob] = users();
  const [aliceTracks, bobTracks] = await Promise.all([cached(alice), cached(bob)]);
  const bobIds = new Set(bobTracks.map((track) => track.id));
  const notInBob = aliceTracks.filter((track) => track.id === null || !bobIds.has(track.id));
  const chosen = notInBob.slice(0, selectedRows);
  const locals = chosen.filter((track) => track.id === null).length;
  copied = chosen.flatMap((track) => (track.id === null ? [] : [track.id]));
  expect([copied.length, locals]).toEqual([120, 2]);

  await openAllAccounts();
  const filter = page.getByRole('radio', {
    name: `In ${label(alice)} but not in ${label(bob)}: ${notInBob.length}`,
  });
  await filter.check();
  await expect(compareGrid()).toHaveAttribute('aria-rowcount', String(notInBob.length + 1));

  await (await compareRowAt(0)).locator('.col-title').click();
  const last = await compareRowAt(selectedRows - 1);
  await last.locator('.col-title').click({ modifiers: ['Shift'] });
  await expect(page.getByText(`${selectedRows} selected`)).toBeVisible();
  await expect(page.getByTestId('selection-source')).toHaveText(`from ${label(alice)}`);
  await expect(page.getByTestId('selection-left-out')).toHaveText('2 local files cannot be copied');
  await compareRowAt(0);
  await checkScreen('compare-jobs-01-selected');

  await page.getByRole('button', { name: 'Copy to…' }).click();
  await page.getByRole('menuitem', { name: label(bob) }).click();
  const dialog = page.getByRole('dialog', { name: `Copy to ${label(bob)}` });
  const confirm = dialog.getByRole('button', { name: 'Copy 120 tracks' });
  await expect(confirm).toBeVisible({ timeout: 10_000 });
  await expect(dialog).toContainText(`${selectedRows} tracks selected in ${label(alice)}`);
  await expect(dialog.getByRole('listitem')).toHaveText([
    `120 to add to ${label(bob)}`,
    '2 local files: cannot be copied',
  ]);
  await checkScreen('compare-jobs-02-plan');
  await confirm.click();

  await expect(finished(`Copied to ${label(bob)}`)).toContainText('120 added', {
    timeout: 20_000,
  });
  // The compare table follows in place: the 120 are in Bob now, so this filter no longer shows them.
  await expect(compareGrid()).toHaveAttribute('aria-rowcount', String(notInBob.length - 120 + 1));
  await expect(
    page.getByRole('radio', {
      name: `In ${label(alice)} but not in ${label(bob)}: ${notInBob.length - 120}`,
    }),
  ).toBeVisible();
  await page.getByRole('radio', { name: /^All tracks/ }).check();
  const firstCopied = compareGrid().locator(`[data-row-key="${copied[0]}"]`);
  await expect(
    firstCopied.getByRole('button', { name: new RegExp(`^Saved by ${label(bob)} on `) }),
  ).toBeVisible();
});

test("Bob's library has the 120 on top, in Alice's order", async () => {
  const [, bob] = users();
  expect((await e2e.fake.control.savedTrackIds(bob.id)).slice(0, 120)).toEqual(copied);
  await page.getByRole('button', { name: new RegExp(`^${label(bob)}`) }).click();
  await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toHaveText(
    `Saved tracks ${(tracksPerUser[1] ?? 0) + 120}`,
  );
  expect((await cached(bob)).slice(0, 120).map((track) => track.id)).toEqual(copied);
  const shown = await page
    .getByRole('grid', { name: `Saved tracks of ${label(bob)}` })
    .getByTestId('track-row')
    .locator('.track-name')
    .allTextContents();
  const names = new Map((await cached(users()[0])).map((track) => [track.id, track.name]));
  expect(shown.slice(0, 5)).toEqual(copied.slice(0, 5).map((id) => names.get(id)));
});

test('moves three tracks from Alice to Carol', async () => {
  const [alice, , carol] = users();
  const [aliceTracks = [], bobTracks = [], carolTracks = []] = await Promise.all(
    users().map(cached),
  );
  const elsewhere = new Set([...bobTracks, ...carolTracks].map((track) => track.id));
  // The rows "only in Alice" shows, in her order; the move takes the first three tracks in a row.
  const onlyAlice = aliceTracks.filter((track) => track.id === null || !elsewhere.has(track.id));
  const first = onlyAlice.findIndex(
    (track, i) =>
      track.id !== null && [1, 2].every((next) => typeof onlyAlice[i + next]?.id === 'string'),
  );
  moved = onlyAlice.slice(first, first + 3).map((track) => track.id ?? '');

  await openAllAccounts();
  await page.getByRole('radio', { name: `Only in ${label(alice)}: ${onlyAlice.length}` }).check();
  await (await compareRowAt(first)).locator('.col-title').click();
  await (await compareRowAt(first + 2)).locator('.col-title').click({ modifiers: ['Shift'] });
  await expect(page.getByText('3 selected')).toBeVisible();
  for (const [i, key] of moved.entries()) {
    await expect(await compareRowAt(first + i)).toHaveAttribute('data-row-key', key);
  }
  expect(moved).toHaveLength(3);

  await page.getByRole('button', { name: 'Move to…' }).click();
  await page.getByRole('menuitem', { name: label(carol) }).click();
  const dialog = page.getByRole('dialog', { name: `Move to ${label(carol)}` });
  await dialog.getByRole('button', { name: 'Move 3 tracks' }).click({ timeout: 10_000 });
  await expect(finished(`Moved to ${label(carol)}`)).toBeVisible({ timeout: 20_000 });

  const [aliceNow, , carolNow] = await savedOnSpotify();
  expect(aliceNow?.filter((id) => id !== null && moved.includes(id))).toEqual([]);
  expect(carolNow?.slice(0, 3)).toEqual(moved);
  // In place in the compare table: the tracks are Carol's now, no longer Alice's.
  await page.getByRole('radio', { name: /^All tracks/ }).check();
  const row = compareGrid().locator(`[data-row-key="${moved[0]}"]`);
  await expect(
    row.getByRole('button', { name: new RegExp(`^Saved by ${label(carol)} on `) }),
  ).toBeVisible();
  await expect(row.getByRole('button', { name: `Not in ${label(alice)}'s library` })).toBeVisible();
});

test('undoes the move and the copy from the Activity panel', async () => {
  const [alice, bob, carol] = users();
  await finished(`Moved to ${label(carol)}`)
    .getByRole('button', { name: 'Undo' })
    .click();
  await page
    .getByRole('dialog', { name: `Undo the move to ${label(carol)}` })
    .getByRole('button', { name: 'Undo' })
    .click({ timeout: 10_000 });
  await expect(finished(`Undid the move to ${label(carol)}`)).toBeVisible({ timeout: 20_000 });

  await finished(`Copied to ${label(bob)}`)
    .getByRole('button', { name: 'Undo' })
    .click();
  const undoCopy = page.getByRole('dialog', { name: `Undo the copy to ${label(bob)}` });
  await expect(undoCopy).toContainText(`120 to remove from ${label(bob)}`, { timeout: 10_000 });
  await undoCopy.getByRole('button', { name: 'Undo' }).click();
  await expect(finished(`Undid the copy to ${label(bob)}`)).toBeVisible({ timeout: 20_000 });

  const [aliceNow, bobNow, carolNow] = await savedOnSpotify();
  const [aliceBefore, bobBefore, carolBefore] = savedBefore;
  expect(bobNow).toEqual(bobBefore);
  expect(carolNow).toEqual(carolBefore);
  // The moved tracks are back on top of Alice's, in their old order; the rest as it was.
  expect(aliceNow?.slice(0, 3)).toEqual(moved);
  expect(aliceNow?.slice(3)).toEqual(
    aliceBefore?.filter((id) => id === null || !moved.includes(id)),
  );
  await expect
    .poll(async () => (await cached(alice)).slice(0, 3).map((track) => track.id))
    .toEqual(moved);
});
