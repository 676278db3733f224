// One account's cell in a row of the compare table: a heart, filled in the account's colour
// where the account has saved the track. Pressing it saves the track for that account or removes
// it; its name says who saved it when ("Saved by Alice on 3 May 2024") or that it is not there.
// A local file's hearts do nothing, and say why: it exists only on one computer.
import type { CSSProperties } from 'react';

import { accountColourHex, type AccountView } from '../app-contract.js';
import { pendingName, presenceName, presenceTitle } from './presence-words.js';

export interface PresenceCellProps {
  readonly account: AccountView;
  readonly savedAt: number | null;
  readonly local: boolean;
  /** In the Tab order: the grid's active row's hearts are, the others are reached by the arrows. */
  readonly tabbable: boolean;
  /** The heart was pressed and this change is on its way (true: saving): shown as it will be, dimmed. */
  readonly pending: boolean | null;
  readonly onToggle: () => void;
}

export function PresenceCell(props: PresenceCellProps) {
  const { account, savedAt, local, pending, onToggle } = props;
  const saved = pending ?? savedAt !== null;
  const waiting = pending !== null;
  const name = waiting ? pendingName(account.label, pending) : presenceName(account.label, savedAt);
  const colour = { '--account-colour': accountColourHex[account.color] } as CSSProperties;
  return (
    <div role="gridcell" className="col-presence">
      <button
        type="button"
        tabIndex={props.tabbable ? 0 : -1}
        className={`presence-heart${saved ? ' saved' : ''}${waiting ? ' pending' : ''}`}
        style={colour}
        aria-label={name}
        aria-pressed={saved}
        // Still focusable, so the reason in its description can be reached from the keyboard.
        aria-disabled={local || waiting ? true : undefined}
        aria-busy={waiting || undefined}
        title={waiting ? name : presenceTitle(account.label, savedAt, local)}
        onClick={() => {
          if (!local && !waiting) onToggle();
        }}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M12 20.5s-7.5-4.6-9.4-9.3C1.3 8 3.3 4.5 6.8 4.5c2 0 3.4 1.1 4.2 2.4.8-1.3 2.2-2.4 4.2-2.4 3.5 0 5.5 3.5 4.2 6.7-1.9 4.7-9.4 9.3-9.4 9.3z" />
        </svg>
      </button>
    </div>
  );
}
