import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { Session } from '../src/worker/session';

/**
 * The seed's first run in Session.start alone, for a profiler (bench/README.md):
 *   node --cpu-prof scripts/run-ts.mjs bench/profSeed.ts
 */
for (let r = 0; r < 2; r++) {
  const s = new Session(() => {}, { viewsFirst: true });
  const c0 = process.cpuUsage();
  s.start(1, DEFAULT_SCENARIO.source, { tunables: {}, env: DEFAULT_ENV }, { statement: 1, event: null });
  const c = process.cpuUsage(c0);
  console.log('Session.start', ((c.user + c.system) / 1000).toFixed(0), 'ms CPU');
}
