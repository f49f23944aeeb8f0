import { createProcess, defaultProfile } from '../src/engine/simulate';
import { EventLog } from '../src/engine/trace/eventLog';
import { cyclicGarbage } from '../src/engine/python/owners/cycles';
import { providersByType } from '../src/engine/python/owners/providers';

/**
 * The owners' cyclic-garbage analysis alone (python/owners/cycles.ts), CPU ms per call (median of 7),
 * after each statement of a script: `node scripts/run-ts.mjs bench/profCycles.ts [FILE.py]` (default:
 * the first seed, a million lists of 100 items, where every landing's sentences ran it: ~150 ms, perf-9).
 */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const file = process.argv[2];
const source = file
  ? (await import('node:fs')).readFileSync(file, 'utf8')
  : 'a = [[0] * 100 for _ in range(1000000)]\ndel a\n';
const p = createProcess({ events: new EventLog(), profile: defaultProfile(source) });
const statements = p.load(source);
for (let i = 0; i < statements.length; i++) {
  p.runStatement(i);
  const ctx = { p, vm: p.vm, byType: providersByType(p.vm) };
  const times: number[] = [];
  let found = null;
  for (let k = 0; k < 7; k++) {
    const t = cpu();
    found = cyclicGarbage(ctx);
    times.push(cpu() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${statements[i].code.slice(0, 50).padEnd(50)} ${times[3].toFixed(1)} ms  ${found ? `${found.objects} ${found.noun} ${found.bytes} B` : 'none'}`,
  );
}
