import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_HELDOUT10_GAPS } from './envHeldout10.known';
import { judgeEnvRecording } from './envRuns';

/**
 * The second held-out stand-in for issue 9 (scenarios/heldout10/: 8 snippets written before reading
 * src/, what people try when they compare allocators: MALLOC_ARENA_MAX with threads, malloc_trim
 * after del, a big dict churned, bytes churn, NumPy temporaries, lru_cache.cache_clear, kept lines,
 * threads filling buffers) recorded on the real CPython 3.11.7 (NumPy's on Debian's 3.11.2) under
 * every environment the compare view offers (tools/recording_sets.py COMPARE_PRESETS), held to the
 * rule of envAllocators-*.test.ts (envRuns.ts judgeEnvRecording). Known gaps run as `it.fails`.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PRESETS = [
  'glibc',
  'tcache-off',
  'arena-max-2',
  'jemalloc',
  'jemalloc-decay0',
  'mimalloc',
  'mimalloc-decommit0',
  'pymalloc-off',
];

for (const preset of PRESETS) {
  const names = readdirSync(join(here, 'recorded', 'env', preset))
    .filter((f) => f.startsWith('h10_') && f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  describe(`held-out 10 under ${preset}: the simulator against recorded real runs`, () => {
    it('has the eight recordings', () => {
      expect(names).toHaveLength(8);
    });
    for (const name of names) {
      const known = KNOWN_HELDOUT10_GAPS.get(`${preset}/${name}`);
      (known ? it.fails : it)(name, { timeout: 600_000 }, () => {
        const { matched, simError, attempts } = judgeEnvRecording(preset, name);
        expect(simError).toBeNull();
        const why = attempts.map((a) => `${a.label}: ${a.mismatches.join(' ')}\n${a.rows.join('\n')}`);
        expect(matched, `${preset}/${name}, no real run agrees at every step\n${why.join('\n')}`).not.toBeNull();
      });
    }
  });
}
