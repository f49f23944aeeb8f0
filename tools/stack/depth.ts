/**
 * How deep each Python -> C -> Python path of paths.ts goes in this node (run it with
 * --stack-size=KB as the page's worker has: tools/stack/README.md), and how much JS stack one
 * level costs: `node --stack-size=KB scripts/run-ts.mjs tools/stack/depth.ts [NAME ...] [--trace]`.
 * Each line: NAME LEVELS (the deepest level reached) and how the run ended (RecursionError's text,
 * or "stack-out" when the simulator's own stack ran out first).
 */
import { PythonProcess, SIMULATOR_STACK_OUT } from '../../src/engine/python/process';
import { listItem } from '../../src/engine/python/objects/list';
import { intValue } from '../../src/engine/python/objects/int';
import { STACK_PATHS, pathScript } from './paths';
import { isVersionName } from '../../src/engine/python/versions';

const args = process.argv.slice(2);
const pyAt = args.indexOf('--python');
const python = pyAt >= 0 ? args.splice(pyAt, 2)[1] : '3.11';
if (!isVersionName(python)) throw new Error(`--python: not a version: ${python}`);
const names = args.filter((a) => !a.startsWith('--'));
const trace = args.includes('--trace');
if (trace) Error.stackTraceLimit = 100_000;

/** The JS frames of one level: the stack's function names between two entries of evalFrame. */
function traceOf(e: Error): void {
  const fns = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.startsWith('    at '))
    .map((l) => l.slice(7).split(' (')[0]);
  const entries = fns.flatMap((f, i) => (f === 'evalFrame' ? [i] : []));
  const mid = Math.floor(entries.length / 2);
  console.log(`  ${fns.length} JS frames, ${entries.length} entries of evalFrame; one level:`);
  for (const f of fns.slice(entries[mid], entries[mid + 1])) console.log(`    ${f}`);
}

function levels(p: PythonProcess): number {
  const d = p.globalValue('d');
  return Number(intValue(p.vm, listItem(p.vm, d, 0)));
}

for (const name of names.length ? names : Object.keys(STACK_PATHS)) {
  const p = new PythonProcess({ python });
  const n = p.load(pathScript(name)).length;
  let ended: string;
  try {
    for (let i = 0; i < n; i++) p.runStatement(i);
    ended = p.outputReader().read().stdout.trim().split(' ').slice(2).join(' ');
  } catch (e) {
    if (trace && e instanceof Error) traceOf(e);
    const r = p.errorReport(e, 0);
    ended = r.message === SIMULATOR_STACK_OUT ? 'stack-out' : `${r.type}: ${r.message}`;
  }
  console.log(name, levels(p), ended);
}
