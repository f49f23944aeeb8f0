import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { engineClient } from '../client/engineClient';
import { App } from './shell/App';
import { installIdleSignal } from './shell/idle';

/**
 * The page proper (React, the views, the client), a chunk of its own that main.tsx imports once it
 * has started the worker. `worker`: the one main.tsx started, adopted as the client's spare.
 */
export function boot(worker: Worker | null): void {
  installIdleSignal();
  engineClient().warm(worker);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
