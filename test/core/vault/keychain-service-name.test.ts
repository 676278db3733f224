import { describe, expect, it } from 'vitest';
import { keychainServiceName } from '../../../electron/core/vault/keychain-service-name.js';

describe('keychainServiceName', () => {
  it('keeps packaged, development, demo and test tokens under different services', () => {
    const names = (['packaged', 'development', 'demo', 'test'] as const).map((mode) =>
      keychainServiceName(mode),
    );
    expect(names).toEqual([
      'Multi Account for Spotify',
      'Multi Account for Spotify (development)',
      'Multi Account for Spotify (demo)',
      'Multi Account for Spotify (test)',
    ]);
  });

  it('isolates one test from another with a suffix', () => {
    expect(keychainServiceName('test', 'vault')).toBe('Multi Account for Spotify (test: vault)');
    expect(keychainServiceName('test', 'vault')).not.toBe(keychainServiceName('test', 'registry'));
  });
});
