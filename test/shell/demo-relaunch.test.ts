// "Try the demo" in the Electron shell: the app relaunches itself with `--demo` and quits through
// the clean-quit hold, so the core winds down before the demo starts. Only `electron` is faked.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installCleanQuit } from '../../electron/shell/clean-quit.js';
import { createDemoRelauncher, demoRelaunchArgs } from '../../electron/shell/demo-relaunch.js';

vi.mock('electron', () => ({}));

/** Electron's `app` as far as relaunching and quitting go: quit emits a preventable before-quit. */
function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    relaunches: [] as unknown[],
    quits: 0,
    relaunch(options?: unknown) {
      app.relaunches.push(options);
    },
    quit() {
      app.quits += 1;
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      app.emit('before-quit', event);
    },
  });
  return app;
}

describe('demo relaunch', () => {
  it('starts one demo however often it is asked while the app quits', async () => {
    const app = fakeApp();
    installCleanQuit(app as never, () => new Promise<void>(() => undefined));
    const startDemo = createDemoRelauncher({ app: app as never, argv: ['electron', '.'], env: {} });
    await startDemo();
    await startDemo();
    expect(app.relaunches).toHaveLength(1);
  });

  it('relaunches with this run’s arguments plus --demo, then quits after clean-up', async () => {
    const app = fakeApp();
    let finishCleanUp = () => {};
    const cleanUp = vi.fn(() => new Promise<void>((resolve) => (finishCleanUp = resolve)));
    installCleanQuit(app as never, cleanUp);
    const startDemo = createDemoRelauncher({
      app: app as never,
      argv: ['/usr/lib/electron/electron', '.', '--enable-logging'],
      env: {},
    });

    await startDemo();
    // The answer to the request goes out before the app starts to quit.
    expect(app.quits).toBe(0);
    expect(app.relaunches).toEqual([{ args: ['.', '--enable-logging', '--demo'] }]);

    await vi.waitFor(() => expect(cleanUp).toHaveBeenCalledTimes(1));
    expect(app.quits).toBe(1); // held back by the clean-quit path
    finishCleanUp();
    await vi.waitFor(() => expect(app.quits).toBe(2));
    expect(app.relaunches).toHaveLength(1);
  });

  it('relaunches an AppImage through the image, not its temporary mount', async () => {
    const app = fakeApp();
    const startDemo = createDemoRelauncher({
      app: app as never,
      argv: ['/tmp/.mount_MultiX/multi-account-for-spotify'],
      env: { APPIMAGE: '/home/sam/Apps/Multi-Account.AppImage' },
    });

    await startDemo();

    expect(app.relaunches).toEqual([
      { args: ['--demo'], execPath: '/home/sam/Apps/Multi-Account.AppImage' },
    ]);
    await vi.waitFor(() => expect(app.quits).toBe(1));
  });

  it('never passes --demo twice', () => {
    expect(demoRelaunchArgs(['/opt/app/app', '--demo'])).toEqual(['--demo']);
    expect(demoRelaunchArgs(['/opt/app/app'])).toEqual(['--demo']);
  });
});
