import { call } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported, memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import {
  BYTEARRAY_METHODS,
  bytearrayConcat,
  bytearrayIconcat,
  bytearrayIrepeat,
  bytearrayRepeat,
} from './bytearrayops';
import { bytearrayAssSubscript } from './bytearrayslice';
import { bytearrayIterNew } from './bytesiter';
import { readAllBytes } from './bytesread';
import { contentCopy, writeContent } from './bytestore';
import { bufferString, checkResizable, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import {
  byteLength,
  bytesContent,
  bytesRepr,
  bytesRichcompare,
  bytesSubscript,
  byteString,
  type ByteContent,
} from './bytes';
import { bytesRemainder } from './bytesformat';
import { bytesContains } from './bytessearch';
import { encodingArgs } from './codecerrors';
import { STR_METHODS } from './strmethods';
import { dictKwargs } from '../abstract/kwargs';
import { E } from './exctypes';
import { intValue } from './int';
import { isMemoryview, memoryviewFull } from './memoryview';
import { genericAlloc, hashNotImplemented } from './object';
import { listSliceItems } from './list';
import { tupleItem, tupleItems } from './tuple';
import { NB, T, TpFlags, defineType, numberSlots, type TypeSlots } from './types';

/**
 * bytearray (Objects/bytearrayobject.c, 3.11): a 56-byte object (PyByteArrayObject: ob_alloc,
 * ob_bytes, ob_start, ob_exports) and a buffer grown by PyByteArray_Resize. Columns: `ptr` is
 * ob_bytes (the block the allocator sees), `num` the logical offset ob_start − ob_bytes (a cut at
 * the front, `del b[:n]`, moves ob_start instead of the bytes), `n` the size, `cap` ob_alloc.
 * `side` holds the logical contents (from ob_start): a latin-1 JS string, or a uniform fill.
 */
export const BYTEARRAY_SIZE = 56;

/** bytearray(n) (PyType_GenericAlloc + bytearray___init__): the object, then the zeroed buffer. */
export function bytearrayNew(vm: Vm, count: number, type?: TypeSlots): number {
  // bytearray_new is PyType_GenericNew: a class's instance is tp_alloc(type, 0), then __init__ fills it
  const h =
    type && type.id !== T.ByteArray ? genericAlloc(vm, type, 0) : vm.newObject(T.ByteArray, BYTEARRAY_SIZE);
  vm.table.side[h] = { fill: 0, length: 0 };
  vm.table.num[h] = 0;
  if (count > 0) {
    bytearrayResize(vm, h, count);
    vm.mem.touch(vm.table.ptr[h], count); // memset(..., 0, count)
    vm.table.side[h] = { fill: 0, length: count };
  }
  return h;
}

/** PyByteArray_FromStringAndSize: PyObject_New (56 bytes), then PyObject_Malloc(len + 1) unless empty. */
export function bytearrayFromString(vm: Vm, text: ByteContent): number {
  const h = vm.newObject(T.ByteArray, BYTEARRAY_SIZE);
  const t = vm.table;
  const n = byteLength(text);
  t.side[h] = n ? text : { fill: 0, length: 0 };
  t.num[h] = 0;
  if (n) {
    const p = vm.mem.malloc(n + 1);
    if (p === 0) {
      vm.decref(h);
      throw memoryError();
    }
    vm.mem.touch(p, n + 1);
    t.ptr[h] = p;
    t.n[h] = n;
    t.cap[h] = n + 1;
  }
  return h;
}

/** ob_start: where the logical contents begin in simulated memory. */
export const bytearrayStart = (vm: Vm, h: number): number => vm.table.ptr[h] + vm.table.num[h];

/**
 * PyByteArray_Resize. A buffer that still holds size + offset + 1 keeps its block unless the new
 * size is under half of ob_alloc (then cut to size + 1); growing past it over-allocates by 1/8
 * (+3 below 9 bytes, else +6) when within 1.125 × ob_alloc, else asks for size + 1. With a
 * logical offset (after `del b[:n]`) the new block is a fresh PyObject_Malloc, the live bytes are
 * copied and the old block freed; without one it is a PyObject_Realloc.
 */
export function bytearrayResize(vm: Vm, h: number, size: number): void {
  const t = vm.table;
  if (size === t.n[h]) return;
  checkResizable(vm, h);
  const offset = t.num[h];
  let alloc = t.cap[h];
  if (size + offset + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) alloc = size + 1;
    else {
      t.n[h] = size;
      vm.mem.touch(t.ptr[h] + offset + size, 1); // the trailing NUL
      return;
    }
  } else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  let p: number;
  if (offset > 0) {
    p = vm.mem.malloc(alloc);
    if (p === 0) throw memoryError();
    vm.mem.touch(p, Math.min(size, t.n[h])); // memcpy of the live bytes
    vm.mem.free(t.ptr[h]);
  } else {
    p = vm.mem.realloc(t.ptr[h], alloc);
    if (p === 0) throw memoryError();
  }
  t.ptr[h] = p;
  t.num[h] = 0;
  t.n[h] = size;
  t.cap[h] = alloc;
  vm.mem.touch(p + size, 1); // the trailing NUL
}

/** bytearray_dealloc: the buffer, then the object. */
export function bytearrayDealloc(vm: Vm, h: number): void {
  vm.mem.free(vm.table.ptr[h]);
  vm.objectFree(h);
}

/** b[i] = v on the contents (the caller checked i). */
export function bytearraySet(vm: Vm, h: number, i: number, v: number): void {
  bytearrayWrite(vm, h, i, Uint8Array.of(v));
}

/** A memcpy into the contents at `at` (pack_into, memoryview slices, readinto; the caller checked the range). */
export function bytearrayWrite(vm: Vm, h: number, at: number, bytes: Uint8Array): void {
  const t = vm.table;
  t.side[h] = writeContent(t.side[h] as ByteContent, at, bytes);
  vm.mem.touch(bytearrayStart(vm, h) + at, bytes.length);
}

/**
 * _getbytevalue: an index in range(0, 256). Past Py_ssize_t it is still "byte must be in range"
 * (PyLong_AsLongAndOverflow reports the overflow, not an OverflowError).
 */
export function byteValue(vm: Vm, v: number): number {
  if (!hasIndex(vm, v))
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, v));
  const b = vm.table.type[v] === T.Int ? intValue(vm, v) : BigInt(asSsize(vm, v, 0));
  if (b < 0 || b > 255) throw raiseString(vm, E.ValueError, 'byte must be in range(0, 256)');
  return Number(b);
}

/** The contents as a JS string (what item-by-item changes need). */
export function bytearrayText(vm: Vm, h: number): string {
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('changing a bytearray of over 64 MiB item by item');
  return s;
}

/** PyByteArray_FromObject: bytearray(x) called as a type (PyObject_CallOneArg: a 1-tuple of arguments). */
export function bytearrayFromObject(vm: Vm, x: number): number {
  return call(vm, vm.types[T.ByteArray].typeObject, [x], null);
}

/**
 * bytearray___init__ from an iterable of ints: the iterator, then one byte at a time, each past
 * ob_alloc through PyByteArray_Resize(size + 1) (its 1/8 over-allocation).
 */
function initFromIterable(vm: Vm, h: number, a: number): void {
  if (vm.typeOf(a).iter == null && vm.typeOf(a).sequence?.item == null)
    throw typeError(vm, "cannot convert '%.200s' object to bytearray", typeName(vm, a));
  const it = getIter(vm, a);
  let text = '';
  try {
    for (;;) {
      const item = iterNext(vm, it);
      if (item === 0) break;
      let value: number;
      try {
        value = byteValue(vm, item);
      } finally {
        vm.decref(item);
      }
      const t = vm.table;
      if (t.n[h] + 1 < t.cap[h]) {
        t.n[h] += 1;
        vm.mem.touch(t.ptr[h] + t.n[h], 1);
      } else bytearrayResize(vm, h, t.n[h] + 1);
      text += String.fromCharCode(value);
      vm.mem.touch(t.ptr[h] + t.n[h] - 1, 1);
    }
  } finally {
    vm.table.side[h] = text.length ? text : { fill: 0, length: 0 };
    vm.decref(it);
  }
}

/**
 * bytearray___init__'s fast path for an exact list or tuple: PyByteArray_Resize(len) once, then
 * each item stored; an item that is not an exact int sends it back to the slow path (resized to 0).
 */
function initFromSequence(vm: Vm, h: number, a: number): boolean {
  const items = vm.table.type[a] === T.List ? listSliceItems(vm, a, 0, vm.table.n[a]) : tupleItems(vm, a);
  bytearrayResize(vm, h, items.length);
  let text = '';
  for (const x of items) {
    if (vm.table.type[x] !== T.Int) {
      bytearrayResize(vm, h, 0);
      return false;
    }
    text += String.fromCharCode(byteValue(vm, x));
  }
  vm.mem.touch(vm.table.ptr[h], items.length);
  vm.table.side[h] = text.length ? text : { fill: 0, length: 0 };
  return true;
}

/** bytearray(): PyType_GenericAlloc (56 bytes), then bytearray___init__. */
function bytearrayTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  if (kwargs !== 0 || n > 1) {
    // bytearray___init__ with an encoding: the str encoded (a temporary bytes), then iconcat'ed
    const e = encodingArgs(
      vm,
      Array.from(tupleItems(vm, args)),
      kwargs ? dictKwargs(vm, kwargs) : null,
      'source',
    );
    if (e === null) throw typeError(vm, 'bytearray() takes at most 1 argument (%zd given)', n);
    if (!vm.typeOf(e.x).mro.includes(T.Str)) throw typeError(vm, 'encoding without a string argument');
    const encoded = STR_METHODS.encode.impl(vm, e.x, e.args, e.kw, 0);
    const h = bytearrayNew(vm, 0, type);
    try {
      vm.decref(bytearrayIconcat(vm, h, encoded));
    } finally {
      vm.decref(encoded);
    }
    return h;
  }
  if (n === 0) return bytearrayNew(vm, 0, type);
  const a = tupleItem(vm, args, 0);
  if (vm.table.type[a] === T.Int) {
    const count = intValue(vm, a);
    if (count < 0) throw raiseString(vm, E.ValueError, 'negative count');
    // PyNumber_AsSsize_t: past 2**63 it does not fit; below, the buffer's malloc decides (MemoryError)
    if (count >= 2 ** 63)
      throw raiseString(vm, E.OverflowError, "cannot fit 'int' into an index-sized integer");
    return bytearrayNew(vm, Number(count), type);
  }
  if (vm.table.type[a] === T.Str) throw raiseString(vm, E.TypeError, 'string argument without an encoding');
  if (vm.table.type[a] === T.Bytes) {
    const c = bytesContent(vm, a);
    const h = bytearrayNew(vm, 0, type);
    const len = vm.table.n[a];
    if (len) {
      bytearrayResize(vm, h, len);
      readAllBytes(vm, a); // the memcpy's source
      vm.mem.touch(vm.table.ptr[h], len);
      vm.table.side[h] = byteString(c) ?? contentCopy(c);
    }
    return h;
  }
  const h = bytearrayNew(vm, 0, type);
  try {
    if (hasBuffer(vm, a) || isMemoryview(vm, a)) {
      // bytearray___init__ on a buffer: the view taken, the resize, the copy
      const full = isMemoryview(vm, a) ? memoryviewFull(vm, a) : null;
      const view = full ? full.view : getBuffer(vm, a);
      try {
        if (view.len) {
          bytearrayResize(vm, h, view.len);
          vm.mem.touch(vm.table.ptr[h], view.len);
          vm.table.side[h] = full ? full.text() : bufferString(vm, view);
        }
      } finally {
        if (!isMemoryview(vm, a)) releaseBuffer(vm, view);
      }
    } else if ((vm.table.type[a] === T.List || vm.table.type[a] === T.Tuple) && initFromSequence(vm, h, a)) {
      // done
    } else initFromIterable(vm, h, a);
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  return h;
}

export const ByteArrayType = (): TypeSlots =>
  defineType({
    id: T.ByteArray,
    name: 'bytearray',
    basicsize: BYTEARRAY_SIZE,
    flags: TpFlags.BaseType,
    dealloc: bytearrayDealloc,
    // bytearray_sizeof: _PyObject_SIZE(Py_TYPE(self)) + ob_alloc (a class's instance is bigger)
    sizeof: (vm, h) => vm.typeOf(h).basicsize + vm.table.cap[h],
    // bytearray_repr: the type's tp_name (a class's name: B(b'...'))
    reprText: (vm, h) => `${vm.typeOf(h).name}(${bytesRepr(vm.table.side[h] as ByteContent)})`,
    hash: hashNotImplemented,
    richcompare: bytesRichcompare,
    number: numberSlots({ [NB.Remainder]: bytesRemainder }),
    sequence: {
      length: (vm, h) => vm.table.n[h],
      concat: bytearrayConcat,
      repeat: bytearrayRepeat,
      contains: bytesContains,
      inplaceConcat: bytearrayIconcat,
      inplaceRepeat: bytearrayIrepeat,
    },
    mapping: {
      length: (vm, h) => vm.table.n[h],
      subscript: bytesSubscript,
      assSubscript: bytearrayAssSubscript,
    },
    methods: BYTEARRAY_METHODS,
    iter: bytearrayIterNew,
    new: bytearrayTypeNew,
  });
