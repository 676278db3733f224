// Quitting waits for the app to wind down: the first `before-quit` is held back while `cleanUp`
// runs (logins cancelled so their loopback ports close, pending writes finished), then the quit
// goes ahead. Further quit attempts meanwhile are absorbed, and a failing clean-up still quits.
import type { App } from 'electron';

export function installCleanQuit(
  app: Pick<App, 'on' | 'quit'>,
  cleanUp: () => Promise<void>,
  log: (message: string) => void = (message) => console.error(message),
): void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    void cleanUp()
      .catch((error: unknown) => log(`Clean-up before quitting failed: ${describe(error)}`))
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}
