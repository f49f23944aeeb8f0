import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { createProcess } from '../src/worker/process';
import { RecordingLog } from '../src/worker/stopPoints';

/** The seed's statements with the first pass's log, alone (a profiler's view of bench/seed.ts's third figure). */
for (let r = 0; r < 3; r++) {
  const log = new RecordingLog();
  const p = createProcess(DEFAULT_SCENARIO.source, { tunables: {}, env: DEFAULT_ENV }, log);
  log.kernel = p.kernel;
  log.libc = p.libc;
  log.sampleNow();
  const n = p.load(DEFAULT_SCENARIO.source).length;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) p.runStatement(i);
  const c = process.cpuUsage(c0);
  console.log('statements', ((c.user + c.system) / 1000).toFixed(0), 'ms CPU', log.length, 'events');
}
process.exit(0);
