// The keys of a selectable list: arrows, pages, Home and End move the active row (extending with
// Shift), Space toggles, Ctrl/Cmd+A selects everything shown, Escape clears, others pass.
import { describe, expect, it } from 'vitest';

import {
  selectionCommand,
  type SelectionKeyPress,
} from '../../renderer/src/selection/selection-keys.js';

function press(key: string, modifiers: Partial<SelectionKeyPress> = {}): SelectionKeyPress {
  return { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers };
}

const at = (focus: number | null) => ({ focus, length: 100, pageSize: 10 });

describe('selection keys', () => {
  it('moves the active row with the arrows, staying inside the list', () => {
    expect(selectionCommand(press('ArrowDown'), at(4))).toEqual({
      kind: 'move',
      to: 5,
      extend: false,
    });
    expect(selectionCommand(press('ArrowUp'), at(0))).toMatchObject({ to: 0 });
    expect(selectionCommand(press('ArrowDown'), at(99))).toMatchObject({ to: 99 });
  });

  it('starts at the first row when no row is active', () => {
    expect(selectionCommand(press('ArrowDown'), at(null))).toMatchObject({ to: 0 });
    expect(selectionCommand(press('ArrowUp'), at(null))).toMatchObject({ to: 0 });
  });

  it('extends with Shift, and jumps by a page or to either end', () => {
    expect(selectionCommand(press('ArrowDown', { shiftKey: true }), at(4))).toEqual({
      kind: 'move',
      to: 5,
      extend: true,
    });
    expect(selectionCommand(press('PageDown'), at(4))).toMatchObject({ to: 13 });
    expect(selectionCommand(press('PageUp'), at(4))).toMatchObject({ to: 0 });
    expect(selectionCommand(press('End', { shiftKey: true }), at(4))).toEqual({
      kind: 'move',
      to: 99,
      extend: true,
    });
    expect(selectionCommand(press('Home'), at(50))).toMatchObject({ to: 0 });
  });

  it('toggles the active row with Space, and only when there is one', () => {
    expect(selectionCommand(press(' '), at(3))).toEqual({ kind: 'toggle' });
    expect(selectionCommand(press(' '), at(null))).toBeNull();
  });

  it('selects all with Ctrl+A or Cmd+A, and clears with Escape', () => {
    expect(selectionCommand(press('a', { ctrlKey: true }), at(null))).toEqual({
      kind: 'selectAll',
    });
    expect(selectionCommand(press('A', { metaKey: true, shiftKey: true }), at(2))).toEqual({
      kind: 'selectAll',
    });
    expect(selectionCommand(press('Escape'), at(2))).toEqual({ kind: 'clear' });
  });

  it('leaves other keys, Alt combinations and an empty list alone', () => {
    expect(selectionCommand(press('a'), at(2))).toBeNull();
    expect(selectionCommand(press('ArrowDown', { altKey: true }), at(2))).toBeNull();
    expect(selectionCommand(press('ArrowDown', { ctrlKey: true }), at(2))).toBeNull();
    expect(
      selectionCommand(press('ArrowDown'), { focus: null, length: 0, pageSize: 10 }),
    ).toBeNull();
  });
});
