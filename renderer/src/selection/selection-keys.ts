// What a key pressed in a selectable list means: move the active row (arrows, Home/End, Page
// Up/Down), extend the selection while moving (with Shift), toggle the active row (Space), select
// everything shown (Ctrl/Cmd+A) or clear (Escape). A pure mapping, so every list that selects
// answers the same keys the same way.

/** The parts of a keyboard event the mapping reads. */
export interface SelectionKeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export type SelectionCommand =
  | { readonly kind: 'move'; readonly to: number; readonly extend: boolean }
  | { readonly kind: 'toggle' }
  | { readonly kind: 'selectAll' }
  | { readonly kind: 'clear' };

export interface ListPosition {
  /** The active row's position in the list shown, or null when no row is active. */
  readonly focus: number | null;
  readonly length: number;
  /** Rows in view: how far Page Up and Page Down move. */
  readonly pageSize: number;
}

/** The command for a key press, or null when the key is not the list's (it goes on as usual). */
export function selectionCommand(
  press: SelectionKeyPress,
  { focus, length, pageSize }: ListPosition,
): SelectionCommand | null {
  // Alt+arrows and the like belong to the app (moving accounts), not to the list.
  if (press.altKey || length === 0) return null;
  const command = press.ctrlKey || press.metaKey;
  if (command && (press.key === 'a' || press.key === 'A')) return { kind: 'selectAll' };
  if (press.key === 'Escape') return { kind: 'clear' };
  if (press.key === ' ') return focus === null || press.shiftKey ? null : { kind: 'toggle' };
  if (command) return null;
  const last = length - 1;
  const from = focus === null ? -1 : Math.min(focus, last);
  const step = Math.max(1, pageSize - 1);
  let to: number;
  switch (press.key) {
    case 'ArrowDown':
      to = from + 1;
      break;
    case 'ArrowUp':
      to = from < 0 ? 0 : from - 1;
      break;
    case 'PageDown':
      to = from + step;
      break;
    case 'PageUp':
      to = from - step;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = last;
      break;
    default:
      return null;
  }
  return { kind: 'move', to: Math.max(0, Math.min(last, to)), extend: press.shiftKey };
}
