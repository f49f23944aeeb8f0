import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/misses6_expected.json';

/**
 * weakref.WeakMethod (modules/weakmethodpy.ts) and types.MethodType(func, obj) (method_new),
 * allocator call by allocator call against CPython 3.11.7 (tools/allocations/record_allocations.py
 * misses6 --clear-type-cache): subscribing (three weak references, the `_cb` closure and its cells,
 * the instance's __slots__ values), calling a live and a dead one, the callback when the instance
 * dies, equality. After `setup`, gc.collect() empties the free lists, then the statement runs.
 */
describe('weakref.WeakMethod and types.MethodType: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
