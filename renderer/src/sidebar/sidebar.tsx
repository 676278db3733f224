// The account list: one row per account, the active one marked, "Add account", Activity (the
// library jobs), and the menu, rename, remove and reorder (drag, Alt+Arrow keys, menu)
// interactions that act on rows.
import { useCallback, useEffect, useRef, useState } from 'react';

import { DemoBadge } from '../common/demo-badge.js';
import { ActivityButton } from '../jobs/activity-button.js';
import { useAppState, useStore } from '../state/app-store.js';
import { displayStatus } from './account-status.js';
import { AccountMenu } from './account-menu.js';
import { AccountRow } from './account-row.js';
import { AllAccountsRow } from './all-accounts-row.js';
import { RemoveAccountDialog } from './remove-account-dialog.js';
import './sidebar.css';

interface OpenMenu {
  readonly accountId: string;
  readonly x: number;
  readonly y: number;
}

export function Sidebar() {
  const store = useStore();
  const {
    accounts,
    activeAccountId: activeId,
    showingAllAccounts,
    scheduler,
    info,
    login,
  } = useAppState();
  // The account whose page is shown: none while "All accounts" is.
  const activeAccountId = showingAllAccounts ? null : activeId;
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // A row to focus once the list has re-rendered (after a move, a rename, a closed menu): the
  // row's button may be new or moved, so focus is restored after the commit, not before.
  const pendingFocus = useRef<string | null>(null);

  const focusRow = useCallback((accountId: string) => {
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-account-id]') ?? [])].find(
      (element) => element.dataset.accountId === accountId,
    );
    row?.focus();
    return row !== null && row !== undefined;
  }, []);

  useEffect(() => {
    const accountId = pendingFocus.current;
    if (accountId !== null && focusRow(accountId)) pendingFocus.current = null;
  });

  function setFocusId(accountId: string) {
    pendingFocus.current = accountId;
  }

  const menuAccountId = menu?.accountId ?? null;
  const closeMenu = useCallback(() => {
    if (menuAccountId !== null) pendingFocus.current = menuAccountId;
    setMenu(null);
  }, [menuAccountId]);

  function move(accountId: string, delta: -1 | 1) {
    setFocusId(accountId);
    void store.move(accountId, delta);
  }

  function focusSibling(accountId: string, delta: -1 | 1) {
    const index = accounts.findIndex((account) => account.id === accountId);
    const next = accounts[index + delta];
    if (next) focusRow(next.id);
  }

  function drop(targetId: string) {
    const from = dragId;
    setDragId(null);
    setDropId(null);
    if (!from || from === targetId) return;
    const ids = accounts.map((account) => account.id).filter((id) => id !== from);
    const fromIndex = accounts.findIndex((account) => account.id === from);
    const targetIndex = ids.indexOf(targetId);
    // Dragging down lands after the target, dragging up before it: where the pointer is.
    const targetOriginal = accounts.findIndex((account) => account.id === targetId);
    ids.splice(targetOriginal > fromIndex ? targetIndex + 1 : targetIndex, 0, from);
    void store.reorder(ids);
  }

  const menuAccount = menu ? accounts.find((account) => account.id === menu.accountId) : undefined;
  const menuIndex = menuAccount ? accounts.indexOf(menuAccount) : -1;
  const removing = accounts.find((account) => account.id === removingId);

  return (
    <nav className="sidebar" aria-label="Accounts">
      <div className="sidebar-header">
        <h2 className="sidebar-title">Accounts</h2>
        {info?.demo && <DemoBadge />}
      </div>
      {accounts.length > 1 && (
        <AllAccountsRow current={showingAllAccounts} onSelect={store.openAllAccounts} />
      )}
      {accounts.length > 0 && (
        <ul ref={list} className="account-list" aria-label="Accounts">
          {accounts.map((account, index) => (
            <AccountRow
              key={account.id}
              account={account}
              position={index + 1}
              status={displayStatus(account, account.id === activeAccountId, scheduler)}
              active={account.id === activeAccountId}
              renaming={renamingId === account.id}
              menuOpen={menu?.accountId === account.id}
              dropTarget={dropId === account.id && dragId !== account.id}
              onSelect={() => void store.setActive(account.id)}
              onOpenMenu={(at) => setMenu({ accountId: account.id, ...at })}
              onMove={(delta) => move(account.id, delta)}
              onFocusSibling={(delta) => focusSibling(account.id, delta)}
              onStartRename={() => setRenamingId(account.id)}
              onFinishRename={(nickname) => {
                setRenamingId(null);
                setFocusId(account.id);
                if (nickname !== null && nickname !== (account.nickname ?? account.label)) {
                  void store.rename(account.id, nickname);
                }
              }}
              onDragStart={() => setDragId(account.id)}
              onDragOver={() => setDropId(account.id)}
              onDrop={() => drop(account.id)}
              onDragEnd={() => {
                setDragId(null);
                setDropId(null);
              }}
            />
          ))}
        </ul>
      )}
      {accounts.length > 1 && (
        <p className="hint sidebar-hint">Drag to reorder, or Alt+↑/↓. Ctrl+1–9 switches.</p>
      )}
      <div className="sidebar-actions">
        <ActivityButton />
        <button
          type="button"
          className="button primary"
          onClick={() => void store.addAccount()}
          disabled={login.phase === 'waiting'}
        >
          + Add account
        </button>
        <button type="button" className="button secondary" onClick={store.openSettings}>
          Settings
        </button>
      </div>
      {menu && menuAccount && (
        <AccountMenu
          account={menuAccount}
          position={menu}
          canMoveUp={menuIndex > 0}
          canMoveDown={menuIndex < accounts.length - 1}
          onClose={closeMenu}
          onRename={() => {
            setMenu(null);
            setRenamingId(menuAccount.id);
          }}
          onRecolour={(colour) => {
            closeMenu();
            void store.recolour(menuAccount.id, colour);
          }}
          onMove={(delta) => {
            setMenu(null);
            move(menuAccount.id, delta);
          }}
          onSignIn={() => {
            closeMenu();
            void store.addAccount();
          }}
          onRemove={() => {
            setMenu(null);
            setRemovingId(menuAccount.id);
          }}
        />
      )}
      {removing && (
        <RemoveAccountDialog
          account={removing}
          onCancel={() => {
            setRemovingId(null);
            setFocusId(removing.id);
          }}
          onConfirm={() => {
            setRemovingId(null);
            // Keep keyboard focus in the list: on the row that takes the removed one's place.
            const index = accounts.indexOf(removing);
            const neighbour = accounts[index + 1] ?? accounts[index - 1];
            if (neighbour) setFocusId(neighbour.id);
            void store.remove(removing.id);
          }}
        />
      )}
    </nav>
  );
}
