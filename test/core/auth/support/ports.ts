// Port helpers for the login tests: prove a port is free by binding it, and hold a port busy.
import { createServer, type Server } from 'node:net';

/** Binds 127.0.0.1:port and releases it; rejects (EADDRINUSE) if something still holds it. */
export async function assertPortFree(port: number): Promise<void> {
  const server = await occupyPort(port);
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Holds 127.0.0.1:port (0 = any) until the returned server is closed. */
export function occupyPort(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve(server));
  });
}

/** A port that was free a moment ago, for tests of the fixed-port setting. */
export async function findFreePort(): Promise<number> {
  const server = await occupyPort(0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

export function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
