// One banner per account whose last backup attempt failed, with the core's reason (it names the
// folder and what to do) and a way to Settings, where the folder can be changed and the backup
// made again. It goes by itself once a backup of that account succeeds.
import { useId } from 'react';

import { backupFailureSentence } from '../format/backup-words.js';
import { useAppState, useStore } from '../state/app-store.js';
import { useBackups } from '../state/use-backups.js';

export function BackupFailureBanners() {
  const { accounts } = useAppState();
  const { status } = useBackups();
  if (status === null) return null;
  return (
    <>
      {accounts.map((account) => {
        const backup = status.accounts.find((item) => item.accountId === account.id);
        const failure = backup && backupFailureSentence(backup);
        return failure ? (
          <BackupFailureBanner key={account.id} label={account.label} failure={failure} />
        ) : null;
      })}
    </>
  );
}

function BackupFailureBanner({
  label,
  failure,
}: {
  readonly label: string;
  readonly failure: string;
}) {
  const store = useStore();
  const textId = useId();
  return (
    <div className="banner error" data-testid="backup-failure-banner">
      <p id={textId}>
        The backup of {label} failed: {failure}
      </p>
      <button
        type="button"
        className="button secondary"
        onClick={store.openSettings}
        aria-describedby={textId}
      >
        Open Settings
      </button>
    </div>
  );
}
