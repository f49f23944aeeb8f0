import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateScript } from '../../src/engine/simulate';
import { compareRuns, recordingBoot, type RecordedRun } from './compare';

/**
 * The first seed past 2 GiB (issues 10 and 12.3): 3·10^6 and 10^7 lists of [0] * 100 on the real
 * CPython 3.11.7 (peak RSS 2.68 GB and 8.90 GB; heap 2.28 and 7.60 GiB). Every heap offset is above
 * 2^31, so the kernel model's page counting must stay exact there. The 10^7 run costs the simulator
 * about 13 s of CPU and 1.3 GB.
 */
const here = dirname(fileURLToPath(import.meta.url));

describe('fidelity: the first seed past 2 GiB', () => {
  for (const name of ['seed_small_lists_3m', 'seed_small_lists_10m']) {
    it(name, () => {
      const real = JSON.parse(
        readFileSync(join(here, 'recorded', '3.11', `${name}.json`), 'utf8'),
      ) as RecordedRun;
      const source = readFileSync(join(here, 'scenarios', 'big', `${name}.py`), 'utf8');
      // No time budget: 10^7 lists take seconds of CPU (a budget is not a fidelity matter).
      const sim = simulateScript(source, { ...recordingBoot(real), maxSeconds: null });
      expect(sim.error).toBeUndefined();
      const { mismatches, rows } = compareRuns(real.steps, sim.steps);
      expect(mismatches, `${name}\n${rows.join('\n')}`).toEqual([]);
      // RSS within 0.1% of the real peak, not just within the 5% tolerance.
      expect(Math.abs(sim.steps[1].rss - real.steps[1].rss) / real.steps[1].rss).toBeLessThan(0.001);
    });
  }
});
