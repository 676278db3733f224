// The virtualiser behind every track table: rows of one fixed height in a scrolling element,
// only those in view (plus a few either side) rendered, each given a slot so React reuses a
// row's elements as the view moves, and a handle that shows the first rows at once.
import { observeElementOffset, useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useImperativeHandle, useRef, type Ref, type RefObject } from 'react';

export const trackRowHeight = 56;

/** Rows drawn beyond each edge of the view when the person is not typing. */
const overscanAtRest = 5;

export interface TrackTableHandle {
  /**
   * Shows the first rows, in the very render that follows: call it before the state change
   * that gives the table its new rows (a new search shows its best matches from the top).
   */
  scrollToTop(): void;
}

/** How the virtualiser hears of a new scroll position (its observeElementOffset callback). */
type OffsetListener = (offset: number, isScrolling: boolean) => void;

export interface VirtualRows {
  readonly scroller: RefObject<HTMLDivElement | null>;
  readonly virtualItems: readonly VirtualItem[];
  /** Key rows by `item.index % slots`. */
  readonly slots: number;
  /** Rows the view holds (one more for a row cut at each edge). */
  readonly viewRows: number;
  /** Scrolls to `offset` and draws it in the coming render. */
  readonly scrollTo: (offset: number) => void;
}

/**
 * `count` rows (sized for the whole library, see TrackTableProps.capacity); while `typing`, no
 * rows are drawn beyond the view's edges.
 */
export function useVirtualRows(
  count: number,
  typing: boolean,
  ref: Ref<TrackTableHandle> | undefined,
): VirtualRows {
  const scroller = useRef<HTMLDivElement>(null);
  const offsetListener = useRef<OffsetListener | null>(null);
  // The virtualiser hands back functions that change identity per render; the compiler must
  // not memoise around it (react-hooks "incompatible-library").
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => trackRowHeight,
    // Rows drawn beyond each edge of the view: 280 px, more than a wheel step or two ahead of
    // the next render. None while typing: each row drawn adds to a keystroke that changes every
    // row shown (see the README's renderer benchmark), and rows out of view only matter once the
    // person scrolls.
    overscan: typing ? 0 : overscanAtRest,
    // No getItemKey: the virtualiser keys its items by position. A key function would have to
    // change with every new list, and each change makes the virtualiser re-measure every row:
    // 50,000 of them on each keystroke of a search. (React keys are set by slot.)
    observeElementOffset: (instance, listener) => {
      offsetListener.current = listener;
      return observeElementOffset(instance, listener);
    },
  });

  const virtualItems = virtualizer.getVirtualItems();
  // Rows are keyed by slot, not by position. The rendered rows are always a run of consecutive
  // positions no longer than `slots`, so position modulo `slots` gives each one its own slot: a
  // row scrolled out hands its elements to the row scrolled in, and a jump (back to the top for
  // a new search, a long scroll) updates the rendered rows in place instead of replacing them
  // all. `slots` is the longest run the view can need (a row cut at each edge, the overscan
  // either side), not the run's own length, which changes by one as rows align with the edges
  // and by the overscan as typing starts and stops: each such change would move every row to
  // another slot and redraw it. It changes only with the view's height.
  const viewRows = Math.ceil((virtualizer.scrollRect?.height ?? 0) / trackRowHeight) + 1;
  const slots = Math.max(virtualItems.length, viewRows + 2 * overscanAtRest);

  // Told at once, the virtualiser draws the new position in the coming render. Left to the
  // scroll event, it would hear of it in the next frame: that render would draw rows for the old
  // position (none, past the end of a shorter list), then a second render the new one.
  const scrollTo = (offset: number) => {
    const element = scroller.current;
    if (element === null || element.scrollTop === offset) return;
    element.scrollTop = offset;
    offsetListener.current?.(offset, false);
  };

  useImperativeHandle(
    ref,
    () => ({
      scrollToTop() {
        const element = scroller.current;
        if (element === null || element.scrollTop === 0) return;
        element.scrollTop = 0;
        offsetListener.current?.(0, false);
      },
    }),
    [],
  );

  return { scroller, virtualItems, slots, viewRows, scrollTo };
}
