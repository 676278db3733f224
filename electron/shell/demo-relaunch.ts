// "Try the demo" from the real app: starts a new copy of the app with `--demo` once this one has
// ended, then quits through the ordinary quit, so the clean-quit hold winds the core down (logins
// cancelled, writes finished) before the demo, with its own data and keychain service, starts.
import type { App } from 'electron';
import { demoFlag } from './run-mode.js';

export interface DemoRelaunchOptions {
  readonly app: Pick<App, 'relaunch' | 'quit'>;
  /** This run's command line (`process.argv`): the demo keeps its arguments. */
  readonly argv: readonly string[];
  /** This run's environment (`process.env`), for the AppImage's own path. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What the new copy is started with: this run's arguments (not the executable) plus `--demo`. */
export function demoRelaunchArgs(argv: readonly string[]): string[] {
  const args = argv.slice(1);
  return args.includes(demoFlag) ? args : [...args, demoFlag];
}

/** A `startDemo` for the app handlers: relaunch as the demo, then quit. */
export function createDemoRelauncher(options: DemoRelaunchOptions): () => Promise<void> {
  const { app, argv, env } = options;
  // Electron starts one new copy per relaunch call: a second click while quitting must not.
  let started = false;
  return async () => {
    if (started) return;
    started = true;
    // An AppImage runs from a mount that disappears when it quits: relaunch the image itself.
    const appImage = env['APPIMAGE'];
    app.relaunch({
      args: demoRelaunchArgs(argv),
      ...(appImage ? { execPath: appImage } : {}),
    });
    // On the next turn, so the answer to the request reaches the page before the bridge closes.
    setImmediate(() => app.quit());
  };
}
