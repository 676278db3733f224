import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installCleanQuit } from '../../electron/shell/clean-quit.js';

vi.mock('electron', () => ({}));

function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    quits: 0,
    quit() {
      app.quits += 1;
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      app.emit('before-quit', event);
      return event.prevented;
    },
  });
  return app;
}

describe('clean quit', () => {
  it('holds the quit until clean-up has finished, then quits once', async () => {
    const app = fakeApp();
    let finish = () => {};
    const cleanUp = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    installCleanQuit(app as never, cleanUp);
    expect(app.quit()).toBe(true); // held back
    expect(app.quit()).toBe(true); // a second Cmd+Q while winding down
    expect(cleanUp).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(2);
    finish();
    await vi.waitFor(() => expect(app.quits).toBe(3));
    expect(cleanUp).toHaveBeenCalledTimes(1);
  });

  it('still quits when clean-up fails, and says so', async () => {
    const app = fakeApp();
    const log: string[] = [];
    installCleanQuit(
      app as never,
      async () => {
        throw new Error('disk full');
      },
      (line) => log.push(line),
    );
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(2));
    expect(log).toEqual(['Clean-up before quitting failed: Error: disk full']);
  });
});
