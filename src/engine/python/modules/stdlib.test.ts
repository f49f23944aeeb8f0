import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/stdlib_expected.json';

/**
 * json, io, random, math, string, pprint, time, tracemalloc, pickle … allocator call by allocator
 * call against CPython 3.11.7 (tools/allocations/record_allocations.py stdlib --clear-type-cache):
 * after `setup`, gc.collect() empties the free lists, then the statement runs traced. Modules the
 * recorder's process has not loaded are imported in the setup (untraced).
 */
describe('standard-library modules (json, io, …): allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
