import { call } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import type { Vm } from '../runtime/vm';
import { F_RLE } from './table';
import { Cmp } from './types';

/** MERGESTATE_TEMP_SIZE: the merge state's array on the C stack (256 slots). */
const MERGESTATE_TEMP_SIZE = 256;

/**
 * list.sort (list_sort_impl, timsort): the items are sorted in place. With a key function the
 * keys are made first, one call per item (in the merge state's spare stack space for fewer than
 * 128 items, else a PyMem_Malloc'd array) and released after. The merge state's 256-slot temp
 * array lives on the C stack; longer merges PyMem_Malloc a buffer of about half the run
 * (merge_getmem, twice as wide with keys), so a list of more than 256 items that is not one
 * monotonic run takes one.
 */
export function sortList(vm: Vm, l: number, key: number, reverse: boolean): void {
  const t = vm.table;
  const n = t.n[l];
  if (n < 2 && key === 0) return;
  const items = Array.from({ length: n }, (_, i) =>
    t.flags[l] & F_RLE ? t.ref[l] : vm.pool.data[t.ref[l] + i],
  );
  let keys = items;
  let keysBlock = 0;
  if (key !== 0) {
    if (n >= MERGESTATE_TEMP_SIZE / 2) {
      keysBlock = vm.mem.malloc(8 * n);
      vm.mem.touch(keysBlock, 8 * n);
    }
    keys = [];
    try {
      for (let i = 0; i < n; i++) keys.push(call(vm, key, [items[i]], null));
    } catch (e) {
      for (const k of keys) vm.decref(k);
      if (keysBlock) vm.mem.free(keysBlock);
      throw e;
    }
  }
  if (n >= 2 && !(t.flags[l] & F_RLE)) {
    const lt = (a: number, b: number) => richCompareBool(vm, a, b, Cmp.LT);
    const order = Array.from({ length: n }, (_, i) => i);
    if (reverse) order.reverse();
    let ascending = true;
    let descending = true;
    for (let i = 1; i < n && (ascending || descending); i++) {
      if (lt(keys[order[i]], keys[order[i - 1]])) ascending = false;
      else descending = false; // timsort's descending runs are strictly decreasing
    }
    let temp = 0;
    if (n > MERGESTATE_TEMP_SIZE && !ascending && !descending) {
      const need = Math.ceil(n / 2) * (key !== 0 ? 2 : 1);
      temp = vm.mem.malloc(8 * need);
      vm.mem.touch(temp, 8 * need);
    }
    order.sort((a, b) => (lt(keys[a], keys[b]) ? -1 : lt(keys[b], keys[a]) ? 1 : 0));
    // The keys array is sorted alongside the items and released in its sorted order, before the
    // final reverse_slice (which reverses only the items): the key objects are freed in key order,
    // not in the order they were made, so the last 2,000 tuples kept by the free list sit
    // scattered over every pool the keys used (150,000 key tuples keep 9 arenas in sorting_records).
    if (key !== 0) releaseKeys(vm, order.map((i) => keys[i]), keysBlock);
    if (reverse) order.reverse();
    const sorted = order.map((i) => items[i]);
    sorted.forEach((v, i) => (vm.pool.data[t.ref[l] + i] = v));
    vm.mem.touch(t.ptr[l], 8 * n);
    // merge_freemem after the keys (list_sort_impl's exit path)
    if (temp) vm.mem.free(temp);
    return;
  }
  if (key !== 0) releaseKeys(vm, keys, keysBlock);
}

/** list_sort_impl's exit: Py_DECREF of each key in the array's order, then PyMem_Free of the array. */
function releaseKeys(vm: Vm, keys: number[], keysBlock: number): void {
  for (const k of keys) vm.decref(k);
  if (keysBlock) vm.mem.free(keysBlock);
}
