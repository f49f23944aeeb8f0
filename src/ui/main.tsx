import { takeEarlyWorker } from '../client/earlyWorker';
import './styles.css';

/**
 * The page's entry: the simulator's worker first (client/earlyWorker.ts starts it as this small
 * chunk is evaluated), then the page proper (boot.tsx) as a chunk of its own. The worker's script
 * (1.4 MiB compressed, 4.5 MB of modules to evaluate) then loads on the other core while React and
 * the views download and evaluate: from ui/main.tsx at the end of one bundle, it started 4.1 s
 * after the navigation at load 28 (bench/shareLinkParts.ts).
 */
import('./boot')
  .then((m) => m.boot(takeEarlyWorker()))
  .catch((e: unknown) => {
    const root = document.getElementById('root');
    if (root)
      root.textContent = `Highwater could not load: ${e instanceof Error ? e.message : String(e)}. Reload the page.`;
  });
