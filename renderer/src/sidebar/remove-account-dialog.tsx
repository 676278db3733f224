// Asks before removing an account, naming it and saying what removing does and does not touch.
import type { AccountView } from '../app-contract.js';
import { Dialog } from '../common/dialog.js';

export interface RemoveAccountDialogProps {
  readonly account: AccountView;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

export function RemoveAccountDialog({ account, onCancel, onConfirm }: RemoveAccountDialogProps) {
  return (
    <Dialog
      title={`Remove ${account.label}?`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button danger" onClick={onConfirm}>
            Remove account
          </button>
        </>
      }
    >
      <p>
        This app forgets {account.label} and deletes its sign-in from your keychain. Nothing changes
        on Spotify: the account and its saved tracks stay as they are, and you can add it again at
        any time.
      </p>
    </Dialog>
  );
}
