import { richCompareBool } from '../abstract/compare';
import { indexError, raiseString, typeError, valueError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { reprText } from '../abstract/repr';
import { sequenceFast } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { DEFERRED, defersCall, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';
import { E } from './exctypes';
import { fromSsize } from './int';
import { listAppend, listClear, listExtend, listItem, listPut } from './list';
import { listReversed } from './itertypes';
import {
  listAssExtended,
  listAssSlice,
  listConcat,
  listDelExtended,
  listInsert,
  listPop,
  listSlice,
} from './listops';
import { sortList } from './listsort';
import { sliceIndices } from './slice';
import { Cmp, Meth, T, type Kwargs, type MethodDef } from './types';
import { parserInit, unexpectedKeyword } from './getargs';
import { isTrue } from '../abstract/object';
import { cmpResult } from '../abstract/compare';

/** The list protocols and methods (Objects/listobject.c) beyond storage, which is list.ts's. */

export function listItemSlot(vm: Vm, h: number, i: number): number {
  if (i < 0 || i >= vm.table.n[h]) throw indexError(vm, 'list index out of range');
  const v = listItem(vm, h, i);
  vm.incref(v);
  return v;
}

/** list_ass_item: store (value borrowed) or delete (value 0) item i. */
export function listAssItem(vm: Vm, h: number, i: number, value: number): void {
  if (i < 0 || i >= vm.table.n[h]) throw indexError(vm, 'list assignment index out of range');
  if (value === 0) {
    listAssSlice(vm, h, i, i + 1, null);
    return;
  }
  const old = listItem(vm, h, i);
  vm.incref(value);
  listPut(vm, h, i, value);
  vm.decref(old);
}

/** list_subscript: an index (PyNumber_AsSsize_t with IndexError) or a slice. */
export function listSubscript(vm: Vm, h: number, key: number): number {
  const t = vm.table;
  if (hasIndex(vm, key)) {
    let i = asSsize(vm, key, E.IndexError);
    if (i < 0) i += t.n[h];
    return listItemSlot(vm, h, i);
  }
  if (t.type[key] === T.Slice) {
    const s = sliceIndices(vm, key, t.n[h]);
    return listSlice(vm, h, s.start, s.step, s.length);
  }
  throw typeError(vm, 'list indices must be integers or slices, not %.200s', typeName(vm, key));
}

/** list_ass_subscript: item or slice assignment (value borrowed) or deletion (value 0). */
export function listAssSubscript(vm: Vm, h: number, key: number, value: number): void {
  const t = vm.table;
  if (hasIndex(vm, key)) {
    let i = asSsize(vm, key, E.IndexError);
    if (i < 0) i += t.n[h];
    listAssItem(vm, h, i, value);
    return;
  }
  if (t.type[key] !== T.Slice)
    throw typeError(vm, 'list indices must be integers or slices, not %.200s', typeName(vm, key));
  const s = sliceIndices(vm, key, t.n[h]);
  if (value === 0) {
    if (s.step === 1) listAssSlice(vm, h, s.start, Math.max(s.start, s.stop), null);
    else listDelExtended(vm, h, s.start, s.step, s.length);
    return;
  }
  const [items, temp] = sequenceFast(
    vm,
    value,
    s.step === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice',
    h,
  );
  try {
    if (s.step === 1) listAssSlice(vm, h, s.start, Math.max(s.start, s.stop), items);
    else listAssExtended(vm, h, s.start, s.step, s.length, items);
  } finally {
    if (temp) vm.decref(temp);
  }
}

/** list_concat: only another list ("can only concatenate list (not "tuple") to list"). */
export function listConcatSlot(vm: Vm, a: number, b: number): number {
  if (!vm.typeOf(b).mro.includes(T.List))
    throw typeError(vm, 'can only concatenate list (not "%.200s") to list', typeName(vm, b));
  return listConcat(vm, a, b);
}

/** list_inplace_concat: list_extend with any iterable, then the same list. */
export function listInplaceConcat(vm: Vm, a: number, b: number): number {
  listExtend(vm, a, b);
  vm.incref(a);
  return a;
}

/** list_contains: PyObject_RichCompareBool(item, x, Py_EQ) item by item. */
export function listContains(vm: Vm, h: number, x: number): boolean {
  for (let i = 0; i < vm.table.n[h]; i++) if (richCompareBool(vm, listItem(vm, h, i), x, Cmp.EQ)) return true;
  return false;
}

/**
 * list_richcompare (tuple's is the same): different lengths decide == and !=; else the first
 * pair of items that differ decides, compared with the operator; else the lengths.
 */
export function seqRichcompare(
  vm: Vm,
  a: number,
  b: number,
  op: Cmp,
  get: (vm: Vm, h: number, i: number) => number,
): number {
  const t = vm.table;
  const na = t.n[a];
  const nb = t.n[b];
  if (na !== nb && (op === Cmp.EQ || op === Cmp.NE)) return vm.s.bool(op === Cmp.NE);
  let i = 0;
  for (; i < na && i < nb; i++) if (!richCompareBool(vm, get(vm, a, i), get(vm, b, i), Cmp.EQ)) break;
  if (i >= na || i >= nb) return vm.s.bool(cmpResult(na - nb, op));
  if (op === Cmp.EQ) return vm.s.False;
  if (op === Cmp.NE) return vm.s.True;
  return vm.s.bool(richCompareBool(vm, get(vm, a, i), get(vm, b, i), op));
}

export function listRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!vm.typeOf(b).mro.includes(T.List)) return vm.s.NotImplemented;
  return seqRichcompare(vm, a, b, op, listItem);
}

export function listText(vm: Vm, h: number, depth: number): string {
  const n = vm.table.n[h];
  const parts: string[] = [];
  for (let i = 0; i < Math.min(n, 100); i++) parts.push(reprText(vm, listItem(vm, h, i), depth + 1));
  return '[' + parts.join(', ') + (n > 100 ? ', ...' : '') + ']';
}

const none = (vm: Vm): number => vm.s.None;
const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `list.${name}`,
});

/** list.index(x[, start[, stop]]) / list.count(x) / list.remove(x): PyObject_RichCompareBool each item. */
function find(vm: Vm, self: number, x: number): number {
  for (let i = 0; i < vm.table.n[self]; i++)
    if (richCompareBool(vm, listItem(vm, self, i), x, Cmp.EQ)) return i;
  return -1;
}

/** list.sort (list_sort_impl); a Python key function may run in the calling loop (runtime/deferred.ts). */
const sortMethod = defersCall(function sortMethod(
  vm: Vm,
  self: number,
  args: readonly number[],
  kw: Kwargs | null,
): number {
  const defer = takeDefer(vm);
  if (args.length) throw typeError(vm, 'sort() takes no positional arguments');
  // list_sort's clinic parser: its keyword tuple is made on the first call with keywords
  if (kw !== null && kw.size > 0) parserInit(vm, 'list.sort', ['key', 'reverse']);
  for (const k of kw?.keys() ?? [])
    if (k !== 'key' && k !== 'reverse') throw unexpectedKeyword(vm, 'sort', k);
  const key = kw?.get('key');
  const reverse = kw?.get('reverse');
  const r = sortList(
    vm,
    self,
    key !== undefined && vm.table.type[key] !== T.None ? key : 0,
    reverse !== undefined && isTrue(vm, reverse),
    defer,
  );
  if (r === DEFERRED) deferrer(vm)!.continueWith(RETURN_NONE);
  return r === DEFERRED ? r : vm.s.None;
});

/** A deferred list.sort's last rest: its result, None. */
const RETURN_NONE: CallContinuation = { done: (vm) => vm.s.None, fail: () => {} };

export const LIST_METHODS: Record<string, MethodDef> = {
  append: def('append', Meth.O, (vm, self, args) => {
    vm.incref(args[0]);
    listAppend(vm, self, args[0]);
    return none(vm);
  }),
  extend: def('extend', Meth.O, (vm, self, args) => {
    listExtend(vm, self, args[0]);
    return none(vm);
  }),
  pop: def('pop', Meth.Fastcall, (vm, self, args) => {
    if (args.length > 1) throw typeError(vm, 'pop expected at most 1 argument, got %zd', args.length);
    return listPop(vm, self, args.length ? asSsize(vm, args[0], E.OverflowError) : -1);
  }),
  insert: def('insert', Meth.Fastcall, (vm, self, args) => {
    if (args.length !== 2) throw typeError(vm, 'insert expected 2 arguments, got %zd', args.length);
    listInsert(vm, self, asSsize(vm, args[0], E.OverflowError), args[1]);
    return none(vm);
  }),
  clear: def('clear', Meth.NoArgs, (vm, self) => {
    listClear(vm, self);
    return none(vm);
  }),
  copy: def('copy', Meth.NoArgs, (vm, self) => listSlice(vm, self, 0, 1, vm.table.n[self])),
  index: def('index', Meth.Fastcall, (vm, self, args) => {
    if (args.length < 1 || args.length > 3)
      throw typeError(vm, 'index expected at least 1 argument, got %zd', args.length);
    // list_index_impl: start/stop through _PyEval_SliceIndexNotNone (clipped to Py_ssize_t),
    // negative ones counted from the end; the size is re-read each step (a __eq__ may shrink it)
    const bound = (h: number | undefined, dflt: number): number => {
      if (h === undefined) return dflt;
      if (!hasIndex(vm, h)) throw typeError(vm, 'slice indices must be integers or have an __index__ method');
      const v = asSsize(vm, h, 0);
      return v < 0 ? Math.max(0, v + vm.table.n[self]) : v;
    };
    const start = bound(args[1], 0);
    const stop = bound(args[2], Number.MAX_SAFE_INTEGER);
    for (let i = start; i < stop && i < vm.table.n[self]; i++)
      if (richCompareBool(vm, listItem(vm, self, i), args[0], Cmp.EQ)) return fromSsize(vm, i);
    throw valueError(vm, '%R is not in list', args[0]);
  }),
  count: def('count', Meth.O, (vm, self, args) => {
    let c = 0;
    for (let i = 0; i < vm.table.n[self]; i++)
      if (richCompareBool(vm, listItem(vm, self, i), args[0], Cmp.EQ)) c++;
    return fromSsize(vm, c);
  }),
  remove: def('remove', Meth.O, (vm, self, args) => {
    const i = find(vm, self, args[0]);
    if (i < 0) throw raiseString(vm, E.ValueError, 'list.remove(x): x not in list');
    listAssSlice(vm, self, i, i + 1, null);
    return none(vm);
  }),
  reverse: def('reverse', Meth.NoArgs, (vm, self) => {
    const t = vm.table;
    const n = t.n[self];
    if (n > 1 && !(t.flags[self] & 4)) {
      const d = vm.pool.data;
      const off = t.ref[self];
      for (let i = 0, j = n - 1; i < j; i++, j--) [d[off + i], d[off + j]] = [d[off + j], d[off + i]];
      vm.mem.touch(t.ptr[self], 8 * n);
    }
    return none(vm);
  }),
  sort: def('sort', Meth.Fastcall | Meth.Keywords, sortMethod),
  __reversed__: def('__reversed__', Meth.NoArgs, (vm, self) => listReversed(vm, self)),
  __sizeof__: def('__sizeof__', Meth.NoArgs, (vm, self) =>
    fromSsize(vm, vm.typeOf(self).basicsize + 8 * vm.table.cap[self]),
  ),
};
