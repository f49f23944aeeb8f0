import { argParserInit } from '../abstract/argparser';
import { raiseString, typeError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { bufferString, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import { bytearrayFromString } from './bytearray';
import { readAllBytes, readBytes } from './bytesread';
import { BYTES_HEADER, byteString, bytesCopy, bytesNew, type ByteContent } from './bytes';
import { E } from './exctypes';
import { listAppend, listNew, listPut } from './list';
import { isMemoryview, memoryviewBuffer } from './memoryview';
import { Meth, T, type Kwargs, type MethodDef } from './types';

/**
 * bytes and bytearray split, strip, lstrip, rstrip, upper, lower (Objects/bytes_methods.c,
 * stringlib/split.h, 3.11). split fills PyList_New(PREALLOC_SIZE(maxsplit)) (12 slots when
 * unlimited) in place and appends past it; a piece of bytes is PyBytes_FromStringAndSize (the
 * cached empty and 1-byte objects), of a bytearray a new bytearray; when nothing splits, exact
 * bytes is its own only piece. strip gives exact bytes back when nothing is cut. upper/lower make
 * PyBytes_FromStringAndSize(NULL, len) (no 1-byte singleton) and fill it.
 */
const MAX_PREALLOC = 12;
const SPACE = new Set([32, 9, 10, 11, 12, 13]);

const isBytearray = (vm: Vm, h: number): boolean => vm.table.type[h] === T.ByteArray;

function textOf(vm: Vm, h: number): string {
  const s = byteString(vm.table.side[h] as ByteContent);
  if (s === null) throw new NotSupported('splitting, stripping or changing the case of bytes over 64 MiB');
  return s;
}

/** A buffer argument's bytes (PyObject_GetBuffer, released), or a TypeError. */
function bufferArg(vm: Vm, h: number): string {
  if (isMemoryview(vm, h)) return bufferString(vm, memoryviewBuffer(vm, h));
  if (!hasBuffer(vm, h))
    throw typeError(vm, "a bytes-like object is required, not '%.100s'", typeName(vm, h));
  const t = vm.table.type[h];
  if (t === T.Bytes || t === T.ByteArray) return textOf(vm, h);
  const view = getBuffer(vm, h);
  try {
    return bufferString(vm, view);
  } finally {
    releaseBuffer(vm, view);
  }
}

/** One piece of `self`'s kind. */
const piece = (vm: Vm, self: number, s: string): number =>
  isBytearray(vm, self) ? bytearrayFromString(vm, s) : bytesNew(vm, s);

function split(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'split', ['sep', 'maxsplit']);
  if (args.length > 2) throw typeError(vm, 'split() takes at most 2 arguments (%zd given)', args.length);
  const sepArg = args[0] ?? kw?.get('sep');
  const maxArg = args[1] ?? kw?.get('maxsplit');
  const sep = sepArg === undefined || vm.table.type[sepArg] === T.None ? null : bufferArg(vm, sepArg);
  if (sep === '') throw raiseString(vm, E.ValueError, 'empty separator');
  let maxcount = maxArg !== undefined ? asSsize(vm, maxArg, E.OverflowError) : -1;
  if (maxcount < 0) maxcount = Number.MAX_SAFE_INTEGER;
  const s = textOf(vm, self);
  readAllBytes(vm, self); // the scan reads to the end; each piece is memcpy'd out of it
  const n = s.length;
  const list = listNew(vm, maxcount >= MAX_PREALLOC ? MAX_PREALLOC : maxcount + 1);
  let count = 0;
  const add = (h: number): void => {
    if (count < MAX_PREALLOC) listPut(vm, list, count, h);
    else {
      vm.table.n[list] = count;
      listAppend(vm, list, h);
    }
    count++;
  };
  const whole = (): boolean => {
    if (vm.table.type[self] !== T.Bytes) return false;
    vm.incref(self);
    add(self);
    return true;
  };
  try {
    let left = maxcount;
    if (sep === null) {
      let i = 0;
      while (left-- > 0) {
        while (i < n && SPACE.has(s.charCodeAt(i))) i++;
        if (i === n) break;
        const j = i++;
        while (i < n && !SPACE.has(s.charCodeAt(i))) i++;
        if (j === 0 && i === n && whole()) break;
        add(piece(vm, self, s.slice(j, i)));
      }
      if (i < n) {
        while (i < n && SPACE.has(s.charCodeAt(i))) i++;
        if (i !== n) add(piece(vm, self, s.slice(i)));
      }
    } else {
      let i = 0;
      while (left-- > 0) {
        const pos = s.indexOf(sep, i);
        if (pos < 0) break;
        add(piece(vm, self, s.slice(i, pos)));
        i = pos + sep.length;
      }
      if (count > 0 || !whole()) add(piece(vm, self, s.slice(i)));
    }
  } catch (e) {
    vm.table.n[list] = count;
    vm.decref(list);
    throw e;
  }
  vm.table.n[list] = count; // FIX_PREALLOC_SIZE
  return list;
}

/** do_strip / do_argstrip: exact bytes itself when nothing is cut, else a new object. */
function strip(vm: Vm, self: number, args: readonly number[], left: boolean, right: boolean): number {
  if (args.length > 1) throw typeError(vm, 'strip expected at most 1 argument, got %zd', args.length);
  const chars = args.length && vm.table.type[args[0]] !== T.None ? new Set(bufferArg(vm, args[0])) : null;
  const s = textOf(vm, self);
  const cut = (ch: string): boolean => (chars ? chars.has(ch) : SPACE.has(ch.charCodeAt(0)));
  let i = 0;
  let j = s.length;
  if (left) while (i < j && cut(s[i])) i++;
  if (right) while (j > i && cut(s[j - 1])) j--;
  // do_strip reads from each end up to the first byte it keeps, then memcpy's what is between
  if (i === 0 && j === s.length) {
    readBytes(vm, self, 0, Math.min(1, s.length));
    readBytes(vm, self, s.length - 1, Math.min(1, s.length));
  } else readAllBytes(vm, self);
  if (i === 0 && j === s.length && vm.table.type[self] === T.Bytes) {
    vm.incref(self);
    return self;
  }
  return piece(vm, self, s.slice(i, j));
}

/** bytes_upper / bytes_lower (and bytearray's): a new object of the same length, filled. */
function changeCase(vm: Vm, self: number, upper: boolean): number {
  const s = textOf(vm, self);
  readAllBytes(vm, self); // _Py_bytes_upper/lower read every byte
  const out = s.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
  if (isBytearray(vm, self)) return bytearrayFromString(vm, out);
  if (out.length === 0) return vm.s.emptyBytes;
  const h = bytesCopy(vm, out); // PyBytes_FromStringAndSize(NULL, n): no 1-byte singleton
  vm.mem.touch(vm.table.addr[h], BYTES_HEADER + out.length);
  return h;
}

/** The methods, with `owner` in their qualified names ('bytes' or 'bytearray'). */
export function SPLIT_METHODS(owner: string): Record<string, MethodDef> {
  const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
    name,
    flags,
    impl,
    qualname: `${owner}.${name}`,
  });
  return {
    split: def('split', Meth.Fastcall | Meth.Keywords, split),
    strip: def('strip', Meth.Fastcall, (vm, self, args) => strip(vm, self, args, true, true)),
    lstrip: def('lstrip', Meth.Fastcall, (vm, self, args) => strip(vm, self, args, true, false)),
    rstrip: def('rstrip', Meth.Fastcall, (vm, self, args) => strip(vm, self, args, false, true)),
    upper: def('upper', Meth.NoArgs, (vm, self) => changeCase(vm, self, true)),
    lower: def('lower', Meth.NoArgs, (vm, self) => changeCase(vm, self, false)),
  };
}
