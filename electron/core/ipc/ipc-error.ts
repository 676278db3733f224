// Turns whatever a handler threw into the IpcError the page receives, in one place for the router
// and for the event of a failed sign-in: an AppError keeps its code and message; anything else is
// `internal_error` without its details, which could hold anything.
import type { AppErrorCode } from '../errors/app-error-code.js';
import { AppError } from '../errors/app-error.js';
import type { IpcError } from './contract.js';

export function ipcErrorOf(error: unknown, fallbackMessage: string): IpcError {
  if (!(error instanceof AppError)) return { code: 'internal_error', message: fallbackMessage };
  // The core's domains raise only their own typed codes, all in AppErrorCode; AppErrors with other
  // codes (the packaging scripts', the fake Spotify's) never run inside a handler.
  return { code: error.code as AppErrorCode, message: error.message };
}
