// The events a virtualised grid turns into selection commands: clicks on the body (one handler
// for every row, reading the row's aria-rowindex), keys pressed on the grid itself (with the
// active row scrolled into view below a sticky header), and the grid taking focus with no active
// row in view (the first row in view becomes active). Any table of fixed-height rows that keeps
// focus on itself and names the active row with aria-activedescendant can use it.
import type { FocusEvent, KeyboardEvent, MouseEvent, RefObject } from 'react';

import type { ListSelection } from './use-list-selection.js';

export interface GridSelectionOptions {
  readonly rowHeight: number;
  /** The aria-rowindex of the list's first row (the header rows come before it). */
  readonly firstRowIndex: number;
  readonly rowCount: number;
  /** Rows in view: how far Page Up and Page Down move. */
  readonly viewRows: number;
  /** The active row is rendered (and named by aria-activedescendant). */
  readonly activeShown: boolean;
  /** The scrolling element: the grid itself. */
  readonly scroller: RefObject<HTMLElement | null>;
  /** The sticky header the rows scroll under. */
  readonly head: RefObject<HTMLElement | null>;
  /** Scrolls the grid to `offset` px (telling the virtualiser at once, if it wants to know). */
  readonly scrollTo: (offset: number) => void;
}

export interface GridSelectionHandlers {
  /** For the grid: keys pressed on its controls (a row's button) are theirs. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** For the body holding the rows: clicks on a row's own buttons are theirs. */
  readonly onClick: (event: MouseEvent<HTMLElement>) => void;
}

export function gridSelectionHandlers<K>(
  selection: ListSelection<K>,
  options: GridSelectionOptions,
): GridSelectionHandlers {
  const { rowHeight, scroller } = options;

  /** Scrolls just enough for the row at `index` to show below the sticky header. */
  function bringIntoView(index: number) {
    const element = scroller.current;
    if (element === null) return;
    const headHeight = options.head.current?.offsetHeight ?? 0;
    const top = index * rowHeight;
    const bottom = headHeight + top + rowHeight;
    if (top < element.scrollTop) options.scrollTo(top);
    else if (bottom > element.scrollTop + element.clientHeight) {
      options.scrollTo(bottom - element.clientHeight);
    }
  }

  return {
    onKeyDown(event) {
      if (event.target !== event.currentTarget) return;
      const outcome = selection.keyDown(event, Math.max(1, options.viewRows - 2));
      if (!outcome.handled) return;
      event.preventDefault();
      if (outcome.show !== null) bringIntoView(outcome.show);
    },
    onFocus(event) {
      // Arriving with no active row in view: the arrows start where the person is looking, and
      // a screen reader has a row to announce.
      if (event.target !== event.currentTarget) return;
      if (options.activeShown || options.rowCount === 0) return;
      const first = Math.floor((scroller.current?.scrollTop ?? 0) / rowHeight);
      selection.focusIndex(Math.min(first, options.rowCount - 1));
    },
    onClick(event) {
      if (!(event.target instanceof Element)) return;
      if (event.target.closest('button') !== null) return;
      const row = event.target.closest('[role="row"]');
      const index = Number(row?.getAttribute('aria-rowindex')) - options.firstRowIndex;
      if (!Number.isInteger(index) || index < 0) return;
      selection.click(index, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
    },
  };
}
