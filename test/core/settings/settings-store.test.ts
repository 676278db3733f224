// Settings on a real temporary data directory: defaults, persistence, and a specific error for
// each kind of bad value.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore, type Settings } from '../../../electron/core/settings/settings-store.js';

let dataDir: string;
const clientId = '0123456789abcdef0123456789abcdef';

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-'));
});
afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

const open = () => SettingsStore.open({ dataDir });

describe('SettingsStore', () => {
  it('starts with no Client ID, a dynamic port, the login window and a 30-minute library age', async () => {
    const store = await open();
    expect(store.get()).toEqual({
      clientId: null,
      redirectPort: null,
      loginMode: 'window',
      librarySyncMaxAgeMinutes: 30,
    });
    expect(store.notice).toBeNull();
  });

  it('keeps changes across a restart and announces them', async () => {
    const store = await open();
    const seen: Settings[] = [];
    store.onChange((settings) => seen.push(settings));
    await store.update({ clientId, redirectPort: 8888 });
    await store.update({ loginMode: 'browser' });
    const expected = {
      clientId,
      redirectPort: 8888,
      loginMode: 'browser',
      librarySyncMaxAgeMinutes: 30,
    };
    expect((await open()).get()).toEqual(expected);
    expect(seen.at(-1)).toEqual(expected);
    await store.update({ redirectPort: null, clientId: null });
    expect((await open()).get()).toEqual({
      clientId: null,
      redirectPort: null,
      loginMode: 'browser',
      librarySyncMaxAgeMinutes: 30,
    });
  });

  it('keeps the library sync age, 0 (sync on every open) included, across a restart', async () => {
    const store = await open();
    await store.update({ librarySyncMaxAgeMinutes: 0 });
    expect((await open()).get().librarySyncMaxAgeMinutes).toBe(0);
    await store.update({ librarySyncMaxAgeMinutes: 240 });
    expect((await open()).get().librarySyncMaxAgeMinutes).toBe(240);
  });

  it('reads a settings file written before the library sync age existed, with the default', async () => {
    await fs.writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({
        version: 1,
        data: { clientId, redirectPort: 8888, loginMode: 'browser' },
      }),
    );
    const store = await open();
    expect(store.notice).toBeNull();
    expect(store.get()).toEqual({
      clientId,
      redirectPort: 8888,
      loginMode: 'browser',
      librarySyncMaxAgeMinutes: 30,
    });
  });

  it('accepts a Client ID pasted with spaces or in capitals, storing it normalised', async () => {
    const store = await open();
    await store.update({ clientId: `  ${clientId.toUpperCase()}\n` });
    expect(store.get().clientId).toBe(clientId);
  });

  it.each([
    [{ clientId: 'abc' }, 'invalid_client_id'],
    [{ clientId: `${clientId}0` }, 'invalid_client_id'],
    [{ clientId: 'g123456789abcdef0123456789abcdef' }, 'invalid_client_id'],
    [{ clientId: 42 }, 'invalid_client_id'],
    [{ redirectPort: 80 }, 'invalid_redirect_port'],
    [{ redirectPort: 65536 }, 'invalid_redirect_port'],
    [{ redirectPort: 8888.5 }, 'invalid_redirect_port'],
    [{ redirectPort: '8888' }, 'invalid_redirect_port'],
    [{ loginMode: 'popup' }, 'invalid_login_mode'],
    [{ librarySyncMaxAgeMinutes: -1 }, 'invalid_library_sync_max_age'],
    [{ librarySyncMaxAgeMinutes: 1.5 }, 'invalid_library_sync_max_age'],
    [{ librarySyncMaxAgeMinutes: 7 * 24 * 60 + 1 }, 'invalid_library_sync_max_age'],
    [{ librarySyncMaxAgeMinutes: '30' }, 'invalid_library_sync_max_age'],
    [{ librarySyncMaxAgeMinutes: null }, 'invalid_library_sync_max_age'],
    [{ theme: 'dark' }, 'unknown_setting'],
  ])('rejects %j with %s and keeps the file unchanged', async (patch, code) => {
    const store = await open();
    await store.update({ clientId });
    await expect(store.update(patch as Partial<Settings>)).rejects.toMatchObject({ code });
    expect((await open()).get().clientId).toBe(clientId);
  });

  it('sets a damaged settings file aside and starts from defaults with a notice', async () => {
    await fs.writeFile(path.join(dataDir, 'settings.json'), '{"version":1,"data":{"clientId":');
    const store = await open();
    expect(store.get().clientId).toBeNull();
    expect(store.notice).toMatchObject({ code: 'file_corrupt' });
    await store.update({ clientId });
    expect((await open()).get().clientId).toBe(clientId);
  });
});
