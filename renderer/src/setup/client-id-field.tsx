// The Client ID input: checked as the person types, with a message naming what is wrong (too
// short, not hexadecimal) once there is something to judge, and always when they try to save.
import { useId, type Ref } from 'react';

import { checkClientId } from '../format/client-id.js';

export interface ClientIdFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Show the "Enter the Client ID" message for an empty field too (after a save attempt). */
  readonly showEmptyError: boolean;
  readonly ref?: Ref<HTMLInputElement>;
}

export function ClientIdField({ value, onChange, showEmptyError, ref }: ClientIdFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const check = checkClientId(value);
  const error = !check.ok && (value.trim() !== '' || showEmptyError) ? check.message : null;

  return (
    <div className="field">
      <label htmlFor={inputId}>Client ID</label>
      <input
        ref={ref}
        id={inputId}
        className="text-input mono"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        autoComplete="off"
        placeholder="32 characters, 0–9 and a–f"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      <p id={hintId} className="hint">
        On your app&apos;s page in the dashboard, under Basic Information.
      </p>
      <p id={errorId} className="error-text" aria-live="polite">
        {error}
      </p>
      {check.ok && <p className="ok-text">Looks right.</p>}
    </div>
  );
}
