import { raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext, lengthHint } from '../abstract/iter';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { translateMethods } from './bytestranslate';
import { E, EXCEPTION_IDS } from './exctypes';
import { byteLength, byteString, type ByteContent } from './bytes';
import { contentBytes, contentFromBytes, isUniform } from './bytestore';
import {
  bytearrayFromString,
  bytearrayNew,
  bytearrayResize,
  bytearrayStart,
  bytearrayText,
  byteValue,
} from './bytearray';
import { setsliceFromBuffer } from './bytearrayslice';
import { bytearrayFromSize } from './byteswriter';
import { SEARCH_METHODS } from './bytessearch';
import { bytesLikeMethods } from './bytesstr';
import { SPLIT_METHODS } from './bytessplit';
import { BYTES_METHODS } from './bytesmethods';
import { hasBuffer } from './buffer';
import { isMemoryview } from './memoryview';
import { Meth, T, type MethodDef } from './types';

/**
 * bytearray's concatenation (Objects/bytearrayobject.c, 3.11): `a + b` (PyByteArray_Concat: a new
 * bytearray whose buffer is one PyObject_Malloc of len + 1), `a += b` (bytearray_iconcat:
 * PyByteArray_Resize, whose 1/8 over-allocation makes a loop of `+=` amortised, then the copy)
 * `a * n` and `a *= n`, and the methods that change the length (append, pop, insert, remove,
 * extend, clear) or copy (copy).
 */

/** The bytes of a bytes or bytearray operand, or null. */
function bufferOf(vm: Vm, h: number): ByteContent | null {
  const t = vm.table.type[h];
  return t === T.Bytes || t === T.ByteArray ? (vm.table.side[h] as ByteContent) : null;
}

/** Two contents end to end, kept as a JS string (a uniform fill when both are the same fill). */
function joined(a: ByteContent, b: ByteContent): ByteContent {
  if (typeof a !== 'string' && typeof b !== 'string' && isUniform(a) && isUniform(b) && a.fill === b.fill)
    return { fill: a.fill, length: a.length + b.length };
  const sa = byteString(a);
  const sb = byteString(b);
  if (sa === null || sb === null)
    throw new NotSupported('joining a bytearray over 64 MiB to other data');
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
    vm.mem.touch(bytearrayStart(vm, self) + size, n); // memcpy
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

/** bytearray_repeat: PyByteArray_FromStringAndSize(NULL, size × n), then the copies. */
export function bytearrayRepeat(vm: Vm, self: number, count: number): number {
  const n = Math.max(0, count);
  const size = vm.table.n[self] * n;
  const h = bytearrayFromSize(vm, size);
  if (size > 0) {
    vm.table.side[h] = repeated(vm.table.side[self] as ByteContent, n);
    vm.mem.touch(vm.table.ptr[h], size + 1);
  }
  return h;
}

/** bytearray_irepeat: PyByteArray_Resize(size × n) in place (n == 1: itself). */
export function bytearrayIrepeat(vm: Vm, self: number, count: number): number {
  const n = Math.max(0, count);
  if (n !== 1) {
    const size = vm.table.n[self];
    const content = repeated(vm.table.side[self] as ByteContent, n);
    bytearrayResize(vm, self, size * n);
    if (size * n > size) vm.mem.touch(bytearrayStart(vm, self) + size, size * (n - 1));
    vm.table.side[self] = content;
  }
  vm.incref(self);
  return self;
}

function repeated(c: ByteContent, n: number): ByteContent {
  if (typeof c !== 'string' && isUniform(c)) return { fill: c.fill, length: c.length * n };
  const s = byteString(c);
  if (s === null || s.length * n > 1 << 28) throw new NotSupported('repeating a bytearray past 256 MiB');
  return s.repeat(n);
}

/**
 * bytearray_extend of an iterable of ints: a temporary bytearray of the length hint (32 by
 * default), grown to len × 1.5 + 1 each time it fills, cut to the bytes read, then appended
 * through bytearray_setslice; the iterator is let go before the cut.
 */
function extendFromIterable(vm: Vm, self: number, iterable: number): void {
  const it = getIter(vm, iterable);
  let tmp = 0;
  let text = '';
  try {
    let bufSize = lengthHint(vm, iterable, 32);
    tmp = bytearrayFromSize(vm, bufSize);
    for (;;) {
      const item = iterNext(vm, it);
      if (item === 0) break;
      try {
        text += String.fromCharCode(byteValue(vm, item));
      } finally {
        vm.decref(item);
      }
      if (text.length >= bufSize) {
        bufSize = text.length + (text.length >> 1) + 1;
        bytearrayResize(vm, tmp, bufSize);
      }
    }
  } catch (e) {
    vm.decref(it);
    if (tmp) vm.decref(tmp);
    throw e;
  }
  vm.decref(it);
  try {
    bytearrayResize(vm, tmp, text.length);
    vm.mem.touch(vm.table.ptr[tmp], text.length);
    vm.table.side[tmp] = text.length ? text : { fill: 0, length: 0 };
    const size = vm.table.n[self];
    setsliceFromBuffer(vm, self, size, size, tmp);
  } finally {
    vm.decref(tmp);
  }
}

const method = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `bytearray.${name}`,
});

export const BYTEARRAY_METHODS: Record<string, MethodDef> = {
  // the str-like methods (bytesstr.ts); the ones below, with their own allocation cases, win
  ...bytesLikeMethods('bytearray'),
  ...translateMethods('bytearray'),
  /** bytearray_reverse: the buffer reversed in place, nothing allocated. */
  reverse: method('reverse', Meth.NoArgs, (vm, self) => {
    const n = vm.table.n[self];
    if (n > 1) {
      vm.table.side[self] = contentFromBytes(contentBytes(vm.table.side[self] as ByteContent, 0, n).reverse());
      vm.mem.touch(bytearrayStart(vm, self), n);
    }
    return vm.s.None;
  }),
  /** bytearray_append: PyByteArray_Resize(n + 1), then the byte stored. */
  append: method('append', Meth.O, (vm, self, args) => {
    const b = byteValue(vm, args[0]);
    const text = bytearrayText(vm, self);
    const n = vm.table.n[self];
    bytearrayResize(vm, self, n + 1);
    vm.table.side[self] = text + String.fromCharCode(b);
    vm.mem.touch(bytearrayStart(vm, self) + n, 1);
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
    const text = bytearrayText(vm, self);
    const b = text.charCodeAt(i);
    vm.mem.touch(bytearrayStart(vm, self) + i, n - i); // memmove
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
  copy: method('copy', Meth.NoArgs, (vm, self) => bytearrayFromString(vm, bytearrayText(vm, self))),
  /** bytearray_extend: a buffer through bytearray_setslice at the end, else an iterable of ints. */
  extend: method('extend', Meth.O, (vm, self, args) => {
    const x = args[0];
    if (hasBuffer(vm, x) || isMemoryview(vm, x)) {
      const size = vm.table.n[self];
      setsliceFromBuffer(vm, self, size, size, x);
    } else if (vm.table.type[x] === T.Str)
      throw raiseString(vm, E.TypeError, "can't extend bytearray with str");
    else extendFromIterable(vm, self, x);
    return vm.s.None;
  }),
  /** bytearray_insert: PyByteArray_Resize(n + 1), the tail moved up one, the byte stored. */
  insert: method('insert', Meth.Fastcall, (vm, self, args) => {
    if (args.length !== 2) throw typeError(vm, 'insert expected 2 arguments, got %zd', args.length);
    let i = asSsize(vm, args[0], E.OverflowError);
    const b = byteValue(vm, args[1]);
    const text = bytearrayText(vm, self);
    const n = vm.table.n[self];
    bytearrayResize(vm, self, n + 1);
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    vm.mem.touch(bytearrayStart(vm, self) + i, n - i + 1);
    vm.table.side[self] = text.slice(0, i) + String.fromCharCode(b) + text.slice(i);
    return vm.s.None;
  }),
  /** bytearray_remove: the first equal byte found, the tail moved down, PyByteArray_Resize(n − 1). */
  remove: method('remove', Meth.O, (vm, self, args) => {
    const b = byteValue(vm, args[0]);
    const text = bytearrayText(vm, self);
    const at = text.indexOf(String.fromCharCode(b));
    if (at < 0) throw raiseString(vm, E.ValueError, 'value not found in bytearray');
    const n = vm.table.n[self];
    vm.mem.touch(bytearrayStart(vm, self) + at, n - at);
    bytearrayResize(vm, self, n - 1);
    vm.table.side[self] = text.slice(0, at) + text.slice(at + 1);
    return vm.s.None;
  }),
  ...SEARCH_METHODS('bytearray'),
  ...SPLIT_METHODS('bytearray'),
  hex: { ...BYTES_METHODS.hex, qualname: 'bytearray.hex' },
  decode: { ...BYTES_METHODS.decode, qualname: 'bytearray.decode' },
};
