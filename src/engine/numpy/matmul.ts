import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { tupleFromItems } from '../python/objects/tuple';
import type { Kwargs } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { isNone, parseArgs } from './args';
import { FLOAT64, promote, type DType } from './dtypes';
import { readBroadcast, valuesKnown, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { iteratorBytes } from './nditer';

/** sizeof(PyArrayIterObject): PyArray_IterAllButAxis mallocs one per operand (measured, as sort.ts). */
const ITER_OBJECT_BYTES = 2632;

/**
 * The gufunc's inner_strides: PyArray_malloc(sizeof(npy_intp) · (nop + core_dim_ixs_size)) in
 * PyUFunc_GeneralizedFunctionInternal; matmul's signature (n?,k),(k,m?)->(n?,m?) has 3 operands
 * and 6 core dimension slots: 72 bytes, made and freed in every call (measured).
 */
const MATMUL_INNER_STRIDES_BYTES = 8 * (3 + 6);

const MATMUL_SIGNATURE = '(n?,k),(k,m?)->(n?,m?)';

/**
 * Past this many multiply-adds the result's values are not computed (its memory still is): 10^9
 * takes ~1.5 s here in the i-l-j loop below, (2000×500)ᵀ @ (2000×500) — a covariance — is 5·10^8.
 */
const MAX_VALUE_WORK = 1e9;

/**
 * np.dot / ndarray.dot (PyArray_MatrixProduct2, multiarraymodule.c; cblas_matrixproduct for
 * float64) and np.matmul / `@` (the matmul gufunc, umath/matmul.c.src) for 1-d and 2-d operands.
 *
 * Values: every output element is a sum over the shared axis in index order from 0.0. That is
 * what Debian's reference BLAS does (netlib ddot's unrolled-by-5 loop adds left to right; dgemm,
 * dgemv and dsyrk accumulate each element over l in order; no FMA) and what the non-BLAS loops do
 * (`@TYPE@_dot`, `@TYPE@_matmul_inner_noblas`): checked bit for bit on random inputs against
 * /usr/bin/python3 for all four shape pairs, and `A @ A.T` (syrk).
 */
export class MatrixProducts {
  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  /** np.dot(a, b, out=None). */
  dotFunction(args: number[], kw: Kwargs): number {
    const [a, b, out] = parseArgs(this.vm, 'dot', ['a', 'b', 'out'], 2, args, kw);
    if (!isNone(this.vm, out)) throw new NotSupported('np.dot with out=');
    return this.dot(a!, b!);
  }

  /** ndarray.dot(b, out=None) (array_dot: the same PyArray_MatrixProduct2, no dispatcher). */
  dotMethod(self: number, args: readonly number[], kw: Kwargs | null): number {
    const [b, out] = parseArgs(this.vm, 'dot', ['b', 'out'], 1, args, kw ?? new Map());
    if (!isNone(this.vm, out)) throw new NotSupported('ndarray.dot with out=');
    return this.dot(self, b!);
  }

  /**
   * PyArray_MatrixProduct2: both operands as arrays of the common type (PyArray_FromAny: a cast
   * copy for an operand of another dtype), the result (new_array_for_sum, C order); integers run
   * `@TYPE@_dot` under two PyArray_IterAllButAxis iterators (malloc'd, freed after the loop);
   * then the cast copies are dropped and a 0-d result becomes a scalar (PyArray_Return).
   */
  /** Each operand as an array (asanyarray: a list or a scalar becomes a new one, noted in `made` to drop). */
  private asArrays(hs: number[], made: number[]): number[] {
    return hs.map((h) => {
      if (this.rt.arrays.isArray(h)) return h;
      const x = this.rt.ctors.asArrayOrScalar(h);
      made.push(x);
      return x;
    });
  }

  private dot(aH: number, bH: number): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const made: number[] = [];
    try {
      const given = this.asArrays([aH, bH], made);
      const loop = this.loopType(given, 'np.dot');
      const [sa, sb] = given.map((h) => A.shape(h));
      if (sa.length === 0 || sb.length === 0) throw new NotSupported('np.dot with a 0-d operand (a scalar)');
      if (sa.length > 2 || sb.length > 2)
        throw new NotSupported('np.dot of arrays with more than 2 dimensions');
      const ka = sa.length - 1;
      const kb = sb.length === 1 ? 0 : sb.length - 2;
      if (sa[ka] !== sb[kb])
        throw valueError(
          vm,
          `shapes (${sa.join(',')}${sa.length === 1 ? ',' : ''}) and (${sb.join(',')}${sb.length === 1 ? ',' : ''}) not aligned: ` +
            `${sa[ka]} (dim ${ka}) != ${sb[kb]} (dim ${kb})`,
        );
      if (loop === FLOAT64)
        for (const h of given)
          if (A.dtype(h) === FLOAT64 && !blasable(A.shape(h), A.strides(h)))
            throw new NotSupported('np.dot of a float64 view that is neither C- nor Fortran-contiguous');
      const ops = given.map((h) => {
        if (A.dtype(h) === loop) return h;
        const c = this.castCopy(h, loop);
        made.push(c);
        return c;
      });
      const result = A.newArray(loop, outShape(sa, sb));
      try {
        if (loop !== FLOAT64) {
          // PyArray_IterAllButAxis(ap1), PyArray_IterAllButAxis(ap2); Py_DECREF(it1), Py_DECREF(it2)
          const its = [this.iterObject(), this.iterObject()];
          for (const p of its) A.alloc.libc.free(p);
        }
        this.compute(ops[0], ops[1], result);
      } catch (e) {
        vm.decref(result);
        throw e;
      }
      for (const h of made.splice(0)) vm.decref(h);
      return A.nd(result) === 0 ? this.rt.ufuncs.reductionsScalar(result) : result;
    } finally {
      for (const h of made) vm.decref(h);
    }
  }

  /** np.matmul(a, b) (the ufunc called with positional operands). */
  matmulFunction(args: number[], kw: Kwargs): number {
    if (kw.size > 0)
      throw new NotSupported(`np.matmul with keyword arguments (${[...kw.keys()].join(', ')})`);
    if (args.length !== 2) throw new NotSupported('np.matmul with other than two operands');
    return this.matmul(args[0], args[1]);
  }

  /**
   * The matmul gufunc (ufunc_generic_fastcall → PyUFunc_GeneralizedFunctionInternal): the inputs'
   * tuple; the core dimensions checked (NumPy's ValueError before anything else is made); the
   * unbuffered NpyIter (PyObject_Malloc(NIT_SIZEOF_ITERATOR) for 3 operands over the output's core
   * dimensions, at least 1); in operand order a cast copy for an input of another dtype
   * (NPY_ITER_COPY) and the output; the 72-byte inner strides; then the iterator's operands and
   * the iterator freed, and a 0-d result made a scalar after the call's cleanup.
   */
  matmul(aH: number, bH: number): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    vm.incref(aH);
    vm.incref(bH);
    const inTuple = tupleFromItems(vm, [aH, bH]);
    const made: number[] = [];
    let result = 0;
    try {
      const given = this.asArrays([aH, bH], made);
      const [sa, sb] = given.map((h) => A.shape(h));
      for (const [i, s] of [sa, sb].entries())
        if (s.length === 0)
          throw valueError(
            vm,
            `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIGNATURE} requires 1)`,
          );
      if (sa.length > 2 || sb.length > 2)
        throw new NotSupported('np.matmul / @ of stacked arrays (more than 2 dimensions)');
      const loop = this.loopType(given, 'np.matmul / @');
      const ka = sa[sa.length - 1];
      const kb = sb[sb.length === 1 ? 0 : sb.length - 2];
      if (ka !== kb)
        throw valueError(
          vm,
          `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIGNATURE} (size ${kb} is different from ${ka})`,
        );
      const shape = outShape(sa, sb);
      const bytes = iteratorBytes(shape.length, 3, false);
      const iter = vm.mem.malloc(bytes);
      if (iter === 0) throw new PyError('MemoryError', '');
      vm.mem.touch(iter, bytes);
      const copies: number[] = [];
      try {
        const ops = given.map((h) => {
          if (A.dtype(h) === loop) return h;
          const c = this.castCopy(h, loop);
          copies.push(c);
          return c;
        });
        result = A.newArray(loop, shape);
        const strides = rawMalloc(A.alloc.libc, MATMUL_INNER_STRIDES_BYTES);
        if (strides === 0) throw new PyError('MemoryError', '');
        A.alloc.libc.free(strides);
        this.compute(ops[0], ops[1], result);
      } finally {
        for (const c of copies) vm.decref(c);
        vm.mem.free(iter);
      }
    } catch (e) {
      if (result) vm.decref(result);
      throw e;
    } finally {
      for (const h of made) vm.decref(h);
      vm.decref(inTuple);
    }
    return A.nd(result) === 0 ? this.rt.ufuncs.reductionsScalar(result) : result;
  }

  /** The common dtype the loop runs in: float64 or an integer type (others are not modelled). */
  private loopType(ops: number[], what: string): DType {
    const A = this.rt.arrays;
    const loop = promote(A.dtype(ops[0]), A.dtype(ops[1]));
    if (loop !== FLOAT64 && loop.kind !== 'i' && loop.kind !== 'u')
      throw new NotSupported(`${what} of ${loop.name} arrays (float64 and integer arrays are modelled)`);
    return loop;
  }

  /** A C-order copy of `h` cast to `d` (PyArray_FromAny with another dtype / NPY_ITER_COPY). */
  private castCopy(h: number, d: DType): number {
    const A = this.rt.arrays;
    const c = A.newArray(d, A.shape(h));
    if (valuesKnown(A, h)) {
      const vals = readBroadcast(A, h, A.shape(h));
      writeValues(A, c, (k) => vals[k]);
    } else A.values.markLost(A.t.vslot[A.slot(c)]);
    A.writeAll(c);
    return c;
  }

  private iterObject(): number {
    const p = rawMalloc(this.rt.arrays.alloc.libc, ITER_OBJECT_BYTES);
    if (p === 0) throw new PyError('MemoryError', '');
    this.vm.mem.touch(p, 64);
    return p;
  }

  /**
   * result[i, j] = Σ_l a[i, l] · b[l, j], added in l order from 0 (see the class comment); a
   * 1-d a is one row, a 1-d b one column. The result's pages are all written (gemm's beta = 0
   * zeroes C first; the loops store every element).
   */
  private compute(a: number, b: number, result: number): void {
    const A = this.rt.arrays;
    const sa = A.shape(a);
    const sb = A.shape(b);
    const m = sa.length === 2 ? sa[0] : 1;
    const k = sa[sa.length - 1];
    const p = sb.length === 2 ? sb[1] : 1;
    A.writeAll(result);
    if (!valuesKnown(A, a) || !valuesKnown(A, b) || m * k * p > MAX_VALUE_WORK) {
      A.values.markLost(
        A.t.vslot[A.slot(result)],
        m * k * p > MAX_VALUE_WORK
          ? `the element values of a matrix product of more than ${MAX_VALUE_WORK.toExponential()} multiply-adds (${m}×${k} @ ${k}×${p}: its memory is simulated)`
          : undefined,
      );
      return;
    }
    const x = readBroadcast(A, a, sa);
    const y = readBroadcast(A, b, sb);
    const out = new Float64Array(m * p);
    // i-l-j order reads b by rows; each out[i, j] still adds its products in l order from 0
    for (let i = 0; i < m; i++) {
      const row = i * p;
      for (let l = 0; l < k; l++) {
        const xv = x[i * k + l];
        const yrow = l * p;
        for (let j = 0; j < p; j++) out[row + j] += xv * y[yrow + j];
      }
    }
    writeValues(A, result, (i) => out[i]);
  }
}

/** The product's shape for 1-d/2-d operands: a's rows (if 2-d), then b's columns (if 2-d). */
function outShape(sa: readonly number[], sb: readonly number[]): number[] {
  return [...(sa.length === 2 ? [sa[0]] : []), ...(sb.length === 2 ? [sb[1]] : [])];
}

/**
 * An operand cblas_matrixproduct hands to BLAS as it is: 1-d with a positive stride that is a
 * multiple of 8, or 2-d with one unit axis (C or Fortran order, a lead dimension that fits).
 * Others it copies first, which is not modelled.
 */
function blasable(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.length < 2)
    return shape.length === 0 || shape[0] <= 1 || (strides[0] > 0 && strides[0] % 8 === 0);
  const [r, c] = shape;
  const [s0, s1] = strides;
  if (r <= 1 || c <= 1) return true;
  return (s1 === 8 && s0 >= 8 * c && s0 % 8 === 0) || (s0 === 8 && s1 >= 8 * r && s1 % 8 === 0);
}
