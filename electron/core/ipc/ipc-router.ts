// The transport-agnostic half of IPC: takes a channel name and arguments exactly as they arrived
// (untrusted), checks them against the contract, runs the handler and answers with an IpcResult.
// The Electron shell plugs it into ipcMain.handle; the browser harness into a WebSocket. Errors
// become `{code, message}` (ipc-error.ts).
import { AppError } from '../errors/app-error.js';
import type {
  IpcError,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResults,
} from './contract.js';
import { ipcErrorOf } from './ipc-error.js';
import { requestArgs } from './request-schemas.js';

export type IpcHandlers = {
  readonly [C in RequestChannel]: (...args: RequestArgs<C>) => Promise<RequestResults[C]>;
};

/** The handlers of one domain's channels, e.g. `DomainHandlers<'accounts'>` for `accounts:*`. */
export type DomainHandlers<D extends string> = Pick<
  IpcHandlers,
  Extract<RequestChannel, `${D}:${string}`>
>;

export interface IpcRouterOptions {
  /** Largest accepted argument list, as JSON bytes. Default 64 KiB. */
  readonly maxArgumentBytes?: number;
  /** Told about unexpected errors (never about tokens: handlers do not hold any in messages). */
  readonly onUnexpectedError?: (channel: string, error: unknown) => void;
}

export interface IpcRouter {
  handle(channel: unknown, args: unknown): Promise<IpcResult<unknown>>;
}

export function createIpcRouter(handlers: IpcHandlers, options: IpcRouterOptions = {}): IpcRouter {
  const maxBytes = options.maxArgumentBytes ?? 64 * 1024;
  return {
    async handle(channel, args) {
      if (typeof channel !== 'string' || !Object.hasOwn(requestArgs, channel)) {
        return failure('ipc_unknown_channel', `There is no request called ${describe(channel)}.`);
      }
      const name = channel as RequestChannel;
      if (!Array.isArray(args)) {
        return failure('ipc_invalid_arguments', `${name} takes a list of arguments.`);
      }
      const size = jsonSize(args);
      if (size === null || size > maxBytes) {
        return failure(
          'ipc_payload_too_large',
          `The arguments of ${name} are larger than ${maxBytes} bytes or cannot be sent.`,
        );
      }
      const parsed = requestArgs[name].safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
        return failure(
          'ipc_invalid_arguments',
          `Invalid arguments for ${name}${where}: ${issue?.message ?? 'not accepted'}.`,
        );
      }
      try {
        const handler = handlers[name] as (...a: unknown[]) => Promise<unknown>;
        return { ok: true, value: await handler(...(parsed.data as unknown[])) };
      } catch (error) {
        if (!(error instanceof AppError)) options.onUnexpectedError?.(name, error);
        return {
          ok: false,
          error: ipcErrorOf(error, `Something went wrong while handling ${name}.`),
        };
      }
    },
  };
}

function failure(code: IpcError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function describe(channel: unknown): string {
  return typeof channel === 'string' ? `"${channel.slice(0, 60)}"` : `a ${typeof channel}`;
}

function jsonSize(value: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return null; // cycles, BigInt: nothing the contract accepts
  }
}
