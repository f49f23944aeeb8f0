import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_ENV_GAPS } from './envAllocators.known';
import { envRecordingTest } from './envHeldoutSuite';

/**
 * Issue 9's allocator set and our held-out stand-in (scenarios/allocators/, the two seeds,
 * scenarios/heldout9/: 10 single-threaded scenarios under every preset, 2 with threads under glibc
 * defaults and MALLOC_ARENA_MAX=2) against the real CPython 3.11.7 recorded under jemalloc 5.3.0 (default, decay 0,
 * background thread), mimalloc 2.0.9 (default, decommit delays 0) and PYTHONMALLOC=malloc: every step,
 * every figure the real process reports (no mallinfo2 under a preloaded allocator), with the
 * recording's --env. glibc's own and the thread recordings are held by envThreads.test.ts and
 * fidelity.test.ts. Known gaps (envAllocators.known.ts) run as `it.fails`. A recording with reruns
 * (recorded/env-reruns/) passes when the simulator agrees with one of its real runs at every step
 * (envRuns.ts judgeEnvRecording): where purges follow the wall clock, one run is one sample; where
 * the recorded runs are proven to differ beyond the tolerance and no whole run agrees, each step is
 * held to the envelope of its samples (the recorder measures every step in a fresh process).
 */
const here = dirname(fileURLToPath(import.meta.url));
/** Held by envThreads.test.ts already. */
const ELSEWHERE = new Set([
  'seed_small_lists',
  'seed_big_lists',
  'alloc_survivors',
  'alloc_dict_churn',
  'alloc_seed_idle',
]);

/** The suite of some presets (envAllocators-*.test.ts each call it, so two run side by side). */
export function envAllocatorSuite(presets: readonly string[]): void {
  for (const preset of presets) {
    const names = readdirSync(join(here, 'recorded', 'env', preset))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      // glibc's and MALLOC_ARENA_MAX=2's own sets are held by envThreads.test.ts: here only the held-out
      .filter((n) =>
        preset === 'glibc' || preset === 'arena-max-2' ? n.startsWith('h9_') : !n.startsWith('threads_'),
      )
      // the second, third and fourth held-out sets are envHeldout10/11/12.test.ts's
      .filter((n) => !n.startsWith('h10_') && !n.startsWith('h11_') && !n.startsWith('h12_'))
      .filter((n) => preset !== 'pymalloc-off' || !ELSEWHERE.has(n))
      .sort();
    describe(`fidelity under ${preset}: the simulator against recorded real runs`, () => {
      it('has the recordings', () => {
        expect(names.length).toBeGreaterThanOrEqual(preset === 'arena-max-2' ? 2 : 12);
      });
      for (const name of names) envRecordingTest(preset, name, KNOWN_ENV_GAPS.has(`${preset}/${name}`));
    });
  }
}
