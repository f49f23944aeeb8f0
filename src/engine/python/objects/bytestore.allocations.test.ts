import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/bytestore_expected.json';

/**
 * Writes into a bytearray's memory call by call as CPython 3.11.7 allocates them
 * (tools/allocations/record_allocations.py bytestore --clear-type-cache): Struct.pack_into and
 * struct.pack_into (the module's format cache, nothing for the record itself), unpack_from through
 * a memoryview, memoryview item / slice / stepped-slice stores (a sub-view's 184 bytes), array
 * items, BytesIO.readinto (the count's int), and slice stores and copies of a 2 MB bytearray.
 */
describe('bytearray as a byte store, call by call as CPython 3.11.7 allocates', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
