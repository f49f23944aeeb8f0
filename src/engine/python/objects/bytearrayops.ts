import { raiseString, typeError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { EXCEPTION_IDS } from './exctypes';
import { byteLength, byteString, bytearrayNew, bytearrayResize, type ByteContent } from './bytes';
import { Meth, T, type MethodDef } from './types';

/**
 * bytearray's concatenation (Objects/bytearrayobject.c, 3.11): `a + b` (PyByteArray_Concat: a new
 * bytearray whose buffer is one PyObject_Malloc of len + 1), `a += b` (bytearray_iconcat:
 * PyByteArray_Resize, whose 1/8 over-allocation makes a loop of `+=` amortised, then the copy)
 * and `a.extend(b)` for a bytes-like b (bytearray_extend hands a buffer to bytearray_iconcat).
 * Before these, `buf += chunk` was a fake TypeError.
 */

/** The bytes of a bytes-like operand (bytes or bytearray), or null when it has no buffer. */
function bufferOf(vm: Vm, h: number): ByteContent | null {
  const t = vm.table.type[h];
  return t === T.Bytes || t === T.ByteArray ? (vm.table.side[h] as ByteContent) : null;
}

/** Two contents end to end, kept as a JS string (a uniform fill when both are the same fill). */
function joined(a: ByteContent, b: ByteContent): ByteContent {
  if (typeof a !== 'string' && typeof b !== 'string' && !a.patches && !b.patches && a.fill === b.fill)
    return { fill: a.fill, length: a.length + b.length };
  const sa = byteString(a);
  const sb = byteString(b);
  if (sa === null || sb === null)
    throw new NotSupported('joining a bytearray over 1 MiB of zeros to other data');
  return sa + sb;
}

/** bytearray_iconcat: resize in place (PyByteArray_Resize), copy the other buffer after the old end. */
export function bytearrayIconcat(vm: Vm, self: number, other: number): number {
  const add = bufferOf(vm, other);
  if (add === null)
    throw typeError(vm, "can't concat %.100s to %.100s", typeName(vm, other), typeName(vm, self));
  // b += b: the buffer self exports to itself blocks the resize (bytearray_resize_lock)
  if (other === self)
    throw raiseString(
      vm,
      EXCEPTION_IDS.get('BufferError')!,
      'Existing exports of data: object cannot be re-sized',
    );
  const t = vm.table;
  const size = t.n[self];
  const content = joined(t.side[self] as ByteContent, add);
  const n = byteLength(add);
  if (n > 0) {
    bytearrayResize(vm, self, size + n);
    vm.mem.touch(t.ptr[self] + size, n); // memcpy
    t.side[self] = content;
  }
  vm.incref(self);
  return self;
}

/** PyByteArray_Concat: a new bytearray (PyByteArray_FromStringAndSize(NULL, la + lb)), then two copies. */
export function bytearrayConcat(vm: Vm, a: number, b: number): number {
  const ca = bufferOf(vm, a);
  const cb = bufferOf(vm, b);
  if (ca === null || cb === null)
    throw typeError(vm, "can't concat %.100s to %.100s", typeName(vm, b), typeName(vm, a));
  const size = byteLength(ca) + byteLength(cb);
  const content = joined(ca, cb);
  const h = bytearrayNew(vm, 0);
  if (size > 0) {
    bytearrayResize(vm, h, size); // from no buffer: exactly size + 1 (PyObject_Malloc)
    vm.mem.touch(vm.table.ptr[h], size);
    vm.table.side[h] = content;
  }
  return h;
}

export const BYTEARRAY_METHODS: Record<string, MethodDef> = {
  extend: {
    name: 'extend',
    qualname: 'bytearray.extend',
    flags: Meth.O,
    impl: (vm, self, args) => {
      // bytearray_extend: a buffer goes through bytearray_iconcat; an iterable of ints is not modelled
      if (bufferOf(vm, args[0]) === null) throw new NotSupported('bytearray.extend of an iterable of ints');
      vm.decref(bytearrayIconcat(vm, self, args[0]));
      return vm.s.None;
    },
  },
};
