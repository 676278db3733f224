// Where Spotify's login page sends the person back: a loopback listener on 127.0.0.1 (Spotify
// refuses `localhost`, and nothing off this machine may reach it), and the ports a fixed redirect
// port may use. Shared by the listener, the settings and the setup form, which shows the URI to
// register. Browser-safe: no imports, so the renderer may load it.

export const loopbackHost = '127.0.0.1';
export const callbackPath = '/callback';

/** A fixed redirect port: below 1024 needs privileges on Linux and macOS, which a login must not. */
export const redirectPortRange = { min: 1024, max: 65_535 } as const;

export function isRedirectPort(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= redirectPortRange.min &&
    (value as number) <= redirectPortRange.max
  );
}

/**
 * The redirect URI for a port; null gives the one to register for dynamic ports, without a port,
 * as Spotify allows for loopback addresses.
 */
export function redirectUri(port: number | null): string {
  return `http://${loopbackHost}${port === null ? '' : `:${port}`}${callbackPath}`;
}
