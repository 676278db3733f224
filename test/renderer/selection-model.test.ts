// The selection model on its own: one row, toggles, ranges from the anchor that keep earlier picks,
// all shown, clear, the active row, and keys that left the list.
import { describe, expect, it } from 'vitest';

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
} from '../../renderer/src/selection/selection-model.js';

const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
const order = orderOf(letters, (letter) => letter);
const selected = (state: SelectionState<string>) => [...state.selected].sort();

describe('selection model', () => {
  it('selects one row on a plain click, replacing what was selected', () => {
    const state = selectOnly(toggle(emptySelection<string>(), 'a'), 'c');
    expect(selected(state)).toEqual(['c']);
    expect(state.anchor).toBe('c');
    expect(state.focus).toBe('c');
  });

  it('toggles rows in and out, keeping the others', () => {
    let state = toggle(emptySelection<string>(), 'b');
    state = toggle(state, 'd');
    expect(selected(state)).toEqual(['b', 'd']);
    state = toggle(state, 'b');
    expect(selected(state)).toEqual(['d']);
    expect(state.anchor).toBe('b');
  });

  it('selects the range from the anchor in display order, in either direction', () => {
    const down = selectRange(selectOnly(emptySelection<string>(), 'b'), order, 'e');
    expect(selected(down)).toEqual(['b', 'c', 'd', 'e']);
    const up = selectRange(selectOnly(emptySelection<string>(), 'e'), order, 'c');
    expect(selected(up)).toEqual(['c', 'd', 'e']);
    expect(up.anchor).toBe('e');
    expect(up.focus).toBe('c');
  });

  it('grows and shrinks a range from the same anchor', () => {
    let state = selectOnly(emptySelection<string>(), 'b');
    state = selectRange(state, order, 'f');
    state = selectRange(state, order, 'c');
    expect(selected(state)).toEqual(['b', 'c']);
  });

  it('adds a range to the rows picked before it was started', () => {
    let state = toggle(emptySelection<string>(), 'a');
    state = toggle(state, 'd');
    state = selectRange(state, order, 'f');
    expect(selected(state)).toEqual(['a', 'd', 'e', 'f']);
    state = selectRange(state, order, 'e');
    expect(selected(state)).toEqual(['a', 'd', 'e']);
  });

  it('starts a range at the active row when nothing anchors it', () => {
    const state = selectRange(focusOn(emptySelection<string>(), 'c'), order, 'e');
    expect(selected(state)).toEqual(['c', 'd', 'e']);
    expect(state.anchor).toBe('c');
  });

  it('selects only the row clicked when the anchor is not shown', () => {
    const hidden = selectOnly(emptySelection<string>(), 'z');
    const state = selectRange(hidden, order, 'b');
    expect(selected(state)).toEqual(['b']);
    expect(state.anchor).toBe('b');
  });

  it('moves the active row without changing the selection', () => {
    const before = selectOnly(emptySelection<string>(), 'a');
    const after = focusOn(before, 'd');
    expect(after.focus).toBe('d');
    expect(after.selected).toBe(before.selected);
    expect(focusOn(after, 'd')).toBe(after);
  });

  it('selects every row shown, and clears to nothing with the active row kept', () => {
    const shown = orderOf(['b', 'd'], (letter) => letter);
    const all = selectAll(selectOnly(emptySelection<string>(), 'f'), shown);
    expect(selected(all)).toEqual(['b', 'd']);
    const cleared = clearSelection(all);
    expect(cleared.selected.size).toBe(0);
    expect(cleared.anchor).toBeNull();
    expect(cleared.focus).toBe('f');
    expect(clearSelection(cleared)).toBe(cleared);
  });

  it('drops keys that left the list, and keeps the same snapshot when none did', () => {
    let state = toggle(toggle(emptySelection<string>(), 'b'), 'c');
    state = focusOn(state, 'c');
    const kept = prune(state, () => true);
    expect(kept).toBe(state);
    const pruned = prune(state, (key) => key !== 'c');
    expect(selected(pruned)).toEqual(['b']);
    expect(pruned.anchor).toBeNull();
    expect(pruned.focus).toBeNull();
    expect([...pruned.base]).toEqual(['b']);
  });

  it('looks positions up by key, -1 for a key not shown', () => {
    expect(order.indexOf('d')).toBe(3);
    expect(order.indexOf('z')).toBe(-1);
    expect(order.keyAt(5)).toBe('f');
    expect(order.keyAt(6)).toBeUndefined();
  });
});
