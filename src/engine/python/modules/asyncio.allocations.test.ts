import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/asyncio_expected.json';

/**
 * Coroutines, async generators and asyncio allocator call by allocator call against CPython 3.11.7
 * (testdata/asyncio_cases.json → tools/allocations/record_allocations.py asyncio --clear-type-cache).
 * After `setup`, gc.collect() empties the free lists, then the statement runs.
 */
describe('asyncio: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
