// `app:startDemo` through the router and the real handlers of a real core: it hands over to the
// shell's `startDemo` when there is one, and otherwise (the demo itself, the browser harness)
// answers demo_unavailable with a sentence, never an internal error.
import { FolderFileHost } from '../../support/folder-file-host.js';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../electron/core/ipc/ipc-handlers.js';
import { createIpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, type CoreUnderTest } from '../composition/support.js';

let fake: FakeSpotify;
let subject: CoreUnderTest;
let unexpected: unknown[];

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 1, tracks: 0 });
  subject = await openCore(fake, new MemorySecretStore());
  unexpected = [];
});

afterEach(async () => {
  await subject.dispose();
  await fake.close();
});

function routerWith(options: { demo: boolean; startDemo?: () => Promise<void> }) {
  return createIpcRouter(
    createIpcHandlers(subject.core, {
      version: '1.2.3',
      files: new FolderFileHost(os.tmpdir()),
      emit: () => undefined,
      ...options,
    }),
    { onUnexpectedError: (_channel, error) => unexpected.push(error) },
  );
}

describe('app:startDemo', () => {
  it('starts the demo through the shell and answers null', async () => {
    const startDemo = vi.fn(async () => undefined);
    const router = routerWith({ demo: false, startDemo });

    expect(await router.handle('app:startDemo', [])).toEqual({ ok: true, value: null });
    expect(startDemo).toHaveBeenCalledTimes(1);
  });

  it('answers demo_unavailable with a sentence where nothing can start the demo', async () => {
    const result = await routerWith({ demo: false }).handle('app:startDemo', []);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'demo_unavailable',
        message: 'The demo can only be started from the desktop app.',
      },
    });
    expect(unexpected).toEqual([]);
  });

  it('says so in the demo itself', async () => {
    const result = await routerWith({ demo: true }).handle('app:startDemo', []);
    expect(result).toEqual({
      ok: false,
      error: { code: 'demo_unavailable', message: 'This is already the demo.' },
    });
  });

  it('refuses arguments before starting anything', async () => {
    const startDemo = vi.fn(async () => undefined);
    const result = await routerWith({ demo: false, startDemo }).handle('app:startDemo', ['now']);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc_invalid_arguments' } });
    expect(startDemo).not.toHaveBeenCalled();
  });
});
