/**
 * `npm run fuzz:parser [-- N [SEED]]`: the long differential run of syntax/ against CPython 3.11
 * (generated and mutated programs, the repo's scenarios as seeds). Prints the agreement and the
 * first disagreements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpus } from './generate';
import { compareWithReference } from './compare';
import { cpythonReference } from './oracle';

const n = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const show = Number(process.env.SHOW ?? 15);
const scenarios = fileURLToPath(new URL('../../../../../tests/fidelity/scenarios/', import.meta.url));
const seeds = readdirSync(scenarios)
  .filter((f) => f.endsWith('.py'))
  .map((f) => readFileSync(scenarios + f, 'utf8'));
const programs = corpus(seed, n, seeds);
const BATCH = 2000;
let agree = 0;
let accepted = 0;
let shown = 0;
const kinds = new Map<string, number>();
for (let b = 0; b < programs.length; b += BATCH) {
  const batch = programs.slice(b, b + BATCH);
  const refs = cpythonReference(batch);
  batch.forEach((src, i) => {
    if (refs[i].ok) accepted++;
    const d = compareWithReference(src, refs[i]);
    if (!d) {
      agree++;
      return;
    }
    const kind = d.replace(/@[\d:-]+/g, '@').replace(/\d+/g, 'N').slice(0, 90);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (shown++ < show) console.log(`--- #${b + i}\n${JSON.stringify(src)}\n${d}`);
  });
}
console.log(`\nCPython accepts ${accepted} of ${programs.length}`);
console.log(`agreement: ${agree} / ${programs.length} (${((100 * agree) / programs.length).toFixed(2)}%), seed ${seed}`);
const top = [...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, c] of top) console.log(String(c).padStart(6), k);
