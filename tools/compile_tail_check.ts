/**
 * The generated compile tail (src/engine/python/startup/compileTail.ts) against the recorded ones:
 *
 *     node scripts/run-ts.mjs tools/compile_tail_check.ts [NAME ...] [--diff N]
 *
 * Recorded tails: src/engine/python/startup/compile-tails/real/*.tail (tools/capture_compile_tail.py;
 * their scripts in compile-tails/scripts/ or tests/fidelity/scenarios/) and the corpus's own
 * start-up captures (tests/corpus/recorded/NAME.startup.trace, cut where the compile begins).
 * Per script: calls recorded and generated, whether they are the same call for call, the first
 * difference, and whether the heap after `<start>` is the same chunk for chunk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTail } from '../src/engine/python/startup/compileTail';
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
const passTrace = traceLines(
  readFileSync(join(root, 'src/engine/python/startup/cpython-3.11.7.trace'), 'utf8'),
);
const prefix = parsedLines(passTrace.slice(0, tailStart(passTrace)));
// the NumPy snippets run on Debian's 3.11.2 (its own start-up, the same compiler)
const debianTrace = traceLines(
  readFileSync(join(root, 'src/engine/python/startup/debian-3.11.2.trace'), 'utf8'),
);
const debianPrefix = parsedLines(debianTrace.slice(0, tailStart(debianTrace)));

const args = process.argv.slice(2);
const diffN = args.includes('--diff') ? Number(args[args.indexOf('--diff') + 1]) : 0;
/** --compile: compare only from the compiler's first unit (calloc 1 × 792) on. */
const fromCompile = args.includes('--compile');
const compilePart = (lines: string[]): string[] => {
  const i = lines.findIndex((l) => l.startsWith('c ') && l.endsWith(' 1 792'));
  return i < 0 ? lines : lines.slice(i);
};
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--diff');
let exact = 0;
let sameHeap = 0;
let total = 0;
let ms = 0;
for (const c of recordedTails()) {
  if (only.length && !only.some((o) => c.name.includes(o))) continue;
  total++;
  let gen: string[];
  let tail;
  try {
    const t0 = performance.now();
    tail = compileTail(c.source, 'scenario.py');
    ms += performance.now() - t0;
    gen = logLines(tail.log);
  } catch (e) {
    console.log(`${c.name.padEnd(40)} ERROR ${(e as Error).message}`);
    continue;
  }
  const a = canonical(fromCompile ? compilePart(c.real) : c.real);
  const b = canonical(fromCompile ? compilePart(gen) : gen);
  let first = a.findIndex((x, i) => x !== b[i]);
  if (first < 0 && a.length !== b.length) first = Math.min(a.length, b.length);
  const pre = c.name.startsWith('corpus/numpy_') ? debianPrefix : prefix;
  const ra = heapAfter(pre, parsedLines(c.real));
  const rb = heapAfter(pre, logTrace(tail.log));
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
