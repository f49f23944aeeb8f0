import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expression, program, rng } from '../../tests/robust/arith';
import { auditScripts, scriptBytes } from '../../tests/robust/auditInputs';
import { cleanRun, cleanTrace, cpython, sameAsCPython, simulate } from '../../tests/robust/fuzzing';
import { randomProgram } from '../../tests/robust/programs';
import { simulateScript } from '../../src/engine/simulate';

/**
 * `npm run fuzz -- [--programs N] [--diff N] [--arith N] [--traces N] [--audit] [--seed S]`:
 * the suite's fuzzers (tests/robust/fuzz.test.ts, numbers.test.ts, audit.test.ts) run long.
 * Prints one line per finding and a summary with the figures.
 */
const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const seed0 = opt('seed', Date.now() % 2 ** 31);
const nPrograms = opt('programs', 500);
const nDiff = opt('diff', 100);
const nArith = opt('arith', 2000);
const nTraces = opt('traces', 5000);
const t0 = performance.now();
const out = (s: string): boolean => process.stdout.write(s + '\n');
out(`seed ${seed0}`);

// 1. programs: no JS error, no run past its budget
const r = rng(seed0);
const kinds = new Map<string, number>();
let bad = 0;
for (let i = 0; i < nPrograms; i++) {
  const seed = Math.floor(r() * 2 ** 31) + 1;
  const o = simulate(randomProgram(seed, 8 + (i % 20)), 3);
  kinds.set(o.type, (kinds.get(o.type) ?? 0) + 1);
  const p = cleanRun(o, 3);
  if (p) {
    bad++;
    out(`program seed ${seed}: ${p}`);
  }
}
out(
  `programs: ${nPrograms} run, ${bad} with a JS error, an internal error or past the budget; outcomes ${JSON.stringify(Object.fromEntries(kinds))}`,
);

// 2. differential programs against python3
let compared = 0;
let diffs = 0;
for (let i = 0; i < nDiff; i++) {
  const seed = Math.floor(r() * 2 ** 31) + 1;
  const src = randomProgram(seed, 8 + (i % 20));
  const py = cpython(src);
  if (py === null) continue;
  const sim = simulate(src, 10);
  if (sim.type === 'NotSupported' || sim.type === 'TimeBudgetExceeded') continue;
  compared++;
  const d = sameAsCPython(sim, py);
  if (d) {
    diffs++;
    out(`differential seed ${seed}: ${d.split('\n')[0]}`);
  }
}
out(`differential: ${compared} programs compared with python3, ${diffs} differ`);

// 3. arithmetic against python3, 200 expressions a program
let lines = 0;
let lineDiffs = 0;
const dir = mkdtempSync(join(tmpdir(), 'hw-fuzz-arith-'));
for (let done = 0; done < nArith; done += 200) {
  const exprs = Array.from({ length: Math.min(200, nArith - done) }, () => expression(r));
  const src = program(exprs);
  writeFileSync(join(dir, 'a.py'), src);
  const want = execFileSync('python3', [join(dir, 'a.py')], { encoding: 'utf8' }).split('\n');
  const got = (simulateScript(src, { maxSeconds: 120 }).output ?? '').split('\n');
  for (let i = 0; i < want.length; i++) {
    lines++;
    if (want[i] !== got[i]) {
      lineDiffs++;
      out(`arith: ${exprs[i >> 1]}\n  python3: ${want[i]}\n  sim:     ${got[i]}`);
    }
  }
}
out(`arithmetic: ${lines} printed lines compared with python3, ${lineDiffs} differ`);

// 4. trace text
let traceBad = 0;
for (let i = 0; i < nTraces; i++) {
  let text = '';
  const n = Math.floor(r() * 12);
  for (let k = 0; k < n; k++) {
    const x = r();
    text +=
      x < 0.6
        ? `${'mcrftTXq'[Math.floor(r() * 8)]} ${Math.floor(r() * 1e6)} ${Math.floor(r() * 1e9)}`
        : String.fromCharCode(...Array.from({ length: Math.floor(r() * 60) }, () => Math.floor(r() * 256)));
    text += '\n';
  }
  const p = cleanTrace(text);
  if (p) {
    traceBad++;
    out(`trace: ${p}`);
  }
}
out(`traces: ${nTraces} texts, ${traceBad} problems`);

// 5. the audit's long inputs (minutes each for CPython too)
if (args.includes('--audit')) {
  const rec = JSON.parse(
    readFileSync(new URL('../../tests/robust/audit-cpython.json', import.meta.url), 'utf8'),
  ).results;
  for (const s of auditScripts().filter((x) => x.long)) {
    const t = performance.now();
    const rep = simulateScript(scriptBytes(s).toString('utf8'), { maxSeconds: 120 });
    const type = rep.error?.type ?? 'ok';
    out(
      `audit ${s.name}: ${type}${rep.error ? `: ${rep.error.message.slice(0, 100)}` : ''} (${Math.round(performance.now() - t)} ms; CPython: ${rec[s.name]?.outcome ?? 'not recorded'})`,
    );
  }
}
out(`done in ${Math.round((performance.now() - t0) / 1000)} s`);
