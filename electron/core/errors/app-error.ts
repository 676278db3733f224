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
