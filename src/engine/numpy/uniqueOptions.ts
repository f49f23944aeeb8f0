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
    const vals = readBroadcast(A, ar, [n]);
    const perm = keep(rt.sorting.argsort(ar));
    if (o.index) {
      // kind='mergesort': a stable order (equal items keep their input order)
      const order = Array.from({ length: n }, (_, i) => i);
      const key = (x: number): number => (Number.isNaN(x) ? Infinity : x);
      order.sort((i, j) => {
        const a = vals[i];
        const b = vals[j];
        if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) === Number.isNaN(b) ? i - j : Number.isNaN(a) ? 1 : -1;
        return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : i - j;
      });
      writeValues(A, perm, (k) => order[k]);
    }
    const aux = keep(rt.views.subscript(ar, perm));
    const sorted = readBroadcast(A, aux, [n]);
    // mask = np.empty(aux.shape, dtype=bool); mask[:1] = True; mask[1:] = aux[1:] != aux[:-1]
    const mask = keep(A.newArray(BOOL, [n]));
    const head = A.newArray(BOOL, [Math.min(1, n)], { view: { data: A.data(mask), base: mask } });
    vm.decref(head);
    if (n > 1) {
      const tail = A.newArray(A.dtype(aux), [n - 1], {
        view: { data: A.data(aux) + A.dtype(aux).itemsize, base: aux },
      });
      const front = A.newArray(A.dtype(aux), [n - 1], { view: { data: A.data(aux), base: aux } });
      const ne = rt.ufuncs.call('not_equal', [tail, front], 0);
      const dst = A.newArray(BOOL, [n - 1], { view: { data: A.data(mask) + 1, base: mask } });
      A.writeAll(dst);
      vm.decref(dst);
      vm.decref(ne);
      vm.decref(front);
      vm.decref(tail);
    }
    writeValues(A, mask, (k) => (k === 0 || !same(sorted[k], sorted[k - 1]) ? 1 : 0));
    A.writeAll(mask);
    out.push(rt.views.subscript(aux, mask));
    if (o.index) out.push(rt.views.subscript(perm, mask));
    if (o.inverse) {
      const cs = keep(h.cumsum(mask));
      const one = keep(rt.ctors.zeroD(INT64, 1));
      const imask = keep(rt.ufuncs.call('subtract', [cs, one], 0));
      const inv = A.newArray(INT64, [n]);
      out.push(inv);
      rt.views.assignSubscript(inv, perm, imask);
    }
    if (o.counts) {
      const nz = keep(h.nonzero(mask));
      const size = keep(A.newArray(INT64, [1]));
      writeValues(A, size, () => n);
      A.writeAll(size);
      const idx = keep(rt.ctors.concatenateArrays([...tupleItemsOf(rt, nz), size], 0, null));
      const a = readBroadcast(A, idx, [A.size(idx)]);
      const counts = A.newArray(INT64, [Math.max(A.size(idx) - 1, 0)]);
      writeValues(A, counts, (k) => a[k + 1] - a[k]);
      A.writeAll(counts);
      out.push(counts);
    }
    const r = tupleFromItems(vm, out);
    out.length = 0;
    return r;
  } finally {
    for (const x of out) vm.decref(x);
    for (const x of drop.reverse()) vm.decref(x);
  }
}

function tupleItemsOf(rt: NumpyRuntime, t: number): number[] {
  return Array.from(tupleItems(rt.vm, t));
}
