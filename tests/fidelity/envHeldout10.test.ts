import { KNOWN_HELDOUT10_GAPS } from './envHeldout10.known';
import { COMPARE_PRESETS, describeHeldout } from './envHeldoutSuite';

/**
 * The second held-out stand-in for issue 9 (scenarios/heldout10/: 8 snippets written before reading
 * src/, what people try when they compare allocators: MALLOC_ARENA_MAX with threads, malloc_trim
 * after del, a big dict churned, bytes churn, NumPy temporaries, lru_cache.cache_clear, kept lines,
 * threads filling buffers) recorded on the real CPython 3.11.7 (NumPy's on Debian's 3.11.2) under
 * every environment the compare view offers (tools/recording_sets.py COMPARE_PRESETS), held to the
 * rule of envAllocators-*.test.ts (envRuns.ts judgeEnvRecording). Known gaps run as `it.fails`.
 */
describeHeldout(
  'held-out 10',
  'h10_',
  COMPARE_PRESETS.map((p) => [p, 8]),
  KNOWN_HELDOUT10_GAPS,
);
