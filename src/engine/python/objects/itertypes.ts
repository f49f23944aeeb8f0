import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { clearError, errorMatches, typeError, valueError } from '../abstract/errors';
import { dictKwargs } from '../abstract/kwargs';
import { getIter, iterNext } from '../abstract/iter';
import { isTrue, length, typeName } from '../abstract/object';
import { NotSupported, PyError } from '../errors';
import { E } from './exctypes';
import type { Vm } from '../runtime/vm';
import { fromSsize, intValue } from './int';
import { index } from '../abstract/number';
import { listItem } from './list';
import { selfIter } from './rangeobject';
import { tupleAlloc, tupleItem } from './tuple';
import { Meth, T, TpFlags, defineType, type Kwargs, type TypeSlots, type Visit } from './types';

/**
 * enumerate, zip and reversed(list) (Objects/enumobject.c, Python/bltinmodule.c zip_*,
 * Objects/listobject.c listreviter): enumerate is a 16 + 56 byte GC object, zip 16 + 48,
 * list_reverseiterator 16 + 32. enumerate and zip hand out one result tuple again and again while
 * nobody else holds it (refcount 1), else a new tuple each time; enumerate's index is
 * PyLong_FromSsize_t (28 bytes past 256).
 */
export interface EnumState {
  index: number;
  it: number;
  result: number;
}

export interface ZipState {
  iters: number[];
  ittuple: number;
  result: number;
  /** zip(strict=True): an iterator ending before the others, or after the first, is a ValueError. */
  strict?: boolean;
}

/** A 2-tuple of None, None (PyTuple_Pack), tracked. */
function packNones(vm: Vm, n: number): number {
  const tup = tupleAlloc(vm, n);
  vm.pool.data.fill(vm.s.None, vm.table.ref[tup], vm.table.ref[tup] + n);
  vm.gc.track(tup);
  return tup;
}

/** enum_new: PyType_GenericAlloc, then the iterator (`getIter` returns an owned reference), then the result tuple. */
export function enumerateNew(vm: Vm, getIter: () => number): number {
  const h = vm.newGcObject(T.Enumerate, 56);
  const iter = getIter();
  vm.table.side[h] = { index: 0, it: iter, result: packNones(vm, 2) } satisfies EnumState;
  vm.gc.track(h);
  return h;
}

/** zip_new: the iterator tuple, the iterators (owned here), the result tuple, then the object. */
export function zipNew(vm: Vm, iters: number[], ittuple: number): number {
  const result = packNones(vm, iters.length);
  const h = vm.newGcObject(T.Zip, 48);
  vm.table.side[h] = { iters, ittuple, result } satisfies ZipState;
  vm.gc.track(h);
  return h;
}

/** list___reversed__: a tracked list_reverseiterator starting at the last item. */
export function listReversed(vm: Vm, list: number): number {
  const h = vm.newGcObject(T.ListRevIter, 32);
  vm.incref(list);
  vm.table.ref[h] = list;
  vm.table.num[h] = vm.table.n[list] - 1;
  vm.gc.track(h);
  return h;
}

/** Reuse `result` when nothing else holds it (refcount 1), else a new tuple; items are stolen. */
function fillResult(vm: Vm, result: number, items: number[]): number {
  const t = vm.table;
  if (t.refcnt[result] === 1) {
    vm.incref(result);
    const off = t.ref[result];
    const old = Array.from(vm.pool.data.subarray(off, off + items.length));
    items.forEach((x, i) => (vm.pool.data[off + i] = x));
    for (const o of old) vm.decref(o);
    if (!vm.gc.isTracked(result)) vm.gc.track(result);
    return result;
  }
  const tup = tupleAlloc(vm, items.length);
  items.forEach((x, i) => (vm.pool.data[t.ref[tup] + i] = x));
  vm.gc.track(tup);
  return tup;
}

/**
 * zip_next's `check:` for strict zips: iterator i ran out. If it is not the first, it is shorter
 * than the ones before it; if it is the first, every other one must be exhausted too (each is
 * advanced once more, and an item it still yields is released before the error).
 */
function zipStrictCheck(vm: Vm, iters: readonly number[], i: number): void {
  const plural = (k: number): string => (k === 1 ? ' ' : 's 1-');
  if (i > 0) throw valueError(vm, 'zip() argument %d is shorter than argument%s%d', i + 1, plural(i), i);
  for (let k = 1; k < iters.length; k++) {
    const x = iterNext(vm, iters[k]);
    if (x) {
      vm.decref(x);
      throw valueError(vm, 'zip() argument %d is longer than argument%s%d', k + 1, plural(k), k);
    }
  }
}

/**
 * zip_next: when nothing else holds the result tuple it is refilled in place, each old item let go
 * as its new one arrives; otherwise a new tuple is made (PyTuple_New) before the iterators are
 * asked, and freed again when one of them is exhausted (so the last next() of a zip over
 * 150,000 iterables makes and frees a 1.2 MB tuple: measured in the corpus's tsv_split_columns).
 */
function zipNext(vm: Vm, st: ZipState): number {
  const n = st.iters.length;
  if (!n) return 0;
  const t = vm.table;
  let result = st.result;
  const reuse = t.refcnt[result] === 1;
  if (reuse) vm.incref(result);
  else {
    result = tupleAlloc(vm, n);
    vm.pool.data.fill(0, t.ref[result], t.ref[result] + n);
    vm.gc.track(result);
  }
  for (let i = 0; i < n; i++) {
    const item = iterNext(vm, st.iters[i]);
    if (!item) {
      vm.decref(result);
      if (st.strict) zipStrictCheck(vm, st.iters, i);
      return 0;
    }
    // the pool's array may have grown while the iterator ran: read it again
    const off = t.ref[result] + i;
    const old = vm.pool.data[off];
    vm.pool.data[off] = item;
    if (reuse && old) vm.decref(old);
  }
  if (reuse && !vm.gc.isTracked(result)) vm.gc.track(result);
  return result;
}

/** enum_next / zip_next / listreviter_next. */
function iterTypeNext(vm: Vm, h: number): number {
  const next = (it: number) => iterNext(vm, it);
  const t = vm.table;
  switch (t.type[h]) {
    case T.Enumerate: {
      const st = t.side[h] as EnumState;
      const item = next(st.it);
      if (!item) return 0;
      const index = fromSsize(vm, st.index++);
      return fillResult(vm, st.result, [index, item]);
    }
    case T.Zip:
      return zipNext(vm, t.side[h] as ZipState);
    default: {
      const seq = t.ref[h];
      const i = t.num[h];
      if (seq && i >= 0 && i < t.n[seq]) {
        t.num[h] = i - 1;
        const v = listItem(vm, seq, i);
        vm.incref(v);
        return v;
      }
      t.num[h] = -1;
      if (seq) {
        t.ref[h] = 0;
        vm.decref(seq);
      }
      return 0;
    }
  }
}

function iterTypeDealloc(vm: Vm, h: number): void {
  const t = vm.table;
  vm.gc.untrack(h);
  if (t.type[h] === T.Enumerate) {
    const st = t.side[h] as EnumState;
    vm.xdecref(st.it);
    vm.xdecref(st.result);
  } else if (t.type[h] === T.Zip) {
    const st = t.side[h] as ZipState;
    vm.xdecref(st.ittuple);
    vm.xdecref(st.result);
  } else vm.xdecref(t.ref[h]);
  vm.gcDel(h);
}

function iterTypeTraverse(vm: Vm, h: number, visit: Visit): void {
  const t = vm.table;
  if (t.type[h] === T.Enumerate) {
    const st = t.side[h] as EnumState;
    visit(st.it);
    visit(st.result);
  } else if (t.type[h] === T.Zip) {
    const st = t.side[h] as ZipState;
    visit(st.ittuple);
    visit(st.result);
  } else if (t.ref[h]) visit(t.ref[h]);
}

/**
 * enum_vectorcall: enumerate(iterable, start=0), by position or keyword; enum_new_impl takes the
 * start through PyNumber_Index (an int: no allocation) before the iterator.
 */
function enumerateVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  const all = [...args];
  for (const [k, v] of kw ?? []) {
    const want = all.length === 0 ? 'iterable' : 'start';
    if (k !== want || all.length > 1)
      throw typeError(vm, "'%s' is an invalid keyword argument for enumerate()", k);
    all.push(v);
  }
  if (all.length === 0) throw typeError(vm, "enumerate() missing required argument 'iterable'");
  if (all.length > 2) throw typeError(vm, 'enumerate() takes at most 2 arguments (%zd given)', all.length);
  let start = 0;
  if (all.length === 2) {
    const i = index(vm, all[1]);
    try {
      const v = intValue(vm, i);
      if (typeof v === 'bigint') throw new NotSupported('enumerate() with a start past 2**63');
      start = v;
    } finally {
      vm.decref(i);
    }
  }
  const h = enumerateNew(vm, () => getIter(vm, all[0]));
  (vm.table.side[h] as EnumState).index = start;
  return h;
}

/** zip_new (tp_new through type_call: the arguments come packed in a tuple): the iterator tuple first, then each iterator. */
function zipTypeNew(vm: Vm, _type: TypeSlots, args: number, kwargs: number): number {
  // zip_new: PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:zip", {"strict"}) before anything is made
  let strict = false;
  if (kwargs !== 0)
    for (const [k, v] of dictKwargs(vm, kwargs)) {
      if (k !== 'strict') throw typeError(vm, "'%s' is an invalid keyword argument for zip()", k);
      strict = isTrue(vm, v);
    }
  const n = vm.table.n[args];
  const ittuple = n ? tupleAlloc(vm, n) : vm.s.emptyTuple;
  if (n) vm.pool.data.fill(0, vm.table.ref[ittuple], vm.table.ref[ittuple] + n);
  if (n) vm.gc.track(ittuple);
  const iters: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const x = getIter(vm, tupleItem(vm, args, i));
      vm.pool.data[vm.table.ref[ittuple] + i] = x;
      iters.push(x);
    }
  } catch (e) {
    vm.decref(ittuple);
    throw e;
  }
  const h = zipNew(vm, iters, ittuple);
  if (strict) (vm.table.side[h] as ZipState).strict = true;
  return h;
}

/**
 * reversed_new_impl without __reversed__: PySequence_Check (sq_item, not a dict), then a tracked
 * 32-byte reversed object holding the sequence and its last index (PySequence_Size - 1).
 */
function reversedSequence(vm: Vm, seq: number): number {
  const tp = vm.typeOf(seq);
  if (tp.mro.includes(T.Dict) || !hasSqItem(tp))
    throw typeError(vm, "'%.200s' object is not reversible", typeName(vm, seq));
  const n = length(vm, seq);
  const h = vm.newGcObject(T.Reversed, 32);
  vm.incref(seq);
  vm.table.ref[h] = seq;
  vm.table.num[h] = n - 1;
  vm.gc.track(h);
  return h;
}

/** A class that defines __getitem__ has sq_item (slot_sq_item), as well as mp_subscript. */
function hasSqItem(tp: TypeSlots): boolean {
  return tp.sequence?.item !== undefined || ((tp.flags & TpFlags.HeapType) !== 0 && !!tp.mapping?.subscript);
}

/** sq_item; a class's slot_sq_item passes the index to its __getitem__ as an int object. */
function sqItem(vm: Vm, seq: number, i: number): number {
  const item = vm.typeOf(seq).sequence?.item;
  if (item) return item(vm, seq, i);
  const k = fromSsize(vm, i);
  try {
    return vm.typeOf(seq).mapping!.subscript!(vm, seq, k);
  } finally {
    vm.decref(k);
  }
}

/** reversed_next: PySequence_GetItem(seq, index--); IndexError or StopIteration ends it, dropping seq. */
function reversedNext(vm: Vm, h: number): number {
  const t = vm.table;
  const seq = t.ref[h];
  const i = t.num[h];
  if (seq && i >= 0) {
    try {
      const item = sqItem(vm, seq, i);
      t.num[h] = i - 1;
      return item;
    } catch (e) {
      if (
        !(e instanceof PyError) ||
        !(errorMatches(vm, e, E.IndexError) || errorMatches(vm, e, E.StopIteration))
      )
        throw e;
      clearError(vm, e);
    }
  }
  t.num[h] = -1;
  if (seq) {
    t.ref[h] = 0;
    vm.decref(seq);
  }
  return 0;
}

/** reversed_vectorcall: the sequence's __reversed__, looked up (a bound method object), called, released. */
function reversedVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'reversed() takes no keyword arguments');
  if (args.length !== 1) throw typeError(vm, 'reversed expected 1 argument, got %zd', args.length);
  const m = lookupSpecial(vm, args[0], '__reversed__');
  if (m === 0) return reversedSequence(vm, args[0]);
  try {
    return call(vm, m, [], null);
  } finally {
    vm.decref(m);
  }
}

function iterType(id: number, name: string, basicsize: number, extra: Partial<TypeSlots> = {}): TypeSlots {
  return defineType({
    id,
    name,
    basicsize,
    flags: TpFlags.HaveGc,
    dealloc: iterTypeDealloc,
    traverse: iterTypeTraverse,
    iter: selfIter,
    iternext: iterTypeNext,
    ...extra,
  });
}

export const EnumerateType = (): TypeSlots =>
  iterType(T.Enumerate, 'enumerate', 56, {
    typeVectorcall: enumerateVectorcall,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
  });
export const ZipType = (): TypeSlots =>
  iterType(T.Zip, 'zip', 48, { new: zipTypeNew, flags: TpFlags.HaveGc | TpFlags.BaseType });
export const ListRevIterType = (): TypeSlots =>
  iterType(T.ListRevIter, 'list_reverseiterator', 32, {
    methods: {
      __length_hint__: {
        name: '__length_hint__',
        flags: Meth.NoArgs,
        impl: (vm, h) => fromSsize(vm, vm.table.ref[h] ? vm.table.num[h] + 1 : 0),
      },
    },
  });
/** The `reversed` type object (its instances are the sequence's own reverse iterators here). */
export const ReversedType = (): TypeSlots =>
  defineType({
    id: T.Reversed,
    name: 'reversed',
    basicsize: 32,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: iterTypeDealloc,
    traverse: iterTypeTraverse,
    iter: selfIter,
    iternext: reversedNext,
    typeVectorcall: reversedVectorcall,
  });
