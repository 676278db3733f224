// A minimal typed listener list: the core's objects report state changes through it without
// pulling in Node's untyped EventEmitter or a dependency.

export type Unsubscribe = () => void;

export class TypedEmitter<Event> {
  readonly #listeners = new Set<(event: Event) => void>();

  subscribe(listener: (event: Event) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: Event): void {
    // A failing listener must not break the scheduler or the other listeners.
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // Listeners are UI plumbing; their bugs are theirs to report.
      }
    }
  }
}
