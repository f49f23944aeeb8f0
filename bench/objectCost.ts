import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createProcess } from '../src/engine/simulate';

/**
 * Bytes per simulated object, per type (python/README.md "Cost"): the simulator's resident memory
 * (RSS) grown by a statement that keeps N objects of one type in a list, divided by N, against the
 * real CPython 3.11.7's RSS growth for the same statement. Both include the list's 8-byte item
 * pointer (the simulator's 4-byte item in its pool) and the allocators' own state, so the figures
 * compare what a user's script costs, not one column. Each case runs in a fresh process, three times (the median is shown).
 *
 * `node scripts/run-ts.mjs bench/objectCost.ts` prints the table (HW_BENCH_COST=record,dict5: those
 * cases only); with a case name as argument it
 * measures that case in this process (what the table's child processes do).
 */
const N = 1_000_000;
export const COST_CASES: Record<string, string> = {
  int: `x = [i + 1000 for i in range(${N})]`,
  float: `x = [i * 0.5 for i in range(${N})]`,
  str: `x = [str(i) for i in range(${N})]`,
  tuple: `x = [(i,) for i in range(${N})]`,
  list: `x = [[] for i in range(${N})]`,
  dict: `x = [{} for i in range(${N})]`,
  record: `x = [{'a': i, 'b': i} for i in range(${N})]`,
  recordStr: `x = [{'a': i, 'b': str(i)} for i in range(${N})]`,
  dict5: `x = [{'a': i, 'b': i, 'c': i, 'd': i, 'e': i} for i in range(${N})]`,
  dict8: `x = [{'a': i, 'b': i, 'c': i, 'd': i, 'e': i, 'f': i, 'g': i, 'h': i} for i in range(${N})]`,
  bytes: `x = [str(i).encode() for i in range(${N})]`,
  instance: `class P:\n    def __init__(self, v):\n        self.v = v\nx = [P(i) for i in range(${N})]`,
};

/** RSS growth of the simulator for one case, in bytes per element (run in a fresh process). */
function simulatorBytes(name: string): number {
  const p = createProcess({});
  const statements = p.load(COST_CASES[name] + '\n');
  const gcNow = (globalThis as { gc?: () => void }).gc;
  gcNow?.();
  const before = process.memoryUsage().rss;
  for (let i = 0; i < statements.length; i++) p.runStatement(i);
  gcNow?.();
  return (process.memoryUsage().rss - before) / N;
}

function realBytes(source: string): number {
  const python = join(
    spawnSync('pyenv', ['root'], { encoding: 'utf8' }).stdout?.trim() || `${process.env.HOME}/.pyenv`,
    'versions/3.11.7/bin/python3',
  );
  const probe = [
    'import gc, resource',
    'gc.disable()',
    'def rss():',
    '    with open("/proc/self/statm") as f: return int(f.read().split()[1]) * resource.getpagesize()',
    'b = rss()',
    `exec(${JSON.stringify(source)})`,
    `print((rss() - b) / ${N})`,
  ].join('\n');
  return Number(spawnSync(python, ['-c', probe], { encoding: 'utf8' }).stdout.trim());
}

export function benchObjectCost(): string[] {
  const lines = [
    'type      simulator B/object  CPython B/object  ratio  (statement: x = [... for i in range(10**6)])',
  ];
  // HW_BENCH_COST=record,dict5 narrows the cases
  const only = process.env.HW_BENCH_COST?.split(',');
  for (const [name, source] of Object.entries(COST_CASES)) {
    if (only && !only.includes(name)) continue;
    // The median of three child runs: one run's RSS growth spreads ±40% on the same build (node's
    // own malloc keeps or returns freed column buffers as its heap allows: str 30, 67, 69 B).
    const runs = [0, 1, 2].map(() => {
      const r = spawnSync(
        process.execPath,
        ['--expose-gc', join(process.cwd(), 'scripts/run-ts.mjs'), 'bench/objectCost.ts', name],
        { encoding: 'utf8' },
      );
      return Number(r.stdout.trim());
    });
    const sim = runs.sort((a, b) => a - b)[1];
    const real = realBytes(source);
    lines.push(
      `${name.padEnd(9)} ${sim.toFixed(1).padStart(18)}  ${real.toFixed(1).padStart(16)}  ${(sim / real).toFixed(2).padStart(5)}`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  if (name) console.log(simulatorBytes(name));
  else for (const l of benchObjectCost()) console.log(l);
}
