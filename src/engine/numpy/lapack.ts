import { cLog } from '../libm/c99';

/**
 * The reference LAPACK 3.11 routines behind numpy.linalg's inv, solve and det, as Debian's NumPy
 * runs them (/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3.11.0 with the reference BLAS, no
 * FMA), on one n×n matrix held row by row.
 *
 * dgetrf (dgetrf2's recursion; the blocked dgetrf for n > 64 calls it on panels) gives every
 * element the same updates in the same order as this right-looking elimination: column k's
 * pivot is the first largest |a_ik| (idamax), the multipliers are a_ik · (1/a_kk) (dscal by the
 * reciprocal, as dgetrf2 does when |a_kk| ≥ sfmin), and a_ij loses l_ik·u_kj for k = 0, 1, …
 * in order (dtrsm and dgemm accumulate over k in index order). dgetrs then swaps B's rows,
 * solves with the unit lower triangle, then the upper one, dividing by u_kk (dtrsm's
 * `B(K,J)/A(K,K)`).
 */

/** Double precision's safe minimum (dlamch('S')): below it dgetrf2 divides instead. */
const SFMIN = 2.2250738585072014e-308;

export type LuFactors = {
  /** n×n, row-major: L below the diagonal (unit diagonal implied), U on and above. */
  lu: Float64Array;
  /** ipiv[k]: the row swapped with row k at step k (0-based). */
  ipiv: Int32Array;
  /** LAPACK's info: 0, or the 1-based index of the first exactly-zero pivot (singular). */
  info: number;
};

/** dgetrf on a copy of `a` (n×n row-major); `round` rounds each result (Math.fround for sgetrf). */
export function getrf(a: Float64Array, n: number, round: (x: number) => number = (x) => x): LuFactors {
  const lu = Float64Array.from(a);
  const ipiv = new Int32Array(n);
  let info = 0;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    ipiv[k] = p;
    const pivot = lu[p * n + k];
    if (pivot === 0) {
      if (info === 0) info = k + 1;
      continue;
    }
    if (p !== k)
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j];
        lu[k * n + j] = lu[p * n + j];
        lu[p * n + j] = t;
      }
    if (Math.abs(pivot) >= SFMIN) {
      const r = round(1 / pivot);
      for (let i = k + 1; i < n; i++) lu[i * n + k] = round(lu[i * n + k] * r);
    } else for (let i = k + 1; i < n; i++) lu[i * n + k] = round(lu[i * n + k] / pivot);
    for (let i = k + 1; i < n; i++) {
      const l = lu[i * n + k];
      for (let j = k + 1; j < n; j++) lu[i * n + j] = round(lu[i * n + j] - round(l * lu[k * n + j]));
    }
  }
  return { lu, ipiv, info };
}

/** dgetrs('N'): solve A·X = B in place for B n×nrhs row-major, from getrf's factors. */
export function getrs(
  f: LuFactors,
  n: number,
  b: Float64Array,
  nrhs: number,
  round: (x: number) => number = (x) => x,
): void {
  const { lu, ipiv } = f;
  for (let k = 0; k < n; k++)
    if (ipiv[k] !== k)
      for (let j = 0; j < nrhs; j++) {
        const t = b[k * nrhs + j];
        b[k * nrhs + j] = b[ipiv[k] * nrhs + j];
        b[ipiv[k] * nrhs + j] = t;
      }
  for (let j = 0; j < nrhs; j++) {
    for (let k = 0; k < n; k++) {
      const x = b[k * nrhs + j];
      if (x !== 0)
        for (let i = k + 1; i < n; i++) b[i * nrhs + j] = round(b[i * nrhs + j] - round(x * lu[i * n + k]));
    }
    for (let k = n - 1; k >= 0; k--) {
      if (b[k * nrhs + j] === 0) continue;
      const x = round(b[k * nrhs + j] / lu[k * n + k]);
      b[k * nrhs + j] = x;
      for (let i = 0; i < k; i++) b[i * nrhs + j] = round(b[i * nrhs + j] - round(x * lu[i * n + k]));
    }
  }
}

/**
 * umath_linalg's slogdet from getrf's factors: the sign flips for every swapped row and every
 * negative u_kk, logdet is Σ log|u_kk|; a singular matrix (info > 0) gives sign 0, logdet −inf.
 * det = sign · exp(logdet), which is why det([[2, 1], [1, 3]]) is 5.000000000000001. log and exp
 * are glibc's (correctly rounded, ../libm): V8's Math.log(3) is one ulp low, and det([[1, 2],
 * [3, 4]]) would print -2.0 instead of NumPy's -2.0000000000000004.
 */
export function slogdet(f: LuFactors, n: number): { sign: number; logdet: number } {
  if (f.info > 0) return { sign: 0, logdet: -Infinity };
  let sign = 1;
  let logdet = 0;
  for (let k = 0; k < n; k++) {
    if (f.ipiv[k] !== k) sign = -sign;
    let u = f.lu[k * n + k];
    if (u < 0) {
      sign = -sign;
      u = -u;
    }
    logdet += cLog(u);
  }
  return { sign, logdet };
}
