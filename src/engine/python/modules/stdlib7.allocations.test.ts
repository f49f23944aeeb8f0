import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/stdlib7_expected.json';

/**
 * configparser (configparserSource.ts), functools.singledispatch, unicodedata and pickle protocols
 * 0 and 1, allocator call by allocator call against CPython 3.11.7 (testdata/stdlib7_cases.json →
 * tools/allocations/record_allocations.py stdlib7 --clear-type-cache). After `setup`, gc.collect()
 * empties the free lists, then the statement runs.
 */
describe('stdlib-7 modules: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
