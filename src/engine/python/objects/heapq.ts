import { richCompareBool } from '../abstract/compare';
import { indexError, raiseString, typeError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { listAppend, listItem, listPut, listStore } from './list';
import { listAssSlice } from './listops';
import { Cmp, T } from './types';

/**
 * The heap algorithms of _heapq (Modules/_heapqmodule.c, 3.11), on a list in place: siftdown
 * moves a new item up towards the root, siftup moves the smaller child up from a hole to a leaf
 * and then sifts the item placed there down (Knuth's "bottom-up" variant, so the comparisons, and
 * the resulting layout, are CPython's). Every comparison is PyObject_RichCompareBool(…, Py_LT),
 * which may run Python code: a list that changed size meanwhile is a RuntimeError. The *_max
 * variants (used by heapq.nsmallest and merge) compare the other way round.
 */

export function checkList(vm: Vm, heap: number, what = 'heap'): void {
  if (!vm.typeOf(heap).mro.includes(T.List)) throw typeError(vm, '%s argument must be a list', what);
}

/** Make the list's items explicit (a run of one repeated item becomes real slots) so slots can be swapped. */
function items(vm: Vm, heap: number): Int32Array {
  listStore(vm, heap, vm.table.n[heap]);
  return vm.pool.data;
}

function set(vm: Vm, heap: number, i: number, v: number): void {
  listPut(vm, heap, i, v);
}

const changed = (vm: Vm): Error => raiseString(vm, E.RuntimeError, 'list changed size during iteration');

/** a < b (or b < a for the max-heap variants). */
function less(vm: Vm, a: number, b: number, max: boolean): boolean {
  vm.incref(a);
  vm.incref(b);
  try {
    return max ? richCompareBool(vm, b, a, Cmp.LT) : richCompareBool(vm, a, b, Cmp.LT);
  } finally {
    vm.decref(a);
    vm.decref(b);
  }
}

/** siftdown / siftdown_max. */
export function siftdown(vm: Vm, heap: number, startpos: number, pos: number, max = false): void {
  const size = vm.table.n[heap];
  if (pos >= size) throw indexError(vm, 'index out of range');
  items(vm, heap);
  const newitem = listItem(vm, heap, pos);
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = listItem(vm, heap, parentpos);
    const lt = less(vm, newitem, parent, max);
    if (size !== vm.table.n[heap]) throw changed(vm);
    if (!lt) break;
    items(vm, heap);
    const p = listItem(vm, heap, parentpos);
    const n = listItem(vm, heap, pos);
    set(vm, heap, parentpos, n);
    set(vm, heap, pos, p);
    pos = parentpos;
  }
}

/** siftup / siftup_max. */
export function siftup(vm: Vm, heap: number, pos: number, max = false): void {
  const endpos = vm.table.n[heap];
  const startpos = pos;
  if (pos >= endpos) throw indexError(vm, 'index out of range');
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      const lt = less(vm, listItem(vm, heap, childpos), listItem(vm, heap, childpos + 1), max);
      childpos += lt ? 0 : 1;
      if (endpos !== vm.table.n[heap]) throw changed(vm);
    }
    items(vm, heap);
    const a = listItem(vm, heap, childpos);
    const b = listItem(vm, heap, pos);
    set(vm, heap, childpos, b);
    set(vm, heap, pos, a);
    pos = childpos;
  }
  siftdown(vm, heap, startpos, pos, max);
}

/** heappush: PyList_Append, then siftdown from the end. */
export function heappush(vm: Vm, heap: number, item: number): void {
  checkList(vm, heap);
  vm.incref(item);
  listAppend(vm, heap, item);
  siftdown(vm, heap, 0, vm.table.n[heap] - 1);
}

/** heappop_internal: the last item cut off (PyList_SetSlice), put at the root, sifted up; the old root returned. */
export function heappop(vm: Vm, heap: number, max = false): number {
  checkList(vm, heap);
  const n = vm.table.n[heap];
  if (n === 0) throw indexError(vm, 'index out of range');
  const lastelt = listItem(vm, heap, n - 1);
  vm.incref(lastelt);
  try {
    listAssSlice(vm, heap, n - 1, n, null);
  } catch (e) {
    vm.decref(lastelt);
    throw e;
  }
  if (n - 1 === 0) return lastelt;
  items(vm, heap);
  const returnitem = listItem(vm, heap, 0);
  set(vm, heap, 0, lastelt);
  try {
    siftup(vm, heap, 0, max);
  } catch (e) {
    vm.decref(returnitem);
    throw e;
  }
  return returnitem;
}

/** heapreplace_internal: the root returned, the item put in its place and sifted up. */
export function heapreplace(vm: Vm, heap: number, item: number, max = false): number {
  checkList(vm, heap);
  if (vm.table.n[heap] === 0) throw indexError(vm, 'index out of range');
  items(vm, heap);
  const returnitem = listItem(vm, heap, 0);
  vm.incref(item);
  set(vm, heap, 0, item);
  try {
    siftup(vm, heap, 0, max);
  } catch (e) {
    vm.decref(returnitem);
    throw e;
  }
  return returnitem;
}

/** heappushpop: the item itself when it is not greater than the root; else heapreplace. */
export function heappushpop(vm: Vm, heap: number, item: number): number {
  checkList(vm, heap);
  if (vm.table.n[heap] === 0) {
    vm.incref(item);
    return item;
  }
  const top = listItem(vm, heap, 0);
  if (!less(vm, top, item, false)) {
    vm.incref(item);
    return item;
  }
  return heapreplace(vm, heap, item);
}

/** keep_top_bit: n with every bit below its highest cleared. */
function keepTopBit(n: number): number {
  let i = 0;
  while (n > 1) {
    n = Math.floor(n / 2);
    i++;
  }
  return n * 2 ** i;
}

/** heapify_internal: siftup from the last parent down to the root; a big heap (> 2500) goes subtree by subtree. */
export function heapify(vm: Vm, heap: number, max = false): void {
  checkList(vm, heap);
  const n = vm.table.n[heap];
  if (n > 2500) {
    const m = n >> 1;
    const leftmost = keepTopBit(m + 1) - 1;
    const mhalf = m >> 1;
    const run = (from: number, to: number): void => {
      for (let i = from; i >= to; i--) {
        for (let j = i; ; j >>= 1) {
          siftup(vm, heap, j, max);
          if (!(j & 1)) break;
        }
      }
    };
    run(leftmost - 1, mhalf);
    run(m - 1, leftmost);
    return;
  }
  for (let i = (n >> 1) - 1; i >= 0; i--) siftup(vm, heap, i, max);
}
