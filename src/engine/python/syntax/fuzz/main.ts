/**
 * `npm run fuzz:parser [-- N [SEED]]`: the long differential run of syntax/ against CPython 3.11
 * (generated and mutated programs, the repo's scenarios as seeds). Prints the agreement and the
 * first disagreements.
 *
 *   --stdlib           every .py file of python3's standard library instead
 *   --snippets=FILE    the programs of a JSON list instead
 *   --file-mode        run each program as `python3 FILE` (one process each: slow, so use a few
 *                      thousand) and compare parseModule's answer, the error's text included
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpus } from './mutate';
import { compareFileMode, compareWithReference, isSymtableError } from './compare';
import { cpythonFileMode, cpythonReference } from './oracle';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(positional[0] ?? 20000);
const seed = Number(positional[1] ?? 1);
const show = Number(process.env.SHOW ?? 15);
const scenarios = fileURLToPath(new URL('../../../../../tests/fidelity/scenarios/', import.meta.url));
const seeds = readdirSync(scenarios)
  .filter((f) => f.endsWith('.py'))
  .map((f) => readFileSync(scenarios + f, 'utf8'));
const stdlib = process.argv.includes('--stdlib');
const snippets = process.argv.find((a) => a.startsWith('--snippets='));
const programs = stdlib
  ? stdlibFiles()
  : snippets
    ? (JSON.parse(readFileSync(snippets.slice(11), 'utf8')) as string[])
    : corpus(seed, n, seeds);

/** Every .py file of the reference interpreter's standard library (valid and deliberately invalid). */
function stdlibFiles(): string[] {
  const dir = execFileSync(
    process.env.HW_PYTHON ?? 'python3',
    ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
    {
      encoding: 'utf8',
    },
  ).trim();
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'site-packages' && e.name !== '__pycache__') walk(`${d}/${e.name}`);
      } else if (e.name.endsWith('.py')) {
        const b = readFileSync(`${d}/${e.name}`);
        const t = b.toString('utf8');
        if (!t.includes('\uFFFD') && Buffer.from(t, 'utf8').equals(b)) out.push(t);
      }
    }
  };
  walk(dir);
  return out;
}
const fileMode = process.argv.includes('--file-mode');
const BATCH = stdlib ? 200 : fileMode ? 300 : 2000;
let agree = 0;
let accepted = 0;
let compileErrors = 0;
let shown = 0;
const kinds = new Map<string, number>();
for (let b = 0; b < programs.length; b += BATCH) {
  const batch = programs.slice(b, b + BATCH);
  const answers: (() => string)[] = [];
  if (fileMode)
    cpythonFileMode(batch).forEach((ref, i) => {
      if (ref.ok) accepted++;
      answers.push(() => compareFileMode(batch[i], ref));
    });
  else
    cpythonReference(batch).forEach((ref, i) => {
      if (ref.ok) accepted++;
      if (ref.ok && ref.compile && !isSymtableError(ref.compile.msg)) compileErrors++;
      answers.push(() => compareWithReference(batch[i], ref));
    });
  batch.forEach((src, i) => {
    const d = answers[i]();
    if (!d) {
      agree++;
      return;
    }
    const kind = d
      .replace(/@[\d:-]+/g, '@')
      .replace(/\d+/g, 'N')
      .slice(0, 90);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (shown++ < show) console.log(`--- #${b + i}\n${JSON.stringify(src)}\n${d}`);
  });
}
console.log(
  fileMode
    ? `\nCPython (python3 FILE) compiles ${accepted} of ${programs.length}`
    : `\nCPython accepts ${accepted} of ${programs.length} (${compileErrors} of them then fail to compile outside the symtable)`,
);
console.log(
  `agreement: ${agree} / ${programs.length} (${((100 * agree) / programs.length).toFixed(2)}%), seed ${seed}`,
);
const top = [...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, c] of top) console.log(String(c).padStart(6), k);
