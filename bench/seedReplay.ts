import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { createProcess } from '../src/worker/process';
import { ReplayLog } from '../src/worker/replayLog';

/**
 * The seed's statements with a replay's log (the engine alone, no event columns): CPU ms and minor
 * faults, one line a run. `node scripts/run-ts.mjs bench/seedReplay.ts 3`; for an A/B of two builds copy
 * the bundle (`.cache/run/seedReplay-*.mjs`) to another name in `.cache/run/` and alternate them.
 */
const reps = Number(process.argv[2] ?? 3);
for (let r = 0; r < reps; r++) {
  const log = new ReplayLog();
  const p = createProcess(DEFAULT_SCENARIO.source, { tunables: {}, env: DEFAULT_ENV }, log);
  const n = p.load(DEFAULT_SCENARIO.source).length;
  const f0 = process.resourceUsage().minorPageFault;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) p.runStatement(i);
  const c = process.cpuUsage(c0);
  console.log(
    'replay',
    ((c.user + c.system) / 1000).toFixed(0),
    'ms',
    process.resourceUsage().minorPageFault - f0,
    'faults',
  );
}
process.exit(0);
