import type { HeapColumns } from '../engine/trace/snapshot';
import { memoByObject } from './memo';

/**
 * The highest chunk below top that is not in a bin (in use, or cached in tcache or a fastbin): the
 * heap can only shrink down to its end, so the strip flags it. Returns its index, or -1.
 */
function find(heap: HeapColumns): number {
  for (let i = heap.count - 2; i >= 0; i--) {
    const s = heap.state[i];
    if (s === 1 || s === 2 || s === 3) return i;
  }
  return -1;
}

export const heapPin = memoByObject((heap: HeapColumns, _k: 0) => find(heap));
