import { NotSupported, memoryError } from '../errors';
import { cmpResult } from '../abstract/compare';
import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { getIter, iterNext, lengthHint } from '../abstract/iter';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { BYTEARRAY_METHODS, bytearrayConcat, bytearrayIconcat } from './bytearrayops';
import { bufferString, checkResizable, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import { isMemoryview, memoryviewBuffer } from './memoryview';
import { BYTES_METHODS } from './bytesmethods';
import { bytesIterNew } from './bytesiter';
import { E } from './exctypes';
import { intValue } from './int';
import { listSliceItems } from './list';
import { genericAlloc, hashNotImplemented } from './object';
import { sliceIndices } from './slice';
import { tupleItem, tupleItems } from './tuple';
import { Cmp, NB, T, TpFlags, defineType, numberSlots, type TypeSlots } from './types';

/**
 * bytes (Objects/bytesobject.c): one allocation of PyBytesObject_SIZE = 33 + n bytes
 * (_PyBytes_FromSize: PyObject_Malloc, or PyObject_Calloc for bytes(n)). bytearray
 * (Objects/bytearrayobject.c): a 56-byte object plus a buffer grown by PyByteArray_Resize with
 * PyObject_Realloc. Contents are kept as a latin-1 JS string, or as a uniform fill for the big
 * zero-filled ones (bytes(10**8) must not become a 100 MB JS string).
 */
export const BYTES_HEADER = 33;
export const BYTEARRAY_SIZE = 56;

export type ByteContent = string | { fill: number; length: number; patches?: Map<number, number> };

export function byteLength(c: ByteContent): number {
  return typeof c === 'string' ? c.length : c.length;
}

export function byteAt(c: ByteContent, i: number): number {
  if (typeof c === 'string') return c.charCodeAt(i);
  return c.patches?.get(i) ?? c.fill;
}

/** The content as a string, when small enough to spell out. */
export function byteString(c: ByteContent): string | null {
  if (typeof c === 'string') return c;
  if (c.length > 1 << 20) return null;
  let s = String.fromCharCode(c.fill).repeat(c.length);
  if (c.patches) for (const [i, b] of c.patches) s = s.slice(0, i) + String.fromCharCode(b) + s.slice(i + 1);
  return s;
}

export function bytesContent(vm: Vm, h: number): ByteContent {
  return vm.table.side[h] as ByteContent;
}

/** A new bytes object (empty and 1-byte values are the singletons, as _PyBytes_FromSize returns). */
export function bytesNew(vm: Vm, c: ByteContent, zeroed = false): number {
  const n = byteLength(c);
  if (n === 0) return vm.s.emptyBytes;
  if (n === 1) return vm.s.byteChar(byteAt(c, 0));
  return bytesAlloc(vm, c, zeroed);
}

/** PyBytesObject_SIZE + n bytes from PyObject_Malloc (or _Calloc), holding `c`. */
function bytesAlloc(vm: Vm, c: ByteContent, zeroed: boolean): number {
  const n = byteLength(c);
  const size = BYTES_HEADER + n;
  const p = zeroed ? vm.mem.calloc(1, size) : vm.mem.malloc(size);
  if (p === 0) throw memoryError();
  // PyObject_Calloc leaves the zeroing to the allocator; a copy writes every byte.
  vm.mem.touch(p, zeroed ? BYTES_HEADER : size);
  const h = vm.table.newHandle(T.Bytes);
  vm.table.addr[h] = p;
  vm.table.n[h] = n;
  vm.table.side[h] = c;
  return h;
}

/** bytearray(n) (PyType_GenericAlloc + bytearray___init__): the object, then the zeroed buffer. */
export function bytearrayNew(vm: Vm, count: number): number {
  const h = vm.newObject(T.ByteArray, BYTEARRAY_SIZE);
  vm.table.side[h] = { fill: 0, length: 0 };
  if (count > 0) {
    bytearrayResize(vm, h, count);
    vm.mem.touch(vm.table.ptr[h], count); // memset(..., 0, count)
    vm.table.side[h] = { fill: 0, length: count };
  }
  return h;
}

/** PyByteArray_FromStringAndSize: PyObject_New (56 bytes), then PyObject_Malloc(len + 1) unless empty. */
export function bytearrayFromString(vm: Vm, text: string): number {
  const h = vm.newObject(T.ByteArray, BYTEARRAY_SIZE);
  const t = vm.table;
  t.side[h] = text.length ? text : { fill: 0, length: 0 };
  if (text.length) {
    const p = vm.mem.malloc(text.length + 1);
    if (p === 0) {
      vm.decref(h);
      throw memoryError();
    }
    vm.mem.touch(p, text.length + 1);
    t.ptr[h] = p;
    t.n[h] = text.length;
    t.cap[h] = text.length + 1;
  }
  return h;
}

/** PyByteArray_Resize: over-allocates by 1/8 (+3 or +6) on moderate growth, else exact size + 1. */
export function bytearrayResize(vm: Vm, h: number, size: number): void {
  const t = vm.table;
  if (size === t.n[h]) return;
  checkResizable(vm, h);
  let alloc = t.cap[h];
  if (size + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) alloc = size + 1;
    else {
      t.n[h] = size;
      vm.mem.touch(t.ptr[h] + size, 1);
      return;
    }
  } else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  const p = vm.mem.realloc(t.ptr[h], alloc);
  if (p === 0) throw memoryError();
  t.ptr[h] = p;
  t.n[h] = size;
  t.cap[h] = alloc;
  vm.mem.touch(p + size, 1); // the trailing NUL
}

/** bytearray_dealloc: the buffer, then the object. */
export function bytearrayDealloc(vm: Vm, h: number): void {
  vm.mem.free(vm.table.ptr[h]);
  vm.objectFree(h);
}

/** b[i] = v */
export function bytearraySet(vm: Vm, h: number, i: number, v: number): void {
  const t = vm.table;
  let c = t.side[h] as ByteContent;
  if (typeof c === 'string') c = c.slice(0, i) + String.fromCharCode(v) + c.slice(i + 1);
  else (c.patches ??= new Map()).set(i, v);
  t.side[h] = c;
  vm.mem.touch(t.ptr[h] + i, 1);
}

function bytesRepr(c: ByteContent): string {
  const s = byteString(c);
  if (s === null) return `b'...' (${byteLength(c)} bytes)`;
  // PyBytes_Repr with smartquotes: double quotes when there is a ' and no "
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = 'b' + q;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (s[i] === q || ch === 92) out += '\\' + s[i];
    else if (ch >= 32 && ch < 127) out += s[i];
    else if (ch === 10) out += '\\n';
    else if (ch === 13) out += '\\r';
    else if (ch === 9) out += '\\t';
    else out += '\\x' + ch.toString(16).padStart(2, '0');
  }
  return out + q;
}

/** The JS string of a bytes-like operand, or null when it is not one (NotImplemented). */
function bytesOf(vm: Vm, h: number): string | null {
  const type = vm.table.type[h];
  if (type !== T.Bytes && type !== T.ByteArray && !(vm.types[type].flags & TpFlags.BytesSubclass))
    return null;
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('operating on bytes over 1 MiB');
  return s;
}

/** bytes_concat: an empty operand gives the other one back (when it is exact bytes). */
function bytesConcat(vm: Vm, a: number, b: number): number {
  const sb = bytesOf(vm, b);
  if (sb === null) throw typeError(vm, "can't concat %.100s to %.100s", typeName(vm, b), typeName(vm, a));
  const ca = bytesContent(vm, a);
  if (byteLength(ca) === 0 && vm.table.type[b] === T.Bytes) {
    vm.incref(b);
    return b;
  }
  if (sb.length === 0) {
    vm.incref(a);
    return a;
  }
  return bytesNew(vm, bytesOf(vm, a)! + sb);
}

function bytesRepeat(vm: Vm, a: number, n: number): number {
  const c = bytesContent(vm, a);
  if (n === 1) {
    vm.incref(a);
    return a;
  }
  const len = byteLength(c) * Math.max(0, n);
  const s = byteString(c);
  const content: ByteContent =
    s !== null && s.length === 1
      ? { fill: s.charCodeAt(0), length: len }
      : s !== null && len < 1 << 24
        ? s.repeat(Math.max(0, n))
        : { fill: 0, length: len };
  return bytesNew(vm, content);
}

/** bytes_subscript / bytearray_subscript: an index is a small int; a slice a new object. */
function bytesSubscript(vm: Vm, c: number, key: number): number {
  const t = vm.table;
  const isBytes = t.type[c] === T.Bytes;
  const content = t.side[c] as ByteContent;
  const len = t.n[c];
  if (t.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, len);
    const str = byteString(content);
    if (str === null) throw new NotSupported(`slicing ${isBytes ? 'bytes' : 'a bytearray'} over 1 MiB`);
    let out = '';
    if (sl.step === 1) out = str.slice(sl.start, sl.start + sl.length);
    else for (let k = 0, p = sl.start; k < sl.length; k++, p += sl.step) out += str[p];
    return isBytes ? bytesNew(vm, out) : bytearrayFromString(vm, out);
  }
  if (!hasIndex(vm, key))
    throw typeError(vm, 'byte indices must be integers or slices, not %.200s', typeName(vm, key));
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += len;
  if (i < 0 || i >= len)
    throw raiseString(vm, E.IndexError, isBytes ? 'index out of range' : 'bytearray index out of range');
  return vm.s.smallInt(byteAt(content, i));
}

/** bytes_mod / bytearray_mod (_PyBytes_FormatEx): %-formatting of bytes is not modelled yet. */
function bytesRemainder(vm: Vm, a: number, _b: number): number {
  const t = vm.table.type[a];
  if (t !== T.Bytes && t !== T.ByteArray) return vm.s.NotImplemented;
  throw new NotSupported(`${t === T.Bytes ? 'bytes' : 'bytearray'} %-formatting`);
}

function bytesRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  const x = bytesOf(vm, a);
  const y = bytesOf(vm, b);
  if (x === null || y === null || (vm.table.type[b] !== T.Bytes && vm.table.type[a] === T.Bytes))
    return vm.s.NotImplemented;
  return vm.s.bool(cmpResult(x < y ? -1 : x > y ? 1 : 0, op));
}

/** bytes_new: bytes(n) is _PyBytes_FromSize(n, use_calloc=1); bytes(b) is b itself; a list or tuple of ints. */
function bytesTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const tmp = bytesExactNew(vm, args, kwargs);
  if (type.id === T.Bytes) return tmp;
  // bytes_subtype_new: tp_alloc(type, n) and the bytes copied, then the exact one released
  try {
    const h = genericAlloc(vm, type, vm.table.n[tmp]);
    vm.table.n[h] = vm.table.n[tmp];
    vm.table.side[h] = bytesContent(vm, tmp);
    return h;
  } finally {
    vm.decref(tmp);
  }
}

/** bytes_new_impl(&PyBytes_Type, x). */
function bytesExactNew(vm: Vm, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  if (kwargs !== 0 || n > 1) throw new NotSupported('bytes() with an encoding');
  if (n === 0) return vm.s.emptyBytes;
  const a = tupleItem(vm, args, 0);
  // __bytes__ first (_PyObject_LookupSpecial: a bound method made, called and released)
  const f = lookupSpecial(vm, a, '__bytes__');
  if (f !== 0) {
    let r: number;
    try {
      r = call(vm, f, [], null);
    } finally {
      vm.decref(f);
    }
    if (!(vm.typeOf(r).flags & TpFlags.BytesSubclass) && vm.table.type[r] !== T.Bytes) {
      const name = vm.typeOf(r).name;
      vm.decref(r);
      throw typeError(vm, '__bytes__ returned non-bytes (type %.200s)', name);
    }
    return r;
  }
  switch (vm.table.type[a]) {
    case T.Int: {
      const count = Number(intValue(vm, a));
      if (count < 0) throw valueError(vm, 'negative count');
      return bytesNew(vm, { fill: 0, length: count }, true);
    }
    case T.List:
    case T.Tuple: {
      let s = '';
      const items = vm.table.type[a] === T.List ? listSliceItems(vm, a, 0, vm.table.n[a]) : tupleItems(vm, a);
      for (const x of items) {
        // _PyBytes_FromList/_FromTuple: each item through PyNumber_AsSsize_t, range-checked
        if (!hasIndex(vm, x))
          throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, x));
        const v = asSsize(vm, x, 0);
        if (v < 0 || v > 255) throw valueError(vm, 'bytes must be in range(0, 256)');
        s += String.fromCharCode(v);
      }
      return bytesNew(vm, s);
    }
    case T.Str:
      throw typeError(vm, 'string argument without an encoding');
    default:
      if (hasBuffer(vm, a) || isMemoryview(vm, a)) return bytesFromBuffer(vm, a);
      if (vm.typeOf(a).iter === undefined) throw new NotSupported(`bytes(${typeName(vm, a)})`);
      return bytesFromIterator(vm, a);
  }
}

/** PyBytes_FromStringAndSize(NULL, n) then a copy in: no 1-byte singleton (there is no char yet). */
export function bytesCopy(vm: Vm, text: ByteContent): number {
  return byteLength(text) === 0 ? vm.s.emptyBytes : bytesAlloc(vm, text, false);
}

/**
 * _PyBytes_FromBuffer (bytes(bytearray), bytes(array), bytes(memoryview)): the view taken, one
 * PyBytes_FromStringAndSize(NULL, len) (no 1-byte singleton: there is no char yet), the copy.
 */
function bytesFromBuffer(vm: Vm, a: number): number {
  const view = isMemoryview(vm, a) ? memoryviewBuffer(vm, a) : getBuffer(vm, a);
  try {
    const t = vm.table.type[view.obj];
    if ((t === T.ByteArray || t === T.Bytes) && view.offset === 0 && view.len === vm.table.n[view.obj]) {
      // the whole contents: copied as they are kept (a zero fill stays a fill, not a 100 MB string)
      const c = bytesContent(vm, view.obj);
      return bytesCopy(vm, typeof c === 'string' ? c : { ...c, patches: c.patches && new Map(c.patches) });
    }
    return bytesCopy(vm, bufferString(vm, view));
  } finally {
    if (!isMemoryview(vm, a)) releaseBuffer(vm, view);
  }
}

/** _PyBytesWriter's buffer on the C stack (small_buffer). */
const WRITER_SMALL_BUFFER = 512;

/**
 * _PyBytes_FromIterator: the length hint (64 by default) sizes a _PyBytesWriter (its 512-byte
 * stack buffer, else a bytes object of exactly that size); past it the writer over-allocates by
 * a quarter (the stack buffer copied into a new bytes object, then _PyBytes_Resize); Finish makes
 * the bytes from the stack buffer, or cuts the object to the bytes written.
 */
function bytesFromIterator(vm: Vm, x: number): number {
  const it = getIter(vm, x);
  let buffer = 0;
  try {
    const hint = lengthHint(vm, x, 64);
    let allocated = WRITER_SMALL_BUFFER;
    const resize = (size: number): void => {
      if (buffer === 0) buffer = bytesNew(vm, { fill: 0, length: size });
      else {
        vm.table.addr[buffer] = vm.mem.realloc(vm.table.addr[buffer], BYTES_HEADER + size);
        vm.table.n[buffer] = size;
      }
      allocated = size;
    };
    if (hint > allocated) resize(hint);
    let out = '';
    for (let i = 0; ; i++) {
      const item = iterNext(vm, it);
      if (item === 0) break;
      let value: number;
      try {
        value = asSsize(vm, item, 0);
      } finally {
        vm.decref(item);
      }
      if (value < 0 || value > 255) throw valueError(vm, 'bytes must be in range(0, 256)');
      if (i >= allocated) resize(i + 1 + ((i + 1) >> 2));
      out += String.fromCharCode(value);
    }
    if (buffer === 0) return bytesNew(vm, out);
    const b = buffer;
    buffer = 0;
    if (out.length === 0) {
      vm.decref(b);
      return vm.s.emptyBytes;
    }
    if (out.length !== allocated) {
      vm.table.addr[b] = vm.mem.realloc(vm.table.addr[b], BYTES_HEADER + out.length);
      vm.table.n[b] = out.length;
    }
    vm.mem.touch(vm.table.addr[b], BYTES_HEADER + out.length);
    vm.table.side[b] = out;
    return b;
  } finally {
    if (buffer !== 0) vm.decref(buffer);
    vm.decref(it);
  }
}

export const BytesType = (): TypeSlots =>
  defineType({
    id: T.Bytes,
    name: 'bytes',
    basicsize: BYTES_HEADER,
    itemsize: 1,
    flags: TpFlags.BaseType | TpFlags.BytesSubclass,
    dealloc: (vm, h) => vm.objectFree(h),
    sizeof: (vm, h) => BYTES_HEADER + vm.table.n[h],
    reprText: (vm, h) => bytesRepr(bytesContent(vm, h)),
    hash: (vm, h) => {
      const s = byteString(vm.table.side[h] as ByteContent);
      return s === null ? `\u0000b#${h}` : '\u0000b' + s;
    },
    richcompare: bytesRichcompare,
    number: numberSlots({ [NB.Remainder]: bytesRemainder }),
    methods: BYTES_METHODS,
    sequence: { length: (vm, h) => vm.table.n[h], concat: bytesConcat, repeat: bytesRepeat },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: bytesSubscript },
    iter: bytesIterNew,
    new: bytesTypeNew,
  });

/** bytearray_ass_subscript for an index: a byte value 0..255. */
function bytearrayAssSubscript(vm: Vm, h: number, key: number, v: number): void {
  if (v === 0 || vm.table.type[key] === T.Slice)
    throw new NotSupported('deleting from or assigning slices of a bytearray');
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += vm.table.n[h];
  if (i < 0 || i >= vm.table.n[h]) throw raiseString(vm, E.IndexError, 'bytearray index out of range');
  if (!hasIndex(vm, v))
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, v));
  const b = asSsize(vm, v, E.OverflowError);
  if (b < 0 || b > 255) throw valueError(vm, 'byte must be in range(0, 256)');
  bytearraySet(vm, h, i, b);
}

/** bytearray(): PyType_GenericAlloc (56 bytes), then bytearray___init__. */
function bytearrayVectorlike(vm: Vm, _type: TypeSlots, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  if (kwargs !== 0 || n > 1) throw new NotSupported('bytearray() with an encoding');
  if (n === 0) return bytearrayNew(vm, 0);
  const a = tupleItem(vm, args, 0);
  if (vm.table.type[a] === T.Int) {
    const count = intValue(vm, a);
    if (count < 0) throw valueError(vm, 'negative count');
    // PyNumber_AsSsize_t: past 2**63 it does not fit; below, the buffer's malloc decides (MemoryError)
    if (count >= 2 ** 63)
      throw raiseString(vm, E.OverflowError, "cannot fit 'int' into an index-sized integer");
    return bytearrayNew(vm, Number(count));
  }
  if (vm.table.type[a] === T.Bytes) {
    const c = bytesContent(vm, a);
    const h = bytearrayNew(vm, 0);
    const len = vm.table.n[a];
    if (len) {
      bytearrayResize(vm, h, len);
      vm.mem.touch(vm.table.ptr[h], len);
      vm.table.side[h] = byteString(c) ?? { fill: 0, length: len };
    }
    return h;
  }
  if (hasBuffer(vm, a) || isMemoryview(vm, a)) {
    // bytearray___init__ on a buffer: the view taken, the resize, the copy
    const h = bytearrayNew(vm, 0);
    const view = isMemoryview(vm, a) ? memoryviewBuffer(vm, a) : getBuffer(vm, a);
    try {
      if (view.len) {
        bytearrayResize(vm, h, view.len);
        vm.mem.touch(vm.table.ptr[h], view.len);
        vm.table.side[h] = bufferString(vm, view);
      }
    } catch (e) {
      vm.decref(h);
      throw e;
    } finally {
      if (!isMemoryview(vm, a)) releaseBuffer(vm, view);
    }
    return h;
  }
  throw new NotSupported(`bytearray(${typeName(vm, a)})`);
}

export const ByteArrayType = (): TypeSlots =>
  defineType({
    id: T.ByteArray,
    name: 'bytearray',
    basicsize: BYTEARRAY_SIZE,
    flags: TpFlags.BaseType,
    dealloc: bytearrayDealloc,
    sizeof: (vm, h) => BYTEARRAY_SIZE + vm.table.cap[h],
    reprText: (vm, h) => `bytearray(${bytesRepr(vm.table.side[h] as ByteContent)})`,
    hash: hashNotImplemented,
    richcompare: bytesRichcompare,
    number: numberSlots({ [NB.Remainder]: bytesRemainder }),
    sequence: { length: (vm, h) => vm.table.n[h], concat: bytearrayConcat, inplaceConcat: bytearrayIconcat },
    mapping: {
      length: (vm, h) => vm.table.n[h],
      subscript: bytesSubscript,
      assSubscript: bytearrayAssSubscript,
    },
    methods: BYTEARRAY_METHODS,
    // bytearray_iter is not modelled yet: without this slot `set(bytearray(...))` was a fake TypeError
    iter: () => {
      throw new NotSupported('iterating over a bytearray');
    },
    new: bytearrayVectorlike,
  });
