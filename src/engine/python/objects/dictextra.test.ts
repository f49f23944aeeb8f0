import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/leadmisc_expected.json';

/**
 * bytearray `*` and `*=` (bytearray_repeat, bytearray_irepeat), dict's `|` and `|=` (PEP 584: dict_or, dict_ior, defdict_or, odict_or), dict.fromkeys (_PyDict_FromKeys: presized from an exact dict or set, else grown insert by insert)
 * and the string module (constants, capwords, Template's substitute over re.sub), call by call as
 * CPython 3.11.7 makes them (tools/allocations/record_allocations.py leadmisc --clear-type-cache).
 */
describe('dict.fromkeys, dict | and |=, and string, call by call as CPython 3.11.7 allocates them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
