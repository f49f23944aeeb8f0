import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { isTrue } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { DEFERRED, defersCall, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';
import { selfIter } from './rangeobject';
import { tupleAlloc, tupleItem } from './tuple';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots, type Visit } from './types';

/**
 * map and filter (Python/bltinmodule.c, 3.11), both 16 + 32 byte GC objects made by their
 * vectorcall:
 * - map_vectorcall: PyTuple_New(n) of the iterators, each PyObject_GetIter, then the object;
 *   map_next gathers one item per iterator on the C stack (a PyMem array past
 *   _PY_FASTCALL_SMALL_STACK = 5 iterators) and vectorcalls the function with them;
 * - filter_vectorcall: the iterator, then the object; filter_next calls the function on each
 *   item (PyObject_CallOneArg) unless it is None or bool, and keeps the items it finds true.
 */
interface MapState {
  func: number;
  iters: number;
}
interface FilterState {
  func: number;
  it: number;
}

function mapVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'map() takes no keyword arguments');
  if (args.length < 2) throw typeError(vm, 'map() must have at least two arguments.');
  const n = args.length - 1;
  const iters = tupleAlloc(vm, n);
  const base = vm.table.ref[iters];
  vm.pool.data.fill(0, base, base + n);
  vm.gc.track(iters);
  try {
    for (let i = 0; i < n; i++) vm.pool.data[base + i] = getIter(vm, args[i + 1]);
  } catch (e) {
    vm.decref(iters);
    throw e;
  }
  const h = vm.newGcObject(T.Map, 32);
  vm.incref(args[0]);
  vm.table.side[h] = { func: args[0], iters } satisfies MapState;
  vm.gc.track(h);
  return h;
}

/**
 * map_next: one item from each iterator, then the function called with them (a deferring caller's
 * Python function runs in the eval loop: runtime/deferred.ts), the items released after it.
 */
const mapNext = defersCall(function mapNext(vm: Vm, h: number): number {
  const defer = takeDefer(vm);
  const st = vm.table.side[h] as MapState;
  const n = vm.table.n[st.iters];
  const stack = n > 5 ? vm.mem.malloc(8 * n) : 0;
  const items: number[] = [];
  let r = 0;
  try {
    for (let i = 0; i < n; i++) {
      const v = iterNext(vm, tupleItem(vm, st.iters, i));
      if (v === 0) break;
      items.push(v);
    }
    if (items.length === n)
      r = defer ? deferrer(vm)!.deferCall(st.func, items, null) : call(vm, st.func, items, null);
  } finally {
    if (r !== DEFERRED) releaseArgs(vm, items, stack);
  }
  if (r === DEFERRED) deferrer(vm)!.continueWith(new MapRest(items, stack));
  return r;
});

/** map_next's end: the items gathered on its stack released, a PyMem stack freed. */
function releaseArgs(vm: Vm, items: readonly number[], stack: number): void {
  for (const v of items) vm.decref(v);
  if (stack) vm.mem.free(stack);
}

/** map_next's rest after a deferred call of its function. */
class MapRest implements CallContinuation {
  constructor(
    private readonly items: readonly number[],
    private readonly stack: number,
  ) {}
  done(vm: Vm, r: number): number {
    releaseArgs(vm, this.items, this.stack);
    return r;
  }
  fail(vm: Vm): void {
    releaseArgs(vm, this.items, this.stack);
  }
}

function filterVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'filter() takes no keyword arguments');
  if (args.length !== 2) throw typeError(vm, 'filter expected 2 arguments, got %zd', args.length);
  const it = getIter(vm, args[1]);
  const h = vm.newGcObject(T.Filter, 32);
  vm.incref(args[0]);
  vm.table.side[h] = { func: args[0], it } satisfies FilterState;
  vm.gc.track(h);
  return h;
}

/**
 * filter_next: items until the function finds one true; a deferring caller's Python function runs
 * in the eval loop (runtime/deferred.ts) and the search goes on from its result (FilterRest).
 */
const filterNext = defersCall(function filterNext(vm: Vm, h: number): number {
  return filterFrom(vm, h, takeDefer(vm));
});

function filterFrom(vm: Vm, h: number, defer: boolean): number {
  const st = vm.table.side[h] as FilterState;
  const plain = st.func === vm.s.None || st.func === vm.types[T.Bool].typeObject;
  for (;;) {
    const item = iterNext(vm, st.it);
    if (item === 0) return 0;
    let ok: boolean;
    try {
      if (plain) ok = isTrue(vm, item);
      else {
        const good = defer ? deferrer(vm)!.deferCall(st.func, [item], null) : call(vm, st.func, [item], null);
        if (good === DEFERRED) {
          deferrer(vm)!.continueWith(new FilterRest(h, item));
          return DEFERRED;
        }
        ok = verdict(vm, good);
      }
    } catch (e) {
      vm.decref(item);
      throw e;
    }
    if (ok) return item;
    vm.decref(item);
  }
}

/** PyObject_IsTrue of the function's result, the result released. */
function verdict(vm: Vm, good: number): boolean {
  try {
    return isTrue(vm, good);
  } finally {
    vm.decref(good);
  }
}

/** filter_next's rest after a deferred call: keep the item or search on (which may defer again). */
class FilterRest implements CallContinuation {
  constructor(
    private readonly h: number,
    private readonly item: number,
  ) {}
  done(vm: Vm, good: number): number {
    let ok: boolean;
    try {
      ok = verdict(vm, good);
    } catch (e) {
      vm.decref(this.item);
      throw e;
    }
    if (ok) return this.item;
    vm.decref(this.item);
    return filterFrom(vm, this.h, true);
  }
  fail(vm: Vm): void {
    vm.decref(this.item);
  }
}

const refsOf = (vm: Vm, h: number): [number, number] => {
  const st = vm.table.side[h] as Partial<MapState & FilterState>;
  return [st.func ?? 0, st.iters ?? st.it ?? 0];
};

function dealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const [func, it] = refsOf(vm, h);
  // map_dealloc releases the iterators first, filter_dealloc the function first
  if (vm.table.type[h] === T.Map) {
    vm.xdecref(it);
    vm.xdecref(func);
  } else {
    vm.xdecref(func);
    vm.xdecref(it);
  }
  vm.gcDel(h);
}

function traverse(vm: Vm, h: number, visit: Visit): void {
  for (const r of refsOf(vm, h)) if (r) visit(r);
}

const iterType = (
  id: number,
  name: string,
  next: (vm: Vm, h: number) => number,
  vc: TypeSlots['typeVectorcall'],
) =>
  defineType({
    id,
    name,
    basicsize: 32,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc,
    traverse,
    iter: selfIter,
    iternext: next,
    typeVectorcall: vc,
  });

export const MapType = (): TypeSlots => iterType(T.Map, 'map', mapNext, mapVectorcall);
export const FilterType = (): TypeSlots => iterType(T.Filter, 'filter', filterNext, filterVectorcall);
