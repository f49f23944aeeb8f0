import type { Vm } from '../runtime/vm';
import { bytesContent, byteAt } from './bytes';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { selfIter } from './rangeobject';
import { TpFlags, defineType, Meth, type TypeSlots } from './types';

/**
 * bytes_iterator (bytesobject.c striterobject): PyObject_GC_New of 16 + 32 bytes (it_index and
 * the bytes held until the end). striter_next makes each item with _PyLong_FromUnsignedChar, a
 * small int (0..255 are all cached): iterating allocates nothing past the iterator itself.
 * Columns: ref = the bytes (0 once exhausted), num = the index.
 */
const BYTESITER_BASIC = 32;

function bytesIterType(_vm: Vm, id: number): TypeSlots {
  return defineType({
    id,
    name: 'bytes_iterator',
    basicsize: BYTESITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.xdecref(vm.table.ref[h]);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      if (vm.table.ref[h]) visit(vm.table.ref[h]);
    },
    iter: selfIter,
    iternext: (vm, it) => {
      const t = vm.table;
      const seq = t.ref[it];
      if (seq === 0) return 0;
      const i = t.num[it];
      if (i < t.n[seq]) {
        t.num[it] = i + 1;
        return fromSsize(vm, byteAt(bytesContent(vm, seq), i));
      }
      t.ref[it] = 0; // striter_next lets go of the bytes at the end
      vm.decref(seq);
      return 0;
    },
    methods: {
      __length_hint__: {
        name: '__length_hint__',
        flags: Meth.NoArgs,
        impl: (vm, it) => {
          const t = vm.table;
          return fromSsize(vm, t.ref[it] ? Math.max(0, t.n[t.ref[it]] - t.num[it]) : 0);
        },
      },
    },
  });
}

/** bytes_iter: a tracked iterator holding the bytes. */
export function bytesIterNew(vm: Vm, h: number): number {
  const type = moduleType(vm, bytesIterType);
  const it = vm.newGcObject(type.id, BYTESITER_BASIC);
  vm.incref(h);
  vm.table.ref[it] = h;
  vm.gc.track(it);
  return it;
}
