// One banner per reason the last backup attempts failed, naming the accounts it hit (a folder
// that is gone fails every account alike: one banner, not one per account), with the core's
// reason (it names the folder and what to do) and a way to Settings, where the folder can be
// changed and the backup made again. It goes by itself once those backups succeed, or when
// dismissed, until a later attempt fails again.
import { useId, useState } from 'react';

import { backupFailureSentence } from '../format/backup-words.js';
import { useAppState, useStore } from '../state/app-store.js';
import { useBackups } from '../state/use-backups.js';

interface FailureGroup {
  readonly failure: string;
  readonly labels: readonly string[];
  /** The latest attempt among them: a dismissal holds until a later one fails. */
  readonly attemptAt: number;
}

export function BackupFailureBanners() {
  const { accounts } = useAppState();
  const { status } = useBackups();
  // Dismissed failures, each with the attempt it was dismissed at.
  const [dismissed, setDismissed] = useState<ReadonlyMap<string, number>>(new Map());
  if (status === null) return null;
  const groups = new Map<string, { labels: string[]; attemptAt: number }>();
  for (const account of accounts) {
    const backup = status.accounts.find((item) => item.accountId === account.id);
    const failure = backup && backupFailureSentence(backup);
    if (!failure) continue;
    const group = groups.get(failure) ?? { labels: [], attemptAt: 0 };
    group.labels.push(account.label);
    group.attemptAt = Math.max(group.attemptAt, backup.lastAttemptAt ?? 0);
    groups.set(failure, group);
  }
  const shown: FailureGroup[] = [...groups]
    .map(([failure, group]) => ({ failure, ...group }))
    .filter((group) => (dismissed.get(group.failure) ?? -1) < group.attemptAt);
  return (
    <>
      {shown.map((group) => (
        <BackupFailureBanner
          key={group.failure}
          group={group}
          onDismiss={() => setDismissed(new Map(dismissed).set(group.failure, group.attemptAt))}
        />
      ))}
    </>
  );
}

function BackupFailureBanner({
  group,
  onDismiss,
}: {
  readonly group: FailureGroup;
  readonly onDismiss: () => void;
}) {
  const store = useStore();
  const textId = useId();
  const whose =
    group.labels.length === 1
      ? `The backup of ${group.labels[0]}`
      : `The backups of ${group.labels.slice(0, -1).join(', ')} and ${group.labels.at(-1)}`;
  return (
    <div className="banner error" data-testid="backup-failure-banner">
      <p id={textId}>
        {whose} failed: {group.failure}
      </p>
      <button
        type="button"
        className="button secondary"
        onClick={store.openSettings}
        aria-describedby={textId}
      >
        Open Settings
      </button>
      <button
        type="button"
        className="button secondary"
        onClick={onDismiss}
        aria-describedby={textId}
      >
        Dismiss
      </button>
    </div>
  );
}
