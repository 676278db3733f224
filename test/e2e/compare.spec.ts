// "All accounts" in a real browser against the browser harness: three accounts signed in through
// the fake's login tabs, their libraries compared (neighbouring users of the fake share about
// half their tracks), "in Alice but not in Bob" filtered and counted, and a search that looks
// through every account at once — with axe and a screenshot of each screen.
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

const tracksPerUser = [40, 30, 20];
const label = (user: SeededUser): string => user.displayName ?? user.id;
const users = (): SeededUser[] => [0, 1, 2].map((index) => seededUser(e2e.fake, index));

async function checkScreen(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

/** Each account's saved tracks as the core has cached them, newest first. */
async function libraries(): Promise<(readonly TrackView[])[]> {
  return Promise.all(
    users().map(
      async (user) =>
        (await value(page, 'library:cached', user.accountId, { offset: 0, limit: 5000 })).items,
    ),
  );
}

/** Distinct tracks: one per Spotify track ID, each local file on its own. */
function distinct(lists: readonly (readonly TrackView[])[]): TrackView[] {
  const seen = new Set<string>();
  return lists.flat().filter((track) => {
    if (track.id === null) return true;
    if (seen.has(track.id)) return false;
    seen.add(track.id);
    return true;
  });
}

const table = () => page.getByRole('grid', { name: 'Saved tracks of all accounts' });

test.beforeAll(async ({ browser }) => {
  e2e = await openE2eHarness('compare', { fake: { users: 3, tracksPerUser } });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await e2e?.dispose();
});

test('three accounts signed in are compared in one table', async () => {
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
  const addButton = page
    .getByRole('navigation', { name: 'Accounts' })
    .getByRole('button', { name: /Add account/ });
  for (const [i, user] of users().entries()) {
    await answerLoginTab(page, () => addButton.click(), user);
    await expect(
      page.locator(`[data-testid="account-row"][data-account-id="${user.accountId}"]`),
    ).toHaveAttribute('aria-current', 'page');
    // Its first sync done: the whole library is in the core's cache.
    await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toHaveText(
      `Saved tracks ${tracksPerUser[i]}`,
      { timeout: 15_000 },
    );
  }

  await page.getByRole('button', { name: 'All accounts' }).click();
  await expect(page.getByRole('heading', { name: 'All accounts', level: 1 })).toBeVisible();
  const lists = await libraries();
  expect(lists.map((list) => list.length)).toEqual(tracksPerUser);
  const all = distinct(lists);
  await expect(page.getByTestId('compare-total')).toHaveText(
    `${all.length} distinct tracks in 3 accounts`,
  );
  await expect(table()).toHaveAttribute('aria-rowcount', String(all.length + 1));
  const counts = page.getByTestId('compare-counts');
  for (const [i, user] of users().entries()) {
    await expect(counts).toContainText(`${label(user)} ${lists[i]?.length}`);
  }
  await checkScreen('compare-01-all-accounts');
});

test('"in Alice but not in Bob" is counted and filtered', async () => {
  const [alice, bob] = users();
  if (alice === undefined || bob === undefined) throw new Error('three users needed');
  const [aliceTracks = [], bobTracks = []] = await libraries();
  const bobIds = new Set(bobTracks.map((track) => track.id));
  const onlyAlice = aliceTracks.filter((track) => track.id === null || !bobIds.has(track.id));
  // The fake's neighbours share about half: some of Alice's, not all.
  expect(onlyAlice.length).toBeGreaterThan(0);
  expect(onlyAlice.length).toBeLessThan(aliceTracks.length);

  const filter = page.getByRole('radio', {
    name: `In ${label(alice)} but not in ${label(bob)}: ${onlyAlice.length}`,
  });
  await filter.check();
  await expect(table()).toHaveAttribute('aria-rowcount', String(onlyAlice.length + 1));
  const firstRow = page.getByTestId('compare-row').first();
  await expect(firstRow.getByRole('button', { name: /^Saved by / }).first()).toBeVisible();
  await expect(
    firstRow.getByRole('button', { name: `Not in ${label(bob)}'s library` }),
  ).toBeVisible();
  await checkScreen('compare-02-in-alice-not-bob');
});

test('a search looks through every account at once', async () => {
  const lists = await libraries();
  const carolOnly = (lists[2] ?? []).find(
    (track) => track.id !== null && !(lists[0] ?? []).some((other) => other.id === track.id),
  );
  if (carolOnly === undefined) throw new Error('Carol has no track of her own');
  await page.getByRole('radio', { name: /^All tracks/ }).check();
  const query = carolOnly.name;
  await page.getByRole('searchbox', { name: 'Search all accounts' }).fill(query);
  const words = query.toLocaleLowerCase().split(/\s+/);
  const matching = distinct(lists).filter((track) => {
    const text = `${track.name}\n${track.artists.join('\n')}\n${track.album}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
  await expect(page.getByTestId('compare-total')).toHaveText(
    `${matching.length} of ${distinct(lists).length} tracks match`,
  );
  await expect(table()).toHaveAttribute('aria-rowcount', String(matching.length + 1));
  const carol = users()[2];
  if (carol === undefined) throw new Error('three users needed');
  const row = page.locator(`[data-testid="compare-row"][data-row-key="${carolOnly.id}"]`);
  await expect(
    row.getByRole('button', { name: new RegExp(`^Saved by ${label(carol)} on `) }),
  ).toBeVisible();
  await checkScreen('compare-03-search');
});
