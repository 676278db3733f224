// One account in the sidebar: a button that switches to it (avatar, name, status dot), a "⋯"
// button for its menu, an inline rename field, and the keyboard and drag handles for reordering.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

import type { AccountView } from '../app-contract.js';
import { AccountAvatar } from './account-avatar.js';
import { statusText, type DisplayStatus } from './account-status.js';
import './sidebar.css';

export interface AccountRowProps {
  readonly account: AccountView;
  readonly status: DisplayStatus;
  readonly active: boolean;
  readonly renaming: boolean;
  readonly menuOpen: boolean;
  readonly dropTarget: boolean;
  /** 1-based position, for the Ctrl+N shortcut hint. */
  readonly position: number;
  readonly onSelect: () => void;
  readonly onOpenMenu: (at: { x: number; y: number }) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onFocusSibling: (delta: -1 | 1) => void;
  readonly onStartRename: () => void;
  readonly onFinishRename: (nickname: string | null) => void;
  readonly onDragStart: () => void;
  readonly onDragOver: () => void;
  readonly onDrop: () => void;
  readonly onDragEnd: () => void;
}

export function AccountRow(props: AccountRowProps) {
  const { account, status, active } = props;
  const row = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const vertical = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (vertical !== 0 && event.altKey) {
      event.preventDefault();
      props.onMove(vertical);
    } else if (vertical !== 0 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      props.onFocusSibling(vertical);
    } else if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      event.preventDefault();
      const box = row.current?.getBoundingClientRect();
      props.onOpenMenu({ x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 });
    } else if (event.key === 'F2') {
      event.preventDefault();
      props.onStartRename();
    }
  }

  function onDragOver(event: DragEvent<HTMLLIElement>) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    props.onDragOver();
  }

  const classes = ['account-item'];
  if (active) classes.push('active');
  if (props.dropTarget) classes.push('drop-target');

  return (
    <li
      className={classes.join(' ')}
      draggable={!props.renaming}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', account.id);
        props.onDragStart();
      }}
      onDragOver={onDragOver}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop();
      }}
      onDragEnd={props.onDragEnd}
    >
      {/* Outside the button so the initials are not read as part of the row's name. */}
      <span className="account-avatar-slot" onClick={props.onSelect} aria-hidden="true">
        <AccountAvatar account={account} />
      </span>
      {props.renaming ? (
        <RenameField account={account} onFinish={props.onFinishRename} />
      ) : (
        <button
          ref={row}
          type="button"
          className="account-row"
          data-testid="account-row"
          data-account-id={account.id}
          // Name the row explicitly: browsers differ in how they join a label and an icon's name.
          aria-label={`${account.label} (${statusText[status]})`}
          aria-current={active ? 'page' : undefined}
          title={account.label}
          aria-keyshortcuts={props.position <= 9 ? `Control+${props.position}` : undefined}
          onClick={props.onSelect}
          onKeyDown={onKeyDown}
          onContextMenu={(event) => {
            event.preventDefault();
            props.onOpenMenu({ x: event.clientX, y: event.clientY });
          }}
        >
          <span className="account-label">{account.label}</span>
          <span
            className={`status-dot status-${status}`}
            role="img"
            aria-label={`Status: ${statusText[status]}`}
            title={statusText[status]}
          />
        </button>
      )}
      <button
        type="button"
        className="row-more"
        aria-label={`More actions for ${account.label}`}
        aria-haspopup="menu"
        aria-expanded={props.menuOpen}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          props.onOpenMenu({ x: box.left, y: box.bottom });
        }}
      >
        ⋯
      </button>
    </li>
  );
}

interface RenameFieldProps {
  readonly account: AccountView;
  readonly onFinish: (nickname: string | null) => void;
}

/** Enter or leaving the field saves; Escape keeps the old name; an empty name resets it. */
function RenameField({ account, onFinish }: RenameFieldProps) {
  const [value, setValue] = useState(account.nickname ?? account.label);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function finish(nickname: string | null) {
    if (done.current) return;
    done.current = true;
    onFinish(nickname);
  }

  return (
    <input
      ref={input}
      className="text-input rename-input"
      aria-label={`New name for ${account.label}`}
      value={value}
      maxLength={64}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') finish(value);
        if (event.key === 'Escape') {
          event.stopPropagation();
          finish(null);
        }
      }}
      onBlur={() => finish(value)}
    />
  );
}
