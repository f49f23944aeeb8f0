import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { Session } from '../src/worker/session';

/**
 * The seed's first run in Session.start alone, for a profiler (bench/README.md):
 *   node --cpu-prof scripts/run-ts.mjs bench/profSeed.ts
 * The first of the two runs is the page's case (a fresh worker); its minor faults are printed too (on
 * this VM a first touch of a page costs ~10–15 µs).
 */
for (let r = 0; r < 2; r++) {
  const s = new Session(() => {}, { viewsFirst: true });
  const f0 = process.resourceUsage().minorPageFault;
  const c0 = process.cpuUsage();
  s.start(1, DEFAULT_SCENARIO.source, { tunables: {}, env: DEFAULT_ENV }, { statement: 1, event: null });
  const c = process.cpuUsage(c0);
  const faults = process.resourceUsage().minorPageFault - f0;
  console.log('Session.start', ((c.user + c.system) / 1000).toFixed(0), 'ms CPU,', faults, 'minor faults');
}
// Session.start leaves background work behind (spares brought behind the position: worker/README.md);
// without this exit the profile would be mostly that work, not the first run.
process.exit(0);
