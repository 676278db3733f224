// Remembers the main window's size, position and maximised state in <userData>/window-state.json
// and brings it back inside a display that still exists (a monitor unplugged since last time must
// not leave the window off-screen).
import path from 'node:path';
import { z } from 'zod';
import { VersionedJsonFile } from '../core/storage/versioned-json-file.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** Null: no saved position; the window opens centred on the primary display. */
  readonly bounds: Rect | null;
  readonly maximized: boolean;
}

export interface WindowSize {
  readonly width: number;
  readonly height: number;
}

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});
const stateSchema = z.object({ bounds: rectSchema.nullable(), maximized: z.boolean() });

export const windowStateFileName = 'window-state.json';

export function windowStateFile(userDataDir: string): VersionedJsonFile<WindowState> {
  return new VersionedJsonFile<WindowState>({
    filePath: path.join(userDataDir, windowStateFileName),
    version: 1,
    schema: stateSchema,
    defaultValue: () => ({ bounds: null, maximized: false }),
  });
}

/**
 * The saved bounds fitted into the work area of the display they overlap most (Electron's
 * `screen.getDisplayMatching(rect).workArea`): shrunk to fit, then moved fully inside it.
 */
export function clampToWorkArea(bounds: Rect, workArea: Rect, minimum: WindowSize): Rect {
  const width = Math.max(
    Math.min(bounds.width, workArea.width),
    Math.min(minimum.width, workArea.width),
  );
  const height = Math.max(
    Math.min(bounds.height, workArea.height),
    Math.min(minimum.height, workArea.height),
  );
  const x = Math.min(Math.max(bounds.x, workArea.x), workArea.x + workArea.width - width);
  const y = Math.min(Math.max(bounds.y, workArea.y), workArea.y + workArea.height - height);
  return { x, y, width, height };
}

/** Reads the saved state (a corrupt file is set aside and the defaults used) and clamps it. */
export async function restoreWindowState(
  file: VersionedJsonFile<WindowState>,
  workAreaFor: (rect: Rect) => Rect,
  minimum: WindowSize,
): Promise<WindowState> {
  const { value } = await file.read();
  if (value.bounds === null) return value;
  return {
    bounds: clampToWorkArea(value.bounds, workAreaFor(value.bounds), minimum),
    maximized: value.maximized,
  };
}

/** What to save when the window closes: its restored (not maximised) bounds, in whole pixels. */
export function captureWindowState(window: {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return {
    bounds: {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(width),
      height: Math.round(height),
    },
    maximized: window.isMaximized(),
  };
}
