import { getAttr } from '../abstract/attr';
import { call, callMethod, stackAsDict, tupleFromArray } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import { getItem } from '../abstract/item';
import { getIter, iterNext } from '../abstract/iter';
import { inplaceOp, unaryOp } from '../abstract/number';
import { length } from '../abstract/object';
import { sequenceList, unpackSequence } from '../abstract/sequence';
import { valueError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { parseTupleAndKeywords } from '../objects/getargs';
import { heapify, heapreplace } from '../objects/heapq';
import { fromLong, fromSsize } from '../objects/int';
import { cellNew } from '../objects/func';
import { listNew, listPut } from '../objects/list';
import { sliceNew } from '../objects/slice';
import { tupleFromItems } from '../objects/tuple';
import { Cmp, NB, T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bindArgs } from './bind';
import { listComp, PyFrame } from './pyframe';

/**
 * heapq.nlargest / heapq.nsmallest (Lib/heapq.py, pure Python) as their code runs in 3.11: the
 * frame's locals (`key` a cell: the keyed comprehension closes over it), n == 1 through max()/
 * min() with a sentinel object, sized inputs no longer than n through sorted(), an unsized input's
 * len() TypeError caught in the frame, then the decorated heap: a comprehension over
 * zip(range(…), it), heapify, one heapreplace per better item with a new (item, order) tuple and
 * a new order int, the unpacking of result[0] (an iterator until the code is quickened), the
 * final sort and the undecorating comprehension.
 */

// the frame's fast locals (co_varnames) and co_nlocalsplus + co_stacksize
const N = 0;
const ITERABLE = 1;
const KEY = 2;
const IT = 3;
const SENTINEL = 4;
const RESULT = 5;
const SIZE = 6;
const TOP = 7;
const ORDER = 8;
const ELEM = 10;
const ORDER_ = 11;
const K = 12;
const ELEM_ = 13;
const NLOCALS = 14;

interface Variant {
  name: 'nlargest' | 'nsmallest';
  slots: number;
  /** Line numbers: `size = len(iterable)`, and the four comprehensions'. */
  lenLine: number;
  comps: [number, number, number, number];
  largest: boolean;
}

const NLARGEST: Variant = {
  name: 'nlargest',
  slots: NLOCALS + 8,
  lenLine: 538,
  comps: [548, 561, 565, 579],
  largest: true,
};
const NSMALLEST: Variant = {
  name: 'nsmallest',
  slots: NLOCALS + 7,
  lenLine: 478,
  comps: [490, 503, 507, 521],
  largest: false,
};

/** The functions' entries: arguments and keyword values owned (NativeCode.owned), as a frame takes them. */
export const nlargest = (vm: Vm, _fn: number, args: number[], kw: Kwargs | null): number =>
  nBest(vm, NLARGEST, args, kw);
export const nsmallest = (vm: Vm, _fn: number, args: number[], kw: Kwargs | null): number =>
  nBest(vm, NSMALLEST, args, kw);

function nBest(vm: Vm, v: Variant, args: number[], kw: Kwargs | null): number {
  let bound: number[];
  try {
    bound = bindArgs(vm, v.name, args, kw, ['n', 'iterable', 'key'], [vm.s.None]);
  } catch (e) {
    for (const a of args) vm.decref(a);
    if (kw) for (const x of kw.values()) vm.decref(x);
    throw e;
  }
  const [n, iterable, key] = bound;
  if (args.length < 3 && kw?.get('key') === undefined) vm.incref(key); // the default
  const code = `heapq.${v.name}`;
  const cell = cellNew(vm, key); // MAKE_CELL, before RESUME
  vm.decref(key);
  const f = new PyFrame(vm, code, NLOCALS, v.slots);
  f.set(N, n);
  f.set(ITERABLE, iterable);
  f.set(KEY, cell);
  try {
    const one = fromLong(vm, 1);
    const isOne = richCompareBool(vm, n, one, Cmp.EQ);
    vm.decref(one);
    if (isOne) return bestOfAll(vm, v, f, key);

    let sized = true;
    try {
      f.set(SIZE, fromSsize(vm, length(vm, iterable)));
    } catch (e) {
      if (!f.catch(e, v.lenLine, [E.TypeError, E.AttributeError])) throw e;
      sized = false;
    }
    if (sized && richCompareBool(vm, n, f.get(SIZE), Cmp.GE)) return sortedHead(vm, v, iterable, key, n);

    return key === vm.s.None ? decorated(vm, v, f, n) : decoratedByKey(vm, v, f, n, cell);
  } finally {
    f.clear();
  }
}

/** `max(it, default=sentinel[, key=key])` (or min), then `[] if result is sentinel else [result]`. */
function bestOfAll(vm: Vm, v: Variant, f: PyFrame, key: number): number {
  f.set(IT, getIter(vm, f.get(ITERABLE)));
  f.set(SENTINEL, call(vm, vm.types[T.Object].typeObject, [], null));
  const kw: Kwargs = new Map([['default', f.get(SENTINEL)]]);
  if (key !== vm.s.None) kw.set('key', key);
  const result = minMax(vm, v.largest ? 'max' : 'min', f.get(IT), kw);
  f.set(RESULT, result);
  if (result === f.get(SENTINEL)) return listNew(vm, 0);
  const out = listNew(vm, 1);
  vm.incref(result);
  listPut(vm, out, 0, result);
  return out;
}

/**
 * builtin max/min (METH_VARARGS | METH_KEYWORDS) called with keywords: the argument tuple and
 * the keyword dict (_PyObject_MakeTpCall), the empty tuple parsed with them ("|$OO"), the
 * iterator, each item (and its key) compared with the best so far.
 */
function minMax(vm: Vm, name: 'max' | 'min', seq: number, kw: Kwargs): number {
  const argsTuple = tupleFromArray(vm, [seq]);
  const kwargs = stackAsDict(vm, kw);
  try {
    const [keyfunc, dflt] = parseTupleAndKeywords(vm, name, [], kwargs, ['key', 'default'], 0);
    const keyFn = keyfunc !== 0 && keyfunc !== vm.s.None ? keyfunc : 0;
    const it = getIter(vm, seq);
    let best = 0;
    let bestKey = 0;
    try {
      for (let item = iterNext(vm, it); item !== 0; item = iterNext(vm, it)) {
        const k = keyFn ? call(vm, keyFn, [item], null) : item;
        if (!keyFn) vm.incref(k);
        if (best === 0 || richCompareBool(vm, k, bestKey, name === 'max' ? Cmp.GT : Cmp.LT)) {
          if (best) vm.decref(best);
          if (bestKey) vm.decref(bestKey);
          best = item;
          bestKey = k;
        } else {
          vm.decref(item);
          vm.decref(k);
        }
      }
    } finally {
      vm.decref(it);
    }
    if (bestKey) vm.decref(bestKey);
    if (best !== 0) return best;
    if (dflt !== 0) {
      vm.incref(dflt);
      return dflt;
    }
    throw valueError(vm, '%s() arg is an empty sequence', name);
  } finally {
    vm.decref(argsTuple);
    vm.decref(kwargs);
  }
}

/** `sorted(iterable, key=key[, reverse=True])[:n]`: builtin_sorted's list and bound sort, the slice. */
function sortedHead(vm: Vm, v: Variant, iterable: number, key: number, n: number): number {
  const l = sequenceList(vm, iterable);
  try {
    const sort = getAttr(vm, l, 'sort');
    try {
      const kw: Kwargs = new Map([['key', key]]);
      if (v.largest) kw.set('reverse', vm.s.True);
      vm.decref(call(vm, sort, [], kw));
    } finally {
      vm.decref(sort);
    }
    const s = sliceNew(vm, vm.s.None, n, vm.s.None);
    try {
      return getItem(vm, l, s);
    } finally {
      vm.decref(s);
    }
  } finally {
    vm.decref(l);
  }
}

/** `zip(range(0, -n, -1), it)` for nlargest, `zip(range(n), it)` for nsmallest. */
function numbered(vm: Vm, v: Variant, n: number, it: number): number {
  let r: number;
  if (v.largest) {
    const neg = unaryOp(vm, '-', n);
    const zero = fromLong(vm, 0);
    const minusOne = fromLong(vm, -1);
    try {
      r = call(vm, vm.types[T.Range].typeObject, [zero, neg, minusOne], null);
    } finally {
      vm.decref(zero);
      vm.decref(neg);
      vm.decref(minusOne);
    }
  } else r = call(vm, vm.types[T.Range].typeObject, [n], null);
  try {
    return call(vm, vm.types[T.Zip].typeObject, [r, it], null);
  } finally {
    vm.decref(r);
  }
}

/** The start of the decorated heap: `top = result[0][0]`, `order = ±n`, `_heapreplace = …`. */
function heapStart(vm: Vm, v: Variant, f: PyFrame, n: number): void {
  heapify(vm, f.get(RESULT), !v.largest);
  const zero = fromLong(vm, 0);
  try {
    const first = getItem(vm, f.get(RESULT), zero);
    try {
      f.set(TOP, getItem(vm, first, zero));
    } finally {
      vm.decref(first);
    }
  } finally {
    vm.decref(zero);
  }
  if (v.largest) f.set(ORDER, unaryOp(vm, '-', n));
  else {
    vm.incref(n);
    f.set(ORDER, n);
  }
}

/** `result[0]` (a new reference). */
function result0(vm: Vm, result: number): number {
  const zero = fromLong(vm, 0);
  try {
    return getItem(vm, result, zero);
  } finally {
    vm.decref(zero);
  }
}

/** `order -= 1` / `order += 1`. */
function step(vm: Vm, v: Variant, f: PyFrame): void {
  const one = fromLong(vm, 1);
  try {
    f.set(ORDER, inplaceOp(vm, v.largest ? NB.Subtract : NB.Add, f.get(ORDER), one));
  } finally {
    vm.decref(one);
  }
}

/** `result.sort(reverse=True)` / `result.sort()`: LOAD_METHOD, so no bound method. */
function sortResult(vm: Vm, v: Variant, result: number): void {
  vm.decref(callMethod(vm, result, 'sort', [], v.largest ? new Map([['reverse', vm.s.True]]) : null));
}

/** `better(a, b)`: nlargest's `top < elem`, nsmallest's `elem < top`. */
const better = (vm: Vm, v: Variant, x: number, top: number): boolean =>
  v.largest ? richCompareBool(vm, top, x, Cmp.LT) : richCompareBool(vm, x, top, Cmp.LT);

/** key is None: (elem, order) pairs. */
function decorated(vm: Vm, v: Variant, f: PyFrame, n: number): number {
  const code = `heapq.${v.name}`;
  f.set(IT, getIter(vm, f.get(ITERABLE)));
  const comp = `${code}.<listcomp>${v.comps[0]}`;
  f.set(
    RESULT,
    listComp(
      vm,
      comp,
      `${v.name}.<locals>.<listcomp>`,
      [],
      3,
      () => numbered(vm, v, n, f.get(IT)),
      (pair, cf) => {
        const [i, elem] = unpackSequence(vm, pair, 2, cf.quickened);
        cf.set(1, i);
        cf.set(2, elem);
        vm.incref(elem);
        vm.incref(i);
        return tupleFromItems(vm, [elem, i]);
      },
    ),
  );
  if (vm.table.n[f.get(RESULT)] === 0) {
    vm.incref(f.get(RESULT));
    return f.get(RESULT);
  }
  heapStart(vm, v, f, n);
  const it = f.get(IT);
  for (let elem = iterNext(vm, it); elem !== 0; elem = iterNext(vm, it)) {
    f.set(ELEM, elem);
    if (better(vm, v, elem, f.get(TOP))) {
      vm.incref(elem);
      vm.incref(f.get(ORDER));
      const entry = tupleFromItems(vm, [elem, f.get(ORDER)]);
      try {
        vm.decref(heapreplace(vm, f.get(RESULT), entry, !v.largest));
      } finally {
        vm.decref(entry);
      }
      const first = result0(vm, f.get(RESULT));
      const [top, order] = unpackSequence(vm, first, 2, f.quickened);
      f.set(TOP, top);
      f.set(ORDER_, order);
      step(vm, v, f);
    }
    f.loop();
  }
  sortResult(vm, v, f.get(RESULT));
  const result = f.get(RESULT);
  return listComp(
    vm,
    `${code}.<listcomp>${v.comps[1]}`,
    `${v.name}.<locals>.<listcomp>`,
    [],
    3,
    () => (vm.incref(result), result),
    (pair, cf) => {
      const [elem, order] = unpackSequence(vm, pair, 2, cf.quickened);
      cf.set(1, elem);
      cf.set(2, order);
      vm.incref(elem);
      return elem;
    },
  );
}

/** The general case: (key(elem), order, elem) triples. */
function decoratedByKey(vm: Vm, v: Variant, f: PyFrame, n: number, cell: number): number {
  const code = `heapq.${v.name}`;
  const key = vm.table.ref[cell];
  f.set(IT, getIter(vm, f.get(ITERABLE)));
  const comp = `${code}.<listcomp>${v.comps[2]}`;
  f.set(
    RESULT,
    listComp(
      vm,
      comp,
      `${v.name}.<locals>.<listcomp>`,
      [cell],
      3,
      () => numbered(vm, v, n, f.get(IT)),
      (pair, cf) => {
        const [i, elem] = unpackSequence(vm, pair, 2, cf.quickened);
        cf.set(1, i);
        cf.set(2, elem);
        const k = call(vm, key, [elem], null);
        vm.incref(i);
        vm.incref(elem);
        return tupleFromItems(vm, [k, i, elem]);
      },
    ),
  );
  if (vm.table.n[f.get(RESULT)] === 0) {
    vm.incref(f.get(RESULT));
    return f.get(RESULT);
  }
  heapStart(vm, v, f, n);
  const it = f.get(IT);
  for (let elem = iterNext(vm, it); elem !== 0; elem = iterNext(vm, it)) {
    f.set(ELEM, elem);
    f.set(K, call(vm, key, [elem], null));
    if (better(vm, v, f.get(K), f.get(TOP))) {
      vm.incref(f.get(K));
      vm.incref(f.get(ORDER));
      vm.incref(elem);
      const entry = tupleFromItems(vm, [f.get(K), f.get(ORDER), elem]);
      try {
        vm.decref(heapreplace(vm, f.get(RESULT), entry, !v.largest));
      } finally {
        vm.decref(entry);
      }
      const first = result0(vm, f.get(RESULT));
      const [top, order, e] = unpackSequence(vm, first, 3, f.quickened);
      f.set(TOP, top);
      f.set(ORDER_, order);
      f.set(ELEM_, e);
      step(vm, v, f);
    }
    f.loop();
  }
  sortResult(vm, v, f.get(RESULT));
  const result = f.get(RESULT);
  return listComp(
    vm,
    `${code}.<listcomp>${v.comps[3]}`,
    `${v.name}.<locals>.<listcomp>`,
    [],
    4,
    () => (vm.incref(result), result),
    (t, cf) => {
      const [k, order, elem] = unpackSequence(vm, t, 3, cf.quickened);
      cf.set(1, k);
      cf.set(2, order);
      cf.set(3, elem);
      vm.incref(elem);
      return elem;
    },
  );
}
