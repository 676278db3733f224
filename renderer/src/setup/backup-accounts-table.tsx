// Each account's backups: when the last one was made, its file, and the outcome (the core's
// reason when the last attempt failed, else when the next is due). Accounts in the sidebar's
// order, named as there; one without a backup yet says so.
import type { BackupStatusView } from '../app-contract.js';
import { useAppState } from '../state/app-store.js';
import { backupFailureSentence, backupOutcome, formatMoment } from '../format/backup-words.js';

export function BackupAccountsTable({ status }: { readonly status: BackupStatusView }) {
  const { accounts } = useAppState();
  if (accounts.length === 0) return <p className="hint">No accounts to back up yet.</p>;
  return (
    <table className="backup-accounts">
      <caption>Each account&apos;s backups</caption>
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col">Last backup</th>
          <th scope="col">File</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => {
          const backup = status.accounts.find((item) => item.accountId === account.id);
          const failed = backup !== undefined && backupFailureSentence(backup) !== null;
          return (
            <tr key={account.id}>
              <th scope="row">{account.label}</th>
              <td>
                {backup?.lastSuccessAt != null ? formatMoment(backup.lastSuccessAt) : 'None yet'}
              </td>
              <td className="backup-file">{backup?.lastFile ?? '—'}</td>
              <td className={failed ? 'error-text' : undefined}>
                {backupOutcome(backup, status.frequency)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
