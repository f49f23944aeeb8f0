import { equals, richCompareBool } from '../abstract/compare';
import { forEachItem } from '../abstract/iter';
import { VIEW_NUMBER_SLOTS, viewIsDisjoint, viewRichcompare } from './dictviewset';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { dictGetItem } from './dict';
import { dictData } from './dictkeys';
import { fromSsize } from './int';
import { selfIter } from './rangeobject';
import { tupleAlloc } from './tuple';
import { reversedMethod } from './dictreviter';
import { Cmp, Meth, T, TpFlags, defineType, type TypeSlots, type Visit } from './types';
import { keyAt, valueAt } from './dictindex';

/**
 * dict views (d.keys(), d.values(), d.items(): 16 + 24 byte GC objects) and the dict iterators
 * (16 + 56): Objects/dictobject.c. The items iterator hands out one result tuple again and again
 * while nobody else holds it (dictiter_iternextitem). Columns: ref = the dict; an iterator's num
 * is its position in the entries.
 */
export type DictIterKind = 'keys' | 'values' | 'items';

const VIEW_OF: Record<DictIterKind, number> = { keys: T.DictView, values: T.DictValues, items: T.DictItems };
const KIND_OF: Record<number, DictIterKind> = {
  [T.DictView]: 'keys',
  [T.DictValues]: 'values',
  [T.DictItems]: 'items',
};
const ITER_OF: Record<number, number> = {
  [T.DictView]: T.DictIter,
  [T.DictValues]: T.DictValueIter,
  [T.DictItems]: T.DictItemIter,
};

/** _PyDictView_New: a tracked 16 + 24 byte GC object. */
export function dictViewNew(vm: Vm, d: number, kind: DictIterKind): number {
  const v = vm.newGcObject(VIEW_OF[kind], 24);
  vm.incref(d);
  vm.table.ref[v] = d;
  vm.gc.track(v);
  return v;
}

/** dictiter_new: 16 + 56 bytes, tracked; the items iterator makes its (None, None) result tuple first. */
export function dictIterNew(vm: Vm, d: number, iterType: number): number {
  const it = vm.newGcObject(iterType, 56);
  const t = vm.table;
  vm.incref(d);
  t.ref[it] = d;
  t.side[it] = iterType === T.DictItemIter ? packNones(vm) : 0;
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

/** dictiter_iternextkey / value / item. */
function dictIterNext(vm: Vm, it: number): number {
  const t = vm.table;
  const d = t.ref[it];
  if (d === 0) return 0;
  const data = dictData(vm, d);
  let i = t.num[it];
  while (i < data.nentries && valueAt(data, i) === 0) i++;
  if (i >= data.nentries) {
    t.ref[it] = 0;
    vm.decref(d);
    return 0;
  }
  t.num[it] = i + 1;
  const key = keyAt(data, i);
  const value = valueAt(data, i);
  const type = t.type[it];
  if (type !== T.DictItemIter) {
    const v = type === T.DictIter ? key : value;
    vm.incref(v);
    return v;
  }
  vm.incref(key);
  vm.incref(value);
  let result = t.side[it] as number;
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

function dictIterDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  vm.xdecref(vm.table.ref[h]);
  vm.xdecref(vm.table.side[h] as number);
  vm.gcDel(h);
}

function dictIterTraverse(vm: Vm, h: number, visit: Visit): void {
  if (vm.table.ref[h]) visit(vm.table.ref[h]);
  const r = vm.table.side[h] as number;
  if (r) visit(r);
}

/** __length_hint__ (dictiter_len): the entries left. */
function dictIterLen(vm: Vm, it: number): number {
  const t = vm.table;
  return fromSsize(vm, t.ref[it] ? Math.max(0, t.n[t.ref[it]] - t.num[it]) : 0);
}

function iterType(id: number, name: string): TypeSlots {
  return defineType({
    id,
    name,
    basicsize: 56,
    flags: TpFlags.HaveGc,
    dealloc: dictIterDealloc,
    traverse: dictIterTraverse,
    iter: selfIter,
    iternext: dictIterNext,
    methods: { __length_hint__: { name: '__length_hint__', flags: Meth.NoArgs, impl: dictIterLen } },
  });
}

export const DictKeyIterType = (): TypeSlots => iterType(T.DictIter, 'dict_keyiterator');
export const DictValueIterType = (): TypeSlots => iterType(T.DictValueIter, 'dict_valueiterator');
export const DictItemIterType = (): TypeSlots => iterType(T.DictItemIter, 'dict_itemiterator');

// ---- the views ------------------------------------------------------------------------------

function viewDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  vm.xdecref(vm.table.ref[h]);
  vm.gcDel(h);
}

function viewContains(vm: Vm, h: number, x: number): boolean {
  const d = vm.table.ref[h];
  switch (vm.table.type[h]) {
    case T.DictView:
      return dictGetItem(vm, d, x) !== 0;
    case T.DictItems: {
      if (vm.table.type[x] !== T.Tuple || vm.table.n[x] !== 2) return false;
      const v = dictGetItem(vm, d, vm.pool.data[vm.table.ref[x]]);
      return v !== 0 && equals(vm, v, vm.pool.data[vm.table.ref[x] + 1]);
    }
    default: {
      // dict_values has no sq_contains: _PySequence_IterSearch compares value by value
      let found = false;
      forEachItem(vm, h, (v) => {
        found = richCompareBool(vm, v, x, Cmp.EQ);
        return !found;
      });
      return found;
    }
  }
}

function viewText(vm: Vm, h: number, depth: number): string {
  const d = dictData(vm, vm.table.ref[h]);
  const type = vm.table.type[h];
  const parts: string[] = [];
  for (let i = 0; i < d.nentries && parts.length < 100; i++) {
    if (valueAt(d, i) === 0) continue;
    const k = reprText(vm, keyAt(d, i), depth + 1);
    const v = reprText(vm, valueAt(d, i), depth + 1);
    parts.push(type === T.DictView ? k : type === T.DictValues ? v : `(${k}, ${v})`);
  }
  return `${vm.types[type].name}([${parts.join(', ')}])`;
}

function viewType(id: number, name: string): TypeSlots {
  return defineType({
    id,
    name,
    basicsize: 24,
    flags: TpFlags.HaveGc,
    dealloc: viewDealloc,
    traverse: (vm, h, visit) => visit(vm.table.ref[h]),
    reprText: viewText,
    repr: null,
    sequence: { length: (vm, h) => vm.table.n[vm.table.ref[h]], contains: viewContains },
    iter: (vm, h) => dictIterNew(vm, vm.table.ref[h], ITER_OF[vm.table.type[h]]),
    ...(id === T.DictValues
      ? { methods: { __reversed__: reversedMethod(KIND_OF[id], (vm, h) => vm.table.ref[h]) } }
      : {
          number: VIEW_NUMBER_SLOTS(),
          richcompare: viewRichcompare,
          methods: {
            __reversed__: reversedMethod(KIND_OF[id], (vm, h) => vm.table.ref[h]),
            isdisjoint: {
              name: 'isdisjoint',
              flags: Meth.O,
              impl: (vm, h, args) => viewIsDisjoint(vm, h, args[0]),
            },
          },
        }),
  });
}

export const DictKeysType = (): TypeSlots => viewType(T.DictView, 'dict_keys');
export const DictValuesType = (): TypeSlots => viewType(T.DictValues, 'dict_values');
export const DictItemsType = (): TypeSlots => viewType(T.DictItems, 'dict_items');
