// The renderer's one door to the app: finds the bridge the preload (or the browser harness) put on
// `window`, and turns its IpcResult answers into values or a thrown BridgeError, so components
// deal in plain async functions and stable error codes. It never sees ipcRenderer or a socket.
import { bridgeGlobalName, type BridgeApi, type IpcResult } from './app-contract.js';
import type { FailureCode } from './failure-code.js';

export type { BridgeApi };

/** A failed request, with the core's stable code for the UI and its message as a fallback. */
export class BridgeError extends Error {
  readonly code: FailureCode;

  constructor(code: FailureCode, message: string) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
  }
}

/** The bridge on `window`, or null when the page was opened without the app around it. */
export function findBridge(scope: object = window): BridgeApi | null {
  const candidate = (scope as Record<string, unknown>)[bridgeGlobalName];
  if (typeof candidate !== 'object' || candidate === null) return null;
  return candidate as BridgeApi;
}

/** Resolves to the value of an IpcResult, or throws its error as a BridgeError. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending;
  } catch (error) {
    // The bridge promises never to reject; if a transport still does, keep the failure typed.
    throw new BridgeError('bridge_failed', error instanceof Error ? error.message : String(error));
  }
  if (result.ok) return result.value;
  throw new BridgeError(result.error.code, result.error.message);
}

/** The code of any failure: BridgeError codes as they are, anything else as `unexpected_error`. */
export function errorCode(error: unknown): FailureCode {
  return error instanceof BridgeError ? error.code : 'unexpected_error';
}
