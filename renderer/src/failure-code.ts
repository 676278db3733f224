// Every code a failure can carry in the page: the app's and its transports' (IpcError), a
// transport that broke its promise to answer, and anything that was not a failed request.
import type { IpcError } from './app-contract.js';

export type FailureCode = IpcError['code'] | 'bridge_failed' | 'unexpected_error';
