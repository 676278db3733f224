// The redirect URI to register for a given fixed port: the app's own URI with the port swapped in,
// so the setup screen can show the right address before the settings are saved.

export function redirectUriForPort(registered: string, port: number | null): string {
  try {
    const url = new URL(registered);
    url.port = port === null ? '' : String(port);
    return url.toString();
  } catch {
    return registered;
  }
}

export type PortCheck =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly message: string };

/** Empty means "a free port each time"; otherwise a whole number from 1024 to 65535. */
export function checkPort(input: string): PortCheck {
  const value = input.trim();
  if (value === '') return { ok: true, value: null };
  if (!/^\d+$/.test(value)) return { ok: false, message: 'The port must be a whole number.' };
  const port = Number(value);
  if (port < 1024 || port > 65535) {
    return { ok: false, message: 'The port must be from 1024 to 65535.' };
  }
  return { ok: true, value: port };
}
