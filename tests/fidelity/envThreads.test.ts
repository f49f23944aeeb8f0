import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare';
import { runEnvRecording } from './envRuns';

/**
 * Issue 9's thread scenarios and PYTHONMALLOC=malloc, against the real CPython 3.11.7 recorded
 * under each environment (tests/fidelity/recorded/env/<preset>/): every step, every figure, with
 * the scenario's --env. Threads run on the simulated GIL (src/engine/python/eval/threads.ts).
 */
const CASES: [string, string][] = [
  ['glibc', 'threads_lists_exit'],
  ['glibc', 'threads_tcache_pin'],
  ['glibc', 'threads_bytes_lock'],
  ['glibc', 'threads_cross_free'],
  ['arena-max-2', 'threads_lists_exit'],
  ['arena-max-2', 'threads_tcache_pin'],
  ['arena-max-2', 'threads_bytes_lock'],
  ['arena-max-2', 'threads_cross_free'],
  ['pymalloc-off', 'seed_small_lists'],
  ['pymalloc-off', 'seed_big_lists'],
  ['pymalloc-off', 'alloc_survivors'],
  ['pymalloc-off', 'alloc_dict_churn'],
  ['pymalloc-off', 'alloc_seed_idle'],
];

describe('fidelity: threads and PYTHONMALLOC=malloc against recorded real runs', () => {
  for (const [preset, name] of CASES) {
    it(`${preset}/${name}`, { timeout: 300_000 }, () => {
      const { real, sim } = runEnvRecording(preset, name);
      expect(sim.error, sim.error?.message).toBeUndefined();
      expect(sim.steps.map((s) => s.code)).toEqual(real.steps.map((s) => s.code));
      const { mismatches, rows } = compareRuns(real.steps, sim.steps);
      expect(mismatches, `${preset}/${name}\n${rows.join('\n')}`).toEqual([]);
    });
  }
});
