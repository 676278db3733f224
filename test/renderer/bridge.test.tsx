// @vitest-environment jsdom
// The bridge wrapper: IpcResults become values or typed BridgeErrors, a missing bridge is found
// out, and the page explains itself when opened without the app.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { BridgeError, errorCode, findBridge, unwrap } from '../../renderer/src/bridge.js';
import { BridgeMissing } from '../../renderer/src/common/bridge-missing.js';
import { errorSentence } from '../../renderer/src/format/error-sentences.js';
import { FakeBridge } from './fake-bridge.js';

afterEach(cleanup);

describe('bridge', () => {
  it('unwraps a successful result into its value', async () => {
    await expect(unwrap(Promise.resolve({ ok: true as const, value: 42 }))).resolves.toBe(42);
  });

  it('throws a failed result as a BridgeError with its code and message', async () => {
    const failure = unwrap(
      Promise.resolve({ ok: false as const, error: { code: 'not_found', message: 'Gone.' } }),
    );
    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toMatchObject({ code: 'not_found', message: 'Gone.' });
  });

  it('keeps a transport that rejects typed, as bridge_failed', async () => {
    const error = await unwrap(Promise.reject(new Error('socket closed'))).catch(
      (caught) => caught,
    );
    expect(errorCode(error)).toBe('bridge_failed');
    expect(errorSentence(error)).toBe('The app did not answer. Try again.');
  });

  it('finds the bridge on window.spotifyAccounts, and null without one', () => {
    const bridge = new FakeBridge();
    expect(findBridge({})).toBeNull();
    expect(findBridge({ spotifyAccounts: bridge.api })).toBe(bridge.api);
    expect(findBridge()).toBeNull();
  });

  it('explains what to do when the page is opened without the app', () => {
    render(<BridgeMissing />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(
      /needs the Multi Account/,
    );
    expect(screen.getByRole('alert').textContent).toContain('npm run demo');
  });
});
