import { call } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import type { Vm } from '../runtime/vm';
import { F_RLE } from './table';
import { MERGESTATE_TEMP_SIZE, MergeState } from './timsort';
import { Cmp } from './types';
import { DEFERRED, deferrer } from '../runtime/deferred';

/**
 * list.sort (list_sort_impl): with a key function the keys are made first, one call per item
 * (in the merge state's spare stack space for fewer than 128 items, else a PyMem_Malloc'd array).
 * Reverse sorts reverse the items (and keys) first, sort stably, and reverse the items again.
 * Timsort's temp memory is objects/timsort.ts's MergeState. At the exit the keys are released
 * in the keys array's order, which was sorted alongside the items (so in key order, not the
 * order they were made: 150,000 key tuples whose last 2,000 go to the tuple free list keep 9
 * arenas in sorting_records), the keys array freed, then merge_freemem.
 * With `defer` (the loop's CALL allowed it) a Python key function's calls run in the calling loop:
 * DEFERRED returned, the rest of the sort continues from the last key's result.
 */
export function sortList(vm: Vm, l: number, key: number, reverse: boolean, defer = false): number {
  const t = vm.table;
  const n = t.n[l];
  if (n < 2 && key === 0) return 0;
  const items = Array.from({ length: n }, (_, i) =>
    t.flags[l] & F_RLE ? t.ref[l] : vm.pool.data[t.ref[l] + i],
  );
  if (key === 0) {
    sortItems(vm, l, items, items, 0, reverse);
    return 0;
  }
  let keysBlock = 0;
  if (n >= MERGESTATE_TEMP_SIZE / 2) {
    keysBlock = vm.mem.malloc(8 * n);
    vm.mem.touch(keysBlock, 8 * n);
  }
  const keys: number[] = [];
  const fail = (vm2: Vm): void => {
    for (const k of keys) vm2.decref(k);
    if (keysBlock) vm2.mem.free(keysBlock);
  };
  // the keys pass, one call per item; a deferred call's frame runs in the loop and this pass
  // goes on from its result (runtime/deferred.ts: no JS recursion through a recursive key)
  const keysFrom = (vm2: Vm): number => {
    while (keys.length < n) {
      const item = items[keys.length];
      let k: number;
      try {
        k = defer ? deferrer(vm2)!.deferCall(key, [item], null) : call(vm2, key, [item], null);
      } catch (e) {
        fail(vm2);
        throw e;
      }
      if (k === DEFERRED) {
        deferrer(vm2)!.continueWith({
          done: (vm3, got) => {
            keys.push(got);
            return keysFrom(vm3);
          },
          fail,
        });
        return DEFERRED;
      }
      keys.push(k);
    }
    sortItems(vm2, l, items, keys, keysBlock, reverse);
    return 0;
  };
  return keysFrom(vm);
}

/** list_sort_impl after the keys: timsort, the keys released, the items stored back. */
function sortItems(
  vm: Vm,
  l: number,
  items: number[],
  keys: number[],
  keysBlock: number,
  reverse: boolean,
): void {
  const t = vm.table;
  const n = items.length;
  const keyed = keys !== items;
  // positions into items/keys, in the array's order (reversed first for a reverse sort)
  const order = Array.from({ length: n }, (_, i) => (reverse ? n - 1 - i : i));
  let ms: MergeState | null = null;
  if (n >= 2 && !(t.flags[l] & F_RLE)) {
    const lt = (a: number, b: number) => richCompareBool(vm, a, b, Cmp.LT);
    ms = new MergeState(vm, keys, order, lt, keyed);
    ms.sort();
  }
  if (keyed) {
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
