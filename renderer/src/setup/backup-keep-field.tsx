// "Keep the last N backups per account": typed freely, sent to the core when the field is left or
// Enter is pressed. The core owns the allowed range; its refusal is shown under the field and the
// refused number stays in it, so the person sees what to correct.
import { useId, useState, type KeyboardEvent } from 'react';

import { maxBackupKeep, minBackupKeep } from '../app-contract.js';
import { useStore } from '../state/app-store.js';
import { useBackups } from '../state/use-backups.js';

// The core's own bounds: the arrow keys stay inside them; the core decides and explains.
const keepBounds = { min: minBackupKeep, max: maxBackupKeep } as const;

export function BackupKeepField() {
  const { backups } = useStore();
  const { status, failure } = useBackups();
  // What the person is typing; null shows the core's value.
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = useId();
  const messageId = useId();
  const refusal = failure?.action === 'keep' ? failure.message : null;
  const saved = status?.keep ?? '';

  async function commit() {
    if (draft === null) return;
    // An emptied field means no change: it shows the kept value again.
    if (draft.trim() === '' || Number(draft) === status?.keep) {
      setDraft(null);
      if (refusal) backups.dismissFailure();
      return;
    }
    if (await backups.setKeep(Number(draft))) setDraft(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void commit();
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>Keep the last N backups per account</label>
      <input
        id={inputId}
        type="number"
        className="text-input narrow"
        inputMode="numeric"
        step={1}
        {...keepBounds}
        disabled={status === null}
        value={draft ?? saved}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
        aria-invalid={refusal ? true : undefined}
        aria-describedby={messageId}
      />
      <p
        id={messageId}
        className={refusal ? 'error-text' : 'hint'}
        role={refusal ? 'alert' : undefined}
      >
        {refusal ?? 'Older files are deleted after each successful backup.'}
      </p>
    </div>
  );
}
