// The main window: the app's page, with the preload, locked to that page, at the size and place
// it had last time (clamped to a display that exists now), saving them again when it closes or
// when the app quits. A page that cannot be loaded is reported, never left in a hidden window.
import { BrowserWindow, screen, shell } from 'electron';
import type { VersionedJsonFile } from '../core/storage/versioned-json-file.js';
import { lockToAppPage, secureWebPreferences } from './window-security.js';
import { captureWindowState, restoreWindowState, type WindowState } from './window-state.js';

export interface MainWindowOptions {
  readonly appPageUrl: string;
  readonly preloadScript: string;
  readonly title: string;
  readonly stateFile: VersionedJsonFile<WindowState>;
  /** Told about each save of the window state, so quitting can wait for it. */
  readonly onStateSaved: (saving: Promise<void>) => void;
  /** The app page could not be loaded: the window stays hidden, so the app must say so. */
  readonly onLoadFailed: (error: unknown) => void;
}

export interface MainWindow {
  readonly window: BrowserWindow;
  /**
   * For quitting: saves the window state (once, whatever closes the window) and destroys the
   * window at once, so its page sends no request after the services behind it stop. Resolves when
   * the state is written; a window already gone resolves at once (its close saved it).
   */
  closeForQuit(): Promise<void>;
}

const defaultSize = { width: 1100, height: 720 };
const minimumSize = { width: 720, height: 480 };
// Chromium's net::ERR_ABORTED: this load was replaced by another navigation, which loads (or
// fails) on its own; not a page that could not be shown.
const loadAborted = -3;

export async function createMainWindow(options: MainWindowOptions): Promise<MainWindow> {
  const state = await restoreWindowState(
    options.stateFile,
    (rect) => screen.getDisplayMatching(rect).workArea,
    minimumSize,
  );
  const window = new BrowserWindow({
    ...(state.bounds ?? defaultSize),
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    title: options.title,
    show: false,
    webPreferences: secureWebPreferences(options.preloadScript),
  });
  lockToAppPage(window, (url) => shell.openExternal(url));
  // The page's <title> would replace ours, which carries the DEMO mark.
  window.on('page-title-updated', (event) => event.preventDefault());
  // maximize() shows a hidden window on Windows and Linux, before the page has painted: so the
  // window is maximised only once there is something to show.
  let shown = false;
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
    shown = true;
  });

  let saving: Promise<void> | null = null;
  const saveState = (): Promise<void> => {
    // A window never shown (its page failed) has no place of its own to keep: the saved one stays.
    if (!shown) return Promise.resolve();
    saving ??= options.stateFile.write(captureWindowState(window)).catch((error: unknown) => {
      console.warn(`Could not save the window position: ${String(error)}`);
    });
    return saving;
  };
  // The person closed the window (the app may keep running on macOS); a quit saves it itself.
  window.on('close', () => options.onStateSaved(saveState()));

  window.loadURL(options.appPageUrl).catch((error: unknown) => {
    if (window.isDestroyed() || isAborted(error)) return;
    options.onLoadFailed(error);
  });
  return {
    window,
    closeForQuit() {
      if (window.isDestroyed()) return Promise.resolve();
      const saved = saveState();
      options.onStateSaved(saved);
      window.destroy();
      return saved;
    },
  };
}

// loadURL rejects with an Error carrying Chromium's `errno` (and `code`, e.g. 'ERR_FILE_NOT_FOUND').
function isAborted(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { errno?: unknown }).errno === loadAborted
  );
}
