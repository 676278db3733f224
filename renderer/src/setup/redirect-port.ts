// The setup form's check of the optional fixed redirect port, against the core's own range, with
// a message that says what is wrong.
import { isRedirectPort, redirectPortRange } from '../app-contract.js';

export type PortCheck =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly message: string };

/** Empty means "a free port each time"; otherwise a whole number in the redirect port range. */
export function checkPort(input: string): PortCheck {
  const value = input.trim();
  if (value === '') return { ok: true, value: null };
  if (!/^\d+$/.test(value)) return { ok: false, message: 'The port must be a whole number.' };
  const port = Number(value);
  if (!isRedirectPort(port)) {
    return {
      ok: false,
      message: `The port must be from ${redirectPortRange.min} to ${redirectPortRange.max}.`,
    };
  }
  return { ok: true, value: port };
}
