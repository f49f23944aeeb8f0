import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/meta_expected.json';

/**
 * Metaclasses and the class machinery on them (issue 7), allocator call by allocator call against
 * CPython 3.11.7 (tools/allocations/record_allocations.py meta --clear-type-cache): after `setup`,
 * gc.collect() empties the free lists, then the statement runs traced.
 */

describe('metaclasses: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
