import { typeError, valueError } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictData } from './dict';
import { fromLong, intAddSub, intNeg, intValue, type IntValue } from './int';
import { intDivMod } from './intdiv';
import { listItem } from './list';
import { setData } from './set';
import { strResult } from './str';
import { tupleAlloc, tupleItem } from './tuple';
import { T, TYPE_NAMES } from './types';

/**
 * range objects and the built-in iterators (Objects/rangeobject.c, listobject.c, tupleobject.c,
 * dictobject.c, setobject.c, unicodeobject.c). Sizes (with the 16-byte GC head where the type has
 * one): range 48, range_iterator 48 (not GC), list/tuple/str iterators 16 + 32, dict iterators
 * 16 + 56, set iterator 16 + 48, dict views 16 + 24.
 */
const LONG_MAX = 2 ** 63 - 1;

interface RangeFields {
  start: number;
  stop: number;
  step: number;
  length: number;
}

/** make_range_object: compute_range_length does real int arithmetic (each step may allocate). */
export function rangeNew(vm: Vm, start: number, stop: number, step: number): number {
  const length = computeRangeLength(vm, start, stop, step);
  const h = vm.newObject(T.Range, 48);
  vm.table.side[h] = { start, stop, step, length } satisfies RangeFields;
  return h;
}

export function rangeFields(vm: Vm, h: number): RangeFields {
  return vm.table.side[h] as RangeFields;
}

function computeRangeLength(vm: Vm, start: number, stop: number, step: number): number {
  const stepV = intValue(vm, step);
  if (stepV === 0 || stepV === 0n) throw valueError('range() arg 3 must not be zero');
  let lo = start;
  let hi = stop;
  if (stepV > 0) vm.incref(step);
  else {
    lo = stop;
    hi = start;
    step = intNeg(vm, stepV);
  }
  const loV = intValue(vm, lo);
  const hiV = intValue(vm, hi);
  if (loV >= hiV) {
    vm.decref(step);
    return vm.s.smallInt(0);
  }
  const tmp1 = intAddSub(vm, hiV, loV, true);
  const diff = intAddSub(vm, intValue(vm, tmp1), 1, true);
  const tmp2 = intDivMod(vm, intValue(vm, diff), intValue(vm, step), 'div');
  const result = intAddSub(vm, intValue(vm, tmp2), 1, false);
  vm.decref(tmp2);
  vm.decref(diff);
  vm.decref(step);
  vm.decref(tmp1);
  return result;
}

export function rangeDealloc(vm: Vm, h: number): void {
  const r = rangeFields(vm, h);
  vm.decref(r.start);
  vm.decref(r.stop);
  vm.decref(r.step);
  vm.decref(r.length);
  vm.objectFree(h);
}

interface RangeIterState {
  start: IntValue;
  step: IntValue;
  len: IntValue;
}

/** range_iter: the C-long fast iterator when everything fits, else the PyObject one (both 48 B). */
function rangeIter(vm: Vm, h: number): number {
  const r = rangeFields(vm, h);
  const start = intValue(vm, r.start);
  const step = intValue(vm, r.step);
  const len = intValue(vm, r.length);
  const fits = (v: IntValue) => typeof v === 'number' && Math.abs(v) <= LONG_MAX;
  const stop = intValue(vm, r.stop);
  const type = fits(start) && fits(step) && fits(len) && fits(stop) ? T.RangeIter : T.LongRangeIter;
  const it = vm.newObject(type, 48);
  vm.table.side[it] = { start, step, len } satisfies RangeIterState;
  return it;
}

/** A new iterator for a built-in iterable (GET_ITER / PyObject_GetIter), or 0 when not one. */
export function builtinIter(vm: Vm, h: number): number {
  const t = vm.table;
  const type = t.type[h];
  switch (type) {
    case T.Range:
      return rangeIter(vm, h);
    case T.List:
    case T.Tuple:
    case T.Str: {
      const it = vm.newGcObject(type === T.List ? T.ListIter : type === T.Tuple ? T.TupleIter : T.StrIter, 32);
      vm.incref(h);
      t.ref[it] = h;
      vm.gc.track(it);
      return it;
    }
    case T.Dict:
      return dictIter(vm, h, 'keys');
    case T.DictView:
      return dictIter(vm, t.ref[h], t.side[h] as DictIterKind);
    case T.Set:
    case T.FrozenSet: {
      const it = vm.newGcObject(T.SetIter, 48);
      vm.incref(h);
      t.ref[it] = h;
      t.side[it] = [...setData(vm, h).index.values()];
      vm.gc.track(it);
      return it;
    }
    case T.RangeIter:
    case T.LongRangeIter:
    case T.ListIter:
    case T.TupleIter:
    case T.StrIter:
    case T.DictIter:
    case T.SetIter:
    case T.Generator:
    case T.Enumerate:
    case T.Zip:
    case T.ListRevIter:
      vm.incref(h);
      return h;
    default:
      return 0;
  }
}

export type DictIterKind = 'keys' | 'values' | 'items';

function dictIter(vm: Vm, d: number, kind: DictIterKind): number {
  const it = vm.newGcObject(T.DictIter, 56);
  const t = vm.table;
  vm.incref(d);
  t.ref[it] = d;
  t.side[it] = { kind, result: kind === 'items' ? packNones(vm) : 0 };
  vm.gc.track(it);
  return it;
}

function packNones(vm: Vm): number {
  const tup = tupleAlloc(vm, 2);
  vm.pool.data[vm.table.ref[tup]] = vm.s.None;
  vm.pool.data[vm.table.ref[tup] + 1] = vm.s.None;
  vm.gc.track(tup);
  return tup;
}

/** tp_iternext of the built-in iterators: a new reference, or 0 at the end. */
export function builtinNext(vm: Vm, it: number): number {
  const t = vm.table;
  switch (t.type[it]) {
    case T.RangeIter:
    case T.LongRangeIter: {
      const s = t.side[it] as RangeIterState;
      const i = t.num[it];
      if (i >= Number(s.len)) return 0;
      t.num[it] = i + 1;
      const v = typeof s.start === 'number' && typeof s.step === 'number' ? s.start + i * s.step : BigInt(s.start) + BigInt(i) * BigInt(s.step);
      return fromLong(vm, typeof v === 'bigint' || !Number.isSafeInteger(v) ? BigInt(v) : v);
    }
    case T.ListIter:
    case T.TupleIter:
    case T.StrIter: {
      const seq = t.ref[it];
      if (seq === 0) return 0;
      const i = t.num[it];
      if (i < t.n[seq]) {
        t.num[it] = i + 1;
        if (t.type[it] === T.StrIter) return strResult(vm, (t.side[seq] as string)[i]);
        const v = t.type[it] === T.ListIter ? listItem(vm, seq, i) : tupleItem(vm, seq, i);
        vm.incref(v);
        return v;
      }
      t.ref[it] = 0; // the iterator lets go of its sequence at the end
      vm.decref(seq);
      return 0;
    }
    case T.DictIter:
      return dictNext(vm, it);
    case T.SetIter: {
      const keys = t.side[it] as number[];
      const i = t.num[it];
      if (i >= keys.length) return 0;
      t.num[it] = i + 1;
      vm.incref(keys[i]);
      return keys[i];
    }
    default:
      throw typeError(`'${TYPE_NAMES[t.type[it]] ?? 'object'}' object is not an iterator`);
  }
}

function dictNext(vm: Vm, it: number): number {
  const t = vm.table;
  const d = t.ref[it];
  if (d === 0) return 0;
  const data = dictData(vm, d);
  let i = t.num[it];
  while (i < data.nentries && data.values[i] === 0) i++;
  if (i >= data.nentries) {
    t.ref[it] = 0;
    vm.decref(d);
    return 0;
  }
  t.num[it] = i + 1;
  const st = t.side[it] as { kind: DictIterKind; result: number };
  const key = data.keys[i];
  const value = data.values[i];
  if (st.kind === 'keys' || st.kind === 'values') {
    const v = st.kind === 'keys' ? key : value;
    vm.incref(v);
    return v;
  }
  vm.incref(key);
  vm.incref(value);
  let result = st.result;
  if (t.refcnt[result] === 1) {
    // dictiter_iternextitem reuses its result tuple when nobody else holds it
    vm.incref(result);
    const off = t.ref[result];
    const oldK = vm.pool.data[off];
    const oldV = vm.pool.data[off + 1];
    vm.pool.data[off] = key;
    vm.pool.data[off + 1] = value;
    vm.decref(oldK);
    vm.decref(oldV);
    if (!vm.gc.isTracked(result)) vm.gc.track(result);
  } else {
    result = tupleAlloc(vm, 2);
    vm.pool.data[t.ref[result]] = key;
    vm.pool.data[t.ref[result] + 1] = value;
    vm.gc.track(result);
  }
  return result;
}

/** Deallocation of the iterators and views. */
export function iterDealloc(vm: Vm, h: number): void {
  const t = vm.table;
  switch (t.type[h]) {
    case T.RangeIter:
    case T.LongRangeIter:
      vm.objectFree(h);
      return;
    case T.DictIter: {
      vm.gc.untrack(h);
      const st = t.side[h] as { result: number };
      vm.xdecref(t.ref[h]);
      vm.xdecref(st.result);
      vm.gcDel(h);
      return;
    }
    default:
      vm.gc.untrack(h);
      vm.xdecref(t.ref[h]);
      vm.gcDel(h);
  }
}

export function iterTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const t = vm.table;
  if (t.ref[h]) visit(t.ref[h]);
  if (t.type[h] === T.DictIter) {
    const r = (t.side[h] as { result: number }).result;
    if (r) visit(r);
  }
}

/** d.keys() / d.values() / d.items(): _PyDictView_New, a tracked 16 + 24 byte GC object. */
export function dictViewNew(vm: Vm, d: number, kind: DictIterKind): number {
  const v = vm.newGcObject(T.DictView, 24);
  vm.incref(d);
  vm.table.ref[v] = d;
  vm.table.side[v] = kind;
  vm.gc.track(v);
  return v;
}
