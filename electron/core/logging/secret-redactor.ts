// Takes secrets out of every line before it is logged: the exact tokens this run has seen (each
// access and refresh token the vault stored or read, added as they pass), and anything shaped
// like one — a Bearer header, an OAuth parameter (code, verifier, tokens, secret) in a query
// string, a form body or JSON. A line that names an error code or an account id stays readable.

const redacted = '[redacted]';

/** Shorter values are not secrets we issue (and would redact ordinary words). */
const minSecretLength = 16;

const shapedLikeSecrets: readonly [RegExp, string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi, `Bearer ${redacted}`],
  [/\bBasic\s+[A-Za-z0-9+/]+=*/gi, `Basic ${redacted}`],
  [
    /\b(access_token|refresh_token|id_token|code|code_verifier|client_secret|accessToken|refreshToken|codeVerifier)("?\s*[=:]\s*"?)[^"&\s,;}]+/g,
    `$1$2${redacted}`,
  ],
];

export class SecretRedactor {
  readonly #secrets = new Set<string>();

  /** A value never to be logged from now on. */
  add(secret: string): void {
    if (secret.length >= minSecretLength) this.#secrets.add(secret);
  }

  /**
   * The tokens a keychain entry holds: every string under a key naming a token, at any depth of
   * the vault's JSON (a value that is not JSON is taken whole).
   */
  addFromStoredValue(value: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      this.add(value);
      return;
    }
    for (const text of tokensIn(parsed)) this.add(text);
  }

  redact(line: string): string {
    let text = line;
    for (const secret of this.#secrets) {
      if (text.includes(secret)) text = text.split(secret).join(redacted);
    }
    for (const [shape, replacement] of shapedLikeSecrets) text = text.replace(shape, replacement);
    return text;
  }
}

function tokensIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(tokensIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'string' ? (/token/i.test(key) ? [inner] : []) : tokensIn(inner),
  );
}
