import { call } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import type { Vm } from '../runtime/vm';
import { F_RLE } from './table';
import { MERGESTATE_TEMP_SIZE, MergeState } from './timsort';
import { Cmp } from './types';

/**
 * list.sort (list_sort_impl): with a key function the keys are made first, one call per item
 * (in the merge state's spare stack space for fewer than 128 items, else a PyMem_Malloc'd array).
 * Reverse sorts reverse the items (and keys) first, sort stably, and reverse the items again.
 * Timsort's temp memory is objects/timsort.ts's MergeState. At the exit the keys are released
 * in the keys array's order, which was sorted alongside the items (so in key order, not the
 * order they were made: 150,000 key tuples whose last 2,000 go to the tuple free list keep 9
 * arenas in sorting_records), the keys array freed, then merge_freemem.
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
  // positions into items/keys, in the array's order (reversed first for a reverse sort)
  const order = Array.from({ length: n }, (_, i) => (reverse ? n - 1 - i : i));
  let ms: MergeState | null = null;
  if (n >= 2 && !(t.flags[l] & F_RLE)) {
    const lt = (a: number, b: number) => richCompareBool(vm, a, b, Cmp.LT);
    ms = new MergeState(vm, keys, order, lt, key !== 0);
    ms.sort();
  }
  if (key !== 0) {
    for (const i of order) vm.decref(keys[i]);
    if (keysBlock) vm.mem.free(keysBlock);
  }
  if (ms !== null) {
    if (reverse) order.reverse();
    for (let i = 0; i < n; i++) vm.pool.data[t.ref[l] + i] = items[order[i]];
    vm.mem.touch(t.ptr[l], 8 * n);
    ms.freeMem();
  }
}
