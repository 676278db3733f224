import { describe, expect, it } from 'vitest';
import { challengeFor, createPkcePair, createState } from '../../../electron/core/auth/pkce.js';

const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

describe('PKCE', () => {
  // The value printed in RFC 7636 appendix B (and given by `openssl dgst -sha256 | base64url`).
  it('derives the RFC 7636 appendix B challenge from its verifier', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('creates 64-character verifiers of the unreserved alphabet with a matching S256 challenge', () => {
    for (let i = 0; i < 200; i += 1) {
      const { verifier, challenge } = createPkcePair();
      expect(verifier).toHaveLength(64);
      expect(verifier).toMatch(UNRESERVED);
      expect(challenge).toBe(challengeFor(verifier));
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('never repeats a verifier', () => {
    const verifiers = new Set(Array.from({ length: 500 }, () => createPkcePair().verifier));
    expect(verifiers.size).toBe(500);
  });
});

describe('state', () => {
  it('carries at least 128 random bits in base64url and never repeats', () => {
    const states = Array.from({ length: 500 }, () => createState());
    for (const state of states) {
      expect(state).toMatch(/^[A-Za-z0-9_-]+$/);
      // 6 bits per base64url character.
      expect(state.length * 6).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(states).size).toBe(500);
  });
});
