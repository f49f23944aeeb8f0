import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordedStepWallPerCpu, recordedWallPerCpu } from './envRuns';

const here = dirname(fileURLToPath(import.meta.url));

const step = (code: string, t: number, cpu: number, cpuStart: number | null, tStart: number | null) => ({
  code,
  t,
  cpu,
  cpu_start: cpuStart,
  t_start: tStart,
});

describe("the recording's own wall time per CPU second (envRuns.ts recordedStepWallPerCpu)", () => {
  it('reads each statement over its CPU window; a sleep and a window reaching into one get the median', () => {
    const steps = [
      step('<start>', 1.0, 0.1, null, null),
      step('a = [0] * 10', 1.2, 0.2, 0.1, 0.7), // 0.5 s over 0.1 s: 5
      step('b = build()', 2.0, 0.3, 0.2, 1.8), // 0.2 over 0.1: 2
      step('time.sleep(1)', 3.0, 0.31, 0.28, 1.9), // sleeps: the median
      step('c = 1', 3.5, 0.32, 0.29, 2.9), // widened back into the sleep: the median
      step('d = more()', 4.0, 0.42, 0.32, 3.2), // 0.8 over 0.1: 8
    ];
    const r = recordedStepWallPerCpu({ steps })!;
    expect(r.map((x) => Number(x.toFixed(6)))).toEqual([5, 5, 2, 5, 5, 8]);
  });

  it('a recording without the CPU columns has none (the estimate from <start> stays)', () => {
    const steps = [
      { code: '<start>', t: 4.2 },
      { code: 'x = 1', t: 4.3 },
    ];
    expect(recordedStepWallPerCpu({ steps })).toBeNull();
    expect(recordedWallPerCpu({ steps })).toBeCloseTo(100, 6);
  });

  it('matches the figures of a real recording (jemalloc/h12_threads_build_then_drop, allocators-11)', () => {
    const real = JSON.parse(
      readFileSync(join(here, 'recorded', 'env', 'jemalloc', 'h12_threads_build_then_drop.json'), 'utf8'),
    ) as { steps: { t: number; cpu: number; cpu_start: number; t_start: number }[] };
    const r = recordedStepWallPerCpu(real)!;
    expect(r).toHaveLength(real.steps.length);
    const s = real.steps[5]; // the start loop
    expect(r[5]).toBeCloseTo(Math.max(1, (s.t - s.t_start) / (s.cpu - s.cpu_start)), 9);
    for (const x of r) expect(x).toBeGreaterThanOrEqual(1);
  });
});
