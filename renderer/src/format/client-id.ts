// Live validation of the Client ID the person pastes: the same rule the core enforces (32
// hexadecimal characters), with a message that names the actual problem rather than the rule.

export type ClientIdCheck =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

const expectedLength = 32;

export function checkClientId(input: string): ClientIdCheck {
  const value = input.trim();
  if (value.length === 0) return { ok: false, message: 'Enter the Client ID.' };
  const stray = /[^0-9a-f]/i.exec(value);
  if (stray) {
    const shown = stray[0] === ' ' ? 'a space' : `“${stray[0]}”`;
    return {
      ok: false,
      message: `Not a Client ID: it has only the characters 0–9 and a–f, and this has ${shown}.`,
    };
  }
  if (value.length < expectedLength) {
    return {
      ok: false,
      message: `Too short: ${value.length} of ${expectedLength} characters. Copy the whole Client ID.`,
    };
  }
  if (value.length > expectedLength) {
    return {
      ok: false,
      message: `Too long: ${value.length} characters, a Client ID has ${expectedLength}. Copy only the Client ID.`,
    };
  }
  return { ok: true, value: value.toLowerCase() };
}
