import { type DD, add, div, divD, mulD, neg, sqrt as ddSqrt, twoProd } from './dd';
import { LN2, expDD, log2DD, logDD, scaleRound } from './explog';

export { exp, log } from './explog';
import { PI, atanDD, sinCos, sinOrCos } from './trig';

export { acosh, asinh, cosh, sinh } from './hyperbolic';
export { acos, asin, log10 } from './arc';

/**
 * The C math library as CPython 3.11 on glibc 2.36 computes it, where the last bit shows in what a
 * script prints. glibc's exp, log, log2, exp2, pow, sin, cos, tan, atan and atan2 (the new
 * table-driven ones and IBM's accurate library) are correctly rounded but in rare hard cases
 * (measured on 3,115 arguments against 60-digit decimal: exp 7 differ, log 0, log2 1, exp2 4, pow
 * 23 of 24,920; sin/cos/tan/atan/atan2 5–10 of 5,000), and CPython's vector_norm (math.hypot,
 * math.dist) 0 of 5,000. V8's Math functions (fdlibm ports) differ from those far more often
 * (2.5 ** 2.5, 8 ** -0.5; hypot 85 of 380): these evaluate in double-double and round once.
 * Arguments are finite and, where noted, positive: the callers handle C99's special cases.
 */

/** exp2(x): glibc __exp2 (2^x = e^(x·ln 2), the product in double-double). */
export const exp2 = (x: number): number => expDD(mulD(LN2, x));

/** log2(x) for x > 0: glibc __log2. */
export const log2 = (x: number): number => {
  const r = log2DD(x);
  return r[0] + r[1];
};

/**
 * pow(x, y) for x > 0 and y finite: glibc __pow, e^(y·ln x) with ln x to ~2^-104 (|y·ln x| ≤ 745
 * leaves ~2^-94 of relative error before the one rounding). y = ½ is the square root, which
 * IEEE rounds correctly too.
 */
export function pow(x: number, y: number): number {
  if (y === 0.5) return Math.sqrt(x);
  if (x === 1) return 1;
  return expDD(mulD(logDD(x), y));
}

/** sin(x), cos(x), tan(x) for finite x: glibc's IBM accurate __sin/__cos/__tan. */
export const sin = (x: number): number => {
  const r = sinOrCos(x, false);
  return r[0] + r[1];
};

export const cos = (x: number): number => {
  const r = sinOrCos(x, true);
  return r[0] + r[1];
};

export function tan(x: number): number {
  const { sin: s, cos: c } = sinCos(x);
  const r = div(s, c);
  return r[0] + r[1];
}

/** atan(x) for finite x: glibc __atan. */
export function atan(x: number): number {
  const r = atanDD([Math.abs(x), 0]);
  return x < 0 ? -(r[0] + r[1]) : r[0] + r[1];
}

/**
 * atan2(y, x): glibc __atan2. C99's special cases (zeros, infinities, NaN) and quotients outside
 * the double range are V8's, which agree with C there; otherwise atan(|y/x|) with the quotient in
 * double-double, reflected into x's half-plane with π in double-double, y's sign.
 */
export function atan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  const q = ay / ax;
  if (q > 2 ** 900 || q < 2 ** -900) return Math.atan2(y, x);
  let t = atanDD(divD([ay, 0], ax));
  if (x < 0) t = add(PI, neg(t));
  const r = t[0] + t[1];
  return y < 0 ? -r : r;
}

/**
 * √(Σ v²) for finite values, correctly rounded: CPython 3.11's vector_norm (math.hypot, math.dist),
 * whose own careful sum and correction step round correctly but in rare cases (0 of 5,000
 * measured). The values are scaled by a power of two first so that squares neither overflow nor
 * underflow; an infinity wins over a NaN, as in vector_norm.
 */
export function hypot(values: readonly number[]): number {
  let max = 0;
  let nan = false;
  for (const v of values) {
    const a = Math.abs(v);
    if (a === Infinity) return Infinity;
    if (Number.isNaN(a)) nan = true;
    else if (a > max) max = a;
  }
  if (nan) return NaN;
  if (max === 0) return 0;
  if (values.length === 1) return max;
  const e = Math.floor(Math.log2(max));
  // 2^-e in two exact factors (2^1074 is not a double)
  const s1 = 2 ** -Math.trunc(e / 2);
  const s2 = 2 ** (Math.trunc(e / 2) - e);
  let sum: DD = [0, 0];
  for (const v of values) {
    const a = v * s1 * s2;
    sum = add(sum, twoProd(a, a));
  }
  return scaleRound(ddSqrt(sum), e);
}
