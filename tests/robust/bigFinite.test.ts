import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareRuns, type RecordedRun, type StepFigures } from '../fidelity/compare';

/**
 * Issue 12 §8 (audit §8): `a = [[0] * 10 for _ in range(10**7)]` is a finite workload (CPython 3.11.7
 * here: 1.54 GB RSS, 1,397 pymalloc arenas), once stopped as "the step budget of 50,000,000 steps ran
 * out (an endless loop?)". Run as a user runs it, the CLI with its default budgets (no time limit,
 * --max-memory 1536 MB), it must reach the end, every step within the fidelity tolerance of the real
 * run recorded in recorded/list_of_small_lists_10m.json (tools/record.py, 3.11.7, one process per step),
 * and nothing it prints may guess at an endless loop. Measured on this machine: 13 s of CPU and
 * 0.95 GB for the CLI process (148 s wall at a load of 9); the real run took 30 s to its first reading.
 */
const here = dirname(fileURLToPath(import.meta.url));
const scenario = join(here, 'recorded', 'list_of_small_lists_10m.py');

interface CliReport {
  steps: StepFigures[];
  error?: { type: string; message: string; line: number };
}

describe('a big finite workload is not an endless loop (issue 12 §8)', () => {
  it('ten million small lists run to the end in the CLI with its default budgets, RSS as the real run', () => {
    const r = spawnSync(process.execPath, [resolve(here, '../../bin/highwater'), scenario, '--json'], {
      encoding: 'utf8',
      timeout: 540_000,
      maxBuffer: 64 * 2 ** 20,
    });
    expect(r.stdout + r.stderr).not.toMatch(/endless|step budget|budget .* ran out|heap out of memory/i);
    expect(r.status, r.stderr).toBe(0);
    const sim = JSON.parse(r.stdout) as CliReport;
    expect(sim.error).toBeUndefined();
    const real = JSON.parse(
      readFileSync(join(here, 'recorded', 'list_of_small_lists_10m.json'), 'utf8'),
    ) as RecordedRun;
    expect(sim.steps.map((s) => s.code)).toEqual(real.steps.map((s) => s.code));
    const { mismatches, rows } = compareRuns(real.steps, sim.steps);
    expect(mismatches, rows.join('\n')).toEqual([]);
    // the peak within 1% of the real 1.54 GB, not just the 5% tolerance; and the del gives it back
    expect(Math.abs(sim.steps[1].rss - real.steps[1].rss) / real.steps[1].rss).toBeLessThan(0.01);
    expect(sim.steps[2].rss).toBeLessThan(real.steps[0].rss + 8 * 2 ** 20);
  });
});
