// The per-account context menu (right-click, Shift+F10, the context-menu key or the "⋯" button):
// rename, colour, move, sign in again, remove. Arrow keys move between items, Escape or Tab closes
// it and hands focus back to the account's row.
import { useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';

import { accountColourHex, accountColourNames, type AccountColour } from '../app-contract.js';
import type { AccountView } from '../app-contract.js';
import './account-menu.css';

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

function menuItems(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')];
}

export function AccountMenu(props: AccountMenuProps) {
  const { account, position, onClose } = props;
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = menu.current;
    if (!element) return;
    menuItems(element)[0]?.focus();
    function closeOnOutsideClick(event: PointerEvent) {
      if (event.target instanceof Node && !element?.contains(event.target)) onClose();
    }
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!menu.current) return;
    const items = menuItems(menu.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  // Keep the menu inside the window when opened near its right or bottom edge.
  const style: CSSProperties = {
    left: Math.max(4, Math.min(position.x, window.innerWidth - 240)),
    top: Math.max(4, Math.min(position.y, window.innerHeight - 420)),
  };

  return (
    <div
      ref={menu}
      className="menu"
      role="menu"
      aria-label={`Actions for ${account.label}`}
      style={style}
      onKeyDown={onKeyDown}
    >
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
    </div>
  );
}
