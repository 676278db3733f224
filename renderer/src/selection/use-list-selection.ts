// The selection of a list for a virtualised table: holds the pure model's snapshot in React state,
// turns clicks (plain, Shift, Ctrl/Cmd) and key presses into its commands against the rows shown,
// and drops keys that left the whole list when it changes. The table asks only which keys are
// selected and which one is active, so a change of selection re-renders the rows whose answer
// changed and no other.
import { useMemo, useState } from 'react';

import { selectionCommand, type SelectionKeyPress } from './selection-keys.js';
import {
  clearSelection,
  emptySelection,
  focusOn,
  orderOf,
  prune,
  selectAll,
  selectOnly,
  selectRange,
  toggle,
  type SelectionState,
} from './selection-model.js';

export interface ClickModifiers {
  /** Shift: a range from the anchor. */
  readonly range: boolean;
  /** Ctrl (Cmd on a Mac): this row in or out, the rest kept. */
  readonly toggle: boolean;
}

/** What a key press did: not the list's key, or handled (with a row to bring into view). */
export type KeyOutcome =
  { readonly handled: false } | { readonly handled: true; readonly show: number | null };

export interface ListSelection<K> {
  readonly selected: ReadonlySet<K>;
  readonly focus: K | null;
  /** A click on the row at `index` of the list shown. */
  readonly click: (index: number, modifiers: ClickModifiers) => void;
  /** A key pressed in the table; `pageSize` is the number of rows in view. */
  readonly keyDown: (press: SelectionKeyPress, pageSize: number) => KeyOutcome;
  /** Makes the row at `index` the active one (the table took focus with no active row). */
  readonly focusIndex: (index: number) => void;
  /** Every row shown: all the search's matches, or the whole list without a search. */
  readonly selectAll: () => void;
  readonly clear: () => void;
}

interface Held<T, K> {
  readonly all: readonly T[];
  readonly state: SelectionState<K>;
}

/**
 * `shown`: the rows in display order (sorted, filtered). `all`: the whole list they come from;
 * keys no longer in it leave the selection. `keyOf` must keep its identity across renders.
 */
export function useListSelection<T, K>(
  shown: readonly T[],
  all: readonly T[],
  keyOf: (item: T) => K,
): ListSelection<K> {
  const [held, setHeld] = useState<Held<T, K>>(() => ({ all, state: emptySelection<K>() }));
  let { state } = held;
  if (held.all !== all) {
    // A new list (a sync, a job, a heart): adjusted in this render, before the rows read it.
    state = hasAny(state) ? prune(state, presentIn(all, keyOf)) : state;
    setHeld({ all, state });
  }

  const order = useMemo(() => orderOf(shown, keyOf), [shown, keyOf]);

  return useMemo<ListSelection<K>>(() => {
    const update = (change: (current: SelectionState<K>) => SelectionState<K>) =>
      setHeld((current) => {
        const next = change(current.state);
        return next === current.state ? current : { ...current, state: next };
      });
    const focusIndex = (index: number) => {
      const key = order.keyAt(index);
      if (key !== undefined) update((current) => focusOn(current, key));
    };
    return {
      selected: state.selected,
      focus: state.focus,
      click(index, modifiers) {
        const key = order.keyAt(index);
        if (key === undefined) return;
        update((current) => {
          if (modifiers.range) return selectRange(current, order, key);
          if (modifiers.toggle) return toggle(current, key);
          return selectOnly(current, key);
        });
      },
      keyDown(press, pageSize) {
        const focus = state.focus === null ? -1 : order.indexOf(state.focus);
        const command = selectionCommand(press, {
          focus: focus < 0 ? null : focus,
          length: order.length,
          pageSize,
        });
        if (command === null) return { handled: false };
        switch (command.kind) {
          case 'selectAll':
            update((current) => selectAll(current, order));
            return { handled: true, show: null };
          case 'clear':
            if (state.selected.size === 0) return { handled: false };
            update(clearSelection);
            return { handled: true, show: null };
          case 'toggle': {
            const key = state.focus;
            if (key !== null) update((current) => toggle(current, key));
            return { handled: true, show: focus };
          }
          case 'move': {
            const key = order.keyAt(command.to);
            if (key === undefined) return { handled: false };
            update((current) =>
              command.extend ? selectRange(current, order, key) : focusOn(current, key),
            );
            return { handled: true, show: command.to };
          }
        }
      },
      focusIndex,
      selectAll: () => update((current) => selectAll(current, order)),
      clear: () => update(clearSelection),
    };
  }, [state, order]);
}

function hasAny<K>(state: SelectionState<K>): boolean {
  return state.selected.size > 0 || state.anchor !== null || state.focus !== null;
}

function presentIn<T, K>(all: readonly T[], keyOf: (item: T) => K): (key: K) => boolean {
  const keys = new Set(all.map(keyOf));
  return (key) => keys.has(key);
}
