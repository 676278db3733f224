import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import {
  appContentSecurityPolicy,
  enforceContentSecurityPolicy,
} from '../../electron/shell/content-security-policy.js';
import { imageScheme } from '../../electron/shell/image-protocol.js';

vi.mock('electron', () => ({}));

type Listener = (
  details: { resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

function headersFor(resourceType: string) {
  let listener: Listener | null = null;
  const session = { webRequest: { onHeadersReceived: (l: Listener) => (listener = l) } };
  enforceContentSecurityPolicy(session as never);
  let answer: { responseHeaders?: Record<string, string[]> } | null = null;
  (listener as Listener | null)?.(
    { resourceType, responseHeaders: { 'X-Other': ['1'] } },
    (r) => (answer = r),
  );
  return answer as { responseHeaders?: Record<string, string[]> } | null;
}

describe('content security policy', () => {
  it('is sent as a header with every document of the app session', () => {
    expect(headersFor('mainFrame')?.responseHeaders).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [appContentSecurityPolicy],
    });
    expect(headersFor('subFrame')?.responseHeaders?.['Content-Security-Policy']).toEqual([
      appContentSecurityPolicy,
    ]);
  });

  it('leaves other responses unchanged', () => {
    expect(headersFor('image')).toEqual({});
  });

  it('is the same policy as the page declares, so neither silently narrows the other', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(appContentSecurityPolicy);
  });

  it('keeps scripts to the app and images to the app and its image protocol, no outside host', () => {
    const directives = new Map(
      appContentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', `${imageScheme}:`]);
  });
});
