/**
 * The fidelity comparison as a table, for working on the model (the tests hold the same rule):
 *
 *     node scripts/run-ts.mjs tests/fidelity/cli.ts [--python 3.12] [NAME ...]
 *
 * For every step of each recorded scenario: the real and the simulated change since `<start>` of
 * rss, heap, anon_mmap, fordblks, hblkhd and pymalloc arenas, and the tolerance. With --python,
 * the scenarios recorded on that version (recorded/3.12/ …, versions.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateScript } from '../../src/engine/simulate';
import { isVersionName } from '../../src/engine/python/versions';
import { compareRuns, recordingBoot, type RecordedRun } from './compare';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--python');
const python = at >= 0 ? args.splice(at, 2)[1] : null;
if (python !== null && !isVersionName(python)) throw new Error(`--python takes 3.11, 3.12 or 3.13`);
const dir = join(here, 'recorded', python ?? '');
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const names = args.length > 0 ? args : all;
let failing = 0;
for (const name of names) {
  const real = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as RecordedRun & {
    scenario_path?: string;
  };
  const path = real.scenario_path ?? `tests/fidelity/scenarios/${name}.py`;
  const t0 = performance.now();
  const sim = simulateScript(
    readFileSync(join(here, '../..', path), 'utf8'),
    python !== null && isVersionName(python)
      ? { python }
      : recordingBoot(real),
  );
  const ms = performance.now() - t0;
  const { mismatches, rows } = compareRuns(real.steps, sim.steps);
  if (mismatches.length > 0 || sim.error) failing++;
  const verdict = sim.error
    ? 'ERROR'
    : mismatches.length
      ? `FAIL (${mismatches.map((m) => `${m.figure}@${m.step}`).join(' ')})`
      : 'ok';
  console.log(
    `## ${name} (${ms.toFixed(0)} ms) ${verdict}${sim.error ? ` ${sim.error.type}: ${sim.error.message} (line ${sim.error.line})` : ''}`,
  );
  for (const r of rows) if (r.startsWith('✗')) console.log(r);
}
console.log(`${names.length - failing} of ${names.length} scenarios within tolerance`);
