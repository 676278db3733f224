// Demo mode's Spotify: the fake Spotify, bundled into dist/demo/demo-spotify.js at build time,
// started in-process on a loopback port with three seeded users of about 2,000 saved tracks each.
// It is loaded by URL at run time because the app's TypeScript build does not compile test/.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { AppError } from '../core/errors/app-error.js';
import type { DemoErrorCode } from '../core/ipc/handlers/app-handlers.js';

/** The part of demo/fake-spotify's public entry the demo uses (a test keeps them in step). */
export interface DemoSpotifyModule {
  startFakeSpotify(options: { users: number; tracks: number; seed: number }): Promise<DemoSpotify>;
}

export interface DemoSpotify {
  readonly baseUrl: string;
  readonly clientId: string;
  close(): Promise<void>;
}

export const demoUsers = 3;
export const demoTracksPerUser = 2_000;

/** dist/demo/demo-spotify.js, next to dist/electron where main.js runs from. */
export function demoSpotifyBundleUrl(electronDistDir: string): string {
  return pathToFileURL(path.join(electronDistDir, '..', 'demo', 'demo-spotify.js')).href;
}

export async function startDemoSpotify(moduleUrl: string): Promise<DemoSpotify> {
  let loaded: unknown;
  try {
    loaded = await import(moduleUrl);
  } catch (error) {
    throw unavailable('the demo Spotify is missing from this build', error);
  }
  const start = (loaded as Partial<DemoSpotifyModule> | null)?.startFakeSpotify;
  if (typeof start !== 'function') throw unavailable('the demo Spotify bundle has no entry point');
  return start({ users: demoUsers, tracks: demoTracksPerUser, seed: 1 });
}

function unavailable(why: string, cause?: unknown): AppError<DemoErrorCode> {
  return new AppError<DemoErrorCode>('demo_unavailable', `The demo cannot start: ${why}.`, {
    cause,
  });
}
