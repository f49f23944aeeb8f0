import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';

/** pickle's opcodes (Lib/pickletools.py documents them) and the little helpers both halves use. */
export const OP = {
  MARK: 0x28,
  INT: 0x49,
  LONG: 0x4c,
  FLOAT: 0x46,
  UNICODE: 0x56,
  LIST: 0x6c,
  DICT: 0x64,
  PUT: 0x70,
  GET: 0x67,
  GLOBAL: 0x63,
  REDUCE: 0x52,
  STOP: 0x2e,
  POP: 0x30,
  POP_MARK: 0x31,
  BININT: 0x4a,
  BININT1: 0x4b,
  BININT2: 0x4d,
  NONE: 0x4e,
  BINUNICODE: 0x58,
  APPEND: 0x61,
  BINGET: 0x68,
  LONG_BINGET: 0x6a,
  EMPTY_LIST: 0x5d,
  APPENDS: 0x65,
  BINPUT: 0x71,
  LONG_BINPUT: 0x72,
  SETITEM: 0x73,
  TUPLE: 0x74,
  EMPTY_TUPLE: 0x29,
  SETITEMS: 0x75,
  BINFLOAT: 0x47,
  EMPTY_DICT: 0x7d,
  PROTO: 0x80,
  TUPLE1: 0x85,
  TUPLE2: 0x86,
  TUPLE3: 0x87,
  NEWTRUE: 0x88,
  NEWFALSE: 0x89,
  LONG1: 0x8a,
  LONG4: 0x8b,
  BINBYTES: 0x42,
  SHORT_BINBYTES: 0x43,
  SHORT_BINUNICODE: 0x8c,
  BINUNICODE8: 0x8d,
  BINBYTES8: 0x8e,
  EMPTY_SET: 0x8f,
  ADDITEMS: 0x90,
  FROZENSET: 0x91,
  MEMOIZE: 0x94,
  FRAME: 0x95,
  BYTEARRAY8: 0x96,
  STACK_GLOBAL: 0x93,
  NEWOBJ: 0x81,
  BUILD: 0x62,
} as const;

/** A GC object made by PyObject_GC_New for a C-only type (gc_alloc: it counts for generation 0). */
const GC_HEAD = 16;

export function gcAllocRaw(vm: Vm, size: number): number {
  const p = vm.mem.malloc(GC_HEAD + size);
  if (p === 0) throw memoryError();
  vm.mem.wroteObject(p, GC_HEAD + size);
  vm.gc.linked();
  return p;
}

export function gcFreeRaw(vm: Vm, p: number): void {
  vm.gc.deleted();
  vm.mem.free(p);
}

export function le32(x: number): number[] {
  return [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, (x >>> 24) & 0xff];
}

export function le64(x: number): number[] {
  const lo = x % 0x100000000;
  const hi = Math.floor(x / 0x100000000);
  return [...le32(lo), ...le32(hi)];
}
