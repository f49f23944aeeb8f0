import { argParserInit } from '../abstract/argparser';
import { typeError, valueError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { listAppend, listItem, listNew, listPut } from './list';
import { strResult, strValue } from './str';
import { tupleAlloc } from './tuple';
import { T, type Kwargs } from './types';
import { unexpectedKeyword } from './getargs';
import { SPLIT_CHAR_NS, SPLIT_PIECE_NS } from '../runtime/cwork';

/**
 * str.split, str.rsplit, str.splitlines, str.partition and str.rpartition as
 * Objects/stringlib/split.h and partition.h run them (3.11): the list is PyList_New of
 * PREALLOC_SIZE(maxsplit) (at most 12) filled in place, later pieces appended; each piece is
 * STRINGLIB_NEW (_PyUnicode_FromASCII / _PyUnicode_FromUCS1/2/4: its own narrowest kind, the
 * cached singleton for '' and one latin-1 character); when nothing splits, an exact str is its
 * own only piece. rsplit works from the end and reverses the list in place (no allocation).
 */

const MAX_PREALLOC = 12;

/** Py_UNICODE_ISSPACE (_PyUnicode_IsWhitespace and the ASCII table). */
export function isSpace(c: number): boolean {
  if (c < 128) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20);
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Py_UNICODE_ISLINEBREAK. */
function isLineBreak(c: number): boolean {
  return (
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0x1c ||
    c === 0x1d ||
    c === 0x1e ||
    c === 0x85 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

/** A list being filled the way SPLIT_ADD fills it (STRINGLIB_NEW: `make`, str's by default). */
export class Pieces {
  readonly list: number;
  count = 0;
  constructor(
    private readonly vm: Vm,
    maxcount: number,
    private readonly make: (vm: Vm, text: string) => number = strResult,
  ) {
    this.list = listNew(vm, maxcount >= MAX_PREALLOC ? MAX_PREALLOC : maxcount + 1);
  }
  /** SPLIT_ADD: STRINGLIB_NEW of the piece, set in place or appended past the preallocation. */
  add(text: string): void {
    this.vm.mem.spend(SPLIT_PIECE_NS + text.length * SPLIT_CHAR_NS);
    this.put(this.make(this.vm, text));
  }
  /** The exact str itself as the only piece (Py_INCREF(str_obj)). */
  put(h: number): void {
    if (this.count < MAX_PREALLOC) listPut(this.vm, this.list, this.count, h);
    else {
      this.vm.table.n[this.list] = this.count;
      listAppend(this.vm, this.list, h);
    }
    this.count++;
  }
  /** FIX_PREALLOC_SIZE, then (rsplit) PyList_Reverse in place. */
  done(reverse: boolean): number {
    const vm = this.vm;
    vm.table.n[this.list] = this.count;
    if (reverse && this.count > 1) {
      const items: number[] = [];
      for (let i = 0; i < this.count; i++) items.push(listItem(vm, this.list, i));
      for (let i = 0; i < this.count; i++) listPut(vm, this.list, i, items[this.count - 1 - i]);
    }
    return this.list;
  }
}

const isExactStr = (vm: Vm, h: number): boolean => vm.table.type[h] === T.Str;

/** split's and rsplit's (sep=None, maxsplit=-1): Argument Clinic, its kwtuple made by the first keyword call. */
function splitArgs(
  vm: Vm,
  fname: string,
  args: readonly number[],
  kw: Kwargs | null,
  len: number,
): { sep: string | null; maxcount: number } {
  if (kw !== null && kw.size > 0) argParserInit(vm, `str.${fname}`, ['sep', 'maxsplit']);
  // _PyArg_UnpackKeywords counts positional and keyword arguments together before anything else
  const given = args.length + (kw?.size ?? 0);
  if (given > 2)
    throw typeError(vm, '%s() takes at most 2 %sarguments (%zd given)', fname, args.length ? '' : 'keyword ', given);
  for (const k of kw?.keys() ?? [])
    if (k !== 'sep' && k !== 'maxsplit')
      throw unexpectedKeyword(vm, fname, k);
  const sepArg = args[0] ?? kw?.get('sep');
  const maxArg = args[1] ?? kw?.get('maxsplit');
  let sep: string | null = null;
  if (sepArg !== undefined && vm.table.type[sepArg] !== T.None) {
    if (!vm.typeOf(sepArg).mro.includes(T.Str))
      throw typeError(vm, 'must be str or None, not %.50s', typeName(vm, sepArg));
    sep = strValue(vm, sepArg);
    if (sep === '') throw valueError(vm, 'empty separator');
  }
  let maxcount = maxArg !== undefined ? asSsize(vm, maxArg, E.OverflowError) : -1;
  // 3.12+ (unicodeobject.c split/rsplit) bounds an unlimited count by the length first, which sizes
  // the preallocated list: 'a,b,,c'.split(',') has 8 slots there, 12 on 3.11 (measured)
  if (maxcount < 0)
    maxcount = !vm.py.boundedSplit
      ? Number.MAX_SAFE_INTEGER
      : sep === null
        ? Math.trunc((len - 1) / 2) + 1
        : Math.trunc(len / sep.length) + 1;
  return { sep, maxcount };
}

/** str.split (split_whitespace, split_char, split). */
export function strSplit(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  const s = strValue(vm, self);
  const { sep, maxcount } = splitArgs(vm, 'split', args, kw, s.length);
  const n = s.length;
  const out = new Pieces(vm, maxcount);
  let left = maxcount;
  if (sep === null) {
    let i = 0;
    while (left-- > 0) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i === n) break;
      const j = i++;
      while (i < n && !isSpace(s.charCodeAt(i))) i++;
      if (j === 0 && i === n && isExactStr(vm, self)) {
        vm.incref(self);
        out.put(self);
        break;
      }
      out.add(s.slice(j, i));
    }
    if (i < n) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i !== n) out.add(s.slice(i));
    }
    return out.done(false);
  }
  let i = 0;
  while (left-- > 0) {
    const pos = s.indexOf(sep, i);
    if (pos < 0) break;
    out.add(s.slice(i, pos));
    i = pos + sep.length;
  }
  if (out.count === 0 && isExactStr(vm, self)) {
    vm.incref(self);
    out.put(self);
  } else out.add(s.slice(i));
  return out.done(false);
}

/** str.rsplit (rsplit_whitespace, rsplit_char, rsplit): pieces made from the right. */
export function strRsplit(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  const s = strValue(vm, self);
  const { sep, maxcount } = splitArgs(vm, 'rsplit', args, kw, s.length);
  const n = s.length;
  const out = new Pieces(vm, maxcount);
  let left = maxcount;
  if (sep === null) {
    let i = n - 1;
    while (left-- > 0) {
      while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
      if (i < 0) break;
      const j = i--;
      while (i >= 0 && !isSpace(s.charCodeAt(i))) i--;
      if (j === n - 1 && i < 0 && isExactStr(vm, self)) {
        vm.incref(self);
        out.put(self);
        break;
      }
      out.add(s.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
      if (i >= 0) out.add(s.slice(0, i + 1));
    }
    return out.done(true);
  }
  let j = n;
  while (left-- > 0) {
    const pos = j - sep.length < 0 ? -1 : s.lastIndexOf(sep, j - sep.length);
    if (pos < 0) break;
    out.add(s.slice(pos + sep.length, j));
    j = pos;
  }
  if (out.count === 0 && isExactStr(vm, self)) {
    vm.incref(self);
    out.put(self);
  } else out.add(s.slice(0, j));
  return out.done(true);
}

/** str.splitlines (keepends=False): PyList_New(0), then PyList_Append of each line. */
export function strSplitlines(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'str.splitlines', ['keepends']);
  const keArg = args[0] ?? kw?.get('keepends');
  const keepends = keArg !== undefined && asSsize(vm, keArg, E.OverflowError) !== 0;
  const s = strValue(vm, self);
  const n = s.length;
  const list = listNew(vm, 0);
  let i = 0;
  let j = 0;
  while (i < n) {
    while (i < n && !isLineBreak(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      i += s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (keepends) eol = i;
    }
    if (j === 0 && eol === n && isExactStr(vm, self)) {
      vm.incref(self);
      listAppend(vm, list, self);
      break;
    }
    listAppend(vm, list, strResult(vm, s.slice(j, eol)));
    j = i;
  }
  return list;
}

/**
 * str.partition / str.rpartition (stringlib/partition.h): PyTuple_New(3), then the pieces; the
 * separator object itself is the middle item; not found: the str itself and two ''.
 */
function partition(vm: Vm, self: number, sepObj: number, fromRight: boolean): number {
  if (!vm.typeOf(sepObj).mro.includes(T.Str))
    throw typeError(vm, 'must be str, not %.100s', typeName(vm, sepObj));
  const s = strValue(vm, self);
  const sep = strValue(vm, sepObj);
  if (sep === '') throw valueError(vm, 'empty separator');
  const pos = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
  const out = tupleAlloc(vm, 3);
  const base = vm.table.ref[out];
  const set = (i: number, h: number): void => {
    vm.pool.data[base + i] = h;
  };
  if (pos < 0) {
    const whole = isExactStr(vm, self) ? self : strResult(vm, s);
    if (whole === self) vm.incref(self);
    const empty = vm.s.emptyStr;
    set(fromRight ? 2 : 0, whole);
    set(fromRight ? 0 : 1, empty);
    set(fromRight ? 1 : 2, empty);
  } else {
    set(0, strResult(vm, s.slice(0, pos)));
    vm.incref(sepObj);
    set(1, sepObj);
    set(2, strResult(vm, s.slice(pos + sep.length)));
  }
  vm.gc.track(out);
  return out;
}

export const strPartition = (vm: Vm, self: number, args: readonly number[]): number =>
  partition(vm, self, args[0], false);
export const strRpartition = (vm: Vm, self: number, args: readonly number[]): number =>
  partition(vm, self, args[0], true);
