/**
 * The generated compile tail (src/engine/python/startup/compileTail.ts) against the recorded ones:
 *
 *     node scripts/run-ts.mjs tools/compile_tail_check.ts [NAME ...] [--diff N] [--compile] [--python 3.12|3.13]
 *
 * With --python the release's tails (compile-tails/real-3.12/, tests/corpus/recorded/3.12/…) against
 * the generator run with that version profile, after that release's start-up prefix.
 * Recorded tails: src/engine/python/startup/compile-tails/real/*.tail (tools/capture_compile_tail.py;
 * their scripts in compile-tails/scripts/ or tests/fidelity/scenarios/) and the corpus's own
 * start-up captures (tests/corpus/recorded/NAME.startup.trace, cut where the compile begins).
 * Per script: calls recorded and generated, whether they are the same call for call, the first
 * difference, and whether the heap after `<start>` is the same chunk for chunk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTail } from '../src/engine/python/startup/compileTail';
import { cpythonVersion, isVersionName } from '../src/engine/python/versions';
import { recordedTails } from '../tests/startup/recordedTails';
import {
  canonical,
  heapAfter,
  logLines,
  logTrace,
  parsedLines,
  tailStart,
  traceLines,
} from '../src/engine/python/startup/tailCheck';

const root = process.cwd();
const args = process.argv.slice(2);
const python = args.includes('--python') ? args[args.indexOf('--python') + 1] : '3.11';
if (!isVersionName(python)) throw new Error(`--python ${python}: not a version (3.11, 3.12, 3.13)`);
const py = cpythonVersion(python);
const passFile = {
  '3.11': 'cpython-3.11.7.trace',
  '3.12': '3.12.1/cpython-3.12.1.trace',
  '3.13': '3.13.0/cpython-3.13.0.trace',
}[python];
const passTrace = traceLines(readFileSync(join(root, 'src/engine/python/startup', passFile), 'utf8'));
const prefix = parsedLines(passTrace.slice(0, tailStart(passTrace)));
// the NumPy snippets run on Debian's 3.11.2 (its own start-up, the same compiler)
const debianTrace = traceLines(
  readFileSync(join(root, 'src/engine/python/startup/debian-3.11.2.trace'), 'utf8'),
);
const debianPrefix = parsedLines(debianTrace.slice(0, tailStart(debianTrace)));

const diffN = args.includes('--diff') ? Number(args[args.indexOf('--diff') + 1]) : 0;
/** --pass: the captured compile of `pass` in place of the generated tail (how 3.12 and 3.13 booted before). */
const passOnly = args.includes('--pass');
const passTail = passTrace.slice(tailStart(passTrace));
/** --compile: compare only from the compiler's first unit (calloc 1 × 792) on. */
const fromCompile = args.includes('--compile');
const unitCall = ` 1 ${py.compileTail.compilerUnit}`;
const compilePart = (lines: string[]): string[] => {
  const i = lines.findIndex((l) => l.startsWith('c ') && l.endsWith(unitCall));
  return i < 0 ? lines : lines.slice(i);
};
/** --parse: compare only up to the compiler's first unit (the file, pegen, obj2ast). */
const parsePart = args.includes('--parse');
const beforeCompile = (lines: string[]): string[] => {
  const i = lines.findIndex((l) => l.startsWith('c ') && l.endsWith(unitCall));
  return i < 0 ? lines : lines.slice(0, i);
};
const only = args.filter(
  (a, i) => !a.startsWith('--') && args[i - 1] !== '--diff' && args[i - 1] !== '--python',
);
let exact = 0;
let sameHeap = 0;
let total = 0;
let ms = 0;
for (const c of recordedTails(python)) {
  if (only.length && !only.some((o) => c.name.includes(o))) continue;
  total++;
  let gen: string[];
  let tail;
  try {
    const t0 = performance.now();
    tail = compileTail(c.source, 'scenario.py', py);
    ms += performance.now() - t0;
    gen = passOnly ? passTail : logLines(tail.log);
  } catch (e) {
    console.log(`${c.name.padEnd(40)} ERROR ${(e as Error).message}`);
    continue;
  }
  const part = (l: string[]): string[] => (fromCompile ? compilePart(l) : parsePart ? beforeCompile(l) : l);
  const a = canonical(part(c.real));
  const b = canonical(part(gen));
  let first = a.findIndex((x, i) => x !== b[i]);
  if (first < 0 && a.length !== b.length) first = Math.min(a.length, b.length);
  const pre = c.name.startsWith('corpus/numpy_') ? debianPrefix : prefix;
  const ra = heapAfter(pre, parsedLines(c.real));
  const rb = heapAfter(pre, passOnly ? parsedLines(passTail) : logTrace(tail.log));
  const heapSame = ra.chunks.join() === rb.chunks.join();
  if (first < 0) exact++;
  if (heapSame) sameHeap++;
  console.log(
    `${c.name.padEnd(40)} real ${String(a.length).padStart(4)} gen ${String(b.length).padStart(4)} ` +
      `${first < 0 ? 'EXACT' : 'first diff ' + first} heap ${heapSame ? 'same' : `differs (${ra.chunks.length} vs ${rb.chunks.length} chunks, heap ${ra.heap} vs ${rb.heap}, top ${ra.top} vs ${rb.top})`}`,
  );
  if (diffN && first >= 0) {
    for (let i = Math.max(0, first - 3); i < first + diffN; i++)
      console.log(`    ${(a[i] ?? '').padEnd(24)} ${b[i] ?? ''}`);
  }
}
console.log(
  `\n${total} scripts: ${exact} exact call for call, ${sameHeap} with the same heap after <start>; generation ${(ms / Math.max(1, total)).toFixed(2)} ms a script`,
);
