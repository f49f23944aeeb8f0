/**
 * The simulated side of the clock's calibration (README.md): each case of cases.json run by the
 * simulator (CPython 3.11.7, glibc), setup then statement, and what the statement cost on the
 * simulated clock, with the counts the cost model charges (runtime/cwork.ts, eval/pythread.ts).
 * With the real side's JSON (calibrate.py; default: real-3.11.7.json) it prints the ratio per case;
 * the counts can be written out for a fit.
 *
 *     python3.11 tools/clock/calibrate.py > /tmp/real.json
 *     node scripts/run-ts.mjs tools/clock/calibrate.ts [/tmp/real.json [/tmp/sim-counts.json]]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CLOCK_CASES, REAL_3_11_7, measureStatement, type ClockCost } from './measure';

const real = process.argv[2]
  ? (JSON.parse(readFileSync(process.argv[2], 'utf8')) as typeof REAL_3_11_7)
  : REAL_3_11_7;
const table: Record<string, ClockCost> = {};
for (const [label, setup, stmt] of CLOCK_CASES) {
  const cost = measureStatement(setup, stmt);
  table[label] = cost;
  const r = real[label];
  const { simMs, ...counts } = cost;
  console.log(
    [
      label.padEnd(30),
      `sim ${simMs.toFixed(1).padStart(8)} ms`,
      r ? `real cpu ${String(r.cpu_ms).padStart(8)} ms  sim/real ${(simMs / r.cpu_ms).toFixed(2)}` : '',
      Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(' '),
    ].join('  '),
  );
}
if (process.argv[3]) writeFileSync(process.argv[3], JSON.stringify(table, null, 1));
