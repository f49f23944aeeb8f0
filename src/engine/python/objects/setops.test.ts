import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/setops_expected.json';
import algebra from '../testdata/setalgebra_expected.json';

/**
 * The set algebra call by call as CPython 3.11.7 makes it (tools/allocations/record_allocations.py
 * setops, PYTHONHASHSEED=0): which set is copied or walked, when a table is presized, and the order
 * the members are released in (slot order, so str members go in their hash order).
 */

describe('set operations, call by call as CPython 3.11.7 allocates them', () => {
  for (const c of [...expected.cases, ...algebra.cases]) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
