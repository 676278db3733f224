// The one error shape the core raises for anything a person may need explained. `code` is stable
// and machine-readable (the UI maps it to words and the IPC router sends it as `{code, message}`);
// `message` is for logs and fallbacks and never contains a token. Each domain types its codes
// beside its error class; app-error-code.ts gathers those the page can hear.

export class AppError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * The stable code of an error for a log line (an AppError's, or a Node error's such as ENOENT),
 * else `fallback`: never its message, which may quote a server's answer.
 */
export function errorCodeOf(error: unknown, fallback = 'unexpected error'): string {
  return error instanceof Error && 'code' in error ? String(error.code) : fallback;
}
