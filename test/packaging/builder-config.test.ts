import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../electron/core/errors/app-error.js';
import { loadBuilderConfig, validateBuilderConfig } from './builder-config.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'builder-config-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function configFile(name: string, text: string): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, text);
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    const config = await loadBuilderConfig(projectDir, 'electron-builder.yml');
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
  });

  it('flips the security fuses the packaging smoke check cannot verify', async () => {
    const config = await loadBuilderConfig(projectDir, 'electron-builder.yml');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Re-signs the macOS app ad hoc after the flip; without it an unsigned build is killed at
      // launch on Apple Silicon.
      resetAdHocDarwinSignature: true,
    });
  });

  it('signs macOS builds with the hardened runtime, granting only the JIT and loading the unsigned keytar.node', async () => {
    const config = await loadBuilderConfig(projectDir, 'electron-builder.yml');
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = config.mac?.entitlements;
    if (typeof entitlements !== 'string') throw new Error('mac.entitlements is not set');
    const plist = await readFile(path.join(projectDir, entitlements), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.cs.disable-library-validation',
    ]);
    // The helpers load keytar.node's process too, so they get the same file.
    expect(config.mac?.entitlementsInherit).toBe(entitlements);
  });
});

describe('electron-builder.yml on Linux', () => {
  it('builds the .deb first, the download that works where AppArmor restricts user namespaces', async () => {
    const config = await loadBuilderConfig(projectDir, 'electron-builder.yml');
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
  });
});

describe('builder config validation', () => {
  it('rejects a misspelt option with electron-builder’s explanation', async () => {
    const file = await configFile('typo.yml', 'appId: app.example\nnpmRebild: true\n');
    const config = await loadBuilderConfig(projectDir, file);
    const error = await rejection(validateBuilderConfig(config));
    expect(error.code).toBe('PACKAGING_CONFIG_INVALID');
    expect(error.message).toContain("unknown property 'npmRebild'");
  });

  it('rejects an option placed under the wrong platform', async () => {
    const file = await configFile('misplaced.yml', 'linux:\n  hardenedRuntime: true\n');
    const config = await loadBuilderConfig(projectDir, file);
    const error = await rejection(validateBuilderConfig(config));
    expect(error.code).toBe('PACKAGING_CONFIG_INVALID');
    // electron-builder names the section, not the key, when a platform block is wrong.
    expect(error.message).toContain('configuration.linux');
    expect(error.message).toContain('https://www.electron.build/linux');
  });

  it('rejects a wrongly typed fuse value', async () => {
    const file = await configFile('fuse.yml', 'electronFuses:\n  runAsNode: [false]\n');
    const config = await loadBuilderConfig(projectDir, file);
    const error = await rejection(validateBuilderConfig(config));
    expect(error.code).toBe('PACKAGING_CONFIG_INVALID');
    expect(error.message).toContain('electronFuses');
  });

  it('refuses a config file that is not YAML', async () => {
    const file = await configFile('broken.yml', 'appId: [unclosed\n  files: :\n');
    const error = await rejection(loadBuilderConfig(projectDir, file));
    expect(error.code).toBe('PACKAGING_CONFIG_UNREADABLE');
    expect(error.message).toContain(file);
  });

  it('refuses a missing config file instead of falling back to package.json', async () => {
    const file = path.join(scratch, 'absent.yml');
    const error = await rejection(loadBuilderConfig(projectDir, file));
    expect(error.code).toBe('PACKAGING_CONFIG_UNREADABLE');
    expect(error.message).toContain(file);
  });
});
