// The base of every renderer store: it holds immutable snapshots and tells React when they change,
// in the shape `useSyncExternalStore` takes. One way for state to announce itself, so a store
// never keeps its own listener list.
export abstract class ExternalStore {
  readonly #listeners = new Set<() => void>();

  /** For `useSyncExternalStore`: returns the function that stops `listener` hearing. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Call after replacing a snapshot. */
  protected notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
