import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/sample3_expected.json';

/**
 * What the third held-out sample (tests/corpus/SAMPLE3.md) made the simulator learn, allocator
 * call by allocator call against CPython 3.11.7 (tools/allocations/record_allocations.py sample3
 * --clear-type-cache): dict.fromkeys, Struct.iter_unpack, heapq.merge, weakref.WeakSet and
 * Match.lastgroup. After `setup`, gc.collect() empties the free lists, then the statement runs.
 */
describe('the third held-out sample: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
