import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureWindowState,
  clampToWorkArea,
  restoreWindowState,
  windowStateFile,
  type Rect,
} from '../../electron/shell/window-state.js';

const minimum = { width: 720, height: 480 };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'window-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('window state', () => {
  it('starts with no saved position', async () => {
    const state = await restoreWindowState(windowStateFile(dir), () => laptop, minimum);
    expect(state).toEqual({ bounds: null, maximized: false });
  });

  it('restores the saved bounds and maximised state when they still fit', async () => {
    const file = windowStateFile(dir);
    const saved = captureWindowState({
      getNormalBounds: () => ({ x: 100.4, y: 50, width: 1000, height: 700 }),
      isMaximized: () => true,
    });
    await file.write(saved);
    const restored = await restoreWindowState(windowStateFile(dir), () => laptop, minimum);
    expect(restored).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it('brings a window from an unplugged monitor back onto the display it now matches', async () => {
    const file = windowStateFile(dir);
    await file.write({ bounds: { x: 3000, y: 200, width: 1200, height: 800 }, maximized: false });
    const asked: Rect[] = [];
    const restored = await restoreWindowState(
      file,
      (rect) => {
        asked.push(rect);
        return laptop;
      },
      minimum,
    );
    expect(asked).toEqual([{ x: 3000, y: 200, width: 1200, height: 800 }]);
    expect(restored.bounds).toEqual({ x: 240, y: 75, width: 1200, height: 800 });
  });

  it('shrinks a window larger than the work area and keeps it inside', () => {
    const workArea = { x: 1440, y: 25, width: 1280, height: 775 };
    expect(
      clampToWorkArea({ x: 1000, y: -300, width: 2000, height: 1400 }, workArea, minimum),
    ).toEqual(workArea);
  });

  it('never makes the window smaller than the minimum when the display has room', () => {
    expect(clampToWorkArea({ x: 10, y: 10, width: 1, height: 1 }, laptop, minimum)).toMatchObject({
      width: 720,
      height: 480,
    });
  });

  it('sets a corrupt file aside and falls back to the defaults', async () => {
    await writeFile(path.join(dir, 'window-state.json'), '{"version":1,"data":{"bounds":');
    const state = await restoreWindowState(windowStateFile(dir), () => laptop, minimum);
    expect(state).toEqual({ bounds: null, maximized: false });
    expect((await readdir(dir)).some((name) => name.startsWith('window-state.json.corrupt-'))).toBe(
      true,
    );
  });
});
