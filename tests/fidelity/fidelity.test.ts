import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateScript } from '../../src/engine/simulate';
import { compareRuns, recordingBoot, type RecordedRun } from './compare';

/**
 * The simulator against real CPython runs recorded by tools/record.py (python3 3.11.7; the NumPy
 * scenarios on Debian's /usr/bin/python3 3.11.2 with NumPy 1.24): every step, every figure.
 * `npm run record` refreshes the recordings on another machine.
 */
const here = dirname(fileURLToPath(import.meta.url));
const names = readdirSync(join(here, 'recorded'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

describe('fidelity: the simulator against recorded real runs', () => {
  it('has at least 20 recorded scenarios, the seed pair among them', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(names).toEqual(expect.arrayContaining(['seed_small_lists', 'seed_big_lists']));
  });

  for (const name of names) {
    it(name, () => {
      const real = JSON.parse(readFileSync(join(here, 'recorded', `${name}.json`), 'utf8')) as RecordedRun;
      const source = readFileSync(join(here, 'scenarios', `${name}.py`), 'utf8');
      const sim = simulateScript(source, recordingBoot(real));
      expect(sim.error, sim.error && `${sim.error.type}: ${sim.error.message} (line ${sim.error.line})`).toBeUndefined();
      expect(sim.steps.map((s) => s.code)).toEqual(real.steps.map((s) => s.code));
      const { mismatches, rows } = compareRuns(real.steps, sim.steps);
      expect(mismatches, `${name}\n${rows.join('\n')}`).toEqual([]);
    });
  }
});
