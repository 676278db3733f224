// A multi-selection over a list shown in some order, as pure functions on immutable snapshots:
// select one, toggle one, a range from the anchor, all shown, clear, move the focus, and drop keys
// that left the list. Keyed by the items' own keys, not by positions, so the selection survives a
// new search or sort order and a change of the library under it. Knows nothing of tracks or
// tables: any list with stable keys can use it (the account view, the compare table).

/** The list as shown, in display order: keys by position and positions by key. */
export interface SelectionOrder<K> {
  readonly length: number;
  keyAt(index: number): K | undefined;
  /** The key's position in the list, or -1 when it is not shown. */
  indexOf(key: K): number;
}

export interface SelectionState<K> {
  readonly selected: ReadonlySet<K>;
  /** Where a range starts: the row last clicked or toggled. */
  readonly anchor: K | null;
  /** The row keyboard commands act on, shown as the active row. */
  readonly focus: K | null;
  /** The selection a range adds to: what was selected when the anchor was set, besides it. */
  readonly base: ReadonlySet<K>;
}

const none: ReadonlySet<never> = new Set<never>();

export function emptySelection<K>(): SelectionState<K> {
  return { selected: none, anchor: null, focus: null, base: none };
}

/** A plain click: this row alone. */
export function selectOnly<K>(state: SelectionState<K>, key: K): SelectionState<K> {
  return { selected: new Set([key]), anchor: key, focus: key, base: none };
}

/** Ctrl/Cmd+click or Space: this row in or out, the rest kept; a range starts here next. */
export function toggle<K>(state: SelectionState<K>, key: K): SelectionState<K> {
  const selected = new Set(state.selected);
  if (selected.has(key)) selected.delete(key);
  else selected.add(key);
  return { selected, anchor: key, focus: key, base: selected };
}

/**
 * Shift+click or Shift+arrow: every row from the anchor to this one, added to what was selected
 * when the anchor was set (so a range can grow and shrink without losing earlier picks). With no
 * anchor the range starts at the active row; with neither in view, it is this row alone.
 */
export function selectRange<K>(
  state: SelectionState<K>,
  order: SelectionOrder<K>,
  key: K,
): SelectionState<K> {
  const to = order.indexOf(key);
  if (to < 0) return state;
  const start = state.anchor ?? state.focus;
  const base = state.anchor === null ? state.selected : state.base;
  const from = start === null ? -1 : order.indexOf(start);
  const selected = new Set(base);
  if (start === null || from < 0) {
    selected.add(key);
    return { selected, anchor: key, focus: key, base };
  }
  for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
    const rangeKey = order.keyAt(index);
    if (rangeKey !== undefined) selected.add(rangeKey);
  }
  return { selected, anchor: start, focus: key, base };
}

/** Moves the active row without changing what is selected. */
export function focusOn<K>(state: SelectionState<K>, key: K): SelectionState<K> {
  return state.focus === key ? state : { ...state, focus: key };
}

/** Ctrl/Cmd+A or "Select all": every row shown (a search's matches), nothing else. */
export function selectAll<K>(
  state: SelectionState<K>,
  order: SelectionOrder<K>,
): SelectionState<K> {
  const selected = new Set<K>();
  for (let index = 0; index < order.length; index += 1) {
    const key = order.keyAt(index);
    if (key !== undefined) selected.add(key);
  }
  return { ...state, selected, base: selected };
}

/** Escape or "Clear": nothing selected; the active row stays where it is. */
export function clearSelection<K>(state: SelectionState<K>): SelectionState<K> {
  if (state.selected.size === 0 && state.anchor === null) return state;
  return { selected: none, anchor: null, focus: state.focus, base: none };
}

/**
 * Drops the keys no longer in the list (tracks removed by a sync, a job or a heart). The same
 * snapshot when nothing is gone, so a library change that leaves the selection alone renders
 * nothing new.
 */
export function prune<K>(
  state: SelectionState<K>,
  present: (key: K) => boolean,
): SelectionState<K> {
  const keep = (keys: ReadonlySet<K>) => {
    let gone = false;
    for (const key of keys) {
      if (!present(key)) {
        gone = true;
        break;
      }
    }
    return gone ? new Set([...keys].filter(present)) : keys;
  };
  const selected = keep(state.selected);
  const base = keep(state.base);
  const anchor = state.anchor !== null && present(state.anchor) ? state.anchor : null;
  const focus = state.focus !== null && present(state.focus) ? state.focus : null;
  if (
    selected === state.selected &&
    base === state.base &&
    anchor === state.anchor &&
    focus === state.focus
  ) {
    return state;
  }
  return { selected, base, anchor, focus };
}

/**
 * A list's order for the selection: keys made on demand, and the index of positions by key built
 * the first time a position is looked up (a range, a key press), not for every new search.
 */
export function orderOf<T, K>(items: readonly T[], keyOf: (item: T) => K): SelectionOrder<K> {
  let positions: Map<K, number> | null = null;
  return {
    length: items.length,
    keyAt(index) {
      const item = items[index];
      return item === undefined ? undefined : keyOf(item);
    },
    indexOf(key) {
      if (positions === null) {
        positions = new Map();
        for (let index = 0; index < items.length; index += 1) {
          const item = items[index];
          if (item !== undefined) positions.set(keyOf(item), index);
        }
      }
      return positions.get(key) ?? -1;
    },
  };
}
