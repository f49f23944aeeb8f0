import { TUPLE_MAXFREELIST, TUPLE_MAXSAVESIZE } from '../runtime/freelists';
import type { Vm } from '../runtime/vm';
import { ItemPool } from './pool';
import { T } from './types';

/**
 * tuple objects (Objects/tupleobject.c, 3.11): one GC allocation of 16 + 24 + 8·n bytes.
 * Dead tuples of 1..20 items go to per-size free lists (2000 each), but maybe_freelist_pop tests
 * `size < PyTuple_MAXSAVESIZE`, so 20-tuples are pushed and never popped again.
 * Columns: n = size, ref/pcap = the items in the item pool.
 */
export const TUPLE_BASIC = 24;

/** tuple_alloc(n) (n > 0): the free list, else PyObject_GC_NewVar. Items unset, not tracked. */
export function tupleAlloc(vm: Vm, n: number): number {
  const f = n < TUPLE_MAXSAVESIZE ? vm.free.tuples[n - 1] : null;
  const h = f && f.length ? vm.reuse(f.pop()!, T.Tuple) : vm.newGcObject(T.Tuple, TUPLE_BASIC + 8 * n);
  const t = vm.table;
  t.n[h] = n;
  const cap = ItemPool.capacityFor(n);
  t.ref[h] = vm.pool.alloc(cap);
  t.pcap[h] = cap;
  return h;
}

/** A tracked tuple of `items` (new references, stolen): _PyTuple_FromArraySteal / BUILD_TUPLE. */
export function tupleFromItems(vm: Vm, items: ArrayLike<number>): number {
  const n = items.length;
  if (n === 0) return vm.s.emptyTuple;
  const h = tupleAlloc(vm, n);
  vm.pool.data.set(items, vm.table.ref[h]);
  vm.gc.track(h);
  return h;
}

export function tupleItem(vm: Vm, h: number, i: number): number {
  return vm.pool.data[vm.table.ref[h] + i];
}

export function tupleItems(vm: Vm, h: number): Int32Array {
  const t = vm.table;
  return vm.pool.data.slice(t.ref[h], t.ref[h] + t.n[h]);
}

/** tupledealloc: items last to first, then the free list or PyObject_GC_Del. */
export function tupleDealloc(vm: Vm, h: number): void {
  const t = vm.table;
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const n = t.n[h];
  const items = tupleItems(vm, h);
  vm.pool.release(t.ref[h], t.pcap[h]);
  t.pcap[h] = 0;
  for (let i = n - 1; i >= 0; i--) if (items[i] !== 0) vm.decref(items[i]);
  const f = n <= TUPLE_MAXSAVESIZE ? vm.free.tuples[n - 1] : null;
  if (f && f.length < TUPLE_MAXFREELIST) {
    vm.park(h);
    f.push(h);
  } else vm.gcDel(h);
  vm.trashEnd();
}

export function tupleTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const t = vm.table;
  const d = vm.pool.data;
  for (let i = 0, off = t.ref[h], n = t.n[h]; i < n; i++) if (d[off + i] !== 0) visit(d[off + i]);
}
