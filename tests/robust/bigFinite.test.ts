import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareRuns, type RecordedRun, type StepFigures } from '../fidelity/compare';

/**
 * Issue 12 §8 (audit §8): big finite workloads the simulator once refused. Run as a user runs them,
 * the CLI with its default budgets (no time limit; --max-memory half of node's heap limit), each
 * must reach the end, every step within the fidelity tolerance of the real run recorded beside it
 * (tools/record.py on 3.11.7, one process per step), the peak RSS within 1% of the real one, and
 * nothing printed may guess at an endless loop or a budget.
 *
 * - `[[0] * 10 for _ in range(10**7)]`: once "the step budget of 50,000,000 steps ran out (an
 *   endless loop?)". Real: 1,540.4 MB RSS, 1,397 arenas. The CLI: 13 s of CPU, 0.95 GB of its own.
 * - `{i: None for i in range(17_000_000)}`: once the same budget after 105 s, then the CLI's
 *   1,536 MB memory budget at 16.1 M objects (the model charges 100 bytes an object). Real: 1,174.9
 *   MB RSS after 13 s. The CLI: 4.3 s of CPU, 1.18 GB of its own.
 */
const here = dirname(fileURLToPath(import.meta.url));

interface CliReport {
  steps: StepFigures[];
  error?: { type: string; message: string; line: number };
}

describe('big finite workloads run to the end in the CLI (issue 12 §8)', () => {
  it.each(['list_of_small_lists_10m', 'dict_comprehension_17m'])('%s', (name) => {
    const r = spawnSync(
      process.execPath,
      [resolve(here, '../../bin/highwater'), join(here, 'recorded', `${name}.py`), '--json'],
      { encoding: 'utf8', timeout: 540_000, maxBuffer: 64 * 2 ** 20 },
    );
    expect(r.stdout + r.stderr).not.toMatch(/endless|step budget|budget .* ran out|heap out of memory/i);
    expect(r.status, r.stderr).toBe(0);
    const sim = JSON.parse(r.stdout) as CliReport;
    expect(sim.error).toBeUndefined();
    const real = JSON.parse(readFileSync(join(here, 'recorded', `${name}.json`), 'utf8')) as RecordedRun;
    expect(sim.steps.map((s) => s.code)).toEqual(real.steps.map((s) => s.code));
    const { mismatches, rows } = compareRuns(real.steps, sim.steps);
    expect(mismatches, rows.join('\n')).toEqual([]);
    // the peak within 1% of the real one, not just the 5% tolerance; and the del gives it back
    expect(Math.abs(sim.steps[1].rss - real.steps[1].rss) / real.steps[1].rss).toBeLessThan(0.01);
    expect(sim.steps[2].rss).toBeLessThan(real.steps[0].rss + 8 * 2 ** 20);
  });
});
