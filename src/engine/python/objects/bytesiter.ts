import type { Vm } from '../runtime/vm';
import { bytesContent, byteAt } from './bytes';
import { readByteAt } from './bytesread';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { selfIter } from './rangeobject';
import { TpFlags, defineType, Meth, type TypeSlots } from './types';

/**
 * bytes_iterator (bytesobject.c striterobject) and bytearray_iterator (bytearrayiterobject):
 * PyObject_GC_New of 16 + 32 bytes (it_index and the sequence held until the end). Each item is
 * _PyLong_FromUnsignedChar, a small int (0..255 are all cached): iterating allocates nothing
 * past the iterator itself. A bytearray's size is read at every step (it may change while
 * iterated). Columns: ref = the sequence (0 once exhausted), num = the index.
 */
const BYTESITER_BASIC = 32;

const bytesIterType = (_vm: Vm, id: number): TypeSlots => iterType(id, 'bytes_iterator');
const bytearrayIterType = (_vm: Vm, id: number): TypeSlots => iterType(id, 'bytearray_iterator');

function iterType(id: number, name: string): TypeSlots {
  return defineType({
    id,
    name,
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
        readByteAt(vm, seq, i, i === 0); // striter_next reads the byte: a fresh page faults in
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
export const bytesIterNew = (vm: Vm, h: number): number => iterNew(vm, h, moduleType(vm, bytesIterType));

/** bytearray_iter. */
export const bytearrayIterNew = (vm: Vm, h: number): number =>
  iterNew(vm, h, moduleType(vm, bytearrayIterType));

function iterNew(vm: Vm, h: number, type: TypeSlots): number {
  const it = vm.newGcObject(type.id, BYTESITER_BASIC);
  vm.incref(h);
  vm.table.ref[it] = h;
  vm.gc.track(it);
  return it;
}
