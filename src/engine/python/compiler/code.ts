import type { Const } from './values';

/**
 * A code object as the eval loop runs it (PyCodeObject of 3.11, minus the parts only the C
 * runtime needs). The instruction stream is exactly 3.11's co_code: 16-bit code units
 * `opcode | oparg << 8`, EXTENDED_ARG prefixes and zeroed inline CACHE units included, so
 * offsets (jump targets, the exception table, f_lasti, tracebacks) are CPython's.
 */
export interface CodeObject {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  /** co_flags (CO_OPTIMIZED 1, CO_NEWLOCALS 2, CO_VARARGS 4, CO_VARKEYWORDS 8, CO_NESTED 16, CO_GENERATOR 32, …). */
  flags: number;
  /** Code units: `code[i] & 0xff` is the opcode, `code[i] >> 8` the oparg byte. */
  code: Uint16Array;
  consts: Const[];
  names: string[];
  /** Fast locals, then cells that are not arguments, then free variables (co_localsplusnames). */
  localsplusnames: string[];
  /** Per localsplus slot: CO_FAST_LOCAL 0x20, CO_FAST_CELL 0x40, CO_FAST_FREE 0x80 (co_localspluskinds). */
  localspluskinds: Uint8Array;
  nlocals: number;
  nlocalsplus: number;
  stacksize: number;
  /** co_varnames / co_cellvars / co_freevars, as Python shows them. */
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  /**
   * Per code unit: line, end line, column, end column (-1 when absent), what co_positions()
   * yields; tracebacks index it with f_lasti.
   */
  positions: Int32Array;
  /** co_linetable as CPython encodes it (its size is part of the code object's memory). */
  linetable: Uint8Array;
  /** Decoded co_exceptiontable: per entry start, end (exclusive), target (code units), depth, lasti (0/1). */
  exceptionTable: Int32Array;
  /** co_exceptiontable as CPython encodes it. */
  exceptiontable: Uint8Array;
  /**
   * Frame size in words (_PyFrame_NumSlotsForCodeObject: nlocalsplus + stacksize + 9): a call
   * takes 8 × this from the data stack; a generator object is 80 + 8 × this bytes.
   */
  framesize: number;
}

/** FRAME_SPECIALS_SIZE in 3.11: (sizeof(_PyInterpreterFrame) - 1) / sizeof(PyObject *). */
export const FRAME_SPECIALS_SIZE = 9;

export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ASYNC_GENERATOR = 0x200;

export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/**
 * The exception table entry covering `offset` (code units), as get_exception_handler in
 * ceval.c finds it: entries are sorted and do not overlap; the innermost handler wins because
 * the compiler emits one entry per range. Returns the entry index or -1.
 */
export function findHandler(code: CodeObject, offset: number): number {
  const t = code.exceptionTable;
  let lo = 0;
  let hi = t.length / 5;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid * 5 + 1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.length / 5 && t[lo * 5] <= offset ? lo : -1;
}
