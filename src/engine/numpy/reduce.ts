import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { tupleFromItems } from '../python/objects/tuple';
import { rawMalloc } from './alloc';
import { NPY_BUFSIZE } from './constants';
import { BOOL, FLOAT32, FLOAT64, INT64, OBJECT, UINT64, type DType } from './dtypes';
import { objectReduce } from './objectUfunc';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { NumpyErrors } from './errors';
import type { Arrays } from './ndarray';
import type { Scalars } from './scalars';
import { iteratorBytes } from './nditer';
import { castValue } from './values';
import { kernel, type UfuncName } from './loops';
import { chargeLoop, REDUCE_ELEMENT_NS } from './loopCost';

export type ReduceOp =
  'add' | 'multiply' | 'maximum' | 'minimum' | 'fmax' | 'fmin' | 'logical_or' | 'logical_and';

/** The reductions without an identity: they start from the first item (fmax/fmin skip NaNs: npy_fmax). */
const isExtremum = (op: ReduceOp): boolean =>
  op === 'maximum' || op === 'minimum' || op === 'fmax' || op === 'fmin';

/** PW_BLOCKSIZE (loops_utils.h): pairwise summation recurses above 128 elements. */
const PW_BLOCKSIZE = 128;

/**
 * pairwise_sum (loops_utils.h.src): eight running sums over blocks of up to 128 elements,
 * combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), halves recursively above that. `f32` rounds
 * every operation to float32 (the FLOAT loop's arithmetic).
 */
export function pairwiseSum(a: Float64Array, lo: number, n: number, f32: boolean): number {
  const r = f32 ? Math.fround : (x: number) => x;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = r(res + a[lo + i]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    const s = [a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) s[j] = r(s[j] + a[lo + i + j]);
    let res = r(r(r(s[0] + s[1]) + r(s[2] + s[3])) + r(r(s[4] + s[5]) + r(s[6] + s[7])));
    for (; i < n; i++) res = r(res + a[lo + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwiseSum(a, lo, n2, f32) + pairwiseSum(a, lo + n2, n - n2, f32));
}

/** The dtype np.add.reduce / np.multiply.reduce accumulate in: small integers widen to int64 / uint64. */
export function reduceDtype(op: ReduceOp, d: DType): DType {
  if (op === 'logical_or' || op === 'logical_and') return BOOL;
  if (isExtremum(op)) return d;
  if (d === BOOL || (d.kind === 'i' && d.itemsize < 8)) return INT64;
  if (d.kind === 'u' && d.itemsize < 8) return UINT64;
  return d;
}

/**
 * ufunc.reduce / accumulate and the argmin/argmax functions (reduction.c, ufunc_object.c,
 * calculation.c of 1.24.2) as allocations and values:
 *  - the reduction's buffered iterator (PyObject_Malloc(NIT_SIZEOF_ITERATOR(ndim, nop 2)): 576
 *    bytes for a 1-d input, 640 for 2-d), the result (a 0-d array for a full reduction, else an
 *    array without the reduced axis), one PyArray_malloc'd buffer of min(8192, size) items when
 *    a 2-d input is reduced (its result operand has stride 0 along the reduced axis);
 *  - the identity stored into the result through the dtype's setitem (a Python int 0 into a float
 *    result goes through PyNumber_Float); maximum/minimum have none: the first values are copied
 *    in through a view (an object made and dropped);
 *  - a full reduction returns a NumPy scalar (PyArray_Return): a 24-byte object.
 * Values: float sums are pairwise within each buffer of 8192 elements along a contiguous reduced
 * axis and sequential otherwise, as NumPy's inner loops compute them.
 */
export class Reductions {
  constructor(
    readonly arrays: Arrays,
    readonly scalars: Scalars,
    readonly errors: NumpyErrors,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

  /** Normalise an axis for an array of `nd` dimensions (AxisError as NumPy words it). */
  axis(axis: number | null, nd: number): number | null {
    if (axis === null) return null;
    if (axis < -nd || axis >= Math.max(nd, 1) || (nd === 0 && axis !== 0 && axis !== -1))
      throw this.errors.axis(axis, nd);
    return axis < 0 ? axis + nd : axis;
  }

  /**
   * ufunc.reduce(a, axis, dtype, keepdims): a new reference (a scalar for a full reduction
   * without keepdims, else an array).
   */
  reduce(op: ReduceOp, h: number, axisIn: number | null, dtypeIn: DType | null, keepdims = false): number {
    const A = this.arrays;
    const vm = this.vm;
    const src = A.dtype(h);
    const shape = A.shape(h);
    const nd = shape.length;
    const axis = this.axis(axisIn, nd);
    const dtype = dtypeIn ?? reduceDtype(op, src);
    const n = axis === null ? A.size(h) : shape[axis];
    if (n === 0 && isExtremum(op))
      throw valueError(vm, 'zero-size array to reduction operation %s which has no identity', op);
    if (src === OBJECT) {
      if ((axis !== null && nd !== 1) || keepdims || dtypeIn !== null || op === 'fmax' || op === 'fmin')
        throw new NotSupported(`np.${op}.reduce of an object array along an axis, with keepdims or a dtype`);
      return objectReduce(A, op, h);
    }
    requireValues(A, h, `np.${op}.reduce`);
    const outShape =
      axis === null
        ? keepdims
          ? shape.map(() => 1)
          : []
        : keepdims
          ? shape.map((d, i) => (i === axis ? 1 : d))
          : shape.filter((_, i) => i !== axis);
    // PyUFunc_GenericReduction: full_args.in = PyTuple_Pack(1, op), made and dropped
    vm.incref(h);
    vm.decref(tupleFromItems(vm, [h]));
    const iterBytes = iteratorBytes(Math.max(nd, 1), 2);
    const iter = vm.mem.malloc(iterBytes);
    if (iter === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(iter, iterBytes);
    let buffer = 0;
    const result = A.newArray(dtype, outShape);
    try {
      if (isExtremum(op)) {
        // PyArray_CopyInitialReduceValues: a view of the first items, copied into the result
        const first = A.newArray(src, outShape, { view: { data: A.data(h), base: h } });
        vm.decref(first);
      } else if (op === 'add' && dtype.kind === 'f') vm.decref(fromDouble(vm, 0)); // the identity through DOUBLE_setitem
      // a 2-d input, or a requested dtype the input must be cast to (np.sum(mask, dtype=intp)):
      // the iterator is buffered
      if (nd >= 2 || (dtypeIn !== null && dtypeIn !== src)) {
        const len = Math.min(NPY_BUFSIZE, A.size(h)) * dtype.itemsize;
        buffer = rawMalloc(A.alloc.libc, len);
        if (buffer) vm.mem.touch(buffer, len);
      }
      const values = this.compute(op, h, axis, dtype);
      chargeLoop(vm, A.size(h) * REDUCE_ELEMENT_NS); // the loop's reads (loopCost.ts)
      writeValues(A, result, (k) => values[k]);
      A.writeAll(result);
    } finally {
      if (buffer) A.alloc.libc.free(buffer);
      vm.mem.free(iter);
    }
    // a subclass input's __array_wrap__ (ufunc_object.c's reduce wrap): its type, even 0-d
    if (!A.isExact(h)) return A.wrapFor(result, h);
    if (outShape.length > 0 || keepdims) return result;
    return this.toScalar(result);
  }

  /** PyArray_Return: a 0-d result becomes a NumPy scalar (24 bytes; bools are the singletons); the array goes. */
  toScalar(h: number): number {
    const A = this.arrays;
    const v = readBroadcast(A, h, [])[0];
    const s = this.scalars.make(A.dtype(h), v);
    this.vm.decref(h);
    return s;
  }

  /** The reduced values, C order of the result. */
  private compute(op: ReduceOp, h: number, axis: number | null, dtype: DType): Float64Array {
    const A = this.arrays;
    const shape = A.shape(h);
    const f32 = dtype === FLOAT32;
    const r = f32 ? Math.fround : (x: number) => x;
    const cast = (v: number): number => castValue(dtype, v);
    const fold = (vals: Float64Array, lo: number, n: number, stride: number, pairwise: boolean): number => {
      if (op === 'add' && dtype.kind === 'f' && pairwise && stride === 1) {
        let acc = 0;
        for (let k = 0; k < n; k += NPY_BUFSIZE)
          acc = r(acc + pairwiseSum(vals, lo + k, Math.min(NPY_BUFSIZE, n - k), f32));
        return acc;
      }
      let acc = op === 'multiply' || op === 'logical_and' ? 1 : 0;
      for (let k = 0; k < n; k++) {
        const v = cast(vals[lo + k * stride]);
        if (k === 0 && isExtremum(op)) {
          acc = v;
          continue;
        }
        switch (op) {
          case 'add':
            acc = r(acc + v);
            break;
          case 'multiply':
            acc = r(acc * v);
            break;
          case 'maximum':
            acc = Number.isNaN(acc) || acc >= v ? acc : v;
            break;
          case 'minimum':
            acc = Number.isNaN(acc) || acc <= v ? acc : v;
            break;
          case 'fmax':
            acc = acc >= v || Number.isNaN(v) ? acc : v;
            break;
          case 'fmin':
            acc = acc <= v || Number.isNaN(v) ? acc : v;
            break;
          case 'logical_or':
            acc = acc || v ? 1 : 0;
            break;
          case 'logical_and':
            acc = acc && v ? 1 : 0;
            break;
        }
      }
      return cast(acc);
    };
    const vals = readBroadcast(A, h, shape).map(cast);
    if (axis === null) return Float64Array.of(fold(vals, 0, vals.length, 1, true));
    const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const len = shape[axis];
    const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const out = new Float64Array(outer * inner);
    // the innermost axis of a C-contiguous array is reduced pairwise; any other sequentially
    const pairwise = axis === shape.length - 1;
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++)
        out[o * inner + i] = fold(vals, o * len * inner + i, len, inner, pairwise);
    return out;
  }

  /**
   * PyArray_ArgMax / ArgMin: the flattened (or per-axis) index of the first extreme value (the
   * first NaN wins); an intp array (0-d then a scalar for axis=None).
   */
  argextreme(which: 'argmax' | 'argmin', h: number, axisIn: number | null): number {
    const A = this.arrays;
    const vm = this.vm;
    const shape = A.shape(h);
    const axis = this.axis(axisIn, shape.length);
    const n = axis === null ? A.size(h) : shape[axis];
    if (n === 0) throw valueError(vm, 'attempt to get %s of an empty sequence', which);
    requireValues(A, h, `${which}`);
    const vals = readBroadcast(A, h, shape);
    const best = (lo: number, count: number, stride: number): number => {
      let bi = 0;
      let bv = vals[lo];
      for (let k = 1; k < count; k++) {
        if (Number.isNaN(bv)) break;
        const v = vals[lo + k * stride];
        if (Number.isNaN(v) || (which === 'argmax' ? v > bv : v < bv)) {
          bv = v;
          bi = k;
        }
      }
      return bi;
    };
    if (axis === null) {
      const r = A.newArray(INT64, []);
      A.values.setConst(A.slot(r), best(0, vals.length, 1));
      A.writeAll(r);
      return this.toScalar(r);
    }
    const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const r = A.newArray(
      INT64,
      shape.filter((_, i) => i !== axis),
    );
    const out = new Float64Array(outer * inner);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) out[o * inner + i] = best(o * n * inner + i, n, inner);
    writeValues(A, r, (k) => out[k]);
    A.writeAll(r);
    return r;
  }

  /**
   * ufunc.accumulate (np.cumsum, np.cumprod): the result of the input's shape (flattened for
   * axis=None: PyArray_Ravel first), a buffered iterator for a 2-d input, sequential sums.
   */
  accumulate(op: UfuncName, h: number, axisIn: number | null, dtypeIn: DType | null): number {
    const A = this.arrays;
    const vm = this.vm;
    let src = h;
    let temp = 0;
    if (axisIn === null && A.nd(h) !== 1) {
      src = A.cContiguous(h)
        ? A.newArray(A.dtype(h), [A.size(h)], { view: { data: A.data(h), base: h } })
        : this.copyFlat(h);
      temp = src;
    }
    try {
      const shape = A.shape(src);
      const axis = this.axis(axisIn ?? 0, shape.length) ?? 0;
      const dtype =
        dtypeIn ?? (op === 'add' || op === 'multiply' ? reduceDtype(op, A.dtype(src)) : A.dtype(src));
      requireValues(A, src, `np.${op}.accumulate`);
      // PyUFunc_Accumulate: an outer NpyIter (unbuffered, multi-index: accumulate cannot buffer)
      // when the input has more than one dimension or is not already of the loop's dtype (a
      // bool or int32 cumsum runs on int64); for a cast, NPY_ITER_COPY makes a whole copy of the
      // input in that dtype (object, dims, data), dropped with the iterator after the loop
      // (measured: np.cumsum of 30,000 bools makes and frees a 240,000-byte int64 copy).
      const cast = A.dtype(src) !== dtype;
      let iter = 0;
      let copy = 0;
      if (shape.length >= 2 || cast) {
        const bytes = iteratorBytes(shape.length, 2, false);
        iter = vm.mem.malloc(bytes);
        vm.mem.touch(iter, bytes);
      }
      try {
        const r = A.newArray(dtype, shape);
        if (cast) {
          copy = A.newArray(dtype, shape);
          A.writeAll(copy);
        }
        const vals = readBroadcast(A, src, shape);
        const len = shape[axis];
        const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
        const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
        const out = new Float64Array(vals.length);
        const f32 = dtype === FLOAT32 ? Math.fround : (x: number) => x;
        const step = kernel(op, dtype);
        for (let o = 0; o < outer; o++)
          for (let i = 0; i < inner; i++) {
            let acc = op === 'add' ? 0 : 1;
            for (let k = 0; k < len; k++) {
              const at = o * len * inner + k * inner + i;
              const v = castValue(dtype, vals[at]);
              acc = k === 0 ? v : castValue(dtype, f32(step(acc, v)));
              out[at] = acc;
            }
          }
        writeValues(A, r, (k) => out[k]);
        A.writeAll(r);
        return r;
      } finally {
        // NpyIter_Deallocate: its operands' references (the copy), then the iterator
        if (copy) vm.decref(copy);
        if (iter) vm.mem.free(iter);
      }
    } finally {
      if (temp) vm.decref(temp);
    }
  }

  private copyFlat(h: number): number {
    const A = this.arrays;
    const c = A.newArray(A.dtype(h), [A.size(h)]);
    const v = readBroadcast(A, h, A.shape(h));
    writeValues(A, c, (k) => v[k]);
    A.writeAll(c);
    return c;
  }

  /**
   * The forwarding of a method to numpy/core/_methods.py (npy_forward_method): the arguments
   * with self prepended, as a tuple alive while the Python function runs (the caller drops it).
   */
  forward(self: number, args: readonly number[]): number {
    const vm = this.vm;
    const items = [self, ...args];
    for (const x of items) vm.incref(x);
    return tupleFromItems(vm, items);
  }

  /** A Python float of the count, for mean's division (rcount). */
  static notSupported(what: string): never {
    throw new NotSupported(what);
  }
}

export { FLOAT64 };
