import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeEnvRecording } from './envRuns';

const here = dirname(fileURLToPath(import.meta.url));

/** One recording judged: the simulator's run under `preset` agrees with some real run at every step. */
export function envRecordingTest(preset: string, name: string, knownGap: boolean): void {
  (knownGap ? it.fails : it)(name, { timeout: 600_000 }, () => {
    const { matched, simError, attempts } = judgeEnvRecording(preset, name);
    expect(simError).toBeNull();
    const why = attempts.map((a) => `${a.label}: ${a.mismatches.join(' ')}\n${a.rows.join('\n')}`);
    expect(matched, `${preset}/${name}, no real run agrees at every step\n${why.join('\n')}`).not.toBeNull();
  });
}

/**
 * One held-out set for issue 9 judged under each environment it was recorded in: the recordings
 * `recorded/env/<preset>/<prefix>*.json` (their count checked), each run by the simulator under the
 * same environment and held to envRuns.ts judgeEnvRecording's rule (some real run agrees at every
 * step). Known gaps (`<preset>/<name>` in `known`) run as `it.fails`.
 */
export function describeHeldout(
  label: string,
  prefix: string,
  presets: [string, number][],
  known: ReadonlyMap<string, unknown>,
): void {
  for (const [preset, count] of presets) {
    const names = readdirSync(join(here, 'recorded', 'env', preset))
      .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    describe(`${label} under ${preset}: the simulator against recorded real runs`, () => {
      it(`has the ${count} recordings`, () => {
        expect(names).toHaveLength(count);
      });
      for (const name of names) envRecordingTest(preset, name, known.has(`${preset}/${name}`));
    });
  }
}

/** The eight environments the compare view offers (tools/recording_sets.py COMPARE_PRESETS). */
export const COMPARE_PRESETS = [
  'glibc',
  'tcache-off',
  'arena-max-2',
  'jemalloc',
  'jemalloc-decay0',
  'mimalloc',
  'mimalloc-decommit0',
  'pymalloc-off',
];
