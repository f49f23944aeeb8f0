import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_HELDOUT12_GAPS } from './envHeldout12.known';
import { judgeEnvRecording } from './envRuns';

/**
 * The fourth held-out stand-in for issue 9 (scenarios/heldout12/, allocators-9: 8 snippets written
 * before the session's fixes, as people write them: threads that build then drop, workers counting
 * under a Lock, rounds of class instances, NumPy in chunks, a log split into lines, a dict of lists
 * cleared, buffers around the mmap threshold with sleeps, a generator pipeline) recorded on the real
 * CPython 3.11.7 (NumPy's on Debian's 3.11.2) under every environment the compare view offers
 * (tools/recording_sets.py heldout12-*), held to the rule of envAllocators-*.test.ts (envRuns.ts
 * judgeEnvRecording). Known gaps run as `it.fails`.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PRESETS: [string, number][] = [
  ['glibc', 8],
  ['tcache-off', 8],
  ['arena-max-2', 8],
  ['jemalloc', 8],
  ['jemalloc-decay0', 8],
  ['mimalloc', 8],
  ['mimalloc-decommit0', 8],
  ['pymalloc-off', 8],
];

for (const [preset, count] of PRESETS) {
  const names = readdirSync(join(here, 'recorded', 'env', preset))
    .filter((f) => f.startsWith('h12_') && f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  describe(`held-out 12 under ${preset}: the simulator against recorded real runs`, () => {
    it(`has the ${count} recordings`, () => {
      expect(names).toHaveLength(count);
    });
    for (const name of names) {
      const known = KNOWN_HELDOUT12_GAPS.get(`${preset}/${name}`);
      (known ? it.fails : it)(name, { timeout: 600_000 }, () => {
        const { matched, simError, attempts } = judgeEnvRecording(preset, name);
        expect(simError).toBeNull();
        const why = attempts.map((a) => `${a.label}: ${a.mismatches.join(' ')}\n${a.rows.join('\n')}`);
        expect(
          matched,
          `${preset}/${name}, no real run agrees at every step\n${why.join('\n')}`,
        ).not.toBeNull();
      });
    }
  });
}
