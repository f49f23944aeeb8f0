/**
 * The simulator's allocator calls beside the recorded ones for one testdata set:
 *   node scripts/run-ts.mjs tools/asyncio/compare_calls.ts SET [INDEX]
 * prints per case the call counts and net bytes (real / simulated) and, with INDEX, both
 * sequences side by side up to the first difference and a window after it.
 */
import { readFileSync } from 'node:fs';
import { callsOf } from '../../src/engine/python/testing';

const [set, index] = process.argv.slice(2);
const data = JSON.parse(
  readFileSync(new URL(`../../src/engine/python/testdata/${set}_expected.json`, import.meta.url), 'utf8'),
) as { cases: { setup: string; statement: string; calls: string[] }[] };

const net = (calls: string[]): number => {
  let n = 0;
  for (const c of calls) {
    const p = c.split(' ');
    if (p[0] === 'm') n += Number(p[1]);
    else if (p[0] === 'c') n += Number(p[1]) * Number(p[2]);
    else if (p[0] === 'f' && p[1] !== '?') n -= Number(p[1]);
  }
  return n;
};

data.cases.forEach((c, i) => {
  if (index !== undefined && Number(index) !== i) return;
  let sim: string[];
  try {
    sim = callsOf(c.setup, c.statement);
  } catch (e) {
    console.log(`#${i} ${c.statement}: ${String(e).slice(0, 200)}`);
    return;
  }
  console.log(
    `#${i} ${c.statement.replace(/\n/g, '; ')}: calls ${c.calls.length}/${sim.length}, net ${net(c.calls)}/${net(sim)}` +
      (JSON.stringify(sim) === JSON.stringify(c.calls) ? ' EXACT' : ''),
  );
  if (index !== undefined) {
    const n = Math.max(c.calls.length, sim.length);
    for (let k = 0; k < n; k++)
      console.log(`${String(k).padStart(4)} ${(c.calls[k] ?? '').padEnd(12)} ${sim[k] ?? ''}${c.calls[k] === sim[k] ? '' : '   *'}`);
  }
});
