import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/decimal_expected.json';

/**
 * decimal.Decimal's allocations, allocator call by allocator call against CPython 3.11.7
 * (tools/allocations/record_allocations.py decimal --clear-type-cache): the 104-byte objects,
 * the coefficient words past four in a PyMem block, numeric_as_ascii's copy of a str argument,
 * an int operand's temporary Decimal, str()'s mpd_to_sci buffer, __format__'s bound method and
 * buffer, int()'s mpd_qnew temporary and exported digits, hash()'s two temporaries.
 */
describe('decimal: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
