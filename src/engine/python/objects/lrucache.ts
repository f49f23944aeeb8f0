import { callTuple } from '../abstract/call';
import { raiseString } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { hasIndex, asSsize } from '../abstract/number';
import { reprText } from '../abstract/repr';
import { DEFERRED, defersCall, deferrer, takeDefer } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';
import { methodNew } from './classobject';
import { dictClear, dictDelItem, dictEntries, dictGetItem, dictNew, dictSetItem } from './dict';
import { isCallable } from './dictsub';
import { E } from './exctypes';
import { parseTupleAndKeywords } from './getargs';
import { moduleType } from './modtypes';
import { genericAlloc } from './object';
import { tupleAlloc, tupleItems } from './tuple';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * functools._lru_cache_wrapper (Modules/_functoolsmodule.c lru_cache_object: 16 GC + 152
 * bytes). The cache is a dict from key to link; a bounded cache also keeps its links in a
 * circular list whose root is the wrapper itself (lru_list_elem: a non-GC object of 16 + 40
 * bytes with prev, next, hash, key, result, made with PyObject_New). A full cache evicts the
 * oldest link and reuses it for the new key. The key is the single argument itself when it is
 * an exact str or int and the cache is untyped, else the argument tuple (or a new tuple with the
 * keyword mark, names and values, and types when typed). Calls pack an argument tuple: the
 * wrapper has tp_call only.
 */
export const enum LruKind {
  Uncached,
  Bounded,
  Infinite,
}

export interface LruState {
  kind: LruKind;
  typed: boolean;
  cache: number;
  hits: number;
  misses: number;
  func: number;
  maxsize: number;
  kwdMark: number;
  cacheInfoType: number;
  dict: number;
  /** The bounded cache's links, oldest first (root.next … root.prev). */
  order: Set<number>;
}

export const lruState = (vm: Vm, h: number): LruState => vm.table.side[h] as LruState;
const LINK_BASIC = 40;
const LRU_BASIC = 152;

/** The module's kwd_mark: one object() made when _functools is initialised (static here). */
const kwdMarks = new WeakMap<Vm, number>();
function kwdMark(vm: Vm): number {
  let m = kwdMarks.get(vm);
  if (m === undefined) kwdMarks.set(vm, (m = vm.newStatic(T.Object)));
  return m;
}

/** lru_cache_new: PyArg_ParseTupleAndKeywords("OOpO"), the cache dict, then tp_alloc. */
function lruNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const [func, maxsizeObj, typedObj, cacheInfoType] = parseTupleAndKeywords(
    vm,
    'lru_cache',
    Array.from(tupleItems(vm, args)),
    kwargs,
    ['user_function', 'maxsize', 'typed', 'cache_info_type'],
    4,
  );
  if (!isCallable(vm, func)) throw raiseString(vm, E.TypeError, 'the first argument must be callable');
  let kind: LruKind;
  let maxsize: number;
  if (maxsizeObj === vm.s.None) {
    kind = LruKind.Infinite;
    maxsize = -1;
  } else if (hasIndex(vm, maxsizeObj)) {
    maxsize = Math.max(0, asSsize(vm, maxsizeObj, E.OverflowError));
    kind = maxsize === 0 ? LruKind.Uncached : LruKind.Bounded;
  } else throw raiseString(vm, E.TypeError, 'maxsize should be integer or None');
  const cache = dictNew(vm);
  let h: number;
  try {
    h = genericAlloc(vm, type, 0);
  } catch (e) {
    vm.decref(cache);
    throw e;
  }
  vm.incref(func);
  vm.incref(cacheInfoType);
  const typed = vm.table.type[typedObj] === T.Bool ? vm.table.num[typedObj] !== 0 : typedObj !== vm.s.None;
  vm.table.side[h] = {
    kind,
    typed,
    cache,
    hits: 0,
    misses: 0,
    func,
    maxsize,
    kwdMark: kwdMark(vm),
    cacheInfoType,
    dict: 0,
    order: new Set(),
  } satisfies LruState;
  return h;
}

/** lru_cache_make_key. A new reference. */
function makeKey(vm: Vm, s: LruState, args: number, kwds: number): number {
  const kwdsSize = kwds ? vm.table.n[kwds] : 0;
  const a = tupleItems(vm, args);
  if (!s.typed && !kwdsSize) {
    if (a.length === 1 && (vm.table.type[a[0]] === T.Str || vm.table.type[a[0]] === T.Int)) {
      vm.incref(a[0]);
      return a[0];
    }
    vm.incref(args);
    return args;
  }
  const items: number[] = [...a];
  const kw = kwdsSize ? Array.from(dictEntries(vm, kwds)) : [];
  if (kwdsSize) {
    items.push(s.kwdMark);
    for (const [k, v] of kw) items.push(k, v);
  }
  if (s.typed) {
    for (const x of a) items.push(vm.typeOf(x).typeObject);
    for (const [, v] of kw) items.push(vm.typeOf(v).typeObject);
  }
  const key = tupleAlloc(vm, items.length);
  items.forEach((x, i) => {
    vm.incref(x);
    vm.pool.data[vm.table.ref[key] + i] = x;
  });
  vm.gc.track(key);
  return key;
}

function linkNew(vm: Vm, key: number, result: number): number {
  const l = vm.newObject(moduleType(vm, LruLinkType).id, 16 + LINK_BASIC);
  vm.table.side[l] = { key, result };
  return l;
}
const link = (vm: Vm, l: number): { key: number; result: number } =>
  vm.table.side[l] as { key: number; result: number };

/** Append at the newest end (lru_cache_append_link); extract first when it is already linked. */
function touch(s: LruState, l: number): void {
  s.order.delete(l);
  s.order.add(l);
}

/**
 * The wrapped function called with the wrapper's arguments (PyObject_Call); when the loop's CALL
 * allowed it (runtime/deferred.ts) a Python function's frame is pushed for the loop to run and
 * DEFERRED returned: the caller then hands its rest to continueWith.
 */
function callWrapped(vm: Vm, s: LruState, args: number, kwds: number, defer: boolean): number {
  if (defer && vm.table.type[s.func] === T.Function && (kwds === 0 || vm.table.n[kwds] === 0))
    return deferrer(vm)!.deferCall(s.func, Array.from(tupleItems(vm, args)), null);
  return callTuple(vm, s.func, args, kwds);
}

function lruCall(vm: Vm, h: number, args: number, kwds: number): number {
  const defer = takeDefer(vm);
  const s = lruState(vm, h);
  if (s.kind === LruKind.Uncached) {
    s.misses++;
    return callWrapped(vm, s, args, kwds, defer);
  }
  const key = makeKey(vm, s, args, kwds);
  try {
    hashKey(vm, key);
  } catch (e) {
    vm.decref(key);
    throw e;
  }
  const found = dictGetItem(vm, s.cache, key);
  if (s.kind === LruKind.Infinite) {
    if (found) {
      vm.incref(found);
      s.hits++;
      vm.decref(key);
      return found;
    }
    s.misses++;
    let result = 0;
    try {
      result = callWrapped(vm, s, args, kwds, defer);
      if (result === DEFERRED) {
        deferrer(vm)!.continueWith({
          done: (vm2, r) => {
            try {
              dictSetItem(vm2, s.cache, key, r);
            } finally {
              vm2.decref(key);
            }
            return r;
          },
          fail: (vm2) => vm2.decref(key),
        });
        return DEFERRED;
      }
      dictSetItem(vm, s.cache, key, result);
    } finally {
      if (result !== DEFERRED) vm.decref(key);
    }
    return result;
  }
  if (found) {
    touch(s, found);
    s.hits++;
    const r = link(vm, found).result;
    vm.incref(r);
    vm.decref(key);
    return r;
  }
  s.misses++;
  let result: number;
  try {
    result = callWrapped(vm, s, args, kwds, defer);
  } catch (e) {
    vm.decref(key);
    throw e;
  }
  if (result === DEFERRED) {
    deferrer(vm)!.continueWith({
      done: (vm2, r) => boundedStore(vm2, s, key, r),
      fail: (vm2) => vm2.decref(key),
    });
    return DEFERRED;
  }
  return boundedStore(vm, s, key, result);
}

/** A bounded cache's miss after the call: the result linked in, the oldest link reused when full. */
function boundedStore(vm: Vm, s: LruState, key: number, result: number): number {
  if (dictGetItem(vm, s.cache, key)) {
    // added during the call: return the new result, keep the cache as it is
    vm.decref(key);
    return result;
  }
  if (vm.table.n[s.cache] < s.maxsize || s.order.size === 0) {
    const l = linkNew(vm, key, result);
    dictSetItem(vm, s.cache, key, l);
    vm.decref(l);
    touch(s, l);
    vm.incref(result);
    return result;
  }
  // evict the oldest link and reuse it for the new key
  const oldest = s.order.values().next().value as number;
  s.order.delete(oldest);
  const lk = link(vm, oldest);
  vm.incref(oldest);
  // _PyDict_Pop_KnownHash of the old key: the dict's reference to the link
  const popped = dictGetItem(vm, s.cache, lk.key);
  if (popped === 0) {
    vm.decref(oldest);
    vm.decref(key);
    return result;
  }
  vm.incref(popped);
  dictDelItem(vm, s.cache, lk.key);
  const oldkey = lk.key;
  const oldresult = lk.result;
  lk.key = key;
  lk.result = result;
  dictSetItem(vm, s.cache, key, oldest);
  touch(s, oldest);
  vm.incref(result);
  vm.decref(popped);
  vm.decref(oldkey);
  vm.decref(oldresult);
  vm.decref(oldest);
  return result;
}

/** lru_cache_cache_clear: the list unlinked, the counters reset, the dict cleared, then each link released. */
export function lruCacheClear(vm: Vm, h: number): void {
  const s = lruState(vm, h);
  const links = [...s.order];
  s.order.clear();
  s.hits = s.misses = 0;
  // a bounded cache's links hold one reference from the list (the dict holds the other)
  for (const l of links) vm.incref(l);
  dictClear(vm, s.cache);
  for (const l of links) vm.decref(l);
}

function lruDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const s = lruState(vm, h);
  const links = [...s.order];
  s.order.clear();
  for (const l of links) vm.incref(l);
  for (const v of [s.cache, s.func, s.cacheInfoType, s.dict]) if (v) vm.decref(v);
  for (const l of links) vm.decref(l);
  vm.gcDel(h);
}

export const LruLinkType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: '_lru_list_elem',
    module: 'functools',
    basicsize: LINK_BASIC,
    dealloc: (vm, h) => {
      const l = link(vm, h);
      vm.xdecref(l.key);
      vm.xdecref(l.result);
      vm.objectFree(h);
    },
  });

export const LruCacheType = (vm: Vm, id: number): TypeSlots => {
  moduleType(vm, LruLinkType);
  return defineType({
    id,
    name: '_lru_cache_wrapper',
    module: 'functools',
    basicsize: LRU_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.MethodDescriptor,
    dictoffset: 1,
    dealloc: lruDealloc,
    traverse: (vm2, h, visit) => {
      const s = lruState(vm2, h);
      for (const l of s.order) {
        const k = link(vm2, l);
        if (k.key) visit(k.key);
        if (k.result) visit(k.result);
      }
      for (const v of [s.cache, s.func, s.cacheInfoType, s.dict]) if (v) visit(v);
    },
    clear: (vm2, h) => {
      lruCacheClear(vm2, h);
      const s = lruState(vm2, h);
      const d = s.dict;
      s.dict = 0;
      if (d) vm2.decref(d);
    },
    reprText: (vm2, h) => `<functools._lru_cache_wrapper object at 0x${vm2.id(h).toString(16)}>`,
    call: defersCall(lruCall),
    descrGet: (vm2, h, obj) => {
      if (obj === 0 || obj === vm2.s.None) {
        vm2.incref(h);
        return h;
      }
      return methodNew(vm2, h, obj);
    },
    new: lruNew,
    getset: {
      // PyObject_GenericGetDict: made on first use
      __dict__: {
        name: '__dict__',
        get: (vm2, h) => {
          const s = lruState(vm2, h);
          if (s.dict === 0) s.dict = dictNew(vm2);
          vm2.incref(s.dict);
          return s.dict;
        },
      },
    },
  });
};

/** The wrapper's repr of its function (for messages). */
export const lruFuncText = (vm: Vm, h: number): string => reprText(vm, lruState(vm, h).func);
