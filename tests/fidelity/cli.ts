/**
 * The fidelity comparison as a table, for working on the model (the test holds the same rule):
 *
 *     node scripts/run-ts.mjs tests/fidelity/cli.ts [NAME ...]
 *
 * For every step of each recorded scenario: the real and the simulated change since `<start>` of
 * rss, heap, anon_mmap, fordblks, hblkhd and pymalloc arenas, and the tolerance.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateScript } from '../../src/engine/simulate';
import { compareRuns, type RecordedRun } from './compare';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(join(here, 'recorded'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const names = process.argv.length > 2 ? process.argv.slice(2) : all;
let failing = 0;
for (const name of names) {
  const real = JSON.parse(readFileSync(join(here, 'recorded', `${name}.json`), 'utf8')) as RecordedRun;
  const t0 = performance.now();
  const sim = simulateScript(readFileSync(join(here, 'scenarios', `${name}.py`), 'utf8'), {
    profile: real.python === '3.11.2' ? 'debian-3.11.2' : 'cpython-3.11.7',
  });
  const ms = performance.now() - t0;
  const { mismatches, rows } = compareRuns(real.steps, sim.steps);
  if (mismatches.length > 0 || sim.error) failing++;
  console.log(`## ${name} (${ms.toFixed(0)} ms)${sim.error ? ` ${sim.error.type}: ${sim.error.message} (line ${sim.error.line})` : ''}`);
  for (const r of rows) console.log(r);
}
console.log(`${names.length - failing} of ${names.length} scenarios within tolerance`);
