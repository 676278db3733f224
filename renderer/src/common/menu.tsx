// A popup menu at a point on screen: its first item takes focus, arrow keys, Home and End move
// between items, Escape or Tab closes it, and so does a click outside. The caller says where focus
// goes back to on closing. Used by the account menu and the selection's "Copy to…"/"Move to…".
import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

import './menu.css';

export interface MenuProps {
  readonly label: string;
  readonly position: { readonly x: number; readonly y: number };
  /** Room the menu keeps from the window's right and bottom edges when placed near them. */
  readonly size?: { readonly width: number; readonly height: number };
  readonly onClose: () => void;
  /** Items: elements with role menuitem (or menuitemradio) and tabIndex -1. */
  readonly children: ReactNode;
}

function menuItems(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')];
}

export function Menu({ label, position, size, onClose, children }: MenuProps) {
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
  const room = size ?? { width: 240, height: 420 };
  const style: CSSProperties = {
    left: Math.max(4, Math.min(position.x, window.innerWidth - room.width)),
    top: Math.max(4, Math.min(position.y, window.innerHeight - room.height)),
  };

  return (
    <div
      ref={menu}
      className="menu"
      role="menu"
      aria-label={label}
      style={style}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}
