import { valueError } from '../python/abstract/errors';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { isTrue } from '../python/abstract/object';
import { NotSupported } from '../python/errors';
import { parseArgs } from './args';
import type { LinalgSolvers } from './linalgSolve';

/**
 * numpy.linalg.eigh and eigvalsh (linalg.py 1.24.2 over umath_linalg.c.src's eigh_lo/eigh_up and
 * eigvalsh_lo/eigvalsh_up, LAPACK dsyevd), as allocations — measured call by call on Debian's
 * NumPy with n = 50 and n = 100 (reference LAPACK, no OpenBLAS):
 *  - the outputs first: w (n·8) and, for eigh, v (n²·8); the inner strides (eigh 8 slots: 64
 *    bytes, eigvalsh 5: 40);
 *  - init_@lapack_func@'s two mallocs: the matrix and w (n²·8 + n·8), then the work arrays sized
 *    by dsyevd's workspace query: jobz 'V' (eigh) lwork 1 + 6n + 2n² doubles and liwork 3 + 5n
 *    ints (n = 100: 166,820 bytes), jobz 'N' (eigvalsh) lwork n·(2 + NB) doubles with dsytrd's
 *    block size NB = 32 and liwork 1 (n = 100: 27,204); both freed after the loop, in order.
 * Eigenvalues are computed (cyclic Jacobi on the triangle UPLO names, ascending as dsyevd gives
 * them): the same numbers to a few ulps, not LAPACK's bits. The eigenvectors' memory is exact but
 * not their values: their signs follow dstedc's divide and conquer, which is not modelled, so
 * printing or reading them says "not supported" instead of showing other numbers.
 */
const NB = 32;
/** Jacobi's cost is about this many multiply-adds per n³ (sweeps × rotations). */
const JACOBI_WORK = 10;

export class LinalgEigen {
  constructor(readonly solvers: LinalgSolvers) {}

  eigh(args: number[], kw: Kwargs): number {
    return this.symmetric(args, kw, true);
  }

  eigvalsh(args: number[], kw: Kwargs): number {
    return this.symmetric(args, kw, false);
  }

  /**
   * svd(a, compute_uv=False): svd_n (m ≥ n) or svd_m over dgesdd jobz 'N', measured on 50×50,
   * 100×100, 100×40, 40×100, 100×70, 300×20 (every C-library call equal): s (k = min(m, n)
   * doubles), inner strides 40, the matrix + s + iwork (8k ints) = 8·(mn + 5k), then the work
   * array of the workspace query: 3k + 32·(m + n) doubles, or 67k when the matrix is tall or
   * wide enough for dgesdd to take a QR/LQ first (max(m, n) ≥ ⌊11k/6⌋). The singular values are
   * computed by one-sided Jacobi, descending: LAPACK's to a few ulps. u and vt are not modelled.
   */
  svd(args: number[], kw: Kwargs): number {
    const S = this.solvers;
    const vm = S.rt.vm;
    const A = S.rt.arrays;
    const [aH, fullH, uvH, hermH] = parseArgs(
      vm,
      'svd',
      ['a', 'full_matrices', 'compute_uv', 'hermitian'],
      1,
      args,
      kw,
    );
    void fullH;
    if (uvH === undefined || isTrue(vm, uvH))
      throw new NotSupported('np.linalg.svd with compute_uv=True (u and vt; svd(a, compute_uv=False) is modelled)');
    if (hermH !== undefined && isTrue(vm, hermH)) throw new NotSupported('np.linalg.svd(hermitian=True)');
    return S.withArrays([aH!], ([a]) => {
      const shape = A.shape(a);
      if (shape.length < 2)
        throw S.rt.errors.raise(
          S.rt.errors.linAlgError,
          `${shape.length}-dimensional array given. Array must be at least two-dimensional`,
        );
      const { loop, round } = S.commonType([a]);
      const m = shape[shape.length - 2];
      const n = shape[shape.length - 1];
      const k = Math.min(m, n);
      const qrFirst = Math.max(m, n) >= Math.floor((k * 11) / 6);
      const work = qrFirst ? 67 * k : 3 * k + NB * (m + n);
      return S.call({
        name: m >= n ? 'svd_n' : 'svd_m',
        inputs: [a],
        loop,
        outputs: [{ shape: [...shape.slice(0, -2), k], coreNd: 1 }],
        innerSlots: 2 + 3,
        workspaces: [8 * (m * n + 5 * k), 8 * work],
        routines: ['gesdd'],
        work: JACOBI_WORK * m * n * k,
        compute: ([x], [s]) => {
          s.set(singularValues(x, m, n).map(round));
          return true;
        },
      });
    });
  }

  private symmetric(args: number[], kw: Kwargs, vectors: boolean): number {
    const S = this.solvers;
    const vm = S.rt.vm;
    const A = S.rt.arrays;
    const name = vectors ? 'eigh' : 'eigvalsh';
    const [aH, uploH] = parseArgs(vm, name, ['a', 'UPLO'], 1, args, kw);
    let lower = true;
    if (uploH !== undefined && vm.table.type[uploH] !== T.None) {
      const u = vm.table.type[uploH] === T.Str ? strValue(vm, uploH).toUpperCase() : '';
      if (u !== 'L' && u !== 'U') throw valueError(vm, "UPLO argument must be 'L' or 'U'");
      lower = u === 'L';
    }
    return S.withArrays([aH!], ([a]) => {
      const { n, loop, round } = S.square(a, [a]);
      const shape = A.shape(a);
      const stack = shape.slice(0, -2);
      const item = loop.itemsize;
      const work = vectors ? 1 + 6 * n + 2 * n * n : n * (2 + NB);
      const iwork = vectors ? 3 + 5 * n : 1;
      return S.call({
        name: `${name}_${lower ? 'lo' : 'up'}`,
        inputs: [a],
        loop,
        outputs: vectors
          ? [
              { shape: [...stack, n], coreNd: 1 },
              {
                shape: shape,
                coreNd: 2,
                lostWhy: "the values of np.linalg.eigh's eigenvectors (their signs follow LAPACK dstedc; the memory is simulated)",
              },
            ]
          : [{ shape: [...stack, n], coreNd: 1 }],
        innerSlots: vectors ? 3 + 5 : 2 + 3,
        workspaces: [n * n * item + n * item, work * item + iwork * 4],
        routines: vectors ? ['sytrd', 'stedc'] : ['sytrd'],
        work: JACOBI_WORK * n * n * n,
        compute: ([m], [w]) => {
          w.set(symmetricEigenvalues(m, n, lower).map(round));
          return true;
        },
      });
    });
  }
}

/**
 * The eigenvalues of the symmetric matrix whose `lower` (or upper) triangle `m` holds (row-major),
 * ascending: cyclic Jacobi rotations (Rutishauser's form) until the off-diagonal part vanishes.
 */
/**
 * The singular values of the m×n matrix `x` (row-major), descending: one-sided Jacobi (Hestenes)
 * rotations of the columns of x (or of xᵀ when m < n) until every pair is orthogonal; the values
 * are the column norms.
 */
export function singularValues(x: Float64Array, m: number, n: number): Float64Array {
  const [rows, cols] = m >= n ? [m, n] : [n, m];
  // column j of the working matrix as a contiguous array
  const c: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const v = new Float64Array(rows);
    for (let i = 0; i < rows; i++) v[i] = m >= n ? x[i * n + j] : x[j * n + i];
    c.push(v);
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols; p++)
      for (let q = p + 1; q < cols; q++) {
        const u = c[p];
        const v = c[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < rows; i++) {
          alpha += u[i] * u[i];
          beta += v[i] * v[i];
          gamma += u[i] * v[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < rows; i++) {
          const a = u[i];
          const b = v[i];
          u[i] = cs * a - sn * b;
          v[i] = sn * a + cs * b;
        }
      }
    if (!rotated) break;
  }
  const s = Float64Array.from(c, (v) => Math.sqrt(v.reduce((acc, y) => acc + y * y, 0)));
  return s.sort().reverse();
}

export function symmetricEigenvalues(m: Float64Array, n: number, lower: boolean): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const [r, c] = (lower ? i >= j : i <= j) ? [i, j] : [j, i];
      a[i * n + j] = m[r * n + c];
    }
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off === 0 || !Number.isFinite(off)) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          const np = akp - s * (akq + tau * akp);
          const nq = akq + s * (akp - tau * akq);
          a[k * n + p] = a[p * n + k] = np;
          a[k * n + q] = a[q * n + k] = nq;
        }
      }
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  return d.sort();
}
