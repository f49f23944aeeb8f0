import { cCos, cExp, cLog, cPow, cSin } from '../../libm/c99';

/**
 * math.gamma and math.lgamma as CPython 3.11–3.13 compute them (Modules/mathmodule.c m_tgamma,
 * m_lgamma: its own Lanczos approximation, N = 13 and g = 6.02468004077673 as a
 * rational function, not libm's tgamma), over glibc's exp, pow, log, sin and cos (libm/). The
 * errno each sets decides math_1a's exception: EDOM a ValueError, ERANGE an OverflowError.
 */

export type Errno = 0 | 'EDOM' | 'ERANGE';

const PI = 3.141592653589793;
const LOG_PI = 1.1447298858494002;
const LANCZOS_G = 6.02468004077673;
const LANCZOS_G_MINUS_HALF = 5.52468004077673;
// the numerator's coefficients (MPFR values of Boost's table, as CPython lists them)
const NUM = [
  23531376880.41076, 42919803642.6491, 35711959237.35567, 17921034426.03721, 6039542586.352028,
  1439720407.3117216, 248874557.86205417, 31426415.585400194, 2876370.6289353725, 186056.26539522348,
  8071.672002365816, 210.82427775157936, 2.5066282746310002,
];
// the denominator x(x+1)…(x+11) expanded
const DEN = [
  0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1,
];
/** Γ(n) = (n − 1)! for n = 1…23, exact in a double. */
const FACTORIALS: number[] = [1];
for (let i = 1; i < 23; i++) FACTORIALS.push(FACTORIALS[i - 1] * i);

/** lanczos_sum: the rational function, in x below 5 and in 1/x above (no overflow, less error). */
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = NUM.length - 1; i >= 0; i--) {
      num = num * x + NUM[i];
      den = den * x + DEN[i];
    }
  } else {
    for (let i = 0; i < NUM.length; i++) {
      num = num / x + NUM[i];
      den = den / x + DEN[i];
    }
  }
  return num / den;
}

/** m_sinpi: sin(πx) reduced to a quarter period first (exact zeros at integers). */
export function sinPi(x: number): number {
  const y = Math.abs(x) % 2;
  // C's round(2y): halves away from zero (2y ≥ 0; t − trunc(t) is exact)
  const t = 2 * y;
  const n = Math.trunc(t) + (t - Math.trunc(t) >= 0.5 ? 1 : 0);
  let r: number;
  if (n === 0) r = cSin(PI * y);
  else if (n === 1) r = cCos(PI * (y - 0.5));
  else if (n === 2) r = cSin(PI * (1 - y));
  else if (n === 3) r = -cCos(PI * (y - 1.5));
  else r = cSin(PI * (y - 2));
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** m_tgamma. */
export function tgamma(x: number): { r: number; errno: Errno } {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return { r: x, errno: 0 };
    return { r: NaN, errno: 'EDOM' };
  }
  if (x === 0) return { r: Object.is(x, -0) ? -Infinity : Infinity, errno: 'EDOM' };
  if (x === Math.floor(x)) {
    if (x < 0) return { r: NaN, errno: 'EDOM' };
    if (x <= 23) return { r: FACTORIALS[x - 1], errno: 0 };
  }
  const ax = Math.abs(x);
  if (ax < 1e-20) {
    const r = 1 / x;
    return { r, errno: Number.isFinite(r) ? 0 : 'ERANGE' };
  }
  if (ax > 200) return x < 0 ? { r: 0 / sinPi(x), errno: 0 } : { r: Infinity, errno: 'ERANGE' };
  const y = ax + LANCZOS_G_MINUS_HALF;
  // the rounding error of y, scaled: corrects pow/exp below (r + z·r, not r·(1 + z))
  let z = ax > LANCZOS_G_MINUS_HALF ? y - ax - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - ax;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = ((-PI / sinPi(ax) / ax) * cExp(y)) / lanczosSum(ax);
    r -= z * r;
    if (ax < 140) r /= cPow(y, ax - 0.5);
    else {
      const half = cPow(y, ax / 2 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczosSum(ax) / cExp(y);
    r += z * r;
    if (ax < 140) r *= cPow(y, ax - 0.5);
    else {
      const half = cPow(y, ax / 2 - 0.25);
      r *= half;
      r *= half;
    }
  }
  return { r, errno: Number.isFinite(r) ? 0 : 'ERANGE' };
}

/** m_log: C's log with the special values decided first. */
function mLog(x: number): number {
  if (Number.isFinite(x)) return x > 0 ? cLog(x) : x === 0 ? -Infinity : NaN;
  return Number.isNaN(x) || x > 0 ? x : NaN;
}

/** m_lgamma: log|Γ(x)|. */
export function lgamma(x: number): { r: number; errno: Errno } {
  if (!Number.isFinite(x)) return { r: Number.isNaN(x) ? x : Infinity, errno: 0 };
  if (x === Math.floor(x) && x <= 2) return x <= 0 ? { r: Infinity, errno: 'EDOM' } : { r: 0, errno: 0 };
  const ax = Math.abs(x);
  if (ax < 1e-20) return { r: -mLog(ax), errno: 0 };
  let r = mLog(lanczosSum(ax)) - LANCZOS_G;
  r += (ax - 0.5) * (mLog(ax + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - mLog(Math.abs(sinPi(ax))) - mLog(ax) - r;
  return { r, errno: Number.isFinite(r) ? 0 : 'ERANGE' };
}

/**
 * m_remainder: x − n·y with n the nearest integer to x/y, ties to even; exact (fmod, then the
 * complement absy − m decides the side without forming 0.5·absy, which could underflow).
 */
export function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    const m = ax % ay;
    const c = ay - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2 * ((0.5 * (ax - m)) % ay);
    return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}
