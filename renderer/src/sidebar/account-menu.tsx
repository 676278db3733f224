// The per-account context menu (right-click, Shift+F10, the context-menu key or the "⋯" button):
// rename, colour, move, sign in again, remove. Arrow keys move between items, Escape or Tab closes
// it and hands focus back to the account's row.
import type { CSSProperties } from 'react';

import { accountColourHex, accountColourNames, type AccountColour } from '../app-contract.js';
import type { AccountView } from '../app-contract.js';
import { Menu } from '../common/menu.js';

export interface AccountMenuProps {
  readonly account: AccountView;
  readonly position: { readonly x: number; readonly y: number };
  readonly canMoveUp: boolean;
  readonly canMoveDown: boolean;
  readonly onClose: () => void;
  readonly onRename: () => void;
  readonly onRecolour: (colour: AccountColour) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onSignIn: () => void;
  readonly onRemove: () => void;
}

export function AccountMenu(props: AccountMenuProps) {
  const { account, position, onClose } = props;
  return (
    <Menu label={`Actions for ${account.label}`} position={position} onClose={onClose}>
      <button type="button" role="menuitem" tabIndex={-1} onClick={props.onRename}>
        Rename…
      </button>
      <div role="group" aria-label="Colour" className="menu-colours">
        {accountColourNames.map((colour) => (
          <button
            key={colour}
            type="button"
            role="menuitemradio"
            tabIndex={-1}
            aria-checked={account.color === colour}
            aria-label={`Colour ${colour}`}
            title={colour}
            className="swatch"
            style={{ '--account-colour': accountColourHex[colour] } as CSSProperties}
            onClick={() => props.onRecolour(colour)}
          />
        ))}
      </div>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        disabled={!props.canMoveUp}
        onClick={() => props.onMove(-1)}
      >
        Move up <kbd>Alt+↑</kbd>
      </button>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        disabled={!props.canMoveDown}
        onClick={() => props.onMove(1)}
      >
        Move down <kbd>Alt+↓</kbd>
      </button>
      <button type="button" role="menuitem" tabIndex={-1} onClick={props.onSignIn}>
        Sign in again
      </button>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="danger-text"
        onClick={props.onRemove}
      >
        Remove…
      </button>
    </Menu>
  );
}
