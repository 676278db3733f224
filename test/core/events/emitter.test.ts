import { describe, expect, it } from 'vitest';
import { DisposableStore, Emitter } from '../../../electron/core/events/emitter.js';

describe('Emitter', () => {
  it('delivers each fired value to every subscriber, in order of subscription', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    emitter.event((value) => heard.push(`a${value}`));
    emitter.event((value) => heard.push(`b${value}`));
    emitter.fire(1);
    emitter.fire(2);
    expect(heard).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('stops delivering to a disposed subscription only, and disposing twice is harmless', () => {
    const emitter = new Emitter<string>();
    const heard: string[] = [];
    const listener = (value: string) => heard.push(value);
    const first = emitter.event(listener);
    emitter.event(listener);
    first.dispose();
    first.dispose();
    emitter.fire('x');
    expect(heard).toEqual(['x']);
  });

  it('keeps the other listeners hearing when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>({ onListenerError: (error) => errors.push(error) });
    const heard: number[] = [];
    emitter.event(() => {
      throw new Error('listener bug');
    });
    emitter.event((value) => heard.push(value));
    expect(() => emitter.fire(7)).not.toThrow();
    expect(heard).toEqual([7]);
    expect(errors).toEqual([new Error('listener bug')]);
  });

  it('does not let a listener that subscribes another while hearing change who hears it', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    emitter.event((value) => {
      heard.push(`outer${value}`);
      emitter.event((inner) => heard.push(`inner${inner}`));
    });
    emitter.fire(1);
    expect(heard).toEqual(['outer1']);
  });

  it('drops every listener when disposed and ignores later subscriptions', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    emitter.event((value) => heard.push(value));
    expect(emitter.hasListeners).toBe(true);
    emitter.dispose();
    emitter.event((value) => heard.push(value));
    emitter.fire(1);
    expect(heard).toEqual([]);
    expect(emitter.hasListeners).toBe(false);
  });
});

describe('DisposableStore', () => {
  it('disposes everything it holds once, and anything added after it was disposed at once', () => {
    const disposed: string[] = [];
    const store = new DisposableStore();
    store.add({ dispose: () => disposed.push('a') });
    store.add({ dispose: () => disposed.push('b') });
    store.dispose();
    store.dispose();
    store.add({ dispose: () => disposed.push('late') });
    expect(disposed).toEqual(['a', 'b', 'late']);
  });
});

describe('Emitter without an error handler', () => {
  it('throws a listener’s error again on its own, after the others have heard', async () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    emitter.event(() => {
      throw new Error('listener bug');
    });
    emitter.event((value) => heard.push(value));
    const uncaught = new Promise<unknown>((resolve) => {
      const original = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      process.once('uncaughtException', (error) => {
        for (const listener of original) process.on('uncaughtException', listener);
        resolve(error);
      });
    });
    expect(() => emitter.fire(1)).not.toThrow();
    expect(heard).toEqual([1]);
    expect(await uncaught).toMatchObject({ message: 'listener bug' });
  });
});
