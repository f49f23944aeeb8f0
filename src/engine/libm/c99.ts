import * as libm from './index';

/**
 * The C functions as callers above see them, over every double (mathmodule.c's math_1/math_2,
 * complex's _Py_c_pow, random.py): finite arguments through ./index (correctly rounded, as glibc's
 * are in all but rare hard cases); C99's values at infinities, NaN and outside the domain are V8's,
 * which agree with C's there.
 */
const finite =
  (f: (x: number) => number, special: (x: number) => number) =>
  (x: number): number =>
    Number.isFinite(x) ? f(x) : special(x);

const positive =
  (f: (x: number) => number, other: (x: number) => number) =>
  (x: number): number =>
    x > 0 && x !== Infinity ? f(x) : other(x);

export const cExp = finite(libm.exp, Math.exp);
export const cExp2 = finite(libm.exp2, (x) => 2 ** x);
export const cLog = positive(libm.log, Math.log);
export const cLog2 = positive(libm.log2, Math.log2);
export const cLog10 = positive(libm.log10, Math.log10);
export const cAsin = libm.asin;
export const cAcos = libm.acos;
export const cSin = finite(libm.sin, Math.sin);
export const cCos = finite(libm.cos, Math.cos);
export const cTan = finite(libm.tan, Math.tan);
export const cAtan = finite(libm.atan, Math.atan);
export const cAtan2 = libm.atan2;
export const cSinh = libm.sinh;
export const cCosh = libm.cosh;
export const cAsinh = libm.asinh;
export const cAcosh = libm.acosh;

/**
 * C's pow(x, y) as math.pow calls it: |x|^y through libm for a finite x ≠ 0 and finite y (a
 * negative x with an integer y takes y's parity for the sign, with a fractional y it is NaN: the
 * domain error); C99's special cases otherwise (1^y and x^0 are 1, (−1)^±∞ is 1).
 */
export function cPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(y)) return Math.abs(x) === 1 ? 1 : x ** y;
  if (!Number.isFinite(x) || x === 0) return x ** y;
  if (x > 0) return libm.pow(x, y);
  if (!Number.isInteger(y)) return NaN;
  const r = libm.pow(-x, y);
  return Math.abs(y % 2) === 1 ? -r : r;
}

/** vector_norm (math.hypot, math.dist). */
export const vectorNorm = libm.hypot;
