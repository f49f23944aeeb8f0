import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/modules_expected.json';

/**
 * The standard-library modules' calls, allocator call by allocator call, against CPython 3.11.7
 * (tools/allocations/record_allocations.py modules): after `setup`, gc.collect() empties the free
 * lists, then the statement runs traced. The recorder's process has these modules loaded (site
 * imports them), so `import` in a setup costs nothing that is traced.
 */

describe('standard-library modules: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
