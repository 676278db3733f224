// Back up and restore as a person does it, in a real browser against the browser harness and the
// real core: Alice's saved tracks downloaded as CSV and as JSON, the JSON imported into Bob's empty
// account through its plan (the tracks land on the fake Spotify in Alice's order, each once) and
// undone, a file that is not one refused with its reason, and the automatic backups set up in
// Settings and made now into the harness's folder — with axe and a screenshot on each screen, in
// the light theme and in the dark.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { seededUser } from '../../demo/fake-spotify/index.js';
import { openE2eHarness, type E2eHarness } from './support/e2e-harness.js';
import { answerLoginTab } from './support/login-tab.js';
import { screenshot, seriousAxeViolations } from './support/screen-checks.js';

test.describe.configure({ mode: 'serial' });

let e2e: E2eHarness;
let context: BrowserContext;
let page: Page;
let jsonPath = '';

const alice = () => seededUser(e2e.fake, 0);
const bob = () => seededUser(e2e.fake, 1);
const nameOf = (user: ReturnType<typeof alice>) => user.displayName ?? user.id;
const sidebar = () => page.getByRole('navigation', { name: 'Accounts' });

async function checkScreen(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  expect(await seriousAxeViolations(page), `axe on ${name}, dark`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openAccount(user: ReturnType<typeof alice>): Promise<void> {
  await sidebar()
    .getByRole('button', { name: new RegExp(`^${nameOf(user)}`) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf(user));
}

/** Exports the account shown in `format` and saves the download; the file's path. */
async function download(user: ReturnType<typeof alice>, format: 'CSV' | 'JSON'): Promise<string> {
  await page.getByRole('button', { name: `Export ${nameOf(user)}’s saved tracks…` }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: format, exact: true }).click();
  const file = await downloaded;
  const saved = path.join(e2e.dataDir, `downloaded-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  await expect(page.getByText(/^Downloaded 24 tracks as Liked Songs - /)).toBeVisible();
  return saved;
}

test.beforeAll(async ({ browser }) => {
  e2e = await openE2eHarness('backup-restore', { fake: { tracksPerUser: [24, 0] } });
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(e2e.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-harness', 'connected');
  for (const user of [bob(), alice()]) {
    await answerLoginTab(
      page,
      () =>
        sidebar()
          .getByRole('button', { name: /Add account/ })
          .click(),
      {
        username: user.username,
        password: user.password,
      },
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf(user));
  }
  await expect(page.getByRole('heading', { name: /^Saved tracks/ })).toContainText('24');
});

test.afterAll(async () => {
  await context?.close();
  await e2e?.dispose();
});

test('downloads the saved tracks as a CSV that reads under Exportify’s column names', async () => {
  const csvPath = await download(alice(), 'CSV');
  expect(path.basename(csvPath)).toMatch(/\.csv$/);
  const records = parse(await readFile(csvPath), { columns: true }) as Record<string, string>[];
  const ids = await e2e.fake.control.savedTrackIds(alice().id);
  expect(records).toHaveLength(ids.length);
  expect(records.map((record) => record['Track URI'])).toEqual(
    (await e2e.fake.control.savedTracks(alice().id)).map((item) => item.uri),
  );
  expect(records.every((record) => !Number.isNaN(Date.parse(record['Added At'] ?? '')))).toBe(true);
  await checkScreen('files-01-exported');
});

test('restores the JSON download into another account through its plan, each track once', async () => {
  jsonPath = await download(alice(), 'JSON');
  await openAccount(bob());
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await (await chooser).setFiles(jsonPath);
  const dialog = page.getByRole('dialog', { name: `Import ${path.basename(jsonPath)}` });
  await expect(dialog).toContainText('24');
  await expect(dialog.getByLabel('Save to')).toHaveValue(/.+/);
  await checkScreen('files-02-import-file');
  await dialog.getByRole('button', { name: 'Plan import' }).click();

  const plan = page.getByRole('dialog', {
    name: `Import ${path.basename(jsonPath)} to ${nameOf(bob())}`,
  });
  const aliceIds = (await e2e.fake.control.savedTrackIds(alice().id)).flatMap((id) => id ?? []);
  const confirm = plan.getByRole('button', { name: `Import ${aliceIds.length} tracks` });
  await expect(confirm).toBeVisible();
  await checkScreen('files-03-import-plan');
  await confirm.click();

  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByTestId('finished-job').first()).toContainText(
    `Imported ${path.basename(jsonPath)} to ${nameOf(bob())}`,
    { timeout: 15_000 },
  );
  expect(await e2e.fake.control.savedTrackIds(bob().id)).toEqual(aliceIds);
  expect(await e2e.fake.control.repeatedWrites(bob().id)).toBe(0);
  await checkScreen('files-04-imported');
});

test('undoes the import from the Activity panel', async () => {
  const activity = page.getByRole('region', { name: 'Activity' });
  await activity.getByTestId('finished-job').first().getByRole('button', { name: 'Undo' }).click();
  const dialog = page.getByRole('dialog', { name: `Undo the import to ${nameOf(bob())}` });
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(activity.getByTestId('finished-job').first()).toContainText(
    `Undid the import to ${nameOf(bob())}`,
    { timeout: 15_000 },
  );
  expect(await e2e.fake.control.savedTrackIds(bob().id)).toEqual([]);
});

test('refuses a file that is not a library file, saying why, and writes nothing', async () => {
  const notes = path.join(e2e.dataDir, 'notes.json');
  await writeFile(notes, '{"shopping": ["milk"]}');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await (await chooser).setFiles(notes);
  const dialog = page.getByRole('dialog', { name: 'The file could not be read' });
  await expect(dialog.getByRole('alert')).toContainText('not a Liked Songs file of this app');
  await checkScreen('files-05-refused');
  await dialog
    .getByRole('button', { name: /Cancel|Close/ })
    .first()
    .click();
  await expect(dialog).toHaveCount(0);
  expect(await e2e.fake.control.savedTrackIds(bob().id)).toEqual([]);
});

test('backs up every account into the chosen folder from Settings', async () => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: /Choose folder/ }).click();
  await expect(backups).toContainText(path.join(e2e.dataDir, 'Backups'));
  await backups.getByRole('button', { name: 'Back up now' }).click();
  const folder = path.join(e2e.dataDir, 'Backups');
  await expect.poll(async () => (await readdir(folder)).length, { timeout: 15_000 }).toBe(2);
  await expect(backups.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  const files = (await readdir(folder)).sort();
  expect(files).toHaveLength(2);
  for (const name of files) {
    expect(name).toMatch(/^Liked Songs - .+ \(.+\) - \d{4}-\d{2}-\d{2} \d{6}\.json$/);
    await expect(backups).toContainText(name);
  }
  // Daily from now on: the next is due a day after these (made just now, so none is due).
  // The core's answer checks it: the radio shows the setting the core holds.
  await backups.getByRole('radio', { name: 'Daily' }).click();
  await expect(backups.getByRole('radio', { name: 'Daily' })).toBeChecked();
  await expect(backups).toContainText('Next backup due');
  expect(await readdir(folder)).toHaveLength(2);
  await checkScreen('files-06-backups');
});
