// What quitting waits for, in this order: the main window's state saved and the window destroyed,
// so its page sends no request the stopping services could no longer answer ("No handler
// registered" banners) and nothing saves the state again when Electron closes the windows after
// the clean-up; then the services stopped (logins cancelled, the core's writes finished); then
// every window-state write still under way. Closing the window first, rather than answering late
// requests with a "closing" error: a page that is gone shows nothing, and no store of the page
// needs to learn to ignore one more code.
import type { AppServices } from './app-services.js';
import type { MainWindow } from './main-window.js';

export interface QuitCleanUpParts {
  readonly mainWindow: () => Pick<MainWindow, 'closeForQuit'> | null;
  readonly services: () => Pick<AppServices, 'stop'> | null;
  readonly pendingWrites: () => Iterable<Promise<void>>;
}

export function quitCleanUp(parts: QuitCleanUpParts): () => Promise<void> {
  return async () => {
    const windowSaved = parts.mainWindow()?.closeForQuit() ?? Promise.resolve();
    try {
      await parts.services()?.stop();
    } finally {
      await Promise.allSettled([windowSaved, ...parts.pendingWrites()]);
    }
  };
}
