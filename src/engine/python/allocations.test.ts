import { describe, expect, it } from 'vitest';
import { callsOf } from './testing';
import expected from './testdata/allocation_expected.json';
import exceptions from './testdata/exception_expected.json';

/**
 * Every PyObject_/PyMem_ call a statement makes, in order and with its size, against real
 * CPython 3.11.7 (testdata/record_allocations.py hooks the allocators with PyMem_SetAllocator):
 * after `setup`, gc.collect() empties the free lists, then the statement runs traced.
 */

describe('allocator calls, statement by statement, as CPython 3.11.7 makes them', () => {
  for (const c of [...expected.cases, ...exceptions.cases]) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
