// An "Export" button and its menu of formats (CSV, CSV for Excel, JSON). The caller says what is
// exported (`what`); the menu only picks the format. Disabled only with the caller's reason (the
// lists are still being read), which describes the button.
import { useId, useRef, useState, type ReactNode } from 'react';

import type { ExportRequest, ExportSource } from '../app-contract.js';
import { Menu } from '../common/menu.js';
import { useStore } from '../state/app-store.js';
import { exportFormats } from './export-words.js';
import './files.css';

export interface ExportMenuProps {
  /** The button's visible words, short ("Export…"): the start of `label`, its name. */
  readonly children: ReactNode;
  /**
   * What is exported, for the button's name ("Export Alice’s saved tracks…") and the menu's
   * ("Export Alice’s saved tracks as"). An aria-label, not hidden words inside the button:
   * browsers put a space before a hidden span's words, which made "Export … tracks …".
   */
  readonly label: string;
  /** The sources and title to export, asked for when a format is chosen; null: nothing yet. */
  readonly what: () => {
    readonly sources: readonly ExportSource[];
    readonly title: string | null;
  } | null;
  /** Why nothing can be exported now, or null. */
  readonly notReady?: string | null;
}

export function ExportMenu({ children, label, what, notReady = null }: ExportMenuProps) {
  const store = useStore();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  const close = () => {
    setAt(null);
    button.current?.focus();
  };
  const choose = (choice: (typeof exportFormats)[number]) => {
    close();
    const chosen = what();
    if (chosen === null || chosen.sources.length === 0) return;
    const request: ExportRequest = {
      format: choice.format,
      excelBom: choice.excelBom,
      sources: chosen.sources,
      title: chosen.title,
    };
    void store.files.exportTracks(request);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button secondary"
        aria-label={`${label}…`}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        aria-describedby={notReady === null ? undefined : reasonId}
        // Not disabled while an export runs: the button would lose focus. The store ignores a
        // second export meanwhile, and the banner says one is being written.
        disabled={notReady !== null}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setAt(at === null ? { x: box.left, y: box.bottom + 4 } : null);
        }}
      >
        {children}
      </button>
      {notReady !== null && (
        <span id={reasonId} className="visually-hidden">
          {notReady}
        </span>
      )}
      {at !== null && (
        <Menu
          label={`${label} as`}
          position={at}
          size={{ width: 240, height: 48 + exportFormats.length * 36 }}
          onClose={close}
        >
          {exportFormats.map((choice) => (
            <button
              key={choice.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => choose(choice)}
            >
              {choice.label}
            </button>
          ))}
        </Menu>
      )}
    </>
  );
}
