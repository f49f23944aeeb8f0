import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { Cursor } from '../src/worker/cursor';
import { explainStep } from '../src/engine/explain';
import { buildSnapshot } from '../src/engine/trace/snapshot';

/**
 * explainStep at landings inside the first seed's statements (a replay standing at the event, as
 * Landings.sentencesAt does, without the event window), CPU ms: the first call (a landing's) and the median of 5:
 * `node [--cpu-prof] scripts/run-ts.mjs bench/profLandingExplain.ts`.
 */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const opts = { tunables: {}, env: DEFAULT_ENV };
for (const [label, at] of [['40%', 3_200_000], ['statement 1 − 1', 6_007_227], ['statement 1 − 1,000', 6_006_228], ['del a + 1,000', 6_008_228]] as const) {
  const c = new Cursor(DEFAULT_SCENARIO.source, opts, -1);
  const before = c.process.bindings();
  c.runTo(at, 2, (n) => {
    const p = c.process;
    const snap = buildSnapshot({ kernel: p.kernel, libc: p.libc, pymalloc: p.arenas }, 0, n, []);
    const times: number[] = [];
    let ids: string[] = [];
    for (let k = 0; k < 5; k++) {
      const t = cpu();
      const out = explainStep({ kernel: p.kernel, libc: p.libc, arenas: snap.arenas, before: null, events: null, owners: p.owners(before) });
      times.push(cpu() - t);
      ids = out.map((s) => s.id);
    }
    const first = times[0];
    times.sort((a, b) => a - b);
    console.log(
      `${label} (event ${n}): explainStep first ${first.toFixed(1)} ms, median ${times[2].toFixed(1)} ms (${ids.join(', ')})`,
    );
  });
}
process.exit(0);
