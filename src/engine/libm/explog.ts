import { type DD, add, addD, divD, mul, mulD, neg, twoProd } from './dd';

/** ln 2 as three doubles (each the nearest double to what the previous ones leave). */
export const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const LN2_3 = 5.707708438416212e-34;

/** The reduced argument is divided by 2^6 before the series and squared back six times. */
const HALVINGS = 6;
const SERIES_TERMS = 14;

/**
 * e^x for x = (hi, lo) as a double-double mantissa and a power of two: x = k·ln 2 + r with
 * |r| ≤ ln2/2, r/2^6 through a 14-term Taylor series of expm1 (|t| ≤ 0.0055: the first omitted
 * term is below 2^-130 of the sum), squared back with expm1(2t) = expm1(t)·(expm1(t) + 2).
 */
export function expParts(x: DD): { m: DD; k: number } {
  const k = Math.round(x[0] / LN2[0]);
  let r = add(x, neg(twoProd(k, LN2[0])));
  r = add(r, neg(twoProd(k, LN2[1])));
  r = addD(r, -k * LN2_3);
  const scale = 2 ** -HALVINGS;
  const t: DD = [r[0] * scale, r[1] * scale];
  let acc: DD = [1, 0];
  for (let i = SERIES_TERMS; i >= 2; i--) acc = addD(divD(mul(acc, t), i), 1);
  let em1 = mul(acc, t);
  for (let i = 0; i < HALVINGS; i++) em1 = mul(em1, addD(em1, 2));
  return { m: addD(em1, 1), k };
}

/**
 * m·2^k rounded once to a double (ties to even), subnormal results rounded on their own grid of
 * 2^-1074 (scaling the rounded mantissa would round twice). ±Infinity past the double range.
 */
export function scaleRound(m: DD, k: number): number {
  // two exact steps: 2^k alone may not be a double (k = 1024)
  const half = Math.trunc(k / 2);
  const v = m[0] * 2 ** half * 2 ** (k - half);
  if (Math.abs(v) >= 2 ** -1022) return v;
  // the value in units of 2^-1074 (below 2^52), rounded to an integer half to even
  const s = k + 1074;
  if (s < -60) return 0 * m[0];
  const u0 = m[0] * 2 ** s;
  let n = Math.round(u0);
  const d = u0 - n + m[1] * 2 ** s;
  if (d > 0.5 || (d === 0.5 && n % 2 !== 0)) n += 1;
  else if (d < -0.5 || (d === -0.5 && n % 2 !== 0)) n -= 1;
  return n * 2 ** -537 * 2 ** -537;
}

/** e^x correctly rounded (but for ~2^-100-close midpoints), for a double-double x. */
export function expDD(x: DD): number {
  if (x[0] > 709.8) return Infinity;
  if (x[0] < -745.2) return 0;
  const { m, k } = expParts(x);
  return scaleRound(m, k);
}

/** x = m·2^e with m in [√½, √2): the exponent and mantissa of a positive finite double. */
export function frexpCentered(x: number): { m: number; e: number } {
  let e = 0;
  if (x < 2 ** -1022) {
    x *= 2 ** 54;
    e = -54;
  }
  const b = Math.floor(Math.log2(x));
  let m = x / 2 ** b;
  // Math.log2 may be off by one next to a power of two
  if (m >= 2) {
    m /= 2;
    e += 1;
  } else if (m < 1) {
    m *= 2;
    e -= 1;
  }
  e += b;
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  return { m, e };
}

/**
 * ln m for m in [√½, √2) as a double-double: Newton's step for e^y = m from y0 = Math.log(m),
 * δ = m·e^-y0 − 1 evaluated in double-double, y = y0 + δ − δ²/2 (log1p's first terms: δ is about
 * 2^-52·|y0|, so what is left is below 2^-150).
 */
function logMantissa(m: number): DD {
  if (m === 1) return [0, 0];
  const y0 = Math.log(m);
  const { m: e, k } = expParts([-y0, 0]);
  const em = k === 0 ? e : ([e[0] * 2 ** k, e[1] * 2 ** k] as DD);
  const delta = addD(mulD(em, m), -1);
  return addD(add(delta, [-0.5 * delta[0] * delta[0], 0]), y0);
}

/** ln x for a positive finite double, as a double-double. */
export function logDD(x: number): DD {
  const { m, e } = frexpCentered(x);
  const lm = logMantissa(m);
  if (e === 0) return lm;
  let r = add(lm, twoProd(e, LN2[0]));
  r = add(r, twoProd(e, LN2[1]));
  return addD(r, e * LN2_3);
}

/** log2 x for a positive finite double: e + ln(m)/ln 2. */
export function log2DD(x: number): DD {
  const { m, e } = frexpCentered(x);
  if (m === 1) return [e, 0];
  const q = divLn2(logMantissa(m));
  return addD(q, e);
}

function divLn2(a: DD): DD {
  const q1 = a[0] / LN2[0];
  const r = add(a, neg(mul(LN2, [q1, 0])));
  const q2 = r[0] / LN2[0];
  const r2 = add(r, neg(mul(LN2, [q2, 0])));
  return addD(addD([q1, 0], q2), r2[0] / LN2[0]);
}
