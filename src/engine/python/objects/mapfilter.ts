import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { isTrue } from '../abstract/object';
import type { Vm } from '../runtime/vm';
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

function mapNext(vm: Vm, h: number): number {
  const st = vm.table.side[h] as MapState;
  const n = vm.table.n[st.iters];
  const stack = n > 5 ? vm.mem.malloc(8 * n) : 0;
  const items: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const v = iterNext(vm, tupleItem(vm, st.iters, i));
      if (v === 0) return 0;
      items.push(v);
    }
    return call(vm, st.func, items, null);
  } finally {
    for (const v of items) vm.decref(v);
    if (stack) vm.mem.free(stack);
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

function filterNext(vm: Vm, h: number): number {
  const st = vm.table.side[h] as FilterState;
  const plain = st.func === vm.s.None || st.func === vm.types[T.Bool].typeObject;
  for (;;) {
    const item = iterNext(vm, st.it);
    if (item === 0) return 0;
    let ok: boolean;
    try {
      if (plain) ok = isTrue(vm, item);
      else {
        const good = call(vm, st.func, [item], null);
        try {
          ok = isTrue(vm, good);
        } finally {
          vm.decref(good);
        }
      }
    } catch (e) {
      vm.decref(item);
      throw e;
    }
    if (ok) return item;
    vm.decref(item);
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
