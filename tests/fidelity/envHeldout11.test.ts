import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_HELDOUT11_GAPS } from './envHeldout11.known';
import { judgeEnvRecording } from './envRuns';

/**
 * The third held-out stand-in for issue 9 (scenarios/heldout11/: 6 snippets written before reading
 * the allocator code, what people try when tuning: a cache under MALLOC_TRIM_THRESHOLD_, buffers
 * around MALLOC_MMAP_THRESHOLD_, threads then a sleep for jemalloc's decay, a long worker loop of
 * dicts, a NumPy pipeline, a concurrent.futures thread pool) recorded on the real CPython 3.11.7
 * (NumPy's on Debian's 3.11.2) under every environment the compare view offers, and the tuning
 * snippets also under the settings they name (tools/recording_sets.py heldout11-*), held to the
 * rule of envAllocators-*.test.ts (envRuns.ts judgeEnvRecording). Known gaps run as `it.fails`.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PRESETS: [string, number][] = [
  ['glibc', 6],
  ['tcache-off', 6],
  ['arena-max-2', 6],
  ['jemalloc', 6],
  ['jemalloc-decay0', 6],
  ['mimalloc', 6],
  ['mimalloc-decommit0', 6],
  ['pymalloc-off', 6],
  ['glibc-thresholds', 2],
  ['jemalloc-narenas1', 2],
];

for (const [preset, count] of PRESETS) {
  const names = readdirSync(join(here, 'recorded', 'env', preset))
    .filter((f) => f.startsWith('h11_') && f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  describe(`held-out 11 under ${preset}: the simulator against recorded real runs`, () => {
    it(`has the ${count} recordings`, () => {
      expect(names).toHaveLength(count);
    });
    for (const name of names) {
      const known = KNOWN_HELDOUT11_GAPS.get(`${preset}/${name}`);
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
