import { rawMalloc } from './alloc';
import { stableArgsort } from './stableSort';
import { INT64, type DType } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { Arrays } from './ndarray';

/** sizeof(PyArrayIterObject) on 1.24 x86-64 (measured: PyArray_malloc(2632) per iterator). */
const ITER_OBJECT_BYTES = 2632;
/** SMALL_QUICKSORT (npysort_common.h): partitions this short are insertion-sorted. */
const SMALL_QUICKSORT = 16;

/** NumPy's sort order: NaNs go last (FLOAT_LT: a < b || (b != b && a == a)). */
const lt = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** npy_get_msb: the index of the highest set bit. */
function msb(n: number): number {
  let d = 0;
  while ((n >>= 1) > 0) d++;
  return d;
}

/**
 * aquicksort (npysort/quicksort.cpp, 1.24): introsort on an index array — median-of-three
 * partitioning, the larger part pushed on a stack, insertion sort below 16 elements, heapsort
 * when the depth passes 2·msb(n). Not stable: the order it leaves equal elements in is NumPy's.
 */
export function argQuicksort(v: ArrayLike<number>, idx: Int32Array | number[]): void {
  const num = idx.length;
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = msb(num) * 2;
  const swap = (i: number, j: number): void => {
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  };
  for (;;) {
    if (cdepth < 0) aheapsort(v, idx, pl, pr - pl + 1);
    else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (lt(v[idx[pm]], v[idx[pl]])) swap(pm, pl);
        if (lt(v[idx[pr]], v[idx[pm]])) swap(pr, pm);
        if (lt(v[idx[pm]], v[idx[pl]])) swap(pm, pl);
        const vp = v[idx[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (lt(v[idx[pi]], vp));
          do --pj;
          while (lt(vp, v[idx[pj]]));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // the larger part waits on the stack
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = idx[pi];
        const vp = v[vi];
        let pj = pi;
        while (pj > pl && lt(vp, v[idx[pj - 1]])) {
          idx[pj] = idx[pj - 1];
          pj--;
        }
        idx[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
}

/** aheapsort on idx[lo .. lo+n): the depth-limit fallback. */
function aheapsort(v: ArrayLike<number>, idx: Int32Array | number[], lo: number, n: number): void {
  const a = (i: number): number => idx[lo + i - 1];
  const set = (i: number, x: number): void => {
    idx[lo + i - 1] = x;
  };
  for (let l = n >> 1; l > 0; --l) {
    const tmp = a(l);
    let i = l;
    for (let j = l << 1; j <= n;) {
      if (j < n && lt(v[a(j)], v[a(j + 1)])) j += 1;
      if (lt(v[tmp], v[a(j)])) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
  for (; n > 1;) {
    const tmp = a(n);
    set(n, a(1));
    n -= 1;
    let i = 1;
    for (let j = 2; j <= n;) {
      if (j < n && lt(v[a(j)], v[a(j + 1)])) j++;
      if (lt(v[tmp], v[a(j)])) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
}

/**
 * ndarray.sort / np.sort / argsort along the last axis (item_selection.c _new_sortlike,
 * _new_argsortlike): PyArray_IterAllButAxis makes an iterator object (PyArray_malloc(2632)),
 * argsort a second one for the result; both freed at the end. Sorting in place writes every
 * element.
 */
export class Sorting {
  constructor(readonly arrays: Arrays) {}

  /**
   * _new_sortlike / _new_argsortlike's `needcopy` (item_selection.c, 1.24): the values along the
   * sorted axis are first copied (copyswapn) into a contiguous `PyArray_malloc(N * elsize)` buffer
   * when the array is not aligned or its axis stride is not the item size — a field of a
   * structured array (`orders["price"]`, stride 14, offset 4), a column, a reversed or stepped
   * view. Measured on 1.24.2: argsort(kind='stable') of a 200,000-row float64 field of a 14-byte
   * record grows the brk heap by 4.2 MiB (the 1.6 MB result, this 1.6 MB buffer and timsort's
   * merge buffer), 1.6 MB more than of the contiguous column. Returns the buffer (0 when none).
   */
  valueBuffer(h: number, n: number): number {
    const A = this.arrays;
    const dt = A.dtype(h);
    const strides = A.strides(h);
    const axisStride = strides.length ? strides[strides.length - 1] : dt.itemsize;
    const align = alignmentOf(dt);
    const aligned = A.data(h) % align === 0 && strides.every((s) => s % align === 0);
    if (aligned && axisStride === dt.itemsize) return 0;
    const p = rawMalloc(A.alloc.libc, n * dt.itemsize);
    if (p) A.vm.mem.touch(p, n * dt.itemsize);
    return p;
  }

  /** PyArray_IterAllButAxis's iterator object (PyArray_malloc). */
  iterObject(): number {
    const A = this.arrays;
    const p = rawMalloc(A.alloc.libc, ITER_OBJECT_BYTES);
    if (p) A.vm.mem.touch(p, 64);
    return p;
  }

  /** In place, along the last axis. */
  sortInPlace(h: number): void {
    const A = this.arrays;
    const shape = A.shape(h);
    const n = shape.length ? shape[shape.length - 1] : 1;
    if (n <= 1 || A.size(h) === 0) return;
    requireValues(A, h, 'sorting');
    const it = this.iterObject();
    const buffer = this.valueBuffer(h, n);
    const vals = readBroadcast(A, h, shape);
    for (let o = 0; o < vals.length; o += n) {
      const row = Array.from(vals.subarray(o, o + n)).sort((a, b) => (lt(a, b) ? -1 : lt(b, a) ? 1 : 0));
      vals.set(row, o);
    }
    writeValues(A, h, (k) => vals[k]);
    A.writeAll(h);
    if (buffer) A.alloc.libc.free(buffer);
    if (it) A.alloc.libc.free(it);
  }

  /**
   * The indices that sort along the last axis (an intp array of the input's shape); `stable`:
   * kind='stable'/'mergesort' (stableSort.ts: timsort's or radix sort's work buffers).
   */
  argsort(h: number, stable = false): number {
    const A = this.arrays;
    const shape = A.shape(h);
    const r = A.newArray(INT64 as DType, shape);
    const n = shape.length ? shape[shape.length - 1] : 1;
    if (n <= 1 || A.size(h) === 0) {
      writeValues(A, r, () => 0);
      A.writeAll(r);
      return r;
    }
    requireValues(A, h, 'argsort');
    const a = this.iterObject();
    const b = this.iterObject();
    const buffer = this.valueBuffer(h, n);
    const vals = readBroadcast(A, h, shape);
    const out = new Float64Array(vals.length);
    for (let o = 0; o < vals.length; o += n) {
      if (stable) {
        const order = Array.from({ length: n }, (_, i) => i);
        stableArgsort(A.alloc.libc, vals.subarray(o, o + n), order, A.dtype(h).itemsize, (p, len) =>
          A.vm.mem.touch(p, len),
        );
        for (let i = 0; i < n; i++) out[o + i] = order[i];
        continue;
      }
      const idx = Int32Array.from({ length: n }, (_, i) => i);
      argQuicksort(vals.subarray(o, o + n), idx);
      for (let i = 0; i < n; i++) out[o + i] = idx[i];
    }
    writeValues(A, r, (k) => out[k]);
    A.writeAll(r);
    const libc = A.alloc.libc;
    if (buffer) libc.free(buffer);
    if (a) libc.free(a);
    if (b) libc.free(b);
    return r;
  }
}

/** The dtype's alignment (its C type's): a str's is its UCS4 unit's, a bytes' or record's 1. */
function alignmentOf(dt: DType): number {
  if (dt.kind === 'U') return 4;
  return dt.kind === 'S' || dt.kind === 'V' ? 1 : dt.itemsize;
}
