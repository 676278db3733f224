// Renderer entry: finds the bridge the preload (or the browser harness) provides and mounts the
// app around one store; without a bridge, explains that the page must be opened by the app.

// Shared stylesheets first: each component's own stylesheet must follow them in the cascade.
import './theme.css';
import './common/text.css';
import './common/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app.js';
import { findBridge } from './bridge.js';
import { BridgeMissing } from './common/bridge-missing.js';
import { AppStore, StoreProvider } from './state/app-store.js';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const bridge = findBridge();

createRoot(root).render(
  <StrictMode>
    {bridge ? (
      <StoreProvider value={new AppStore(bridge)}>
        <App />
      </StoreProvider>
    ) : (
      <BridgeMissing />
    )}
  </StrictMode>,
);
