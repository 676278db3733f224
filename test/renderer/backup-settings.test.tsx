// @vitest-environment jsdom
// The automatic backups in Settings: the status the core holds, choosing the folder, how often and
// how many files to keep (and the core's refusal of a number out of range), "Back up now" while it
// runs and when it has to wait for a copy, each account's outcome, and the banner above every page
// when an account's last backup failed.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { BackupStatusView } from '../../electron/core/ipc/contract.js';
import { formatDate } from '../../renderer/src/format/formatters.js';
import { FakeBridge, held, makeAccount } from './fake-bridge.js';
import { makeBackupAccount, makeBackupStatus } from './fake-files.js';
import { renderApp } from './render-app.js';

const lastBackup = Date.UTC(2026, 11, 3, 9, 30);
const nextBackup = Date.UTC(2026, 11, 10, 9, 30);
const folderMissing = {
  code: 'backup_folder_missing',
  message:
    'The backup folder /mnt/usb/backups is gone. Plug the drive in or choose another folder.',
};

function bridgeWith(backups: Partial<BackupStatusView> = {}): FakeBridge {
  const bridge = new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
  });
  bridge.backups = makeBackupStatus({
    folder: '/mnt/usb/backups',
    frequency: 'weekly',
    keep: 10,
    accounts: [
      makeBackupAccount({
        accountId: 'a',
        lastSuccessAt: lastBackup,
        lastFile: 'Alice 2026-12-03.json',
        lastAttemptAt: lastBackup,
        dueAt: nextBackup,
      }),
      makeBackupAccount({ accountId: 'b', dueAt: nextBackup }),
    ],
    ...backups,
  });
  return bridge;
}

async function openSettings(bridge: FakeBridge) {
  const app = await renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  const section = within(screen.getByRole('region', { name: 'Backups' }));
  return { ...app, section };
}

function rowOf(section: ReturnType<typeof within>, label: string): HTMLElement {
  const header = section.getByRole('rowheader', { name: label });
  const row = header.closest('tr');
  if (!row) throw new Error(`No row for ${label}`);
  return row;
}

describe('backups in Settings', () => {
  it('shows the folder, the frequency, the files kept and each account’s last backup', async () => {
    const { section } = await openSettings(bridgeWith());

    expect(section.getByTestId('backup-folder').textContent).toBe('/mnt/usb/backups');
    expect((section.getByRole('radio', { name: 'Weekly' }) as HTMLInputElement).checked).toBe(true);
    expect(
      (section.getByLabelText('Keep the last N backups per account') as HTMLInputElement).value,
    ).toBe('10');
    expect(section.getByText(/after the app's regular sync, never while a copy/)).toBeTruthy();
    const alice = within(rowOf(section, 'Alice'));
    expect(alice.getByText(new RegExp(formatDate(lastBackup)))).toBeTruthy();
    expect(alice.getByText('Alice 2026-12-03.json')).toBeTruthy();
    expect(alice.getByText(/^Next backup due /)).toBeTruthy();
    expect(within(rowOf(section, 'Bob')).getByText('None yet')).toBeTruthy();
  });

  it('asks the main process for a folder and shows the one chosen', async () => {
    const bridge = bridgeWith({ folder: null });
    const { section } = await openSettings(bridge);
    expect(section.getByTestId('backup-folder').textContent).toBe('No folder chosen yet');

    fireEvent.click(section.getByRole('button', { name: 'Choose folder…' }));

    await waitFor(() =>
      expect(section.getByTestId('backup-folder').textContent).toBe('/home/me/Spotify backups'),
    );
    expect(bridge.callsTo('backups:chooseFolder')).toHaveLength(1);
  });

  it('keeps the folder when the dialog is cancelled, and shows why a folder was refused', async () => {
    const bridge = bridgeWith();
    bridge.folderToChoose = null;
    const { section } = await openSettings(bridge);

    fireEvent.click(section.getByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(bridge.callsTo('backups:chooseFolder')).toHaveLength(1));
    expect(section.getByTestId('backup-folder').textContent).toBe('/mnt/usb/backups');

    bridge.failures.set('backups:chooseFolder', {
      code: 'invalid_backup_folder',
      message: 'There is no folder at /mnt/gone.',
    });
    fireEvent.click(section.getByRole('button', { name: 'Choose folder…' }));
    expect((await section.findByRole('alert')).textContent).toBe(
      'There is no folder at /mnt/gone.',
    );
  });

  it('sends a new frequency and a new number of files to keep, each on its own', async () => {
    const bridge = bridgeWith();
    const { section } = await openSettings(bridge);

    fireEvent.click(section.getByRole('radio', { name: 'Daily' }));
    await waitFor(() =>
      expect((section.getByRole('radio', { name: 'Daily' }) as HTMLInputElement).checked).toBe(
        true,
      ),
    );
    const keep = section.getByLabelText('Keep the last N backups per account');
    fireEvent.change(keep, { target: { value: '25' } });
    fireEvent.keyDown(keep, { key: 'Enter' });

    await waitFor(() => expect(bridge.callsTo('backups:update')).toHaveLength(2));
    expect(bridge.callsTo('backups:update').map((call) => call.args)).toEqual([
      [{ frequency: 'daily' }],
      [{ keep: 25 }],
    ]);
    expect((keep as HTMLInputElement).value).toBe('25');
  });

  it('shows the core’s refusal of a number of files out of range beside the field', async () => {
    const bridge = bridgeWith();
    bridge.failures.set('backups:update', {
      code: 'invalid_backup_keep',
      message: 'Keep between 1 and 100 backups per account (0 was asked).',
    });
    const { section } = await openSettings(bridge);
    const keep = section.getByLabelText('Keep the last N backups per account');

    fireEvent.change(keep, { target: { value: '0' } });
    fireEvent.blur(keep);

    expect(
      await section.findByText('Keep between 1 and 100 backups per account (0 was asked).'),
    ).toBeTruthy();
    expect(keep.getAttribute('aria-invalid')).toBe('true');
    expect((keep as HTMLInputElement).value).toBe('0');
    expect(bridge.callsTo('backups:update')[0]?.args).toEqual([{ keep: 0 }]);
  });

  it('says it is backing up, then shows each account’s outcome when the core announces it', async () => {
    const bridge = bridgeWith();
    const { section } = await openSettings(bridge);

    fireEvent.click(section.getByRole('button', { name: 'Back up now' }));

    const busy = await section.findByRole('button', { name: 'Backing up…' });
    // Still focusable, but pressing it again asks nothing more.
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(section.getByRole('status').textContent).toBe('Backing up…');
    fireEvent.click(busy);
    expect(bridge.callsTo('backups:runNow')).toHaveLength(1);

    const done = Date.UTC(2026, 11, 4, 21, 0);
    act(() =>
      bridge.emit('backups:changed', {
        ...bridge.backups,
        running: false,
        accounts: [
          makeBackupAccount({
            accountId: 'a',
            lastSuccessAt: done,
            lastFile: 'Alice 2026-12-04.json',
            lastAttemptAt: done,
            dueAt: nextBackup,
          }),
          makeBackupAccount({ accountId: 'b', lastAttemptAt: done, error: folderMissing }),
        ],
      }),
    );

    expect(section.getByRole('button', { name: 'Back up now' })).toBeTruthy();
    expect(within(rowOf(section, 'Alice')).getByText('Alice 2026-12-04.json')).toBeTruthy();
    expect(within(rowOf(section, 'Bob')).getByText(folderMissing.message)).toBeTruthy();
  });

  it('says a backup waits for the copy that is running', async () => {
    const bridge = bridgeWith();
    bridge.failures.set('backups:runNow', {
      code: 'backup_waiting_for_job',
      message: 'A copy is running: the backup will be made as soon as it ends.',
    });
    const { section } = await openSettings(bridge);

    fireEvent.click(section.getByRole('button', { name: 'Back up now' }));

    const note = await section.findByText(
      'A copy is running: the backup will be made as soon as it ends.',
    );
    expect(note.getAttribute('role')).toBe('status');
    expect(section.getByRole('button', { name: 'Back up now' })).toBeTruthy();
  });

  it('shows each account’s failure in its row', async () => {
    const bridge = bridgeWith({
      accounts: [
        makeBackupAccount({ accountId: 'a', lastAttemptAt: lastBackup, error: folderMissing }),
      ],
    });
    const { section } = await openSettings(bridge);

    const cell = within(rowOf(section, 'Alice')).getByText(folderMissing.message);
    expect(cell.className).toContain('error-text');
    expect(within(rowOf(section, 'Bob')).queryByText(folderMissing.message)).toBeNull();
  });
});

describe('the failed backup banner', () => {
  it('names the account and the reason, and its button opens Settings', async () => {
    const bridge = bridgeWith({
      accounts: [
        makeBackupAccount({ accountId: 'a', lastAttemptAt: lastBackup, error: folderMissing }),
        makeBackupAccount({ accountId: 'b', lastSuccessAt: lastBackup, dueAt: nextBackup }),
      ],
    });
    await renderApp(bridge);

    const banner = await screen.findByTestId('backup-failure-banner');
    expect(banner.textContent).toContain(`The backup of Alice failed: ${folderMissing.message}`);
    expect(screen.getAllByTestId('backup-failure-banner')).toHaveLength(1);

    fireEvent.click(within(banner).getByRole('button', { name: 'Open Settings' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Backups' })).toBeTruthy();
  });

  it('says once for all the accounts a failure hit, and stays dismissed until a later one', async () => {
    const bridge = bridgeWith({
      accounts: [
        makeBackupAccount({ accountId: 'a', lastAttemptAt: lastBackup, error: folderMissing }),
        makeBackupAccount({ accountId: 'b', lastAttemptAt: lastBackup, error: folderMissing }),
      ],
    });
    await renderApp(bridge);
    const banner = await screen.findByTestId('backup-failure-banner');
    expect(screen.getAllByTestId('backup-failure-banner')).toHaveLength(1);
    expect(banner.textContent).toContain(
      `The backups of Alice and Bob failed: ${folderMissing.message}`,
    );

    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('backup-failure-banner')).toBeNull();

    const again = makeBackupAccount({
      accountId: 'a',
      lastAttemptAt: lastBackup + 60_000,
      error: folderMissing,
    });
    act(() => bridge.emit('backups:changed', { ...bridge.backups, accounts: [again] }));
    expect(screen.getByTestId('backup-failure-banner').textContent).toContain(
      'The backup of Alice failed',
    );
  });

  it('appears when the core announces a failure and goes once the backup succeeds', async () => {
    const bridge = bridgeWith();
    await renderApp(bridge);
    expect(screen.queryByTestId('backup-failure-banner')).toBeNull();

    const failed = makeBackupAccount({
      accountId: 'b',
      lastAttemptAt: lastBackup,
      error: folderMissing,
    });
    act(() => bridge.emit('backups:changed', { ...bridge.backups, accounts: [failed] }));
    expect(screen.getByTestId('backup-failure-banner').textContent).toContain(
      'The backup of Bob failed',
    );

    const fixed = makeBackupAccount({ accountId: 'b', lastSuccessAt: lastBackup + 1 });
    act(() => bridge.emit('backups:changed', { ...bridge.backups, accounts: [fixed] }));
    expect(screen.queryByTestId('backup-failure-banner')).toBeNull();
  });

  it('keeps what the core announced over a status read that was asked before it', async () => {
    const bridge = bridgeWith();
    const stale = bridge.backups;
    const hold = held();
    Object.assign(bridge.api.backups, {
      status: async () => {
        await hold.promise;
        return { ok: true, value: stale };
      },
    });
    await renderApp(bridge);

    const failed = makeBackupAccount({
      accountId: 'a',
      lastAttemptAt: lastBackup,
      error: folderMissing,
    });
    act(() => bridge.emit('backups:changed', { ...stale, accounts: [failed] }));
    await act(async () => {
      hold.release();
      await hold.promise;
    });

    expect(screen.getByTestId('backup-failure-banner').textContent).toContain(
      'The backup of Alice failed',
    );
  });
});
