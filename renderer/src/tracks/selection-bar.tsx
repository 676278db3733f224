// The strip above a track table about the selection: how to select while nothing is, "Select
// all N in this search" (or filter) while the rows shown are narrowed, and once rows are selected
// their count with "Copy to…" and "Move to…" (each a menu of the other accounts) and "Clear". It
// says what cannot be done and why: local files cannot be copied, tracks the source account does
// not hold are not part of the job (the compare view), and with one account there is nowhere to
// copy to. The account view and the compare view both use it; the compare view adds its choice
// of source account (`source`).
import { useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';

import { accountColourHex, type AccountView } from '../app-contract.js';
import { Menu } from '../common/menu.js';
import { formatCount, plural } from '../format/formatters.js';
import './selection-bar.css';

export type CopyKind = 'copy' | 'move';

const kinds: readonly CopyKind[] = ['copy', 'move'];

export interface SelectionBarProps {
  /** The other accounts: where tracks can go. */
  readonly targets: readonly AccountView[];
  readonly selectedCount: number;
  /** Selected rows the search (or filter) hides. */
  readonly hiddenCount: number;
  /** Selected local files: they have no Spotify ID to save elsewhere. */
  readonly localCount: number;
  /** Selected tracks the job's source account does not hold: left out of the job. */
  readonly notInSource?: { readonly count: number; readonly sourceLabel: string } | null;
  /** Where the tracks are copied from, shown beside the count (the compare view's choice). */
  readonly source?: ReactNode;
  /** Rows shown: all of them, or the search's (and filter's) matches. */
  readonly shownCount: number;
  /** What narrows the rows shown, as words ("this search"), or null when every row shows. */
  readonly narrowedBy: string | null;
  readonly allShownSelected: boolean;
  /** Why the selection cannot be planned yet (the library is still being read), or null. */
  readonly notReady: string | null;
  readonly onSelectAll: () => void;
  readonly onClear: () => void;
  readonly onChoose: (kind: CopyKind, target: AccountView) => void;
}

/** "Ctrl" or "⌘": the key the person holds to add a row, as their keyboard names it. */
const commandKey = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function SelectionBar(props: SelectionBarProps) {
  const { selectedCount, localCount, targets, narrowedBy } = props;
  const notInSource = props.notInSource ?? null;
  const reasonId = useId();
  const reason =
    targets.length === 0
      ? 'Add another account to copy or move tracks to it.'
      : selectedCount > 0 && localCount === selectedCount
        ? 'Local files cannot be copied to another account.'
        : notInSource !== null && localCount + notInSource.count === selectedCount
          ? `None of the selected tracks is in ${notInSource.sourceLabel}’s library.`
          : props.notReady;
  const notes = [
    localCount > 0 ? `${plural(localCount, 'local file', 'local files')} cannot be copied` : '',
    notInSource !== null && notInSource.count > 0 ? notInSourceSentence(notInSource) : '',
  ].filter((note) => note !== '');
  const selectAll = narrowedBy !== null && props.shownCount > 0 && !props.allShownSelected && (
    <button type="button" className="link-button" onClick={props.onSelectAll}>
      Select all {formatCount(props.shownCount)} in {narrowedBy}
    </button>
  );

  if (selectedCount === 0) {
    return (
      <div className="selection-bar idle">
        <span className="hint">
          Click a track to select it, Shift+click for a range, {commandKey}+click to add one.
        </span>
        {selectAll}
        <span className="visually-hidden" role="status" />
      </div>
    );
  }

  return (
    <div className="selection-bar active">
      <span className="selection-count" role="status">
        {formatCount(selectedCount)} selected
        {props.hiddenCount > 0 && (
          <span className="muted">
            {' '}
            · {formatCount(props.hiddenCount)} not shown by {narrowedBy ?? 'this view'}
          </span>
        )}
      </span>
      {props.source}
      {selectAll}
      {kinds.map((kind) => (
        <TargetMenu
          key={kind}
          kind={kind}
          targets={targets}
          disabled={reason !== null}
          describedBy={reason === null ? undefined : reasonId}
          onChoose={props.onChoose}
        />
      ))}
      <button
        type="button"
        className="button secondary compact"
        aria-label="Clear selection"
        onClick={props.onClear}
      >
        Clear
      </button>
      {reason !== null ? (
        <span id={reasonId} className="hint">
          {reason}
        </span>
      ) : (
        notes.length > 0 && (
          <span className="hint" data-testid="selection-left-out">
            {notes.join(' · ')}
          </span>
        )
      )}
    </div>
  );
}

/** "12 selected tracks are not in Alice’s library": they are not part of the job. */
export function notInSourceSentence(notIn: {
  readonly count: number;
  readonly sourceLabel: string;
}): string {
  const are = notIn.count === 1 ? 'selected track is' : 'selected tracks are';
  return `${formatCount(notIn.count)} ${are} not in ${notIn.sourceLabel}’s library`;
}

interface TargetMenuProps {
  readonly kind: CopyKind;
  readonly targets: readonly AccountView[];
  readonly disabled: boolean;
  readonly describedBy: string | undefined;
  readonly onChoose: (kind: CopyKind, target: AccountView) => void;
}

/** "Copy to…" or "Move to…": a button opening the menu of accounts to choose from. */
function TargetMenu({ kind, targets, disabled, describedBy, onChoose }: TargetMenuProps) {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const verb = kind === 'copy' ? 'Copy' : 'Move';
  const close = () => {
    setAt(null);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button secondary compact"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        aria-describedby={describedBy}
        disabled={disabled}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setAt(at === null ? { x: box.left, y: box.bottom + 4 } : null);
        }}
      >
        {verb} to…
      </button>
      {at !== null && (
        <Menu
          label={`${verb} the selected tracks to`}
          position={at}
          size={{ width: 240, height: 48 + targets.length * 36 }}
          onClose={close}
        >
          {targets.map((target) => (
            <button
              key={target.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close();
                onChoose(kind, target);
              }}
            >
              <span
                className="account-dot"
                aria-hidden="true"
                style={{ '--account-colour': accountColourHex[target.color] } as CSSProperties}
              />
              {target.label}
            </button>
          ))}
        </Menu>
      )}
    </>
  );
}
