// Settings on a real temporary data directory: defaults, persistence, and a specific error for
// each kind of bad value.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore, type Settings } from '../../../electron/core/accounts/settings-store.js';

let dataDir: string;
const clientId = '0123456789abcdef0123456789abcdef';

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'settings-'));
});
afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

const open = () => SettingsStore.open({ dataDir });

describe('SettingsStore', () => {
  it('starts with no Client ID, a dynamic port and the login window', async () => {
    const store = await open();
    expect(store.get()).toEqual({ clientId: null, redirectPort: null, loginMode: 'window' });
    expect(store.notice).toBeNull();
  });

  it('keeps changes across a restart and announces them', async () => {
    const store = await open();
    const seen: Settings[] = [];
    store.onChange((settings) => seen.push(settings));
    await store.update({ clientId, redirectPort: 8888 });
    await store.update({ loginMode: 'browser' });
    const expected = { clientId, redirectPort: 8888, loginMode: 'browser' };
    expect((await open()).get()).toEqual(expected);
    expect(seen.at(-1)).toEqual(expected);
    await store.update({ redirectPort: null, clientId: null });
    expect((await open()).get()).toEqual({
      clientId: null,
      redirectPort: null,
      loginMode: 'browser',
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
