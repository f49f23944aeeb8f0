import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/sample4_expected.json';

/**
 * What the fourth held-out sample (tests/corpus/SAMPLE4.md) made the simulator learn, allocator
 * call by allocator call against CPython 3.11.7 (tools/allocations/record_allocations.py sample4
 * --clear-type-cache): Match.groupdict (its keyword call's parser_init too) and str.format_map
 * (a dict subclass's __missing__ too). After `setup`, gc.collect() empties the free lists, then the
 * statement runs.
 */
describe('the fourth held-out sample: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
