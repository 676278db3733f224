// The app's log file, for support: one line per event of the core and the shell, rotated when it
// passes `maxBytes` (the previous file kept as `<name>.old.log`), every line passed through the
// redactor first. electron-log writes it: the logging library made for Electron apps (the
// platform's logs folder, rotation, main and renderer), used here through its plain-Node entry so
// the same code runs in the shell, the harness and the tests.
import electronLog from 'electron-log/node';
import type { SecretRedactor } from './secret-redactor.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Where the file is. */
  readonly filePath: string;
}

export interface AppLogOptions {
  readonly filePath: string;
  readonly redactor: SecretRedactor;
  /** Rotate past this size; 5 MB keeps weeks of a normal day's lines. */
  readonly maxBytes?: number;
  /** Also print each line (development, the harness). */
  readonly echo?: boolean;
}

let instances = 0;

export function openAppLog(options: AppLogOptions): AppLog {
  instances += 1;
  // Its own logger: electron-log's default one is shared by every module that imports it.
  const logger = electronLog.create({ logId: `app-log-${instances}` });
  logger.transports.file.resolvePathFn = () => options.filePath;
  logger.transports.file.maxSize = options.maxBytes ?? 5 * 1024 * 1024;
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.transports.console.level = options.echo === true ? 'info' : false;
  // Redaction at the logger: no caller can forget it.
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((part: unknown) =>
      options.redactor.redact(typeof part === 'string' ? part : String(part)),
    ),
  }));
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
    filePath: options.filePath,
  };
}
