import { type DD, add, addD, divD, mul, mulD, neg, twoProd } from './dd';

/** ln 2 as three doubles (each the nearest double to what the previous ones leave). */
export const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const LN2_3 = 5.707708438416212e-34;

/** e^x = 2^(k/32)·e^r: the table holds 2^(j/32) for j = 0..31 in double-double. */
const TABLE_BITS = 5;
const TABLE_SIZE = 1 << TABLE_BITS;
/** ln2/32: the three parts of ln 2 scaled by 2^-5 (exact). */
const STEP: readonly [number, number, number] = [
  LN2[0] / TABLE_SIZE,
  LN2[1] / TABLE_SIZE,
  LN2_3 / TABLE_SIZE,
];
/** Horner's steps 12…8 in double (what they add is below 2^-58 of the sum: their error below 2^-111), 7…2 in double-double. */
const DD_TERMS = 7;
const ALL_TERMS = 12;

/** expm1 r for |r| ≤ ln2/64 (0.0109): r·(1 + r/2·(1 + r/3·(… (1 + r/12)))); the next term is below 2^-108. */
function expm1Small(r: DD): DD {
  let s = 1;
  for (let i = ALL_TERMS; i > DD_TERMS; i--) s = 1 + (s * r[0]) / i;
  let acc: DD = [s, 0];
  for (let i = DD_TERMS; i >= 2; i--) acc = addD(mul(mul(acc, r), RECIPROCALS[i]), 1);
  return mul(acc, r);
}

/** 1/i in double-double (a multiplication is cheaper than divD in the series). */
const RECIPROCALS: readonly DD[] = Array.from({ length: DD_TERMS + 1 }, (_, i) =>
  i === 0 ? [0, 0] : divD([1, 0], i),
);

/** 2^(j/32) for j = 0…31 in double-double (from 80-digit decimal arithmetic). */
const POWERS_OF_TWO: readonly DD[] = [
  [1.0, 0.0],
  [1.0218971486541166, 5.109225028973444e-17],
  [1.0442737824274138, 8.551889705537965e-17],
  [1.0671404006768237, -7.899853966841582e-17],
  [1.0905077326652577, -3.046782079812471e-17],
  [1.1143867425958924, 1.0410278456845571e-16],
  [1.1387886347566916, 8.912812676025408e-17],
  [1.1637248587775775, 3.8292048369240935e-17],
  [1.189207115002721, 3.982015231465646e-17],
  [1.215247359980469, -7.712630692681488e-17],
  [1.241857812073484, 4.658027591836937e-17],
  [1.2690509571917332, 2.667932131342186e-18],
  [1.2968395546510096, 2.5382502794888315e-17],
  [1.3252366431597413, -2.8587312100388614e-17],
  [1.3542555469368927, 7.70094837980299e-17],
  [1.383909881963832, -6.770511658794786e-17],
  [1.4142135623730951, -9.667293313452913e-17],
  [1.4451808069770467, -3.0237581349939873e-17],
  [1.4768261459394993, -3.483994556892796e-17],
  [1.5091644275934228, -1.016455327754295e-16],
  [1.5422108254079407, 7.949834809697621e-17],
  [1.5759808451078865, -1.0136916471278304e-17],
  [1.6104903319492543, 2.4707192569797888e-17],
  [1.645755478153965, -1.0125679913674773e-16],
  [1.681792830507429, 8.199010020581497e-17],
  [1.718619298122478, -1.851380418263111e-17],
  [1.7562521603732995, 2.960140695448873e-17],
  [1.7947090750031072, 1.8227458427912087e-17],
  [1.8340080864093424, 3.283107224245627e-17],
  [1.8741676341103, -6.122763413004143e-17],
  [1.9152065613971474, -1.0619946056195963e-16],
  [1.9571441241754002, 8.960767791036668e-17],
];

/**
 * e^x for x = (hi, lo) as a double-double mantissa and a power of two: x = (32q + j)·ln2/32 + r
 * with |r| ≤ ln2/64, e^x = 2^q · 2^(j/32) · e^r (glibc's exp reduces the same way, with 128 steps).
 */
export function expParts(x: DD): { m: DD; k: number } {
  const n = Math.round(x[0] / STEP[0]);
  let r = add(x, neg(twoProd(n, STEP[0])));
  r = add(r, neg(twoProd(n, STEP[1])));
  r = addD(r, -n * STEP[2]);
  const j = ((n % TABLE_SIZE) + TABLE_SIZE) % TABLE_SIZE;
  const t = POWERS_OF_TWO[j];
  const m = add(t, mul(t, expm1Small(r)));
  return { m, k: (n - j) / TABLE_SIZE };
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

/** exp(x) for a double: glibc __exp. */
export const exp = (x: number): number => expDD([x, 0]);

/** log(x) for x > 0 finite: glibc __log. */
export const log = (x: number): number => {
  const r = logDD(x);
  return r[0] + r[1];
};
