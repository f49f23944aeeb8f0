import { describe, expect, it } from 'vitest';
import { runAll } from '../testing';

/**
 * copy._reconstruct's `func(*(deepcopy(arg, memo) for arg in args))` (copyreconstruct.ts): the
 * call's tuple comes from a realloc, not from the tuple free list, and goes to it after the call.
 * Measured on 3.11.7 (sys._debugmallocstats' "free 1-sized PyTupleObjects" before and after 50
 * copies): deepcopy of a set, a frozenset, an instance, an instance with __slots__ +50; of a
 * SimpleNamespace (its reduce args are ()), a list, a dict, copy.copy of an instance: +0.
 */
const SETUP = `
import copy, types
class P:
    def __init__(self):
        self.a = 1
class S:
    __slots__ = ('a',)
    def __init__(self):
        self.a = 1
`;

const REAL: Record<string, number> = {
  'copy.deepcopy({"gift", "express"})': 50,
  'copy.deepcopy(frozenset([1]))': 50,
  'copy.deepcopy(P())': 50,
  'copy.deepcopy(S())': 50,
  'copy.deepcopy(types.SimpleNamespace(a=1))': 0,
  'copy.deepcopy([[1], {"a": 2}])': 0,
  'copy.copy(P())': 0,
};

describe('deepcopy leaves its reconstructions’ argument tuples on the free list, as 3.11.7 does', () => {
  for (const [expr, want] of Object.entries(REAL))
    it(`${expr} × 50: ${want} more 1-tuples on the free list`, () => {
      // one call first: a first call's own work (the module's attribute caches) is not counted
      const call = expr.replace(/\(.*\)$/, '(o)');
      const p = runAll(`${SETUP}\no = ${expr.replace(/^copy\.\w+\((.*)\)$/, '$1')}\n${call}\n`);
      // compiled first: the compiler's own tuples go to the free list before the count
      const run = p.prepare(`for _ in range(50):\n    ${call}\n`);
      const before = p.vm.free.tuples[0].length;
      run();
      expect(p.vm.free.tuples[0].length - before).toBe(want);
    });
});
