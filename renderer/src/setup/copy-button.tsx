// A button that copies a piece of text and says so: "Copied" appears next to it (and is announced)
// for a few seconds; if the clipboard refuses, it says how to copy by hand instead.
import { useEffect, useState } from 'react';
import './setup-screen.css';

export interface CopyButtonProps {
  readonly text: string;
  /** Accessible name, e.g. "Copy redirect URI". */
  readonly label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy">
      <button type="button" className="button secondary" aria-label={label} onClick={copy}>
        Copy
      </button>
      <span role="status" className={state === 'failed' ? 'copy-note error-text' : 'copy-note'}>
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: select the text and copy it by hand.'}
      </span>
    </span>
  );
}
