import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFor, runModeOf, windowTitleFor } from '../../electron/shell/run-mode.js';

describe('run mode', () => {
  it('uses the packaged keychain service only for the packaged app', () => {
    expect(runModeOf(['electron', '.'], true)).toEqual({
      demo: false,
      development: false,
      keychainMode: 'packaged',
    });
    expect(runModeOf(['electron', '.'], false)).toEqual({
      demo: false,
      development: true,
      keychainMode: 'development',
    });
  });

  it('runs the demo with its own keychain service, data directory and title', () => {
    const mode = runModeOf(['electron', '.', '--demo'], true);
    expect(mode).toMatchObject({ demo: true, keychainMode: 'demo' });
    expect(dataDirFor('/home/a/.config/app', mode)).toBe(path.join('/home/a/.config/app', 'demo'));
    expect(windowTitleFor('Multi Account for Spotify', mode)).toBe(
      'Multi Account for Spotify — DEMO',
    );
  });

  it('gives a development build its own data directory (and so its own lock), demo included', () => {
    const development = runModeOf(['electron', '.'], false);
    expect(dataDirFor('/home/a/.config/app', development)).toBe('/home/a/.config/app-dev');
    const developmentDemo = runModeOf(['electron', '.', '--demo'], false);
    expect(dataDirFor('/home/a/.config/app', developmentDemo)).toBe(
      path.join('/home/a/.config/app-dev', 'demo'),
    );
  });

  it('keeps the real data directory and title outside the demo', () => {
    const mode = runModeOf(['app'], true);
    expect(dataDirFor('/data', mode)).toBe('/data');
    expect(windowTitleFor('Multi Account for Spotify', mode)).toBe('Multi Account for Spotify');
  });
});
