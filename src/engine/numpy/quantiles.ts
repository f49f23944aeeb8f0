import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { axisArg, boolArg, isNone, parseArgs, sequenceItems } from './args';
import { BOOL, FLOAT32, FLOAT64, INT64, type DType } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import { computeMethods, type Methods } from './methods';
import type { NumpyRuntime } from './module';

/** sizeof(PyArrayIterObject): _new_partition's PyArray_IterAllButAxis (as sort.ts measured). */
const ITER_OBJECT_BYTES = 2632;

/** NumPy's sort order: NaN after every number. */
const byNumpyOrder = (a: number, b: number): number =>
  a !== a ? (b !== b ? 0 : 1) : b !== b ? -1 : a < b ? -1 : a > b ? 1 : 0;

/** function_base.py's _QuantileMethods that 1.24 users reach for (the H&F ones say "not supported"). */
type Method = 'linear' | 'lower' | 'higher' | 'nearest' | 'midpoint';
const METHODS: readonly Method[] = ['linear', 'lower', 'higher', 'nearest', 'midpoint'];

/** np.around's half-to-even rounding ('nearest'). */
const roundHalfEven = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

/**
 * np.median, np.percentile and np.quantile as NumPy 1.24.2's function_base.py runs them
 * (`_ureduce` → `_median` / `_quantile_ureduce_func` → `_quantile`): the input is copied first
 * (`a.flatten()` without an axis, `a.copy()` with one — the memory cost of every call is one
 * full copy of the data), the copy is partitioned in place (`PyArray_Partition`: the kth indices
 * as an intp array, `PyArray_IterAllButAxis`, a line buffer when the axis is not contiguous),
 * then the order statistics are read. The partitioned copy is sorted here instead of
 * introselected: it is never visible to the script (overwrite_input=True, which would expose the
 * input's new order, says "not supported").
 */
export class Quantiles {
  private readonly methods: Methods;

  constructor(readonly rt: NumpyRuntime) {
    this.methods = computeMethods(rt);
  }

  private get vm() {
    return this.rt.vm;
  }

  /** A copy of `a` (flattened when axis is null) in NumPy's sort order along `axis` (0 when null). */
  private partitionedCopy(a: number, axis: number | null, kthCount: number, viaUnique = false): number {
    const A = this.rt.arrays;
    const V = this.rt.views;
    const c = axis === null ? V.flatten(a) : V.copy(a, 'K');
    const ax = axis ?? 0;
    const shape = A.shape(c);
    const n = shape[ax];
    // PyArray_Partition: kth through PyArray_FromAny as intp (data from NumPy's cache); _quantile
    // passes np.unique(np.concatenate(([0, -1], previous.ravel(), next.ravel()))) instead
    const kth = viaUnique ? this.uniqueIndexes(kthCount) : A.newArray(INT64, [kthCount]);
    // partition_prep_kth_array: PyArray_Cast to intp (a copy, sorted), dropped after the partition
    const kthCast = A.newArray(INT64, [kthCount]);
    const libc = A.alloc.libc;
    // two PyArray_IterAllButAxis objects, the first freed at once (measured: "L m 2632, L f
    // 2632, L m 2632, [line buffer], L f 2632" on every recorded partition)
    libc.free(this.iterObject());
    const it = this.iterObject();
    // _new_partition: needcopy when the axis' stride is not the item size (a line buffer)
    const itemsize = A.dtype(c).itemsize;
    const buffer = n > 1 && A.strides(c)[ax] !== itemsize ? rawMalloc(libc, n * itemsize) : 0;
    if (buffer) this.vm.mem.touch(buffer, n * itemsize);
    const vals = readBroadcast(A, c, shape);
    const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
    const outer = vals.length / Math.max(1, n * inner);
    const line = new Float64Array(n);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        for (let k = 0; k < n; k++) line[k] = vals[base + k * inner];
        const sorted = Array.from(line).sort(byNumpyOrder);
        for (let k = 0; k < n; k++) vals[base + k * inner] = sorted[k];
      }
    writeValues(A, c, (k) => vals[k]);
    A.writeAll(c);
    if (buffer) libc.free(buffer);
    libc.free(it);
    this.vm.decref(kthCast);
    this.vm.decref(kth);
    return c;
  }

  /**
   * np.unique of the kth candidates (arraysetops._unique1d): the concatenated intp array, its
   * flatten copy sorted in place (one PyArray_IterAllButAxis), the bool mask, the result.
   */
  private uniqueIndexes(count: number): number {
    const A = this.rt.arrays;
    const vm = this.vm;
    const cat = A.newArray(INT64, [count]);
    A.writeAll(cat);
    const aux = this.rt.views.flatten(cat);
    vm.decref(cat);
    A.alloc.libc.free(this.iterObject());
    const mask = A.newArray(BOOL, [count]);
    A.writeAll(mask);
    const kth = A.newArray(INT64, [count]);
    A.writeAll(kth);
    vm.decref(mask);
    vm.decref(aux);
    return kth;
  }

  private iterObject(): number {
    const p = rawMalloc(this.rt.arrays.alloc.libc, ITER_OBJECT_BYTES);
    if (p === 0) throw new PyError('MemoryError', '');
    this.vm.mem.touch(p, 64);
    return p;
  }

  /** The argument as an array (a new reference). */
  private asArray(h: number): number {
    const A = this.rt.arrays;
    if (A.isArray(h)) {
      this.vm.incref(h);
      return h;
    }
    return this.rt.ctors.asArrayOrScalar(h);
  }

  private checkDtype(a: number, fn: string): void {
    const d = this.rt.arrays.dtype(a);
    if (d.kind === 'O' || d === BOOL) throw new NotSupported(`np.${fn} of a ${d.name} array`);
    requireValues(this.rt.arrays, a, `np.${fn}`);
  }

  /**
   * np.median(a, axis=None): the partitioned copy (kth: the middle one or two, and -1 for
   * floats: NaNs sort last), the mean of the middle slice (`mean(part[indexer], axis)`, as
   * `_methods._mean` computes it), then `_median_nancheck`: `part.take(-1, axis)`, `isnan` of
   * it; a slice holding a NaN has a NaN median.
   */
  median(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, axisH, outH, owH, keepH] = parseArgs(
      vm,
      'median',
      ['a', 'axis', 'out', 'overwrite_input', 'keepdims'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH) || boolArg(vm, owH, false) || boolArg(vm, keepH, false))
      throw new NotSupported('np.median with out=, overwrite_input=True or keepdims=True');
    const a = this.asArray(aH!);
    try {
      this.checkDtype(a, 'median');
      const axis = this.rt.reductions.axis(axisArg(vm, axisH), A.nd(a));
      const d = A.dtype(a);
      const sz = axis === null ? A.size(a) : A.shape(a)[axis];
      const inexact = d.kind === 'f';
      const kthCount = (sz % 2 === 0 ? 2 : 1) + (inexact ? 1 : 0);
      const part = this.partitionedCopy(a, axis, kthCount);
      try {
        const ax = axis ?? 0;
        const shape = A.shape(part);
        const strides = A.strides(part);
        const index = Math.floor(shape[ax] / 2);
        const [lo, hi] = shape[ax] % 2 === 1 ? [index, index + 1] : [Math.max(0, index - 1), index + 1];
        const vshape = shape.map((s, i) => (i === ax ? Math.min(hi, s) - lo : s));
        const view = A.newArray(d, vshape, {
          view: { data: A.data(part) + lo * strides[ax], base: part, strides },
        });
        let rout: number;
        const axisArgH = fromLong(vm, ax);
        try {
          rout = this.methods.mean(view, [axisArgH], null, false);
        } finally {
          vm.decref(axisArgH);
          vm.decref(view);
        }
        if (inexact && sz > 0) rout = this.nanCheck(part, ax, rout);
        return rout;
      } finally {
        vm.decref(part);
      }
    } finally {
      vm.decref(a);
    }
  }

  /**
   * lib/utils._median_nancheck: the last item of each line (take(-1, axis): a new array, a scalar
   * for a 1-d input), isnan of it; NaN written where a line ends in NaN.
   */
  private nanCheck(part: number, ax: number, rout: number): number {
    const A = this.rt.arrays;
    const vm = this.vm;
    const shape = A.shape(part);
    const reduced = shape.filter((_, i) => i !== ax);
    const vals = readBroadcast(A, part, shape);
    const n = shape[ax];
    const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
    const last = new Float64Array(vals.length / Math.max(1, n));
    for (let k = 0; k < last.length; k++) {
      const o = Math.floor(k / inner);
      const i = k % inner;
      last[k] = vals[o * n * inner + (n - 1) * inner + i];
    }
    const taken = A.newArray(A.dtype(part), reduced);
    writeValues(A, taken, (k) => last[k]);
    A.writeAll(taken);
    if (reduced.length > 0) {
      const mask = A.newArray(BOOL, reduced);
      A.writeAll(mask);
      vm.decref(mask);
    }
    vm.decref(taken);
    const nan = (k: number): boolean => Number.isNaN(last[k]);
    if (!last.some((_, k) => nan(k))) return rout;
    if (A.isArray(rout)) {
      const cur = readBroadcast(A, rout, A.shape(rout));
      writeValues(A, rout, (k) => (nan(k) ? NaN : cur[k]));
      return rout;
    }
    const d = this.rt.scalars.dtypeOf(rout) ?? FLOAT64;
    vm.decref(rout);
    return this.rt.scalars.make(d, NaN);
  }

  /** q as NumPy reads it: a number or a 1-d sequence/array of numbers; percentile divides by 100. */
  private quantilesArg(qH: number, percent: boolean): { q: number[]; shape: number[] } {
    const vm = this.vm;
    const A = this.rt.arrays;
    let q: number[];
    let shape: number[];
    const t = vm.table.type[qH];
    if (A.isArray(qH)) {
      if (A.nd(qH) > 1) throw new NotSupported('np.percentile/quantile with a q of more than one dimension');
      shape = A.shape(qH);
      q = Array.from(readBroadcast(A, qH, shape));
    } else if (t === T.List || t === T.Tuple) {
      const items = sequenceItems(vm, qH)!;
      q = items.map((h) => this.rt.ctors.numberArg(h, 'a quantile').v);
      shape = [q.length];
    } else {
      q = [this.rt.ctors.numberArg(qH, 'a quantile').v];
      shape = [];
    }
    // np.true_divide(q, 100) / np.asanyarray(q): the q array (NumPy's data cache for small ones)
    const qa = A.newArray(FLOAT64, shape);
    A.writeAll(qa);
    this.vm.decref(qa);
    if (percent) q = q.map((x) => x / 100);
    if (!q.every((x) => x >= 0 && x <= 1))
      throw valueError(
        vm,
        percent ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]',
      );
    return { q, shape };
  }

  /**
   * np.percentile / np.quantile(a, q, axis=None, method='linear'): `_quantile` on the copy with
   * the axis moved first. 'linear' and 'midpoint' interpolate with `_lerp` (b - (b-a)(1-t) when
   * t ≥ 0.5, else a + (b-a)t, in the ufuncs' result dtype); 'lower', 'higher', 'nearest' take an
   * element (the input's dtype). A line holding a NaN gives NaN.
   */
  quantile(fn: 'percentile' | 'quantile', args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, qH, axisH, outH, owH, methodH, keepH, interpH] = parseArgs(
      vm,
      fn,
      ['a', 'q', 'axis', 'out', 'overwrite_input', 'method', 'keepdims', 'interpolation'],
      2,
      args,
      kw,
    );
    if (!isNone(vm, outH) || boolArg(vm, owH, false) || boolArg(vm, keepH, false) || !isNone(vm, interpH))
      throw new NotSupported(`np.${fn} with out=, overwrite_input=True, keepdims=True or interpolation=`);
    const methodName = isNone(vm, methodH) ? 'linear' : strValue(vm, methodH!);
    if (!(METHODS as readonly string[]).includes(methodName)) {
      if (
        [
          'inverted_cdf',
          'averaged_inverted_cdf',
          'closest_observation',
          'interpolated_inverted_cdf',
          'hazen',
          'weibull',
          'median_unbiased',
          'normal_unbiased',
        ].includes(methodName)
      )
        throw new NotSupported(`np.${fn}(method='${methodName}')`);
      throw valueError(
        vm,
        "'%s' is not a valid method. Use one of: dict_keys(['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest'])",
        methodName,
      );
    }
    const method = methodName as Method;
    const a = this.asArray(aH!);
    try {
      const { q, shape: qShape } = this.quantilesArg(qH!, fn === 'percentile');
      this.checkDtype(a, fn);
      const axis = this.rt.reductions.axis(axisArg(vm, axisH), A.nd(a));
      const arr = this.partitionedCopy(a, axis, 2 * q.length + 2, true);
      try {
        return this.interpolate(arr, axis ?? 0, q, qShape, method);
      } finally {
        vm.decref(arr);
      }
    } finally {
      vm.decref(a);
    }
  }

  /** _quantile's reading of the sorted copy: the result array (q's shape + the other axes). */
  private interpolate(arr: number, ax: number, q: number[], qShape: number[], method: Method): number {
    const A = this.rt.arrays;
    const vm = this.vm;
    const d = A.dtype(arr);
    const shape = A.shape(arr);
    const n = shape[ax];
    if (n === 0) throw new NotSupported(`np.percentile/quantile of an empty array`);
    const rest = shape.filter((_, i) => i !== ax);
    const restSize = rest.reduce((x, y) => x * y, 1);
    const inner = shape.slice(ax + 1).reduce((x, y) => x * y, 1);
    const vals = readBroadcast(A, arr, shape);
    // the k-th smallest of line r (r in C order over the other axes)
    const at = (k: number, r: number): number => {
      const o = Math.floor(r / inner);
      return vals[o * n * inner + k * inner + (r % inner)];
    };
    const integral = method === 'lower' || method === 'higher' || method === 'nearest';
    const resultShape = [...qShape, ...rest];
    const zeroD = resultShape.length === 0;
    // gamma is reshaped to q.shape + (1,) * (arr.ndim - 1): never a 0-d operand when the result
    // is an array, so no value-based casting: the interpolation is float64 (measured for float32
    // and int16 inputs)
    const rd: DType = integral ? d : FLOAT64;
    const f32 = rd === FLOAT32;
    const r32 = (x: number): number => (f32 ? Math.fround(x) : x);
    const diffOf = (x: number, y: number): number => (d === FLOAT32 ? Math.fround(y - x) : y - x);
    const out = new Float64Array(q.length * restSize);
    for (let j = 0; j < q.length; j++) {
      const v0 = (n - 1) * q[j];
      for (let r = 0; r < restSize; r++) {
        let value: number;
        if (integral) {
          const k =
            method === 'lower' ? Math.floor(v0) : method === 'higher' ? Math.ceil(v0) : roundHalfEven(v0);
          value = at(Math.min(k, n - 1), r);
        } else {
          const virtual = method === 'midpoint' ? 0.5 * (Math.floor(v0) + Math.ceil(v0)) : v0;
          // _get_indexes: floor and floor + 1, both -1 (the last) at or past n - 1
          let prev = Math.floor(virtual);
          let next = prev + 1;
          if (virtual >= n - 1) prev = next = -1;
          const gamma = method === 'midpoint' ? (virtual % 1 === 0 ? 0 : 0.5) : virtual - prev;
          const a = at(prev < 0 ? n - 1 : prev, r);
          const b = at(next < 0 ? n - 1 : next, r);
          const diff = diffOf(a, b);
          value = gamma >= 0.5 ? r32(b - r32(diff * r32(1 - gamma))) : r32(a + r32(diff * gamma));
        }
        out[j * restSize + r] = value;
      }
    }
    // slices_having_nans = isnan(arr[-1]): a line ending in NaN gives NaN
    if (d.kind === 'f')
      for (let r = 0; r < restSize; r++)
        if (Number.isNaN(at(n - 1, r))) for (let j = 0; j < q.length; j++) out[j * restSize + r] = NaN;
    // the temporaries of _get_indexes / take / _lerp, each the result's size: previous, next
    // (the input's dtype), diff_b_a, diff_b_a * t (the result's dtype)
    const temps: number[] = [];
    try {
      if (!zeroD) {
        temps.push(A.newArray(d, resultShape), A.newArray(d, resultShape));
        if (!integral) temps.push(A.newArray(d, resultShape), A.newArray(rd, resultShape));
        for (const t of temps) A.writeAll(t);
      }
      const result = A.newArray(rd, resultShape);
      writeValues(A, result, (k) => out[k]);
      A.writeAll(result);
      if (!integral && !zeroD) {
        // diff_b_a * (1 - t) for the subtract(..., where=t >= 0.5)
        const t2 = A.newArray(rd, resultShape);
        A.writeAll(t2);
        vm.decref(t2);
      }
      return zeroD ? this.rt.reductions.toScalar(result) : result;
    } finally {
      for (const t of temps) vm.decref(t);
    }
  }
}
