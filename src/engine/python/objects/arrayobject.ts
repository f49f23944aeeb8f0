import { memoryError } from '../errors';
import { raiseFormat, raiseString, typeError } from '../abstract/errors';
import { asSsize, hasIndex, index as numberIndex } from '../abstract/number';
import type { Vm } from '../runtime/vm';
import { E, exc } from './exctypes';
import { fromDouble } from './float';
import { fromLong, intValue } from './int';
import { moduleType } from './modtypes';
import { genericAlloc } from './object';
import { strResult, strValue } from './str';
import { T, type TypeSlots } from './types';

/**
 * array.array's storage (Modules/arraymodule.c, 3.11): the object (16 GC + 64 bytes:
 * PyObject_VAR_HEAD, ob_item, allocated, ob_descr, weakreflist, ob_exports) and one PyMem block
 * of allocated × itemsize bytes, grown by array_resize: nothing while the new size fits and the
 * array shrinks by fewer than 16, else PyMem_Realloc to newsize + newsize/16 + (3 below 8 items,
 * else 7) items. The bytes themselves are kept (a DataView), so tobytes, frombytes and byteswap
 * give CPython's bytes, and each typecode converts as its getitem/setitem does.
 */
export interface TypeCode {
  code: string;
  itemsize: number;
  kind: 'int' | 'uint' | 'float' | 'unicode';
}

export const TYPECODES: Record<string, TypeCode> = {
  b: { code: 'b', itemsize: 1, kind: 'int' },
  B: { code: 'B', itemsize: 1, kind: 'uint' },
  u: { code: 'u', itemsize: 4, kind: 'unicode' },
  h: { code: 'h', itemsize: 2, kind: 'int' },
  H: { code: 'H', itemsize: 2, kind: 'uint' },
  i: { code: 'i', itemsize: 4, kind: 'int' },
  I: { code: 'I', itemsize: 4, kind: 'uint' },
  l: { code: 'l', itemsize: 8, kind: 'int' },
  L: { code: 'L', itemsize: 8, kind: 'uint' },
  q: { code: 'q', itemsize: 8, kind: 'int' },
  Q: { code: 'Q', itemsize: 8, kind: 'uint' },
  f: { code: 'f', itemsize: 4, kind: 'float' },
  d: { code: 'd', itemsize: 8, kind: 'float' },
};
export const TYPECODE_LIST = 'bBuhHiIlLqQfd';

export interface ArrayState {
  descr: TypeCode;
  /** ob_item (0 = NULL) and allocated (items). */
  addr: number;
  allocated: number;
  bytes: DataView;
  exports: number;
}

export const ARRAY_BASIC = 64;
export const arrayState = (vm: Vm, h: number): ArrayState => vm.table.side[h] as ArrayState;
export const arrayLen = (vm: Vm, h: number): number => vm.table.n[h];

/** newarrayobject: tp_alloc, then PyMem_NEW(char, size × itemsize) unless empty. */
export function arrayNew(vm: Vm, type: TypeSlots, size: number, descr: TypeCode): number {
  const h = genericAlloc(vm, type, 0);
  const s: ArrayState = {
    descr,
    addr: 0,
    allocated: size,
    bytes: new DataView(new ArrayBuffer(size * descr.itemsize)),
    exports: 0,
  };
  vm.table.side[h] = s;
  vm.table.n[h] = size;
  if (size > 0) {
    s.addr = vm.mem.malloc(size * descr.itemsize);
    if (s.addr === 0) {
      vm.decref(h);
      throw memoryError();
    }
  }
  return h;
}

/** array_resize. */
export function arrayResize(vm: Vm, h: number, newsize: number): void {
  const s = arrayState(vm, h);
  const size = vm.table.n[h];
  if (s.exports > 0 && newsize !== size)
    throw raiseString(vm, exc('BufferError'), 'cannot resize an array that is exporting buffers');
  if (s.allocated >= newsize && size < newsize + 16 && s.addr !== 0) {
    vm.table.n[h] = newsize;
    return;
  }
  if (newsize === 0) {
    vm.mem.free(s.addr);
    s.addr = 0;
    vm.table.n[h] = 0;
    s.allocated = 0;
    s.bytes = new DataView(new ArrayBuffer(0));
    return;
  }
  const newAllocated = (newsize >> 4) + (size < 8 ? 3 : 7) + newsize;
  const p = vm.mem.realloc(s.addr, newAllocated * s.descr.itemsize);
  if (p === 0) throw memoryError();
  const bytes = new DataView(new ArrayBuffer(newAllocated * s.descr.itemsize));
  new Uint8Array(bytes.buffer).set(
    new Uint8Array(s.bytes.buffer, 0, Math.min(s.bytes.byteLength, bytes.byteLength)),
  );
  s.addr = p;
  s.bytes = bytes;
  s.allocated = newAllocated;
  vm.table.n[h] = newsize;
}

/** The bytes of items [i, i+n) are written (the pages become resident). */
export function touchItems(vm: Vm, s: ArrayState, i: number, n: number): void {
  if (n > 0 && s.addr) vm.mem.touch(s.addr + i * s.descr.itemsize, n * s.descr.itemsize);
}

/** The raw value at item i (a number, a bigint for 8-byte integers). */
export function rawGet(s: ArrayState, i: number): number | bigint {
  const b = s.bytes;
  const o = i * s.descr.itemsize;
  switch (s.descr.code) {
    case 'b':
      return b.getInt8(o);
    case 'B':
      return b.getUint8(o);
    case 'h':
      return b.getInt16(o, true);
    case 'H':
      return b.getUint16(o, true);
    case 'i':
      return b.getInt32(o, true);
    case 'I':
    case 'u':
      return b.getUint32(o, true);
    case 'l':
    case 'q':
      return b.getBigInt64(o, true);
    case 'L':
    case 'Q':
      return b.getBigUint64(o, true);
    case 'f':
      return b.getFloat32(o, true);
    default:
      return b.getFloat64(o, true);
  }
}

export function rawSet(s: ArrayState, i: number, v: number | bigint): void {
  const b = s.bytes;
  const o = i * s.descr.itemsize;
  switch (s.descr.code) {
    case 'b':
      return b.setInt8(o, Number(v));
    case 'B':
      return b.setUint8(o, Number(v));
    case 'h':
      return b.setInt16(o, Number(v), true);
    case 'H':
      return b.setUint16(o, Number(v), true);
    case 'i':
      return b.setInt32(o, Number(v), true);
    case 'I':
    case 'u':
      return b.setUint32(o, Number(v), true);
    case 'l':
    case 'q':
      return b.setBigInt64(o, BigInt(v), true);
    case 'L':
    case 'Q':
      return b.setBigUint64(o, BigInt(v), true);
    case 'f':
      return b.setFloat32(o, Number(v), true);
    default:
      return b.setFloat64(o, Number(v), true);
  }
}

/** The typecode's getitem: a new int / float / 1-character str. */
export function boxItem(vm: Vm, s: ArrayState, i: number): number {
  const v = rawGet(s, i);
  if (s.descr.kind === 'float') return fromDouble(vm, v as number);
  if (s.descr.kind === 'unicode') return strResult(vm, String.fromCodePoint(v as number));
  return fromLong(vm, typeof v === 'bigint' && v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v);
}

const LIMITS: Record<string, [bigint, bigint, string]> = {
  b: [-128n, 127n, 'signed char is less than minimum|signed char is greater than maximum'],
  B: [0n, 255n, 'unsigned byte integer is less than minimum|unsigned byte integer is greater than maximum'],
  h: [
    -32768n,
    32767n,
    'signed short integer is less than minimum|signed short integer is greater than maximum',
  ],
  H: [0n, 65535n, 'unsigned short is less than minimum|unsigned short is greater than maximum'],
  i: [
    -(2n ** 31n),
    2n ** 31n - 1n,
    'signed integer is less than minimum|signed integer is greater than maximum',
  ],
  I: [0n, 2n ** 32n - 1n, 'unsigned int is less than minimum|unsigned int is greater than maximum'],
};

/** The typecode's setitem check and conversion: the value to store, or the error CPython raises. */
export function unboxItem(vm: Vm, s: ArrayState, v: number): number | bigint {
  const code = s.descr.code;
  if (s.descr.kind === 'float') {
    const t = vm.table.type[v];
    if (t === T.Float) return vm.table.num[v];
    if (t === T.Int || t === T.Bool) return Number(intValue(vm, v));
    throw typeError(vm, 'must be real number, not %.200s', vm.typeOf(v).name);
  }
  if (s.descr.kind === 'unicode') {
    if (vm.table.type[v] !== T.Str)
      throw typeError(vm, 'array item must be unicode character, not %.200s', vm.typeOf(v).name);
    const text = strValue(vm, v);
    if ([...text].length !== 1)
      throw typeError(
        vm,
        'array item must be unicode character, not a string of length %zd',
        [...text].length,
      );
    return text.codePointAt(0)!;
  }
  if (vm.table.type[v] === T.Float) throw typeError(vm, "'float' object cannot be interpreted as an integer");
  if (!hasIndex(vm, v))
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", vm.typeOf(v).name);
  const ix = numberIndex(vm, v);
  const big = BigInt(intValue(vm, ix));
  vm.decref(ix);
  const lim = LIMITS[code];
  if (lim) {
    const [lo, hi, msgs] = lim;
    const [under, over] = msgs.split('|');
    if (big < lo) throw raiseString(vm, E.OverflowError, under);
    if (big > hi) throw raiseString(vm, E.OverflowError, over);
    return Number(big);
  }
  if (s.descr.kind === 'uint') {
    if (big < 0n) throw raiseString(vm, E.OverflowError, "can't convert negative int to unsigned");
    if (big >= 2n ** 64n) throw raiseString(vm, E.OverflowError, 'int too big to convert');
    return big;
  }
  if (big < -(2n ** 63n) || big >= 2n ** 63n)
    throw raiseString(vm, E.OverflowError, 'Python int too large to convert to C long');
  return big;
}

/** setarrayitem / the typecode's setitem at i (after checking). */
export function setItem(vm: Vm, h: number, i: number, v: number): void {
  const s = arrayState(vm, h);
  rawSet(s, i, unboxItem(vm, s, v));
  touchItems(vm, s, i, 1);
}

/** ins1: the value checked first, then array_resize(n + 1), the tail moved, the value stored. */
export function arrayInsert(vm: Vm, h: number, where: number, v: number): void {
  const s = arrayState(vm, h);
  const n = vm.table.n[h];
  const raw = unboxItem(vm, s, v);
  arrayResize(vm, h, n + 1);
  if (where < 0) where = Math.max(0, where + n);
  if (where > n) where = n;
  const sz = s.descr.itemsize;
  const u8 = new Uint8Array(s.bytes.buffer);
  if (where !== n) u8.copyWithin((where + 1) * sz, where * sz, n * sz);
  rawSet(s, where, raw);
  touchItems(vm, s, where, n + 1 - where);
}

/** Normalize an index argument the way array methods do (Py_ssize_t through __index__). */
export function ssizeArg(vm: Vm, v: number): number {
  if (!hasIndex(vm, v))
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", vm.typeOf(v).name);
  return asSsize(vm, v, E.OverflowError);
}

export function badTypecode(vm: Vm): Error {
  return raiseString(vm, E.ValueError, `bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)`);
}

export const arrayTypeOf = (vm: Vm, factory: Parameters<typeof moduleType>[1]): TypeSlots =>
  moduleType(vm, factory);

export { raiseFormat };
