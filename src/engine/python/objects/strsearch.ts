import { typeError, valueError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { fromSsize } from './int';
import { strKind, strResult, strValue } from './str';
import { tupleItem } from './tuple';
import { T } from './types';

/**
 * The searching str methods (unicodeobject.c, 3.11): find/rfind/index/rindex/count and
 * startswith/endswith are METH_VARARGS (the call packs an argument tuple), take optional
 * start/end as slice indices (_PyEval_SliceIndex: None or an index) and answer with
 * PyLong_FromSsize_t or a bool; removeprefix/removesuffix (METH_O) cut with PyUnicode_Substring.
 * Indices count code points, so a UCS-4 string (JS surrogate pairs) is searched as code points.
 */

const isStr = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(T.Str);

/** The text as code points for a UCS-4 string (indices must count them), else as is. */
function chars(vm: Vm, h: number): string | string[] {
  const s = strValue(vm, h);
  return strKind(vm, h) === 4 ? Array.from(s) : s;
}

/** _PyEval_SliceIndex of an optional argument; then ADJUST_INDICES against `len`. */
function bounds(vm: Vm, args: readonly number[], from: number, len: number): [number, number] {
  const idx = (h: number | undefined, dflt: number): number =>
    h === undefined || vm.table.type[h] === T.None ? dflt : asSsize(vm, h, 0);
  let start = idx(args[from], 0);
  let end = idx(args[from + 1], len);
  if (end > len) end = len;
  else if (end < 0) end = Math.max(0, end + len);
  if (start < 0) start = Math.max(0, start + len);
  return [start, end];
}

function needStr(vm: Vm, h: number, fname: string, n: number): void {
  if (n < 1) throw typeError(vm, '%s expected at least 1 argument, got 0', fname);
  if (n > 3) throw typeError(vm, '%s expected at most 3 arguments, got %zd', fname, n);
  if (!isStr(vm, h)) throw typeError(vm, 'must be str, not %.100s', typeName(vm, h));
}

/** Position of `sub` in text[start:end] (from the right when `right`), -1 when absent. */
function search(
  text: string | string[],
  sub: string | string[],
  start: number,
  end: number,
  right: boolean,
): number {
  const n = sub.length;
  if (end - start < n) return -1;
  if (typeof text === 'string' && typeof sub === 'string') {
    if (right) {
      const p = text.lastIndexOf(sub, end - n);
      return p >= start ? p : -1;
    }
    const p = text.indexOf(sub, start);
    return p >= 0 && p + n <= end ? p : -1;
  }
  const t = Array.from(text);
  const u = Array.from(sub);
  const at = (i: number): boolean => u.every((c, k) => t[i + k] === c);
  if (right) {
    for (let i = end - n; i >= start; i--) if (at(i)) return i;
  } else for (let i = start; i + n <= end; i++) if (at(i)) return i;
  return -1;
}

function find(vm: Vm, self: number, args: readonly number[], fname: string, right: boolean): number {
  needStr(vm, args[0], fname, args.length);
  const text = chars(vm, self);
  const [start, end] = bounds(vm, args, 1, text.length);
  if (start > text.length) return -1;
  return search(text, chars(vm, args[0]), start, end, right);
}

export const strFind = (vm: Vm, self: number, args: readonly number[]): number =>
  fromSsize(vm, find(vm, self, args, 'find', false));
export const strRfind = (vm: Vm, self: number, args: readonly number[]): number =>
  fromSsize(vm, find(vm, self, args, 'rfind', true));

function indexOrRaise(vm: Vm, self: number, args: readonly number[], fname: string, right: boolean): number {
  const p = find(vm, self, args, fname, right);
  if (p < 0) throw valueError(vm, 'substring not found');
  return fromSsize(vm, p);
}
export const strIndex = (vm: Vm, self: number, args: readonly number[]): number =>
  indexOrRaise(vm, self, args, 'index', false);
export const strRindex = (vm: Vm, self: number, args: readonly number[]): number =>
  indexOrRaise(vm, self, args, 'rindex', true);

/** str.count: non-overlapping occurrences; '' counts the positions (end - start + 1). */
export function strCount(vm: Vm, self: number, args: readonly number[]): number {
  needStr(vm, args[0], 'count', args.length);
  const text = chars(vm, self);
  const sub = chars(vm, args[0]);
  const [start, end] = bounds(vm, args, 1, text.length);
  if (start > text.length || end < start) return fromSsize(vm, 0);
  if (sub.length === 0) return fromSsize(vm, end - start + 1);
  let n = 0;
  for (
    let p = search(text, sub, start, end, false);
    p >= 0;
    p = search(text, sub, p + sub.length, end, false)
  )
    n++;
  return fromSsize(vm, n);
}

/** startswith/endswith: a str or a tuple of strs, within text[start:end]. */
function tailMatch(vm: Vm, self: number, args: readonly number[], fname: string, atEnd: boolean): number {
  if (args.length < 1 || args.length > 3)
    throw typeError(
      vm,
      '%s expected %s arguments, got %zd',
      fname,
      args.length < 1 ? 'at least 1' : 'at most 3',
      args.length,
    );
  const text = chars(vm, self);
  const [start, end] = bounds(vm, args, 1, text.length);
  const one = (h: number): boolean => {
    const sub = chars(vm, h);
    if (start > text.length || end - start < sub.length) return false;
    const at = atEnd ? end - sub.length : start;
    return search(text, sub, at, at + sub.length, false) === at;
  };
  const pre = args[0];
  if (vm.table.type[pre] === T.Tuple) {
    for (let i = 0; i < vm.table.n[pre]; i++) {
      const item = tupleItem(vm, pre, i);
      if (!isStr(vm, item))
        throw typeError(vm, 'tuple for %s must only contain str, not %.100s', fname, typeName(vm, item));
      if (one(item)) return vm.s.True;
    }
    return vm.s.False;
  }
  if (!isStr(vm, pre))
    throw typeError(vm, '%s first arg must be str or a tuple of str, not %.100s', fname, typeName(vm, pre));
  return vm.s.bool(one(pre));
}
export const strStartswith = (vm: Vm, self: number, args: readonly number[]): number =>
  tailMatch(vm, self, args, 'startswith', false);
export const strEndswith = (vm: Vm, self: number, args: readonly number[]): number =>
  tailMatch(vm, self, args, 'endswith', true);

/**
 * PyUnicode_Substring(self, start, end) on JS indices: the same object when whole (an exact
 * str; a subclass gets a copy), else a new str of its own narrowest kind ('' and one latin-1
 * character are the singletons).
 */
export function substring(vm: Vm, self: number, start: number, end: number): number {
  const s = strValue(vm, self);
  if (start <= 0 && end >= s.length && vm.table.type[self] === T.Str) {
    vm.incref(self);
    return self;
  }
  return strResult(vm, s.slice(Math.max(0, start), Math.min(end, s.length)));
}

function affixArg(vm: Vm, h: number): string {
  if (!isStr(vm, h)) throw typeError(vm, 'removeprefix() argument must be str, not %.100s', typeName(vm, h));
  return strValue(vm, h);
}

export function strRemoveprefix(vm: Vm, self: number, args: readonly number[]): number {
  const p = affixArg(vm, args[0]);
  const s = strValue(vm, self);
  return substring(vm, self, p !== '' && s.startsWith(p) ? p.length : 0, s.length);
}

export function strRemovesuffix(vm: Vm, self: number, args: readonly number[]): number {
  const p = affixArg(vm, args[0]);
  const s = strValue(vm, self);
  return substring(vm, self, 0, p !== '' && s.endsWith(p) ? s.length - p.length : s.length);
}
