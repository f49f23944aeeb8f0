import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { createProcess } from '../src/worker/process';
import { ReplayLog } from '../src/worker/replayLog';
import { RecordingLog } from '../src/worker/stopPoints';
import { Session } from '../src/worker/session';

/**
 * The seed's first run split into its parts, CPU ms each (the share link's first draw: bench/README.md perf-16):
 *   node scripts/run-ts.mjs bench/firstRunParts.ts [rec|replay|session]
 * rec: the process made (boot) and loaded, then each statement with the first run's log (event columns, timeline,
 * stop points); replay: the same with a replay's counting log; session: Session.start to the final views posted.
 */
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const mode = process.argv[2] ?? 'rec';
const opts = { tunables: {}, env: DEFAULT_ENV };
if (mode === 'session') {
  let t0 = cpu();
  const marks: string[] = [];
  const s = new Session(
    (m) => {
      if (m.type === 'loaded' || m.type === 'runDone' || m.type === 'snapshot' || m.type === 'explained') {
        marks.push(`${m.type} ${(cpu() - t0).toFixed(0)}`);
      }
    },
    { viewsFirst: true },
  );
  t0 = cpu();
  s.start(1, DEFAULT_SCENARIO.source, opts, { statement: 3, event: null });
  console.log('session', marks.join(', '), 'total', (cpu() - t0).toFixed(0), 'ms CPU');
} else {
  const t0 = cpu();
  const log = mode === 'rec' ? new RecordingLog() : new ReplayLog();
  const p = createProcess(DEFAULT_SCENARIO.source, opts, log);
  if (log instanceof RecordingLog) {
    log.kernel = p.kernel;
    log.libc = p.libc;
  }
  const t1 = cpu();
  const n = p.load(DEFAULT_SCENARIO.source).length;
  const t2 = cpu();
  const parts = [`boot ${(t1 - t0).toFixed(0)}`, `load ${(t2 - t1).toFixed(0)}`];
  for (let i = 0; i < n; i++) {
    const a = cpu();
    p.runStatement(i);
    parts.push(`stmt${i + 1} ${(cpu() - a).toFixed(0)}`);
  }
  console.log(mode, parts.join(', '), 'total', (cpu() - t0).toFixed(0), 'ms CPU,', log.length, 'events');
}
process.exit(0);
