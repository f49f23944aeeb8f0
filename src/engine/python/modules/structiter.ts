import { fromSsize } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { Meth, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bufferLength, readBuffer, structError, structOf, unpackWith } from './struct';

/**
 * Struct.iter_unpack / struct.iter_unpack (Modules/_struct.c s_iter_unpack, 3.11): an
 * _struct.unpack_iterator, a GC object of 16 + 96 bytes (the Struct, a Py_buffer over the data,
 * the index) that holds the Struct and the buffer's object; each next() is one unpack at the
 * index (a new tuple and its items, as Struct.unpack makes them); at the end the buffer is
 * released. The data must be a whole number of records.
 */
const UNPACKITER_BASIC = 112;

interface UnpackIter {
  struct: number;
  /** The buffer's object, 0 once released (PyBuffer_Release at the end). */
  buffer: number;
  length: number;
  index: number;
}

const iterOf = (vm: Vm, h: number): UnpackIter => vm.table.side[h] as UnpackIter;

function release(vm: Vm, it: UnpackIter): void {
  const b = it.buffer;
  it.buffer = 0;
  if (b) vm.decref(b);
}

const UnpackIterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'unpack_iterator',
    module: '_struct',
    basicsize: UNPACKITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const it = iterOf(vm, h);
      vm.table.side[h] = undefined;
      vm.decref(it.struct);
      release(vm, it);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const it = iterOf(vm, h);
      visit(it.struct);
      if (it.buffer) visit(it.buffer);
    },
    iter: (vm, h) => (vm.incref(h), h),
    // unpackiter_iternext
    iternext: (vm, h) => {
      const it = iterOf(vm, h);
      if (it.buffer === 0) return 0;
      const st = structOf(vm, it.struct);
      if (it.index >= it.length) {
        release(vm, it);
        return 0;
      }
      const at = it.index;
      const [rec] = readBuffer(vm, it.buffer, () => [at, at + st.fmt.size]);
      const result = unpackWith(vm, st, rec);
      it.index += st.fmt.size;
      return result;
    },
    methods: {
      // unpackiter_len: the records left
      __length_hint__: {
        name: '__length_hint__',
        flags: Meth.NoArgs,
        impl: (vm, h) => {
          const it = iterOf(vm, h);
          const size = structOf(vm, it.struct).fmt.size;
          return fromSsize(vm, it.buffer ? Math.floor((it.length - it.index) / size) : 0);
        },
      },
    },
  });

/** s_iter_unpack(self, buffer): the iterator (tp_alloc), the buffer taken, its length checked. */
export function iterUnpack(vm: Vm, struct: number, buffer: number): number {
  const size = structOf(vm, struct).fmt.size;
  if (size === 0) structError(vm, 'cannot iteratively unpack with a struct of length 0');
  const type = moduleType(vm, UnpackIterType);
  const h = vm.newGcObject(type.id, UNPACKITER_BASIC);
  const length = bufferLength(vm, buffer);
  vm.incref(struct);
  vm.incref(buffer);
  vm.table.side[h] = { struct, buffer, length, index: 0 } satisfies UnpackIter;
  vm.gc.track(h);
  if (length % size !== 0) {
    vm.decref(h);
    structError(vm, `iterative unpacking requires a buffer of a multiple of ${size} bytes`);
  }
  return h;
}
