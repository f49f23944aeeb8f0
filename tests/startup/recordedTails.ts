import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tailStart, traceLines } from '../../src/engine/python/startup/tailCheck';

export interface RecordedTail {
  name: string;
  source: Buffer;
  /** The recorded glibc calls of the compile, one trace line each. */
  real: string[];
}

const root = join(import.meta.dirname, '../..');

/**
 * Every recorded compile tail with its script: ours (src/engine/python/startup/compile-tails/real,
 * their scripts in compile-tails/scripts or tests/fidelity/scenarios), then the corpus's own start-up
 * captures cut where the compile begins, for one release (3.12's and 3.13's: real-3.12/ and
 * tests/corpus/recorded/3.12/…). Shared by compileTail.test.ts and tools/compile_tail_check.ts.
 */
export function recordedTails(python: '3.11' | '3.12' | '3.13' = '3.11'): RecordedTail[] {
  const out: RecordedTail[] = [];
  // 3.11's in real/ and tests/corpus/recorded/, the others' in real-3.1x/ and recorded/3.1x/
  const own = python === '3.11' ? 'real' : `real-${python}`;
  const corpus = python === '3.11' ? '' : python;
  const tails = join(root, 'src/engine/python/startup/compile-tails');
  const dirs = [
    join(tails, 'scripts'),
    join(root, 'tests/fidelity/scenarios'),
    join(root, 'tests/fidelity/scenarios/language'),
  ];
  if (!existsSync(join(tails, own))) return out;
  for (const f of readdirSync(join(tails, own)).sort()) {
    const name = f.replace(/\.tail$/, '');
    const dir = dirs.find((d) => existsSync(join(d, name + '.py')));
    if (dir)
      out.push({
        name,
        source: readFileSync(join(dir, name + '.py')),
        real: traceLines(readFileSync(join(tails, own, f), 'utf8')),
      });
  }
  const rec = join(root, 'tests/corpus/recorded', corpus);
  for (const f of readdirSync(rec).sort()) {
    if (!f.endsWith('.startup.trace')) continue;
    const name = f.replace(/\.startup\.trace$/, '');
    const lines = traceLines(readFileSync(join(rec, f), 'utf8'));
    const source = readFileSync(join(root, 'tests/corpus/snippets', name + '.py'));
    // a script that opens with `from __future__` runs those imports before <start> (hw_child.py
    // since misses-6): its capture ends with the import of __future__, whose own file read is the
    // last BufferedReader, so the compile is the part before it, up to the child's own 960-byte
    // block that follows every compile (compileTail.test.ts fromCompile)
    const lead = /^from\s+__future__\s+import\b/m.test(source.toString('utf8'));
    let end = lines.length;
    if (lead) {
      end = tailStart(lines);
      const last960 = lines.slice(0, end).findLastIndex((l) => /^m \d+ 960$/.test(l));
      if (last960 >= end - 8) end = last960 + 1;
    }
    out.push({ name: 'corpus/' + name, source, real: lines.slice(tailStart(lines.slice(0, end)), end) });
  }
  return out;
}
