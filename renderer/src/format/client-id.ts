// Live validation of the Client ID the person pastes: the core's own rule (32 hexadecimal
// characters, any case, spaces around ignored), with a message that names the actual problem
// rather than the rule.
import { clientIdLength, normaliseClientId, strayClientIdCharacter } from '../app-contract.js';

export type ClientIdCheck =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

export function checkClientId(input: string): ClientIdCheck {
  const value = input.trim();
  if (value.length === 0) return { ok: false, message: 'Enter the Client ID.' };
  const stray = strayClientIdCharacter(value);
  if (stray !== null) {
    const shown = stray === ' ' ? 'a space' : `“${stray}”`;
    return {
      ok: false,
      message: `Not a Client ID: it has only the characters 0–9 and a–f, and this has ${shown}.`,
    };
  }
  if (value.length < clientIdLength) {
    return {
      ok: false,
      message: `Too short: ${value.length} of ${clientIdLength} characters. Copy the whole Client ID.`,
    };
  }
  if (value.length > clientIdLength) {
    return {
      ok: false,
      message: `Too long: ${value.length} characters, a Client ID has ${clientIdLength}. Copy only the Client ID.`,
    };
  }
  return { ok: true, value: normaliseClientId(value) };
}
