// The main window's life with `electron` stood in: what it does before and after its page is ready,
// when its page cannot be loaded, and how its state is saved when it closes or the app quits.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { windowStateFile } from '../../electron/shell/window-state.js';

const electronFake = vi.hoisted(() => ({
  windows: [] as unknown[],
  /** What loadURL does: resolve, or reject as Electron does with Chromium's error. */
  load: { kind: 'loads' } as { kind: 'loads' } | { kind: 'fails'; errno: number; code: string },
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    readonly calls: string[] = [];
    readonly webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: () => {} });
    #destroyed = false;
    #maximized = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      electronFake.windows.push(this);
    }
    async loadURL(url: string) {
      this.calls.push(`loadURL ${url}`);
      const load = electronFake.load;
      if (load.kind === 'fails') {
        throw Object.assign(new Error(`${load.code} (${load.errno}) loading '${url}'`), load);
      }
    }
    maximize() {
      this.calls.push('maximize');
      this.#maximized = true;
    }
    show() {
      this.calls.push('show');
    }
    isMaximized() {
      return this.#maximized;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1000, height: 700 };
    }
    isDestroyed() {
      return this.#destroyed;
    }
    /** As Electron's: no 'close' event, only 'closed'. */
    destroy() {
      this.calls.push('destroy');
      this.#destroyed = true;
      this.emit('closed');
    }
  }
  return {
    BrowserWindow,
    screen: { getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) },
    shell: { openExternal: async () => {} },
  };
});

const { createMainWindow } = await import('../../electron/shell/main-window.js');

interface FakeWindow {
  readonly calls: string[];
  emit(event: string, ...args: unknown[]): boolean;
}

const appPageUrl = 'file:///opt/app/dist/renderer/index.html';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'main-window-'));
});
afterEach(async () => {
  electronFake.windows.length = 0;
  electronFake.load = { kind: 'loads' };
  await rm(dir, { recursive: true, force: true });
});

async function open(extra: { maximized?: boolean } = {}) {
  const stateFile = windowStateFile(dir);
  if (extra.maximized) {
    await stateFile.write({ bounds: { x: 0, y: 0, width: 900, height: 600 }, maximized: true });
  }
  const write = vi.spyOn(stateFile, 'write');
  const saves: Promise<void>[] = [];
  const loadFailures: unknown[] = [];
  const main = await createMainWindow({
    appPageUrl,
    preloadScript: '/opt/app/dist/electron/preload.cjs',
    title: 'Multi Account for Spotify',
    stateFile,
    onStateSaved: (saving) => saves.push(saving),
    onLoadFailed: (error) => loadFailures.push(error),
  });
  const fake = electronFake.windows[0] as FakeWindow;
  return { main, fake, stateFile, write, saves, loadFailures };
}

describe('main window', () => {
  it('maximises a window saved maximised only when showing it, after the page is ready', async () => {
    const { fake } = await open({ maximized: true });
    expect(fake.calls).toEqual([`loadURL ${appPageUrl}`]);
    fake.emit('ready-to-show');
    expect(fake.calls).toEqual([`loadURL ${appPageUrl}`, 'maximize', 'show']);
  });

  it('reports a page that cannot be loaded, with what failed', async () => {
    electronFake.load = { kind: 'fails', errno: -6, code: 'ERR_FILE_NOT_FOUND' };
    const { loadFailures } = await open();
    await vi.waitFor(() => expect(loadFailures).toHaveLength(1));
    expect(String(loadFailures[0])).toContain('ERR_FILE_NOT_FOUND');
    expect(String(loadFailures[0])).toContain(appPageUrl);
  });

  it('does not report a load replaced by another navigation (ERR_ABORTED)', async () => {
    electronFake.load = { kind: 'fails', errno: -3, code: 'ERR_ABORTED' };
    const { loadFailures } = await open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loadFailures).toEqual([]);
  });

  it('on quit, saves the state once and destroys the window, then resolves when it is written', async () => {
    const { main, fake, stateFile, write, saves } = await open();
    fake.emit('ready-to-show');
    await main.closeForQuit();
    expect(fake.calls.at(-1)).toBe('destroy');
    expect((await stateFile.read()).value).toEqual({
      bounds: { x: 40, y: 30, width: 1000, height: 700 },
      maximized: false,
    });
    // Whatever else closes it afterwards (Electron's own close of every window) saves no more.
    fake.emit('close');
    await main.closeForQuit();
    expect(write).toHaveBeenCalledTimes(1);
    expect(saves.length).toBeGreaterThan(0);
  });

  it('saves the state when the person closes the window, once', async () => {
    const { fake, write, saves } = await open();
    fake.emit('ready-to-show');
    fake.emit('close');
    fake.emit('close');
    await Promise.all(saves);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('keeps the saved state when the window was never shown (its page failed)', async () => {
    const { main, write } = await open({ maximized: true });
    await main.closeForQuit();
    expect(write).not.toHaveBeenCalled();
  });
});
