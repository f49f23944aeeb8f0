/**
 * What the script's own compile tail (src/engine/python/startup/compileTail.ts) adds to a load, in
 * CPU time measured in one run (the machine is shared: compare the two figures of a line only):
 *
 *     node scripts/run-ts.mjs tools/compile_tail_bench.ts SCRIPT.py ...
 */
import { readFileSync } from 'node:fs';
import { CompileTailBuilder, replayTail } from '../src/engine/python/startup/compileTail';
import { parse } from '../src/engine/python/syntax';
import { compileModule } from '../src/engine/python/compiler';
import { withMarkers } from '../src/engine/python/eval/script';
import { Kernel } from '../src/engine/kernel/kernel';
import { createLibc, defaultLibcEnv } from '../src/engine/libc/create';
const cpu = (fn: () => void, n = 40): number => {
  for (let i = 0; i < 8; i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / n;
};
for (const f of process.argv.slice(2)) {
  const src = readFileSync(f);
  // what load() did before: parse + compile; what it does now: builder (parse inside) + compile with the probe + end + replay
  const before = cpu(() =>
    compileModule(withMarkers(parse(src, { filename: 's.py' })), { filename: 's.py' }),
  );
  const after = cpu(() => {
    const b = new CompileTailBuilder(src, 's.py');
    compileModule(withMarkers(b.tree), { filename: 's.py', probe: b.probe });
    const log = b.end();
    replayTail(createLibc(new Kernel(), defaultLibcEnv()), log);
  });
  const libcOnly = cpu(() => createLibc(new Kernel(), defaultLibcEnv()));
  console.log(
    `${f.split('/').pop()}: parse+compile ${before.toFixed(2)} ms CPU; with the compile tail ${(after - libcOnly).toFixed(2)} ms (+${(after - libcOnly - before).toFixed(2)} ms), same run`,
  );
}
