// Mounts the whole renderer around a fake bridge, as main.tsx does around the real one, and waits
// for the first screen: component tests then drive it by roles and names like a person would.
import { act, cleanup, render, screen, type RenderResult } from '@testing-library/react';
import { afterEach } from 'vitest';

import { App } from '../../renderer/src/app.js';
import { AppStore, StoreProvider } from '../../renderer/src/state/app-store.js';
import type { FakeBridge } from './fake-bridge.js';

afterEach(cleanup);

export interface RenderedApp extends RenderResult {
  readonly store: AppStore;
}

export async function renderApp(bridge: FakeBridge): Promise<RenderedApp> {
  const store = new AppStore(bridge.api);
  const result = render(
    <StoreProvider value={store}>
      <App />
    </StoreProvider>,
  );
  await screen.findByRole('main');
  await act(async () => {
    await Promise.resolve();
  });
  return { ...result, store };
}

/**
 * jsdom lays nothing out, so the virtualised table would see a 0 px viewport. Give every element
 * a fixed client height (the virtualiser reads the scroller's clientHeight) for the test's run.
 */
export function withViewportHeight(height: number): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => height,
  });
  return () => {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, 'clientHeight', descriptor);
  };
}
