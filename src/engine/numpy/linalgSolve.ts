import { cExp } from '../libm/c99';
import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { tupleFromItems } from '../python/objects/tuple';
import type { Kwargs } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { parseArgs } from './args';
import { FLOAT32, FLOAT64, type DType } from './dtypes';
import { readBroadcast, valuesKnown, writeValues } from './elements';
import { getrf, getrs, slogdet } from './lapack';
import type { NumpyRuntime } from './module';
import { iteratorBytes } from './nditer';

/**
 * Past this many multiply-adds the result's values are not computed (its memory still is), as
 * matmul.ts: an 800×800 inverse is about 2/3·n³ + n³ ≈ 8.5·10^8.
 */
const MAX_VALUE_WORK = 1e9;

/**
 * File-backed RSS the first call of a LAPACK routine faults in (its code and the BLAS it calls),
 * measured with /proc/self/status RssFile on /usr/bin/python3 (n = 100): the first np.linalg.det
 * (dgetrf) +420 KiB; the first inv or solve (dgesv: dgetrf + dgetrs) +484 KiB, and +64 KiB
 * when det ran before. An 800×800 first inv measured +420 KiB (page-cache sharing varies).
 */
const ROUTINE_FILE_RSS: Record<Routine, number> = {
  getrf: 420 * 1024,
  getrs: 64 * 1024,
  // dsyevd (measured the same way, n = 100): the first eigvalsh +660 KiB (dsytrd, dsterf), the
  // first eigh +852 KiB, and +192 KiB (dstedc, dormtr) when eigvalsh ran before
  sytrd: 660 * 1024,
  stedc: 192 * 1024,
  // the first svd(compute_uv=False) (dgesdd jobz 'N', n = 100): +884 KiB, three runs 884–896
  gesdd: 884 * 1024,
};

export type Routine = 'getrf' | 'getrs' | 'sytrd' | 'stedc' | 'gesdd';

/** One output operand of a gufunc call: its shape (loop dimensions, then core ones). */
export type GufuncOutput = {
  shape: number[];
  /** the output's core dimensions (the iterator covers them: at least 1). */
  coreNd: number;
  /** set when the values are not computed: the reason printing them gives. */
  lostWhy?: string;
};

/** What one _umath_linalg gufunc call needs: its operands, loop type and workspace. */
export type GufuncCall = {
  name: string;
  inputs: number[];
  loop: DType;
  outputs: GufuncOutput[];
  /** signature slots: nop + every operand's core dimensions (inner_strides' length). */
  innerSlots: number;
  /** init_@lapack_func@'s mallocs, in order (freed in the same order after the loop). */
  workspaces: number[];
  routines: Routine[];
  /** fills each output's values for one matrix (row-major); false when it is singular. */
  compute: (inputs: Float64Array[], outs: Float64Array[]) => boolean;
  /** multiply-adds the values cost. */
  work: number;
};

/**
 * numpy.linalg's inv, solve and det (linalg.py 1.24.2 over umath_linalg.c.src): the Python part's
 * checks (_assert_stacked_2d, _assert_stacked_square, _commonType: integers and bools computed
 * as float64, float32 as float32), then the gufunc call as PyUFunc_GeneralizedFunctionInternal
 * makes it (measured call by call on 100×100: inv → PyObject_Malloc(288) iterator, the result,
 * malloc(48) inner strides, malloc(160400) workspace, its free, free(48)): the workspace is
 * init_@lapack_func@'s one malloc — the matrix in Fortran order, the right-hand sides (the
 * identity for inv) and the int32 pivots: inv 2·n²·8 + 4n, solve n²·8 + n·nrhs·8 + 4n, det
 * n²·8 + 4n — written (linearize) and freed after the loop. An input of another dtype is cast
 * by the iterator first (NPY_ITER_COPY: a new array). A singular matrix raises
 * numpy.linalg.LinAlgError('Singular matrix') from the error callback after the loop.
 * Not modelled: complex matrices, stacked right-hand sides for solve.
 */
export class LinalgSolvers {
  private readonly faulted = new Set<string>();

  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  inv(args: number[], kw: Kwargs): number {
    const [aH] = parseArgs(this.vm, 'inv', ['a'], 1, args, kw);
    return this.withArrays([aH!], ([a]) => {
      const { n, loop, round } = this.square(a, [a]);
      const A = this.rt.arrays;
      return this.call({
        name: 'inv',
        inputs: [a],
        loop,
        outputs: [{ shape: A.shape(a), coreNd: 2 }],
        innerSlots: 2 + 4,
        workspaces: [2 * n * n * loop.itemsize + 4 * n],
        routines: ['getrf', 'getrs'],
        work: (5 / 3) * n * n * n,
        compute: ([m], [out]) => {
          const f = getrf(m, n, round);
          if (f.info > 0) return false;
          const b = new Float64Array(n * n);
          for (let i = 0; i < n; i++) b[i * n + i] = 1;
          getrs(f, n, b, n, round);
          out.set(b);
          return true;
        },
      });
    });
  }

  solve(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, bH] = parseArgs(vm, 'solve', ['a', 'b'], 2, args, kw);
    return this.withArrays([aH!, bH!], ([a, b]) => {
      const { n, loop, round } = this.square(a, [a, b]);
      if (A.nd(a) > 2) throw new NotSupported('np.linalg.solve of a stack of matrices');
      const bs = A.shape(b);
      const one = bs.length === 1;
      if (bs.length === 0 || bs.length > 2) throw new NotSupported('np.linalg.solve with a 0-d or stacked b');
      const sig = one ? '(m,m),(m)->(m)' : '(m,m),(m,n)->(m,n)';
      if (bs[0] !== n)
        throw valueError(
          vm,
          '%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s (size %zd is different from %zd)',
          one ? 'solve1' : 'solve',
          sig,
          bs[0],
          n,
        );
      const nrhs = one ? 1 : bs[1];
      return this.call({
        name: one ? 'solve1' : 'solve',
        inputs: [a, b],
        loop,
        outputs: [{ shape: bs, coreNd: bs.length }],
        innerSlots: 3 + (one ? 4 : 6),
        workspaces: [n * n * loop.itemsize + n * nrhs * loop.itemsize + 4 * n],
        routines: ['getrf', 'getrs'],
        work: (2 / 3) * n * n * n + 2 * n * n * nrhs,
        compute: ([m, rhs], [out]) => {
          const f = getrf(m, n, round);
          if (f.info > 0) return false;
          const x = Float64Array.from(rhs);
          getrs(f, n, x, nrhs, round);
          out.set(x);
          return true;
        },
      });
    });
  }

  det(args: number[], kw: Kwargs): number {
    const [aH] = parseArgs(this.vm, 'det', ['a'], 1, args, kw);
    return this.withArrays([aH!], ([a]) => {
      const { n, loop, round } = this.square(a, [a]);
      const A = this.rt.arrays;
      return this.call({
        name: 'det',
        inputs: [a],
        loop,
        outputs: [{ shape: A.shape(a).slice(0, -2), coreNd: 0 }],
        innerSlots: 2 + 2,
        workspaces: [n * n * loop.itemsize + 4 * n],
        routines: ['getrf'],
        work: (2 / 3) * n * n * n,
        compute: ([m], [out]) => {
          const { sign, logdet } = slogdet(getrf(m, n, round), n);
          out[0] = round(sign * cExp(logdet));
          return true;
        },
      });
    });
  }

  /** _makearray: lists and tuples become arrays (dropped after the call). */
  withArrays<R>(hs: number[], fn: (arrays: number[]) => R): R {
    const made: number[] = [];
    try {
      const arrays = hs.map((h) => {
        if (this.rt.arrays.isArray(h)) return h;
        const a = this.rt.ctors.asArrayOrScalar(h);
        made.push(a);
        return a;
      });
      return fn(arrays);
    } finally {
      for (const h of made) this.vm.decref(h);
    }
  }

  /** _assert_stacked_2d, _assert_stacked_square and _commonType. */
  square(a: number, all: number[]): { n: number; loop: DType; round: (x: number) => number } {
    const A = this.rt.arrays;
    const s = A.shape(a);
    if (s.length < 2)
      throw this.rt.errors.raise(
        this.rt.errors.linAlgError,
        `${s.length}-dimensional array given. Array must be at least two-dimensional`,
      );
    if (s[s.length - 1] !== s[s.length - 2])
      throw this.rt.errors.raise(this.rt.errors.linAlgError, 'Last 2 dimensions of the array must be square');
    return { n: s[s.length - 1], ...this.commonType(all) };
  }

  /** _commonType: the loop's dtype (float32 for float32 inputs only) and its rounding. */
  commonType(all: number[]): { loop: DType; round: (x: number) => number } {
    const A = this.rt.arrays;
    let single = true;
    for (const h of all) {
      const d = A.dtype(h);
      if (d.kind === 'O' || d.kind === 'V' || d.kind === 'U' || d.kind === 'S')
        throw new NotSupported(`numpy.linalg on a ${d.name} array`);
      if (d !== FLOAT32) single = false;
    }
    const loop = single ? FLOAT32 : FLOAT64;
    return { loop, round: single ? Math.fround : (x: number) => x };
  }

  /**
   * The gufunc call: see the class comment. Every output is made before the inner strides and
   * the workspaces; a 0-d output becomes a scalar. One output is returned as itself, several as
   * a tuple.
   */
  call(c: GufuncCall): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const libc = A.alloc.libc;
    for (const h of c.inputs) vm.incref(h);
    const inTuple = tupleFromItems(vm, c.inputs);
    const first = c.outputs[0];
    const loopNd = first.shape.length - first.coreNd;
    const coreNd = Math.max(...c.outputs.map((o) => o.coreNd));
    const iterBytes = iteratorBytes(loopNd + coreNd, c.inputs.length + c.outputs.length, false);
    const iter = vm.mem.malloc(iterBytes);
    if (iter === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(iter, iterBytes);
    const copies: number[] = [];
    const results: number[] = [];
    try {
      const ops = c.inputs.map((h) => {
        if (A.dtype(h) === c.loop) return h;
        const copy = A.newArray(c.loop, A.shape(h));
        if (valuesKnown(A, h)) {
          const v = readBroadcast(A, h, A.shape(h));
          writeValues(A, copy, (k) => v[k]);
        } else A.values.markLost(A.t.vslot[A.slot(copy)]);
        A.writeAll(copy);
        copies.push(copy);
        return copy;
      });
      for (const o of c.outputs) results.push(A.newArray(c.loop, o.shape));
      const inner = rawMalloc(libc, 8 * c.innerSlots);
      if (inner === 0) throw new PyError('MemoryError', '');
      const ws: number[] = [];
      for (const bytes of c.workspaces) {
        const p = rawMalloc(libc, bytes);
        if (p === 0) {
          for (const q of ws) libc.free(q);
          libc.free(inner);
          throw new PyError('MemoryError', '');
        }
        vm.mem.touch(p, bytes);
        ws.push(p);
      }
      this.faultRoutines(c.routines);
      const ok = this.values(c, ops, results);
      for (const p of ws) libc.free(p);
      libc.free(inner);
      for (const r of results) A.writeAll(r);
      if (!ok) throw this.rt.errors.raise(this.rt.errors.linAlgError, 'Singular matrix');
    } catch (e) {
      for (const r of results) vm.decref(r);
      throw e;
    } finally {
      for (const h of copies) vm.decref(h);
      vm.mem.free(iter);
      vm.decref(inTuple);
    }
    const out = results.map((r) => (A.nd(r) === 0 ? this.rt.ufuncs.reductionsScalar(r) : r));
    return out.length === 1 ? out[0] : tupleFromItems(vm, out);
  }

  /** Every matrix of the stack through the routine; false when one is singular. */
  private values(c: GufuncCall, ops: number[], results: number[]): boolean {
    const A = this.rt.arrays;
    const first = c.outputs[0];
    const count = first.shape.slice(0, first.shape.length - first.coreNd).reduce((x, y) => x * y, 1);
    const lose = (r: number, why?: string) => A.values.markLost(A.t.vslot[A.slot(r)], why);
    if (ops.some((h) => !valuesKnown(A, h)) || c.work * count > MAX_VALUE_WORK) {
      results.forEach((r, k) => lose(r, c.outputs[k].lostWhy));
      return true;
    }
    const inputs = ops.map((h) => readBroadcast(A, h, A.shape(h)));
    const outSizes = c.outputs.map((o) => o.shape.slice(o.shape.length - o.coreNd).reduce((x, y) => x * y, 1));
    const outs = outSizes.map((n) => new Float64Array(count * n));
    let ok = true;
    for (let m = 0; m < count; m++) {
      const parts = inputs.map((v) => v.subarray((m * v.length) / count, ((m + 1) * v.length) / count));
      const o = outs.map((v, k) => v.subarray(m * outSizes[k], (m + 1) * outSizes[k]));
      if (!c.compute(parts, o)) {
        ok = false;
        for (const x of o) x.fill(NaN);
      }
    }
    results.forEach((r, k) => {
      if (c.outputs[k].lostWhy !== undefined) lose(r, c.outputs[k].lostWhy);
      else writeValues(A, r, (i) => outs[k][i]);
    });
    return ok;
  }

  /** The first call of a routine in the process faults its code in (ROUTINE_FILE_RSS). */
  private faultRoutines(routines: readonly Routine[]): void {
    for (const r of routines)
      if (!this.faulted.has(r)) {
        this.faulted.add(r);
        this.vm.kernel.baselineRss += ROUTINE_FILE_RSS[r];
      }
  }
}
