// The strip above the track table about the selection: how to select while nothing is, "Select
// all N in this search" while a search is active, and once rows are selected their count with
// "Copy to…" and "Move to…" (each a menu of the other accounts) and "Clear". It says what cannot
// be done and why: local files cannot be copied, and with one account there is nowhere to copy to.
import { useId, useRef, useState, type CSSProperties } from 'react';

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
  /** Selected rows the search hides. */
  readonly hiddenCount: number;
  /** Selected local files: they have no Spotify ID to save elsewhere. */
  readonly localCount: number;
  /** Rows shown: all of them, or the search's matches. */
  readonly shownCount: number;
  readonly searching: boolean;
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
  const { selectedCount, localCount, targets } = props;
  const reasonId = useId();
  const reason =
    targets.length === 0
      ? 'Add another account to copy or move tracks to it.'
      : selectedCount > 0 && localCount === selectedCount
        ? 'Local files cannot be copied to another account.'
        : props.notReady;
  const selectAll = props.searching && props.shownCount > 0 && !props.allShownSelected && (
    <button type="button" className="link-button" onClick={props.onSelectAll}>
      Select all {formatCount(props.shownCount)} in this search
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
            · {formatCount(props.hiddenCount)} not shown by this search
          </span>
        )}
      </span>
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
        localCount > 0 && (
          <span className="hint">
            {plural(localCount, 'local file', 'local files')} cannot be copied
          </span>
        )
      )}
    </div>
  );
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
