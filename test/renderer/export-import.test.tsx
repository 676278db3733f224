// @vitest-environment jsdom
// Export and import from the page: each Export menu (an account's library, the tracks the compare
// filter shows, every account) asks the core for the right file, a download starts from the URL
// it answers with, and what was written, whose data is older than asked for or why it failed is
// said in a sentence. "Import a file…" shows what the core read (format, rows, duplicates, order,
// sections, rejected lines), sends the section and account chosen to the plan, says why a bad
// file could not be read, and shows nothing when the person cancels.
import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ExportRequest, ExportResultView } from '../../electron/core/ipc/contract.js';
import { decodePositions } from '../../electron/core/ipc/job-views.js';
import { formatDate, formatTime } from '../../renderer/src/format/formatters.js';
import { FakeBridge, makeAccount, makeTrack } from './fake-bridge.js';
import { makeImportFile } from './fake-files.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { openAllAccounts, shownTitles, threeAccounts } from './compare/compare-screen.js';
import { loaded } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
let clicked: HTMLAnchorElement[] = [];
beforeEach(() => {
  restoreViewport = withViewportHeight(900);
  clicked = [];
  // jsdom cannot download: record the anchors clicked instead.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this);
  });
});
afterEach(() => {
  restoreViewport();
  vi.restoreAllMocks();
});

/** Alice (12 tracks) and Bob (2), both cached. */
function twoAccounts() {
  return new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
    libraries: {
      a: Array.from({ length: 12 }, (_, i) => makeTrack(i)),
      b: [makeTrack(1), makeTrack(50)],
    },
    cachedAt: { a: Date.now(), b: Date.now() },
  });
}

async function openAlice(bridge = twoAccounts()) {
  await renderApp(bridge);
  await loaded(12);
  return bridge;
}

function exportAs(button: string | RegExp, format: 'CSV' | 'CSV for Excel' | 'JSON') {
  fireEvent.click(screen.getByRole('button', { name: button }));
  const menu = screen.getByRole('menu');
  fireEvent.click(within(menu).getByRole('menuitem', { name: format }));
}

function exportRequests(bridge: FakeBridge): ExportRequest[] {
  return bridge.callsTo('library:export').map((call) => call.args[0] as ExportRequest);
}

const result = (overrides: Partial<ExportResultView>): ExportResultView => ({
  outcome: 'saved',
  fileName: 'Alice.csv',
  downloadUrl: null,
  tracks: 12,
  dataAsOf: null,
  notSynced: [],
  ...overrides,
});

describe('exporting', () => {
  it("exports the account's library and starts the download the core answers with", async () => {
    const bridge = await openAlice();
    exportAs('Export Alice’s saved tracks…', 'CSV for Excel');
    const status = await screen.findByText('Downloaded 12 tracks as Alice.csv.');
    expect(status).toBeTruthy();
    expect(exportRequests(bridge)).toEqual([
      {
        format: 'csv',
        excelBom: true,
        sources: [{ kind: 'library', accountId: 'a' }],
        title: 'Alice',
      },
    ]);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.getAttribute('href')).toBe('/downloads/Alice.csv');
    expect(clicked[0]?.download).toBe('Alice.csv');
    // The anchor did its job and is gone.
    expect(document.querySelector('a[download]')).toBeNull();
    // Focus goes back to the button the menu was opened from.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Export Alice’s saved tracks…');
  });

  it('says where the file was saved and whose data could not be synced first', async () => {
    const bridge = twoAccounts();
    const asOf = Date.UTC(2026, 11, 1, 9, 30);
    bridge.exportAnswer = () =>
      Promise.resolve({
        ok: true,
        value: result({ fileName: 'Alice.json', tracks: 1234, notSynced: ['a'], dataAsOf: asOf }),
      });
    await openAlice(bridge);
    exportAs('Export Alice’s saved tracks…', 'JSON');
    const status = await screen.findByTestId('export-status');
    await waitFor(() =>
      expect(status.textContent).toContain(
        `Saved 1,234 tracks to Alice.json. Alice could not be synced first: the file has its saved tracks as of ${formatDate(asOf)} at ${formatTime(asOf)}.`,
      ),
    );
    expect(exportRequests(bridge)[0]).toMatchObject({ format: 'json', excelBom: false });
    expect(clicked).toHaveLength(0);
    fireEvent.click(within(status).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('export-status')).toBeNull();
  });

  it('says nothing when the person cancels the save dialog', async () => {
    const bridge = twoAccounts();
    bridge.exportAnswer = () =>
      Promise.resolve({ ok: true, value: result({ outcome: 'cancelled', fileName: null }) });
    await openAlice(bridge);
    exportAs('Export Alice’s saved tracks…', 'CSV');
    await waitFor(() => expect(bridge.callsTo('library:export')).toHaveLength(1));
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByTestId('export-status')).toBeNull();
  });

  it('explains a failed export in a sentence', async () => {
    const bridge = twoAccounts();
    bridge.failures.set('library:export', { code: 'export_empty', message: 'empty' });
    await openAlice(bridge);
    exportAs('Export Alice’s saved tracks…', 'CSV');
    const status = await screen.findByTestId('export-status');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toContain('The export failed. There is nothing to export yet');
  });

  it('exports what the compare filter shows, titled by the filter', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    fireEvent.click(screen.getByRole('radio', { name: /^Only in Alice/ }));
    await waitFor(() => expect(shownTitles()).toEqual(['Garage Demo', 'Song 1']));
    exportAs('Export shown tracks…', 'JSON');
    await screen.findByText('Downloaded 2 tracks as Only in Alice.json.');
    const [request] = exportRequests(bridge);
    expect(request).toMatchObject({ format: 'json', excelBom: false, title: 'Only in Alice' });
    // Alice's library is [Garage Demo, Song 3, Song 2, Song 1]: the filter shows 0 and 3.
    expect(request?.sources).toHaveLength(1);
    const source = request?.sources[0];
    if (source?.kind !== 'selection') throw new Error('Expected a selection');
    expect(source.selection.accountId).toBe('a');
    expect(decodePositions(source.selection.positions)).toEqual([0, 3]);
  });

  it('exports only the account a filter names, though another holds some of its rows', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    fireEvent.click(screen.getByRole('radio', { name: /^In Alice but not in Bob/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'But not in which account' }), {
      target: { value: 'c' },
    });
    await waitFor(() => expect(shownTitles()).toEqual(['Garage Demo', 'Song 1', 'Song 2']));
    exportAs('Export shown tracks…', 'CSV');
    await waitFor(() => expect(exportRequests(bridge)).toHaveLength(1));
    const [request] = exportRequests(bridge);
    expect(request?.title).toBe('In Alice but not in Carol');
    // Bob holds Song 2 too, but the filter is about Alice's tracks.
    expect(
      request?.sources.map((source) =>
        source.kind === 'selection'
          ? [source.selection.accountId, decodePositions(source.selection.positions)]
          : null,
      ),
    ).toEqual([['a', [0, 2, 3]]]);
  });

  it('exports a section per account holding the rows shown, with the search in the title', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    const search = screen.getByRole('searchbox', { name: 'Search all accounts' });
    fireEvent.focus(search);
    fireEvent.change(search, { target: { value: 'Song 3' } });
    await waitFor(() => expect(shownTitles()).toEqual(['Song 3']));
    exportAs('Export shown tracks…', 'CSV');
    await waitFor(() => expect(exportRequests(bridge)).toHaveLength(1));
    const [request] = exportRequests(bridge);
    expect(request?.title).toBe('All tracks matching “Song 3”');
    expect(
      request?.sources.map((source) =>
        source.kind === 'selection'
          ? [source.selection.accountId, decodePositions(source.selection.positions)]
          : null,
      ),
    ).toEqual([
      ['a', [1]],
      ['b', [1]],
      ['c', [1]],
    ]);
  });

  it("exports every account's whole library from the compare view's header", async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    exportAs('Export all accounts…', 'CSV');
    await screen.findByText('Downloaded 9 tracks as All accounts.csv.');
    expect(exportRequests(bridge)).toEqual([
      {
        format: 'csv',
        excelBom: false,
        sources: [
          { kind: 'library', accountId: 'a' },
          { kind: 'library', accountId: 'b' },
          { kind: 'library', accountId: 'c' },
        ],
        title: 'All accounts',
      },
    ]);
  });
});

describe('importing a file', () => {
  const backup = makeImportFile({
    fileName: 'Backup.json',
    format: 'app_json',
    rows: 20,
    duplicates: 2,
    hasDates: false,
    sections: [
      { label: 'Alice', spotifyUserId: 'alice1', tracks: 8 },
      { label: null, spotifyUserId: 'bob1', tracks: 9 },
    ],
    rejectedCount: 3,
    rejected: [
      { line: 12, reason: 'local_file', value: 'spotify:local:…' },
      { line: 14, reason: 'malformed_uri', value: 'spotify:episode:…' },
    ],
  });

  /** The fact a term of the file's list names. */
  function factOf(dialog: HTMLElement, term: string): string | null {
    const terms = [...dialog.querySelectorAll('dt')];
    return terms.find((dt) => dt.textContent === term)?.nextElementSibling?.textContent ?? null;
  }

  async function chooseFile(bridge: FakeBridge) {
    await openAlice(bridge);
    // As from the keyboard: the button has focus when it is pressed.
    const button = screen.getByRole('button', { name: 'Import a file…' });
    button.focus();
    fireEvent.click(button);
    return screen.findByRole('dialog', { name: 'Import Backup.json' });
  }

  it("shows the file's facts and the rows it cannot import", async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = backup;
    const dialog = await chooseFile(bridge);
    const text = dialog.textContent ?? '';
    expect(factOf(dialog, 'Format')).toBe('JSON exported by this app');
    expect(factOf(dialog, 'Rows')).toBe('20');
    expect(text).toContain('2 repeated tracks, imported once');
    expect(text).toContain('Saved bottom-up in file order');
    expect(within(dialog).getByRole('heading', { name: '3 rows cannot be imported' })).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Line 12: local file — spotify:local:…',
      'Line 14: not a Spotify track — spotify:episode:…',
    ]);
    expect(text).toContain('And 1 more row.');
    // The page's account is the target; every section at first.
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Save to' }).value).toBe(
      'a',
    );
    const sections = within(dialog).getByRole<HTMLSelectElement>('combobox', {
      name: 'Tracks to import',
    });
    expect([...sections.options].map((option) => option.textContent)).toEqual([
      'All sections',
      'Alice (8 tracks)',
      'bob1 (9 tracks)',
    ]);
  });

  it('says a file with dates is saved oldest first', async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = { ...backup, hasDates: true, rejectedCount: 0, rejected: [] };
    const dialog = await chooseFile(bridge);
    expect(dialog.textContent).toContain('Saved oldest first by date added');
    expect(within(dialog).queryByRole('list')).toBeNull();
  });

  it('plans the import of the section and into the account chosen', async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = backup;
    const dialog = await chooseFile(bridge);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Tracks to import' }), {
      target: { value: '1' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Save to' }), {
      target: { value: 'b' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plan import' }));
    await screen.findByRole('dialog', { name: 'Import Backup.json to Bob' });
    expect(screen.queryByRole('dialog', { name: 'Import Backup.json' })).toBeNull();
    expect(bridge.callsTo('imports:plan').map((call) => call.args[0])).toEqual([
      { fileId: 'file-1', targetAccountId: 'b', section: 1 },
    ]);
  });

  it('plans every section into the page’s account by default', async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = backup;
    const dialog = await chooseFile(bridge);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plan import' }));
    await screen.findByRole('dialog', { name: 'Import Backup.json to Alice' });
    expect(bridge.callsTo('imports:plan').map((call) => call.args[0])).toEqual([
      { fileId: 'file-1', targetAccountId: 'a', section: null },
    ]);
  });

  it('asks for another account when the chosen one is removed while the dialog is open', async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = backup;
    const dialog = await chooseFile(bridge);
    act(() => void bridge.api.accounts.remove('a'));
    await waitFor(() =>
      expect(
        (within(dialog).getByRole('button', { name: 'Plan import' }) as HTMLButtonElement).disabled,
      ).toBe(true),
    );
    expect((within(dialog).getByLabelText('Save to') as HTMLSelectElement).value).toBe('');
  });

  it("shows the core's reason when the file cannot be read", async () => {
    const bridge = twoAccounts();
    bridge.failures.set('imports:choose', {
      code: 'import_file_json_syntax',
      message: 'Line 3, column 7: a comma or } was expected.',
    });
    await openAlice(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Import a file…' }));
    const dialog = await screen.findByRole('dialog', { name: 'The file could not be read' });
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Line 3, column 7: a comma or } was expected.',
    );
    // Another try reads the file the person chooses now.
    bridge.failures.delete('imports:choose');
    bridge.chosenFile = backup;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose another file…' }));
    await screen.findByRole('dialog', { name: 'Import Backup.json' });
  });

  it('shows nothing when the person cancels the file dialog', async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = null;
    await openAlice(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Import a file…' }));
    await waitFor(() => expect(bridge.callsTo('imports:choose')).toHaveLength(1));
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.callsTo('imports:plan')).toHaveLength(0);
  });

  it('closes on Escape and has no serious accessibility issue', async () => {
    const bridge = twoAccounts();
    bridge.chosenFile = backup;
    const dialog = await chooseFile(bridge);
    // The first action has focus: Cancel, so Enter never plans by accident.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    const { violations } = await axe.run(document.body, {
      // jsdom lays nothing out: contrast is checked in the browser (end-to-end tests).
      rules: { 'color-contrast': { enabled: false } },
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Import a file…');
  });
});
