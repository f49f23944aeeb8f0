import { fromLong } from '../python/objects/int';
import { listNew, listPut } from '../python/objects/list';
import { tupleFromItems, tupleItems } from '../python/objects/tuple';
import { BOOL, INT64 } from './dtypes';
import { readBroadcast, writeValues } from './elements';
import type { NumpyRuntime } from './module';

export interface UniqueOptions {
  index: boolean;
  inverse: boolean;
  counts: boolean;
}

/** What arraysetops' Python code calls that lives in other files of the runtime. */
export interface UniqueHelpers {
  cumsum: (h: number) => number;
  nonzero: (h: number) => number;
}

/** NaN-aware equality of neighbours (equal_nan=True, 1.24's default, collapses the NaNs). */
const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * arraysetops._unique1d (NumPy 1.24) with return_index / return_inverse / return_counts, as its
 * Python runs, one array at a time: `perm = ar.argsort(kind='mergesort' if return_index else
 * 'quicksort')`, `aux = ar[perm]` (a fancy-index copy), the `mask` of first occurrences,
 * `aux[mask]`; then `perm[mask]`; `imask = np.cumsum(mask) - 1`, `inv_idx = np.empty(intp)`,
 * `inv_idx[perm] = imask`; `idx = np.concatenate(np.nonzero(mask) + ([mask.size],))`,
 * `np.diff(idx)`. `ar` is the flattened input (a new reference, consumed). Returns the tuple.
 */
export function uniqueWithOptions(rt: NumpyRuntime, ar: number, o: UniqueOptions, h: UniqueHelpers): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const drop: number[] = [ar];
  const keep = (x: number): number => (drop.push(x), x);
  const out: number[] = [];
  try {
    const n = A.size(ar);
    // optional_indices: perm = ar.argsort(kind='mergesort' if return_index else 'quicksort');
    // aux = ar[perm]; else ar.sort(); aux = ar
    const optional = o.index || o.inverse;
    const perm = optional ? keep(rt.sorting.argsort(ar, o.index)) : 0;
    let aux = ar;
    if (optional) aux = keep(rt.views.subscript(ar, perm));
    else rt.sorting.sortInPlace(ar);
    const sorted = readBroadcast(A, aux, [n]);
    // mask = np.empty(aux.shape, dtype=bool); mask[:1] = True; mask[1:] = aux[1:] != aux[:-1]
    const mask = keep(A.newArray(BOOL, [n]));
    const head = A.newArray(BOOL, [Math.min(1, n)], { view: { data: A.data(mask), base: mask } });
    // True stored through a 0-d bool array (PyArray_CopyObject)
    const value = A.newArray(BOOL, []);
    vm.decref(value);
    vm.decref(head);
    if (n > 1) {
      const tail = A.newArray(A.dtype(aux), [n - 1], {
        view: { data: A.data(aux) + A.dtype(aux).itemsize, base: aux },
      });
      const front = A.newArray(A.dtype(aux), [n - 1], { view: { data: A.data(aux), base: aux } });
      const ne = rt.ufuncs.call('not_equal', [tail, front], 0);
      // the operands' views die before STORE_SUBSCR makes mask[1:]
      vm.decref(tail);
      vm.decref(front);
      const dst = A.newArray(BOOL, [n - 1], { view: { data: A.data(mask) + 1, base: mask } });
      A.writeAll(dst);
      vm.decref(dst);
      vm.decref(ne);
    }
    writeValues(A, mask, (k) => (k === 0 || !same(sorted[k], sorted[k - 1]) ? 1 : 0));
    A.writeAll(mask);
    out.push(rt.views.subscript(aux, mask));
    if (o.index) out.push(rt.views.subscript(perm, mask));
    if (o.inverse) {
      // np.cumsum(mask) - 1: the cumsum is a temporary, freed once the difference exists
      const cs = h.cumsum(mask);
      let imask: number;
      try {
        imask = keep(rt.ufuncs.call('subtract', [cs, fromLong(vm, 1)], 0));
      } finally {
        vm.decref(cs);
      }
      const inv = A.newArray(INT64, [n]);
      out.push(inv);
      rt.views.assignSubscript(inv, perm, imask);
    }
    if (o.counts) {
      // idx = np.concatenate(np.nonzero(mask) + ([mask.size],)); np.diff(idx)
      const nz = h.nonzero(mask);
      const size = listNew(vm, 1);
      listPut(vm, size, 0, fromLong(vm, n));
      const parts = tupleFromItems(vm, [...tupleItemsOf(rt, nz).map((x) => (vm.incref(x), x)), size]);
      vm.decref(nz);
      let idx: number;
      try {
        idx = keep(rt.joins.concatenate([parts], new Map()));
      } finally {
        vm.decref(parts);
      }
      const counts = rt.numeric.diff([idx], new Map());
      out.push(counts);
    }
    const r = tupleFromItems(vm, out);
    out.length = 0;
    return r;
  } finally {
    for (const x of out) vm.decref(x);
    // the frame's locals, cleared in their order (ar, perm, aux, mask, imask, idx)
    for (const x of drop) vm.decref(x);
  }
}

function tupleItemsOf(rt: NumpyRuntime, t: number): number[] {
  return Array.from(tupleItems(rt.vm, t));
}
