import { describe, expect, it } from 'vitest';
import { PythonProcess } from './process';
import { callsOf } from './testing';
import expected from './testdata/dealloc_expected.json';
import subclass from './testdata/subclass_expected.json';

/**
 * Instances of classes derived from list, set, frozenset, tuple, float and int made and freed
 * (PyType_GenericNew + list___init__, make_new_set, tuple/float/long_subtype_new).
 * Long chains freed by one statement (`del head` of a linked list of instances, of tuples, of
 * dicts, of list subclasses, with __del__): CPython frees them through the trashcan
 * (Py_TRASHCAN_BEGIN in subtype_dealloc, list/tuple/dict dealloc), 50 levels deep and then from
 * the trash list, which decides the order of the frees. Recorded on 3.11.7 with
 * tools/allocations/record_allocations.py dealloc.
 */

describe('deep deallocations, call by call as CPython 3.11.7 frees them', () => {
  for (const c of [...expected.cases, ...subclass.cases]) {
    it(`${c.setup.split('\n').slice(-2).join('; ')} ⟶ ${c.statement}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }

  it('frees a 200,000-node linked list of instances without running out of stack', () => {
    const p = new PythonProcess();
    p.load('');
    p.exec(
      'class N:\n    def __init__(self, nxt):\n        self.nxt = nxt\nh = None\nfor i in range(200000):\n    h = N(h)',
    );
    const built = p.vm.mem.pymalloc.arenaBytes;
    p.exec('del h');
    // 200,000 instances of 48 B plus their 104-byte values arrays: ~30 MiB of arenas, all freed
    expect(built - p.vm.mem.pymalloc.arenaBytes).toBeGreaterThan(15 * 2 ** 20);
  });
});
