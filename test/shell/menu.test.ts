import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/shell/menu.js';

vi.mock('electron', () => ({}));

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function template(platform: NodeJS.Platform, development: boolean) {
  const opened: string[] = [];
  const asked: string[] = [];
  const items = buildMenuTemplate({
    platform,
    development,
    appName: 'Multi Account for Spotify',
    openExternal: async (url) => void opened.push(url),
    openLogsFolder: () => void asked.push('logs folder'),
    copyDiagnostics: () => void asked.push('diagnostics'),
  });
  return { items, opened, asked };
}

describe('application menu', () => {
  it('has the usual roles, and no reload or developer tools in production', () => {
    const all = roles(template('linux', false).items);
    expect(all).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(all).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    );
    expect(all).toEqual(expect.arrayContaining(['minimize', 'help']));
    expect(all).not.toContain('toggleDevTools');
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
  });

  it('offers reload and developer tools in development', () => {
    const all = roles(template('linux', true).items);
    expect(all).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('starts with the app menu on macOS only', () => {
    expect(template('darwin', false).items[0]?.label).toBe('Multi Account for Spotify');
    expect(roles([template('darwin', false).items[0] ?? {}])).toEqual(
      expect.arrayContaining(['about', 'hide', 'quit']),
    );
    expect(template('win32', false).items[0]?.label).toBe('File');
  });

  it("links Help to Spotify's developer dashboard and nowhere else, and offers the logs", () => {
    const { items, opened, asked } = template('linux', false);
    const help = items.find((item) => item.role === 'help');
    const entries = Array.isArray(help?.submenu) ? help.submenu : [];
    expect(entries.map((entry) => entry.label ?? entry.type)).toEqual([
      'Spotify Developer Dashboard',
      'separator',
      'Open Logs Folder',
      'Copy Diagnostics',
    ]);
    for (const entry of entries) (entry.click as (() => void) | undefined)?.();
    expect(opened).toEqual(['https://developer.spotify.com/dashboard']);
    expect(asked).toEqual(['logs folder', 'diagnostics']);
  });
});
