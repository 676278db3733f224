// Cmd+Q or the menu's Quit, through the clean quit: the window's state is written before the quit
// goes ahead, and the window is gone before the services (and the IPC handler) stop.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installCleanQuit } from '../../electron/shell/clean-quit.js';
import { quitCleanUp } from '../../electron/shell/quit-clean-up.js';

vi.mock('electron', () => ({}));

function fakeApp(log: string[]) {
  const app = Object.assign(new EventEmitter(), {
    quit() {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      app.emit('before-quit', event);
      if (!event.prevented) log.push('quit goes ahead');
    },
  });
  return app;
}

function later(log: string[], line: string): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      log.push(line);
      resolve();
    }, 5),
  );
}

describe('quit clean-up', () => {
  it('closes the window and writes its state, stops the services, and only then quits', async () => {
    const log: string[] = [];
    const app = fakeApp(log);
    const pendingWrites = new Set<Promise<void>>();
    const closeForQuit = vi.fn(() => {
      log.push('window destroyed');
      const saving = later(log, 'window state written');
      pendingWrites.add(saving);
      return saving;
    });
    const stop = vi.fn(async () => {
      log.push('services stopping');
      await later(log, 'services stopped');
    });
    installCleanQuit(
      app as never,
      quitCleanUp({
        mainWindow: () => ({ closeForQuit }),
        services: () => ({ stop }),
        pendingWrites: () => pendingWrites,
      }),
    );
    app.quit(); // Cmd+Q
    app.quit(); // pressed again while winding down
    await vi.waitFor(() => expect(log).toContain('quit goes ahead'));
    expect(log[0]).toBe('window destroyed');
    expect(log.indexOf('window destroyed')).toBeLessThan(log.indexOf('services stopping'));
    expect(log.indexOf('window state written')).toBeLessThan(log.indexOf('quit goes ahead'));
    expect(log.indexOf('services stopped')).toBeLessThan(log.indexOf('quit goes ahead'));
    expect(closeForQuit).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('still waits for the window state when stopping the services fails', async () => {
    const log: string[] = [];
    const cleanUp = quitCleanUp({
      mainWindow: () => ({ closeForQuit: () => later(log, 'window state written') }),
      services: () => ({
        stop: async () => {
          throw new Error('keychain gone');
        },
      }),
      pendingWrites: () => [],
    });
    await expect(cleanUp()).rejects.toThrow('keychain gone');
    expect(log).toEqual(['window state written']);
  });

  it('with no window open (closed earlier on macOS), waits for that close’s write', async () => {
    const log: string[] = [];
    const cleanUp = quitCleanUp({
      mainWindow: () => null,
      services: () => null,
      pendingWrites: () => [later(log, 'earlier close written')],
    });
    await cleanUp();
    expect(log).toEqual(['earlier close written']);
  });
});
