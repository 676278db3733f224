// The one seam between the core and wherever secrets live: the OS keychain in the app, memory in
// tests and as the for-this-run fallback. Bound to one keychain service; values are opaque strings.

export interface SecretEntry {
  readonly account: string;
  readonly value: string;
}

export interface SecretStore {
  /** The value stored under `account`, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Creates or replaces the value under `account`. */
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Every entry of this store's service. */
  list(): Promise<SecretEntry[]>;
}
