import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/sample5_expected.json';

/**
 * What the fifth held-out sample (tests/corpus/SAMPLE5.md) made the simulator learn, allocator
 * call by allocator call against CPython 3.11.7 (tools/allocations/record_allocations.py sample5
 * --clear-type-cache): slice.indices, random.choices with weights and cum_weights, queue's Queue /
 * LifoQueue / PriorityQueue in Lib/queue.py's shape, contextlib.redirect_stderr. After `setup`,
 * gc.collect() empties the free lists, then the statement runs.
 */
describe('the fifth held-out sample: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
