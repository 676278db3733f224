// The core's one way to announce a change: an owner keeps an `Emitter<T>` private and exposes only
// its `event` (subscribe) function, so nobody else can fire it (in the manner of VS Code's
// `Emitter`). Subscribing returns a `Disposable`; disposing the emitter drops every listener, so
// an owner that closes cannot keep listeners, or their closures, alive.

/** Something that holds a resource (a subscription, a timer) until it is disposed. */
export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; the returned Disposable unsubscribes it (idempotent). */
export type Event<T> = (listener: (value: T) => void) => Disposable;

export interface EmitterOptions {
  /**
   * Where a listener's exception goes. A listener's bug must not break the owner (a scheduler,
   * a sync) nor keep the other listeners from hearing the change, nor vanish: by default it is
   * thrown again on its own, outside the owner's call, where the process reports uncaught errors.
   */
  readonly onListenerError?: (error: unknown) => void;
}

export class Emitter<T> {
  readonly #listeners = new Set<(value: T) => void>();
  readonly #onListenerError: (error: unknown) => void;
  #disposed = false;

  constructor(options: EmitterOptions = {}) {
    this.#onListenerError = options.onListenerError ?? rethrowLater;
  }

  /** The subscribe function to expose: `readonly onDidChange = this.#changed.event;`. */
  readonly event: Event<T> = (listener) => {
    if (this.#disposed) return { dispose: () => undefined };
    // Each subscription is its own entry, so the same function subscribed twice hears twice
    // and disposing one subscription leaves the other.
    const entry = (value: T) => listener(value);
    this.#listeners.add(entry);
    return { dispose: () => this.#listeners.delete(entry) };
  };

  fire(value: T): void {
    // A copy: a listener that unsubscribes (or subscribes another) while hearing does not change
    // who hears this value.
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  get hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
  }
}

/** Disposes several things at once, e.g. every subscription a component made. */
export class DisposableStore implements Disposable {
  readonly #items = new Set<Disposable>();
  #disposed = false;

  add<D extends Disposable>(item: D): D {
    if (this.#disposed) item.dispose();
    else this.#items.add(item);
    return item;
  }

  dispose(): void {
    this.#disposed = true;
    for (const item of [...this.#items]) item.dispose();
    this.#items.clear();
  }
}

function rethrowLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}
