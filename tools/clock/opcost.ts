/**
 * The simulated side of the per-instruction charges (src/engine/python/eval/opcosts.ts): each loop
 * body of opcases.json run by the simulator inside a function, as opcost.py runs it on the real
 * interpreter, and what an iteration costs on the simulated clock (wallPerCpu 1), in ns. With the
 * real side's JSON it prints the ratio per case and their geometric mean.
 *
 *     python3.11 tools/clock/opcost.py > /tmp/op-real.json
 *     node scripts/run-ts.mjs tools/clock/opcost.ts /tmp/op-real.json
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureStatement } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const N = 300_000;
const cases = JSON.parse(readFileSync(join(here, 'opcases.json'), 'utf8')) as [string, string][];
const prelude = readFileSync(join(here, 'opcost_prelude.py'), 'utf8');
const real = process.argv[2]
  ? (JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, number>)
  : null;
let logSum = 0;
let count = 0;
for (const [name, body] of cases) {
  const fn = `def f(r, n, y, l, l2, keys, d, o, nothing):\n${body
    .split('\n')
    .map((ln) => `  ${ln}`)
    .join('\n')}\n`;
  const cost = measureStatement(`${prelude}\n${fn}args = arguments(${N})`, 'f(*args)');
  const simNs = (cost.simMs * 1e6) / N;
  const r = real?.[name];
  if (r) {
    logSum += Math.log(simNs / r);
    count++;
  }
  console.log(
    `${name.padEnd(12)} sim ${simNs.toFixed(1).padStart(6)} ns${r ? `  real ${r.toFixed(1).padStart(6)}  sim/real ${(simNs / r).toFixed(2)}` : ''}  allocs ${(cost.allocs / N).toFixed(2)} frees ${(cost.frees / N).toFixed(2)} refs ${(cost.refs / N).toFixed(1)}`,
  );
}
if (count > 0) console.log(`geometric mean sim/real ${Math.exp(logSum / count).toFixed(2)} over ${count}`);
