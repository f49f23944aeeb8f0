import fc from 'fast-check';
import { cleanRun, simulate } from '../../tests/robust/fuzzing';
import { randomProgram } from '../../tests/robust/programs';
const seeds = fc.sample(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { seed: 20261205, numRuns: 60 });
for (const s of seeds) {
  try { const p = cleanRun(simulate(randomProgram(s), 2), 2); if (p) { console.log(s, p); } }
  catch (e) { console.log('SEED', s, (e as Error).message); console.log(randomProgram(s)); break; }
}
