import { KNOWN_HELDOUT12_GAPS } from './envHeldout12.known';
import { COMPARE_PRESETS, describeHeldout } from './envHeldoutSuite';

/**
 * The fourth held-out stand-in for issue 9 (scenarios/heldout12/, allocators-9: 8 snippets written
 * before the session's fixes, as people write them: threads that build then drop, workers counting
 * under a Lock, rounds of class instances, NumPy in chunks, a log split into lines, a dict of lists
 * cleared, buffers around the mmap threshold with sleeps, a generator pipeline) recorded on the real
 * CPython 3.11.7 (NumPy's on Debian's 3.11.2) under every environment the compare view offers
 * (tools/recording_sets.py heldout12-*), held to the rule of envAllocators-*.test.ts (envRuns.ts
 * judgeEnvRecording). Known gaps run as `it.fails`.
 */
describeHeldout(
  'held-out 12',
  'h12_',
  COMPARE_PRESETS.map((p) => [p, 8]),
  KNOWN_HELDOUT12_GAPS,
);
