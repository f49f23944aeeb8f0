import { describe, expect, it } from 'vitest';
import { createProcess } from '../../simulate';
import { dictData } from '../objects/dictkeys';
import { heapInstanceState } from '../objects/instance';
import { strValue } from '../objects/str';
import { pythonOwnerLookup } from '../owners';
import type { VersionName } from './version';
import { keyAt, valueAt } from '../objects/dictindex';

/**
 * The instance layouts of issue 8, measured with tracemalloc on these machines: a 2-attribute
 * instance is a 56-byte block + a 32-byte values array on 3.11.7, 48 + 32 on 3.12.1, and one
 * 88-byte block on 3.13.0 (values inline); the owner lookup says which.
 */
function instance(python: VersionName) {
  const p = createProcess({ python });
  const src =
    'class C:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\nxs = [C() for _ in range(40)]\nc = C()\n';
  const n = p.load(src).length;
  for (let i = 0; i < n; i++) p.runStatement(i);
  const g = dictData(p.vm, p.interpreter!.globals);
  let c = 0;
  for (let i = 0; i < g.nentries; i++)
    if (valueAt(g, i) && strValue(p.vm, keyAt(g, i)) === 'c') c = valueAt(g, i);
  return { p, c };
}

describe('instance layouts by version', () => {
  for (const [python, block, values, phrase] of [
    ['3.11', 64, 32, 'separate values array (CPython 3.11: two allocations)'],
    ['3.12', 48, 32, 'separate values array (CPython 3.12: two allocations)'],
    ['3.13', 96, 0, 'inline in its own block (CPython 3.13: one allocation)'],
  ] as const) {
    it(`${python}: a ${block}-byte pymalloc block${values ? ` and a ${values}-byte values array` : ''}`, () => {
      const { p, c } = instance(python);
      const addr = p.vm.table.addr[c];
      expect(p.pymalloc.blockSize(addr)).toBe(block);
      const v = heapInstanceState(p.vm, c)!.values!;
      expect(v.addr === 0 ? 0 : p.pymalloc.blockSize(v.addr)).toBe(values);
      const owners = pythonOwnerLookup(p, null)({ pointers: [addr], arenas: [] }).owners;
      expect(owners.get(addr)?.what).toContain(phrase);
    });
  }
});
