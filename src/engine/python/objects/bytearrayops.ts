import { raiseString, typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { NotSupported, memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { E, EXCEPTION_IDS } from './exctypes';
import {
  byteLength,
  byteString,
  bytearrayFromString,
  bytearrayNew,
  bytearrayResize,
  type ByteContent,
} from './bytes';
import { asSsize, hasIndex } from '../abstract/number';
import { bytesLikeMethods } from './bytesstr';
import { BYTES_METHODS } from './bytesmethods';
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

/** A content `count` times over (a uniform fill stays a fill). */
function repeated(c: ByteContent, count: number): ByteContent {
  if (typeof c !== 'string' && !c.patches) return { fill: c.fill, length: c.length * count };
  const s = byteString(c);
  if (s === null) throw new NotSupported('repeating a bytearray over 1 MiB of zeros with other data');
  return s.repeat(count);
}

/**
 * bytearray_repeat (`b * n`, `n * b`): a new bytearray of len × n (PyByteArray_FromStringAndSize:
 * one PyObject_Malloc of size + 1), the copies written in; a negative count is 0.
 */
export function bytearrayRepeat(vm: Vm, self: number, count: number): number {
  const c = vm.table.side[self] as ByteContent;
  const n = Math.max(0, count);
  const size = byteLength(c) * n;
  if (size > Number.MAX_SAFE_INTEGER) throw new NotSupported('a bytearray past 2**53 bytes');
  // PyByteArray_FromStringAndSize(NULL, size): the object, then PyObject_Malloc(size + 1)
  const h = bytearrayFromString(vm, '');
  if (size > 0) {
    const t = vm.table;
    const p = vm.mem.malloc(size + 1);
    if (p === 0) {
      vm.decref(h);
      throw memoryError();
    }
    vm.mem.touch(p, size + 1);
    t.ptr[h] = p;
    t.n[h] = size;
    t.cap[h] = size + 1;
    t.side[h] = repeated(c, n);
  }
  return h;
}

/** bytearray_irepeat (`b *= n`): PyByteArray_Resize to len × n, then the copies; self returned. */
export function bytearrayIrepeat(vm: Vm, self: number, count: number): number {
  const t = vm.table;
  const c = t.side[self] as ByteContent;
  const n = Math.max(0, count);
  const size = byteLength(c) * n;
  if (size > Number.MAX_SAFE_INTEGER) throw new NotSupported('a bytearray past 2**53 bytes');
  const old = t.n[self];
  bytearrayResize(vm, self, size);
  if (size > old) vm.mem.touch(t.ptr[self] + old, size - old);
  t.side[self] = repeated(c, n);
  vm.incref(self);
  return self;
}

/** _getbytevalue: an int in range(0, 256). */
function byteValue(vm: Vm, v: number): number {
  if (!hasIndex(vm, v))
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, v));
  const b = asSsize(vm, v, 0);
  if (b < 0 || b > 255) throw valueError(vm, 'byte must be in range(0, 256)');
  return b;
}

const contentText = (vm: Vm, h: number): string => {
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('changing a bytearray of over 1 MiB of zeros item by item');
  return s;
};

const method = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `bytearray.${name}`,
});

export const BYTEARRAY_METHODS: Record<string, MethodDef> = {
  ...bytesLikeMethods('bytearray'),
  // bytearray_hex: the same _Py_strhex over the buffer
  hex: { ...BYTES_METHODS.hex, qualname: 'bytearray.hex' },
  /** bytearray_reverse: the buffer reversed in place, nothing allocated. */
  reverse: method('reverse', Meth.NoArgs, (vm, self) => {
    const n = vm.table.n[self];
    if (n > 1) {
      vm.table.side[self] = Array.from(contentText(vm, self)).reverse().join('');
      vm.mem.touch(vm.table.ptr[self], n);
    }
    return vm.s.None;
  }),
  /** bytearray_append: PyByteArray_Resize(n + 1), then the byte stored. */
  append: method('append', Meth.O, (vm, self, args) => {
    const b = byteValue(vm, args[0]);
    const text = contentText(vm, self);
    const n = vm.table.n[self];
    bytearrayResize(vm, self, n + 1);
    vm.table.side[self] = text + String.fromCharCode(b);
    vm.mem.touch(vm.table.ptr[self] + n, 1);
    return vm.s.None;
  }),
  /** bytearray_pop: the byte taken, the tail moved down, PyByteArray_Resize(n - 1). */
  pop: method('pop', Meth.Fastcall, (vm, self, args) => {
    const n = vm.table.n[self];
    if (args.length > 1) throw typeError(vm, 'pop expected at most 1 argument, got %zd', args.length);
    if (n === 0) throw raiseString(vm, E.IndexError, 'pop from empty bytearray');
    let i = args.length ? asSsize(vm, args[0], E.OverflowError) : -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw raiseString(vm, E.IndexError, 'pop index out of range');
    const text = contentText(vm, self);
    const b = text.charCodeAt(i);
    bytearrayResize(vm, self, n - 1);
    vm.table.side[self] = text.slice(0, i) + text.slice(i + 1);
    return vm.s.smallInt(b);
  }),
  /** bytearray_clear: PyByteArray_Resize(0) (the buffer cut to one byte). */
  clear: method('clear', Meth.NoArgs, (vm, self) => {
    bytearrayResize(vm, self, 0);
    vm.table.side[self] = { fill: 0, length: 0 };
    return vm.s.None;
  }),
  /** bytearray_copy: PyByteArray_FromStringAndSize of the contents. */
  copy: method('copy', Meth.NoArgs, (vm, self) => bytearrayFromString(vm, contentText(vm, self))),
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
