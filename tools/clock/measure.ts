import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProcess } from '../../src/engine/simulate';

const here = dirname(fileURLToPath(import.meta.url));

/** cases.json: [label, setup, statement]. */
export const CLOCK_CASES = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8')) as [
  string,
  string,
  string,
][];
/** The real side measured on this machine (calibrate.py, README.md). */
export const REAL_3_11_7 = JSON.parse(readFileSync(join(here, 'real-3.11.7.json'), 'utf8')) as Record<
  string,
  { cpu_ms: number; wall_ms: number }
>;

export interface ClockCost {
  /** What the statement advanced the simulated clock by (wallPerCpu 1). */
  simMs: number;
  /** What Clock.advance was charged (µs): the instructions' CPU (eval/opcosts.ts) and the C work's. */
  advancedUs: number;
  faults: number;
  allocs: number;
  frees: number;
  refs: number;
  gcObjects: number;
  gcEdges: number;
}

/** Run setup, then the statement, in a simulated 3.11.7; what the statement cost and the counts charged. */
export function measureStatement(setup: string, stmt: string): ClockCost {
  const p = createProcess({ maxSeconds: null });
  const n = p.load(`${setup ? `${setup}\n` : ''}${stmt}\n`).length;
  for (let i = 0; i < n - 1; i++) p.runStatement(i);
  const mem = p.vm.mem;
  // the collector's walks and the interpreter's charges, counted as they are made
  const gcWork = { objects: 0, edges: 0 };
  const walked = p.vm.walked.bind(p.vm);
  p.vm.walked = (objects, edges) => {
    gcWork.objects += objects;
    gcWork.edges += edges;
    walked(objects, edges);
  };
  let advanced = 0;
  const advance = p.clock.advance.bind(p.clock);
  p.clock.advance = (ns) => {
    advanced += ns;
    advance(ns);
  };
  const before = {
    ns: p.clock.now(),
    calls: mem.calls,
    frees: mem.frees,
    refs: mem.refOps,
    faults: p.kernel.faults,
  };
  p.runStatement(n - 1);
  p.measure();
  const faults = p.kernel.faults - before.faults;
  const frees = mem.frees - before.frees;
  return {
    simMs: (p.clock.now() - before.ns) / 1e6,
    advancedUs: Math.round(advanced / 1000), // faults reach the clock through Clock.work (kernel/costs.ts)
    faults,
    allocs: mem.calls - before.calls - frees,
    frees,
    refs: mem.refOps - before.refs,
    gcObjects: gcWork.objects,
    gcEdges: gcWork.edges,
  };
}
