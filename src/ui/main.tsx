import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { installIdleSignal } from './shell/idle';
import { openFromHash } from './shell/share';
import './styles.css';

installIdleSignal();
// The link (or the default scenario) is opened before the first render, so its run starts now: the
// worker fetches, compiles (its bundle is 8 MB) and runs the script while React builds the page on
// the main thread. Opened from App's first effect instead, the worker started ~1 s later on a quiet
// machine (bench/README.md, round perf-9).
openFromHash(location.hash);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
