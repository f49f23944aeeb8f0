import { valueError } from '../python/abstract/errors';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
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
