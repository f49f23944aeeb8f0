import { describe, expect, it } from 'vitest';
import { runScriptWithNumpy } from './install';
import expected from './testdata/output_expected.json';

/**
 * What scripts print, and the errors that end them, equal NumPy's: each snippet of
 * testdata/output_cases.json was run on Debian's /usr/bin/python3 3.11.2 with NumPy 1.24.2 by
 * tools/numpy/record_outputs.py (values, reprs and str of arrays and scalars, shapes, strides,
 * dtypes, flags, bases, random numbers for a seed, reductions' floating-point results, error
 * types and messages).
 */
describe(`Python-level results equal NumPy ${expected.numpy}'s`, () => {
  expected.cases.forEach((c: { source: string; stdout: string; error?: string }, i: number) => {
    it(`#${i} ${c.source.split('\n').slice(-1)[0].slice(0, 90)}`, () => {
      const r = runScriptWithNumpy(`import numpy as np\n${c.source}\n`, { profile: 'debian-3.11.2' });
      expect(r.output ?? '').toBe(c.stdout);
      expect(r.error ? `${r.error.type}: ${r.error.message}` : undefined).toBe(c.error);
    });
  });
});
