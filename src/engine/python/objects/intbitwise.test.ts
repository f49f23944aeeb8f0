import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/bitwise_expected.json';

/**
 * `&`, `|`, `^` of long ints call by call as CPython 3.11.7 makes them (tools/allocations/
 * record_allocations.py bitwise --clear-type-cache): long_bitwise's two's-complement copy of each
 * negative operand, the result's size by operation and signs, the copies freed before
 * maybe_small_long gives back a result that is a cached small int.
 */
describe('long_bitwise, call by call as CPython 3.11.7 allocates it', () => {
  for (const c of expected.cases)
    it(c.statement, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
});
