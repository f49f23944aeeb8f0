import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { engineClient } from '../client/engineClient';
import { App } from './shell/App';
import { installIdleSignal } from './shell/idle';
import './styles.css';

installIdleSignal();
// the worker first: its module compiles and its footprints download while React builds the page
engineClient().warm();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
