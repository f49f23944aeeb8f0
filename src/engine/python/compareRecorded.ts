/**
 * Compare runScript with the recorded real runs, figure by figure (a development aid; the
 * fidelity test in tests/fidelity holds the tolerances):
 *
 *     npx tsx src/engine/python/compareRecorded.ts [NAME ...]
 *
 * For every step: the real and the simulated change since `<start>` of rss, heap, anon_mmap,
 * fordblks and hblkhd (MiB), arenas, and the gc counters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript } from './process';
import type { Report } from './report';

interface RecordedStep {
  code: string;
  rss: number;
  heap: number;
  anon_mmap: number;
  mallinfo2: Record<string, number>;
  pymalloc: { arenas_allocated_current: number };
  gc?: { count: number[]; collections: number[] };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fidelity');
const MiB = 1024 * 1024;
const figures: [string, (s: RecordedStep) => number, number][] = [
  ['rss', (s) => s.rss, MiB],
  ['heap', (s) => s.heap, MiB],
  ['anon', (s) => s.anon_mmap, MiB],
  ['ford', (s) => s.mallinfo2.fordblks, MiB],
  ['hblkhd', (s) => s.mallinfo2.hblkhd, MiB],
  ['arenas', (s) => s.pymalloc.arenas_allocated_current, 1],
];

export function compareOne(name: string): { lines: string[]; worst: number } {
  const real = JSON.parse(readFileSync(join(root, 'recorded', `${name}.json`), 'utf8')) as { python: string; steps: RecordedStep[] };
  const source = readFileSync(join(root, 'scenarios', `${name}.py`), 'utf8');
  const t0 = performance.now();
  const sim: Report = runScript(source, { profile: real.python === '3.11.2' ? 'debian-3.11.2' : 'cpython-3.11.7', scenario: name });
  const ms = performance.now() - t0;
  const lines = [`== ${name} (${ms.toFixed(0)} ms)${sim.error ? `  ERROR ${sim.error.type}: ${sim.error.message} (line ${sim.error.line})` : ''}`];
  let worst = 0;
  for (let i = 1; i < real.steps.length; i++) {
    const r = real.steps[i];
    const s = sim.steps[i] as unknown as RecordedStep | undefined;
    const cells = figures.map(([fig, get, unit]) => {
      const rd = (get(r) - get(real.steps[0])) / unit;
      if (!s) return `${fig} ${rd.toFixed(unit === 1 ? 0 : 1)}/—`;
      const sd = (get(s) - get(sim.steps[0] as unknown as RecordedStep)) / unit;
      let largest = 0;
      for (const x of real.steps) largest = Math.max(largest, Math.abs(get(x) - get(real.steps[0])) / unit);
      const tol = Math.max(0.05 * largest, unit === 1 ? 2 : 1);
      worst = Math.max(worst, Math.abs(rd - sd) / tol);
      const mark = Math.abs(rd - sd) > tol ? '✗' : '';
      return `${fig} ${rd.toFixed(unit === 1 ? 0 : 1)}/${sd.toFixed(unit === 1 ? 0 : 1)}${mark}`;
    });
    const gc = s && r.gc ? `gc ${JSON.stringify(r.gc.collections)}/${JSON.stringify(s.gc?.collections)}` : '';
    lines.push(`  ${JSON.stringify(r.code.split('\n')[0].slice(0, 34)).padEnd(38)} ${cells.join('  ')}  ${gc}`);
  }
  return { lines, worst };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2).length
    ? process.argv.slice(2)
    : readdirSync(join(root, 'recorded'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort();
  for (const n of names) {
    const { lines, worst } = compareOne(n);
    console.log(lines.join('\n') + `\n  worst: ${(worst * 100).toFixed(0)}% of the tolerance`);
  }
}
