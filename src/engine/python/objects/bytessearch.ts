import { raiseString, typeError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { bufferString, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import { byteString, type ByteContent } from './bytes';
import { readBytes } from './bytesread';
import { isUniform, type ByteStore } from './bytestore';
import { E } from './exctypes';
import { fromSsize } from './int';
import { isMemoryview, memoryviewBuffer } from './memoryview';
import { tupleItem } from './tuple';
import { Meth, T, type MethodDef } from './types';

/**
 * The searching methods bytes and bytearray share (Objects/bytes_methods.c, 3.11): find, rfind,
 * index, rindex, count, startswith, endswith. All are METH_VARARGS (the call packs an argument
 * tuple, the only allocation: the answer is a small int or a bool, or a cached int). The needle
 * is an int (one byte) or anything with a buffer, whose view is taken and released.
 */

/** The haystack as a JS string. */
function textOf(vm: Vm, h: number): string {
  // byteString spells a big store out up to BYTE_TEXT_LIMIT (64 MiB); beyond, the page would stall
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('searching bytes over 64 MiB');
  return s;
}

/**
 * A big haystack of one repeated byte (bytes(n), bytearray(n) past 1 MiB, kept as a fill): found
 * and counted by arithmetic, the answers fastsearch gives over it (a needle of that byte only
 * matches at every position; any other byte never), without spelling out the bytes.
 */
function uniformOf(vm: Vm, h: number): ByteStore | null {
  const c = vm.table.side[h] as ByteContent;
  return typeof c !== 'string' && c.length > 1 << 20 && isUniform(c) ? c : null;
}

const allOf = (sub: string, fill: number): boolean => {
  for (let i = 0; i < sub.length; i++) if (sub.charCodeAt(i) !== fill) return false;
  return true;
};

/** A buffer's bytes (PyObject_GetBuffer, copied out, released), or null without one. */
function bufferText(vm: Vm, h: number): string | null {
  if (isMemoryview(vm, h)) return bufferString(vm, memoryviewBuffer(vm, h));
  if (!hasBuffer(vm, h)) return null;
  const t = vm.table.type[h];
  if (t === T.Bytes || t === T.ByteArray) return textOf(vm, h);
  const view = getBuffer(vm, h);
  try {
    return bufferString(vm, view);
  } finally {
    releaseBuffer(vm, view);
  }
}

/** _PyEval_SliceIndex of the optional start/end, then ADJUST_INDICES. */
function bounds(vm: Vm, args: readonly number[], len: number): [number, number] {
  const idx = (h: number | undefined, dflt: number): number => {
    if (h === undefined || vm.table.type[h] === T.None) return dflt;
    if (!hasIndex(vm, h))
      throw typeError(vm, 'slice indices must be integers or None or have an __index__ method');
    return asSsize(vm, h, 0);
  };
  let start = idx(args[1], 0);
  let end = idx(args[2], len);
  if (end > len) end = len;
  else if (end < 0) end = Math.max(0, end + len);
  if (start < 0) start = Math.max(0, start + len);
  return [start, end];
}

function arity(vm: Vm, name: string, n: number): void {
  if (n < 1) throw typeError(vm, '%s expected at least 1 argument, got 0', name);
  if (n > 3) throw typeError(vm, '%s expected at most 3 arguments, got %zd', name, n);
}

/** parse_args_finds_byte: the needle as bytes (an int is one byte). */
function needle(vm: Vm, h: number): string {
  if (hasIndex(vm, h)) {
    const b = asSsize(vm, h, E.OverflowError);
    if (b < 0 || b > 255) throw raiseString(vm, E.ValueError, 'byte must be in range(0, 256)');
    return String.fromCharCode(b);
  }
  const s = bufferText(vm, h);
  if (s === null)
    throw typeError(vm, "argument should be integer or bytes-like object, not '%.200s'", typeName(vm, h));
  return s;
}

/** find_internal: the position in text[start:end], -1 when absent. */
function findIn(vm: Vm, self: number, args: readonly number[], name: string, right: boolean): number {
  arity(vm, name, args.length);
  const sub = needle(vm, args[0]);
  const [start, end, p] = findAt(vm, self, args, sub, right);
  // fastsearch reads from where it starts to the match (all of [start, end) when none)
  if (p < 0) readBytes(vm, self, start, end - start);
  else if (right) readBytes(vm, self, p, end - p);
  else readBytes(vm, self, start, p + sub.length - start);
  return p;
}

/** The search itself: [start, end] and the position, -1 when absent. */
function findAt(
  vm: Vm,
  self: number,
  args: readonly number[],
  sub: string,
  right: boolean,
): [number, number, number] {
  const uniform = uniformOf(vm, self);
  if (uniform) {
    const [start, end] = bounds(vm, args, uniform.length);
    if (end - start < sub.length || !allOf(sub, uniform.fill)) return [start, end, -1];
    return [start, end, right ? end - sub.length : start];
  }
  const text = textOf(vm, self);
  const [start, end] = bounds(vm, args, text.length);
  if (end - start < sub.length) return [start, end, -1];
  if (right) {
    const p = text.lastIndexOf(sub, end - sub.length);
    return [start, end, p >= start ? p : -1];
  }
  const p = text.indexOf(sub, start);
  return [start, end, p >= 0 && p + sub.length <= end ? p : -1];
}

function count(vm: Vm, self: number, args: readonly number[]): number {
  arity(vm, 'count', args.length);
  const sub = needle(vm, args[0]);
  const uniform = uniformOf(vm, self);
  const text = uniform ? '' : textOf(vm, self);
  const [start, end] = bounds(vm, args, uniform ? uniform.length : text.length);
  if (end < start) return 0;
  if (sub.length === 0) return end - start + 1;
  readBytes(vm, self, start, end - start); // stringlib count: every byte of [start, end)
  if (uniform) return allOf(sub, uniform.fill) ? Math.floor((end - start) / sub.length) : 0;
  let n = 0;
  for (
    let p = text.indexOf(sub, start);
    p >= 0 && p + sub.length <= end;
    p = text.indexOf(sub, p + sub.length)
  )
    n++;
  return n;
}

/** _Py_bytes_tailmatch: a bytes-like or a tuple of them, within text[start:end]. */
function tailMatch(vm: Vm, self: number, args: readonly number[], name: string, atEnd: boolean): boolean {
  arity(vm, name, args.length);
  const text = textOf(vm, self);
  const [start, end] = bounds(vm, args, text.length);
  const one = (h: number): boolean => {
    const sub = bufferText(vm, h);
    if (sub === null)
      throw typeError(vm, '%s first arg must be bytes or a tuple of bytes, not %s', name, typeName(vm, h));
    if (end - start < sub.length || start > text.length) return false;
    const at = atEnd ? end - sub.length : start;
    readBytes(vm, self, at, sub.length); // the memcmp of the tail
    return text.startsWith(sub, at);
  };
  const x = args[0];
  if (vm.table.type[x] === T.Tuple) {
    for (let i = 0; i < vm.table.n[x]; i++) if (one(tupleItem(vm, x, i))) return true;
    return false;
  }
  return one(x);
}

/** The shared methods, with `owner` in their qualified names ('bytes' or 'bytearray'). */
export function SEARCH_METHODS(owner: string): Record<string, MethodDef> {
  const def = (name: string, impl: MethodDef['impl']): MethodDef => ({
    name,
    flags: Meth.Varargs,
    impl,
    qualname: `${owner}.${name}`,
  });
  const notFound = (vm: Vm) => raiseString(vm, E.ValueError, 'subsection not found');
  return {
    find: def('find', (vm, self, args) => fromSsize(vm, findIn(vm, self, args, 'find', false))),
    rfind: def('rfind', (vm, self, args) => fromSsize(vm, findIn(vm, self, args, 'rfind', true))),
    index: def('index', (vm, self, args) => {
      const p = findIn(vm, self, args, 'index', false);
      if (p < 0) throw notFound(vm);
      return fromSsize(vm, p);
    }),
    rindex: def('rindex', (vm, self, args) => {
      const p = findIn(vm, self, args, 'rindex', true);
      if (p < 0) throw notFound(vm);
      return fromSsize(vm, p);
    }),
    count: def('count', (vm, self, args) => fromSsize(vm, count(vm, self, args))),
    startswith: def('startswith', (vm, self, args) =>
      vm.s.bool(tailMatch(vm, self, args, 'startswith', false)),
    ),
    endswith: def('endswith', (vm, self, args) => vm.s.bool(tailMatch(vm, self, args, 'endswith', true))),
  };
}

/**
 * _Py_bytes_contains (bytes_methods.c), bytes' and bytearray's sq_contains: `x in b`. An index is one
 * byte (PyNumber_AsSsize_t with no overflow error: a huge int is clipped, then out of range); else
 * the needle's buffer is searched (stringlib find from 0); anything else is the buffer TypeError.
 */
export function bytesContains(vm: Vm, self: number, x: number): boolean {
  let sub: string;
  if (hasIndex(vm, x)) {
    const b = asSsize(vm, x, 0);
    if (b < 0 || b > 255) throw raiseString(vm, E.ValueError, 'byte must be in range(0, 256)');
    sub = String.fromCharCode(b);
  } else {
    const s = bufferText(vm, x);
    if (s === null) throw typeError(vm, "a bytes-like object is required, not '%.200s'", typeName(vm, x));
    sub = s;
  }
  const uniform = uniformOf(vm, self);
  let p: number;
  if (uniform) p = sub.length <= uniform.length && allOf(sub, uniform.fill) ? 0 : -1;
  else p = textOf(vm, self).indexOf(sub);
  readBytes(vm, self, 0, p < 0 ? vm.table.n[self] : p + sub.length); // fastsearch up to the match
  return p >= 0;
}
