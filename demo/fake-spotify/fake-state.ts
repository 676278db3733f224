// All mutable state of one running fake Spotify, in one place the handlers share: settings that
// the control API can change, users and libraries, tokens, login sessions and request counts.
import { randomBytes } from 'node:crypto';
import { FakeClock } from './fake-clock.js';
import { FaultBook } from './faults.js';
import type { ResolvedOptions } from './options.js';
import type { SavedLibrary } from './saved-library.js';
import { seedLibraries, seedProfiles, type SeededProfile } from './seed-data.js';
import { TokenRegistry } from './token-registry.js';

/** An /authorize request that passed validation and waits for login and consent. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string | null;
  scope: string;
  codeChallenge: string;
  showDialog: boolean;
}

export class FakeState {
  readonly clock = new FakeClock();
  readonly tokens: TokenRegistry;
  readonly faults: FaultBook;
  readonly profiles: SeededProfile[];
  readonly libraries: SavedLibrary[];
  readonly seed: number;
  readonly clientId: string;
  latencyMs: number;
  rotateRefreshTokens: boolean;
  /** Users whose API calls get Development Mode's "not registered" 403. */
  readonly notAllowlisted = new Set<number>();
  /** Session cookie value -> signed-in user index. */
  readonly sessions = new Map<string, number>();
  readonly pending = new Map<string, PendingAuthorization>();
  /** "userIndex clientId" -> scopes the user already agreed to. */
  readonly consents = new Map<string, Set<string>>();
  requestCounts = new Map<string, number>();
  /**
   * Per user: tracks a PUT /v1/me/library sent that were already saved, plus tracks a DELETE sent
   * that were not saved. An app that writes each track exactly once never adds to it.
   */
  repeatedWrites = new Map<number, number>();
  /** Catalogue indexes handed out by "add N new saved tracks": far above any seeded library. */
  nextFreshTrack = 50_000_000;
  baseUrl = '';

  constructor(options: ResolvedOptions) {
    this.seed = options.seed;
    this.clientId = options.clientId;
    this.latencyMs = options.latencyMs;
    this.rotateRefreshTokens = options.rotateRefreshTokens;
    this.tokens = new TokenRegistry(this.clock, options);
    this.faults = new FaultBook(options.seed);
    this.profiles = seedProfiles(options.seed, options.trackCounts.length);
    this.libraries = seedLibraries(options.seed, options.trackCounts);
  }

  userIndexById(id: string): number | null {
    const index = this.profiles.findIndex((p) => p.id === id);
    return index < 0 ? null : index;
  }

  userIndexByUsername(username: string): number | null {
    const index = this.profiles.findIndex((p) => p.username === username);
    return index < 0 ? null : index;
  }

  countRequest(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.requestCounts.set(key, (this.requestCounts.get(key) ?? 0) + 1);
  }
  countRepeatedWrites(userIndex: number, count: number): void {
    if (count > 0)
      this.repeatedWrites.set(userIndex, (this.repeatedWrites.get(userIndex) ?? 0) + count);
  }

  newOpaqueId(): string {
    return randomBytes(18).toString('base64url');
  }
}
