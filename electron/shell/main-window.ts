// The main window: the app's page, with the preload, locked to that page, at the size and place
// it had last time (clamped to a display that exists now), saving them again when it closes.
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
}

const defaultSize = { width: 1100, height: 720 };
const minimumSize = { width: 720, height: 480 };

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
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
  if (state.maximized) window.maximize();
  lockToAppPage(window, (url) => shell.openExternal(url));
  // The page's <title> would replace ours, which carries the DEMO mark.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    options.onStateSaved(
      options.stateFile.write(captureWindowState(window)).catch((error: unknown) => {
        console.warn(`Could not save the window position: ${String(error)}`);
      }),
    );
  });
  void window.loadURL(options.appPageUrl);
  return window;
}
