// PKCE (RFC 7636, S256) and the OAuth `state` value: the only secrets of a login that exist before
// Spotify answers. Pure functions over node:crypto; nothing here touches the network.
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  /** Sent only to the token endpoint, never in a URL. */
  readonly verifier: string;
  /** base64url(SHA-256(verifier)), sent in the authorize URL. */
  readonly challenge: string;
}

// 48 random bytes encode to exactly 64 base64url characters. base64url's alphabet
// ([A-Za-z0-9-_]) is a subset of the verifier's unreserved alphabet, so no character is remapped
// and all 384 bits of entropy survive.
const VERIFIER_BYTES = 48;
// 32 bytes = 256 bits, well above the 128 bits the login needs to be unguessable.
const STATE_BYTES = 32;

export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(VERIFIER_BYTES).toString('base64url');
  return { verifier, challenge: challengeFor(verifier) };
}

export function createState(): string {
  return randomBytes(STATE_BYTES).toString('base64url');
}
