// The Backups section of Settings: the folder the main process writes into (chosen with a native
// dialog, so the page never names a path itself), how often, how many files to keep, "Back up
// now", and each account's last outcome. Every control acts through the BackupStore; each failure
// is shown beside the control it came from.
import { useId, useState } from 'react';

import type { BackupFrequency } from '../app-contract.js';
import { useStore } from '../state/app-store.js';
import type { BackupAction, BackupFailure } from '../state/backup-store.js';
import { useBackups } from '../state/use-backups.js';
import { BackupAccountsTable } from './backup-accounts-table.js';
import { BackupKeepField } from './backup-keep-field.js';
import './backup-settings.css';

const frequencies: readonly { readonly value: BackupFrequency; readonly label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];

export function BackupSettings() {
  const { backups } = useStore();
  const { status, failure, runRequested } = useBackups();
  const headingId = useId();
  const folderLabelId = useId();
  const folderPathId = useId();
  const running = status?.running === true || runRequested;

  return (
    <section aria-labelledby={headingId} className="card backup-settings">
      <h2 id={headingId}>Backups</h2>
      <p className="hint">
        Each account&apos;s saved tracks are written to the folder as a file after the app&apos;s
        regular sync, never while a copy or move runs; a backup that fails is tried again at the
        next opportunity.
      </p>
      <FailureNote failure={failure} action="status" />

      <div className="field" role="group" aria-labelledby={folderLabelId}>
        <span className="field-label" id={folderLabelId}>
          Backup folder
        </span>
        <div className="backup-folder">
          {status?.folder ? (
            <code id={folderPathId} data-testid="backup-folder">
              {status.folder}
            </code>
          ) : (
            <span id={folderPathId} className="hint" data-testid="backup-folder">
              No folder chosen yet
            </span>
          )}
          <button
            type="button"
            className="button secondary"
            onClick={() => void backups.chooseFolder()}
            disabled={status === null}
            aria-describedby={folderPathId}
          >
            Choose folder…
          </button>
        </div>
        <FailureNote failure={failure} action="folder" />
      </div>

      <fieldset className="backup-frequency" disabled={status === null}>
        <legend>Back up automatically</legend>
        {frequencies.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name="backup-frequency"
              value={choice.value}
              checked={status?.frequency === choice.value}
              onChange={() => void backups.setFrequency(choice.value)}
            />
            {choice.label}
          </label>
        ))}
        <FailureNote failure={failure} action="frequency" />
      </fieldset>

      <BackupKeepField />

      <div className="form-actions">
        {/* aria-disabled, not disabled, while running: the button keeps keyboard focus. */}
        <button
          type="button"
          className="button primary"
          onClick={() => {
            if (status !== null && !running) void backups.runNow();
          }}
          disabled={status === null}
          aria-disabled={running || undefined}
        >
          {running ? 'Backing up…' : 'Back up now'}
        </button>
        <RunAnnouncement running={running} />
      </div>
      <FailureNote failure={failure} action="runNow" />

      {status && <BackupAccountsTable status={status} />}
    </section>
  );
}

/**
 * The failure of one control, if the last one was. Waiting for a copy is news, not an error: the
 * backup is made when the copy ends.
 */
function FailureNote({
  failure,
  action,
}: {
  readonly failure: BackupFailure | null;
  readonly action: BackupAction;
}) {
  if (failure?.action !== action) return null;
  if (failure.code === 'backup_waiting_for_job') {
    return (
      <p role="status" className="hint">
        {failure.message}
      </p>
    );
  }
  return (
    <p role="alert" className="error-text">
      {failure.message}
    </p>
  );
}

/** Says to screen readers when a backup starts and when it is done (the table changes silently). */
function RunAnnouncement({ running }: { readonly running: boolean }) {
  const [wasRunning, setWasRunning] = useState(running);
  const [message, setMessage] = useState('');
  if (running !== wasRunning) {
    setWasRunning(running);
    setMessage(running ? 'Backing up…' : 'The backups are done: each account’s outcome is below.');
  }
  return (
    <p className="visually-hidden" role="status">
      {message}
    </p>
  );
}
