import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareEnvelope, compareRuns, type RecordedRun, type StepFigures } from '../fidelity/compare';

/**
 * The envelope rule's data and rule (README "runs that differ", tools/envelope.py): a snippet's
 * recorded/NAME.runs.json exists only where its real runs prove a spread beyond the single-run
 * tolerance, its runs line up step by step with the stored recording, and compareEnvelope holds a
 * run to [min, max] of them all, not to any one.
 */
const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'recorded');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.runs.json'))
  .map((f) => f.replace(/\.runs\.json$/, ''));

const load = (name: string) => ({
  stored: JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as RecordedRun,
  runs: (
    JSON.parse(readFileSync(join(dir, `${name}.runs.json`), 'utf8')) as { runs: { steps: StepFigures[] }[] }
  ).runs.map((r) => r.steps),
});

describe('recorded/*.runs.json: more real runs where one run is not the real thing', () => {
  it('some snippets have them', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(`${name}: the runs line up with the recording and prove a spread beyond the tolerance`, () => {
      const { stored, runs } = load(name);
      expect(runs.length).toBeGreaterThanOrEqual(2);
      for (const r of runs) expect(r.map((s) => s.code)).toEqual(stored.steps.map((s) => s.code));
      // held to the stored run by the single rule, at least one other real run is outside it
      expect(runs.some((r) => compareRuns(stored.steps, r).mismatches.length > 0)).toBe(true);
    });
    it(`${name}: each real run is within the envelope; one past its edge is not`, () => {
      const { stored, runs } = load(name);
      for (const r of runs) expect(compareEnvelope([stored.steps, ...runs], r).mismatches).toEqual([]);
      // the run whose RSS rises most at its last step, 1.5 tolerances higher there: outside, at that step only
      const last = stored.steps.length - 1;
      const rise = (r: StepFigures[]) => r[last].rss - r[0].rss;
      const top = [stored.steps, ...runs].reduce((a, b) => (rise(b) > rise(a) ? b : a));
      const { mismatches } = compareEnvelope([stored.steps, ...runs], stored.steps);
      expect(mismatches).toEqual([]);
      const tol = Math.max(
        0.05 * Math.max(...stored.steps.map((s) => Math.abs(s.rss - stored.steps[0].rss))),
        1024 * 1024,
      );
      const past = top.map((s, i) => (i === last ? { ...s, rss: s.rss + 1.5 * tol } : s));
      const off = compareEnvelope([stored.steps, ...runs], past).mismatches;
      expect(off.map((m) => [m.step, m.figure])).toEqual([[last, 'rss']]);
    });
  }
});

describe('compareEnvelope with one run is the single-run rule', () => {
  it('the same mismatches as compareRuns on a recording against a shifted copy', () => {
    const { stored } = load(names[0]);
    const shifted = stored.steps.map((s, i) => (i === 2 ? { ...s, heap: s.heap + 8 * 1024 * 1024 } : s));
    expect(compareEnvelope([stored.steps], shifted)).toEqual(compareRuns(stored.steps, shifted));
    expect(compareRuns(stored.steps, shifted).mismatches.map((m) => [m.step, m.figure])).toEqual([
      [2, 'heap'],
    ]);
  });
});
