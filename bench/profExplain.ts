import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { createProcess } from '../src/worker/process';
import { RecordingLog } from '../src/worker/stopPoints';
import { explainStep } from '../src/engine/explain';
import { buildSnapshot } from '../src/engine/trace/snapshot';

/**
 * explainStep alone after each statement of the first seed (or FILE.py), CPU ms per call (median of
 * 7), with the names before the statement as the worker passes them:
 * `node [--cpu-prof] scripts/run-ts.mjs bench/profExplain.ts [FILE.py]`.
 */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const file = process.argv[2];
const source = file ? (await import('node:fs')).readFileSync(file, 'utf8') : DEFAULT_SCENARIO.source;
const log = new RecordingLog();
const p = createProcess(source, { tunables: {}, env: DEFAULT_ENV }, log);
log.kernel = p.kernel;
log.libc = p.libc;
log.sampleNow();
const n = p.load(source).length;
for (let i = 0; i < n; i++) {
  const before = p.bindings();
  p.runStatement(i);
  const snap = buildSnapshot({ kernel: p.kernel, libc: p.libc, pymalloc: p.arenas }, i + 1, log.length, []);
  const times: number[] = [];
  let said: string[] = [];
  for (let k = 0; k < 7; k++) {
    const t = cpu();
    const out = explainStep({
      kernel: p.kernel,
      libc: p.libc,
      arenas: snap.arenas,
      before: null,
      events: null,
      owners: p.owners(before),
    });
    times.push(cpu() - t);
    said = out.map((s) => s.id);
  }
  times.sort((a, b) => a - b);
  console.log(`statement ${i}: explainStep median ${times[3].toFixed(1)} ms (${said.join(', ')})`);
}
process.exit(0);
