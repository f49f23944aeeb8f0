import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/logging_expected.json';

/**
 * logging (loggingSource.ts) allocator call by allocator call against CPython 3.11.7
 * (testdata/logging_cases.json → tools/allocations/record_allocations.py logging --clear-type-cache):
 * a disabled debug call in a loop (isEnabledFor's `_cache` hit), a new logger's first call (the
 * cache's first entry), getLogger of a known name and of a new dotted one (PlaceHolders), and an
 * enabled warning through a StreamHandler (findCaller's frame objects, the LogRecord and its dict,
 * the formatted message). After `setup`, gc.collect() empties the free lists, then the statement runs.
 */
describe('logging: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
