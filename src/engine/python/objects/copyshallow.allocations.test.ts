import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/copyshallow_expected.json';

/**
 * A class's __copy__ as people write it (`clone.__dict__.update(self.__dict__)`) call by call as
 * CPython 3.11.7 allocates (tools/allocations/record_allocations.py copyshallow --clear-type-cache):
 * dict_merge into a split table sizes it by the shared keys (DK_SIZE 64), so a few attributes
 * resize nothing; before, the simulator made a 208-byte combined table per copied object
 * (corpus copy_copy_shallow_objects: +200 B an object, 4 MiB over 20,000 copies).
 */
describe('shallow copies of instances, call by call as CPython 3.11.7 allocates', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n').slice(-1)[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
