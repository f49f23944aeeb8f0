import { type DD, add, addD, divD, mul, neg, twoProd } from './dd';

/** π/2 as three doubles, and π as two. */
const PIO2 = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33] as const;
export const PI: DD = [3.141592653589793, 1.2246467991473532e-16];
export const PI_OVER_2: DD = [PIO2[0], PIO2[1]];

/** Past 2^20 the reduction multiplies by 2/π in integers (Payne and Hanek's idea). */
const CODY_WAITE_LIMIT = 2 ** 20;
/** Fraction bits of 2/π kept: the largest double's exponent (971 past its 53 bits) + 53 + guard. */
const TWO_OVER_PI_BITS = 1280n;

let twoOverPi: bigint | null = null;

/** arctan(1/n) · 2^bits in integers (Gregory's series, alternating). */
function atanInverse(n: bigint, bits: bigint): bigint {
  const one = 1n << bits;
  let term = one / n;
  let sum = 0n;
  for (let k = 0n; term !== 0n; k++) {
    sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n));
    term /= n * n;
  }
  return sum;
}

/** ⌊2/π · 2^1280⌋, from Machin's π = 16·atan(1/5) − 4·atan(1/239) with 64 guard bits (once). */
function twoOverPiBits(): bigint {
  if (twoOverPi === null) {
    const bits = TWO_OVER_PI_BITS + 64n;
    const pi = 16n * atanInverse(5n, bits) - 4n * atanInverse(239n, bits);
    twoOverPi = (2n << (bits + TWO_OVER_PI_BITS)) / pi;
  }
  return twoOverPi;
}

/** x = m·2^e exactly, m an integer below 2^53. */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: biased - 1075 };
}

/**
 * x = k·π/2 + r with |r| ≤ π/4 (slightly more at the edges): the quadrant k mod 4 and r as a
 * double-double. Below 2^20 Cody and Waite's subtraction of k times π/2 in three parts (each
 * product exact); above, x·2/π in integers with 1280 bits of 2/π, the fraction times π/2.
 */
export function reduce(x: number): { q: number; r: DD } {
  const a = Math.abs(x);
  if (a <= Math.PI / 4) return { q: 0, r: [x, 0] };
  if (a < CODY_WAITE_LIMIT) {
    const k = Math.round(x * (2 / Math.PI));
    let r = add([x, 0], neg(twoProd(k, PIO2[0])));
    r = add(r, neg(twoProd(k, PIO2[1])));
    r = addD(r, -k * PIO2[2]);
    return { q: ((k % 4) + 4) % 4, r };
  }
  const { m, e } = decompose(a);
  const shift = TWO_OVER_PI_BITS - BigInt(e);
  const product = m * twoOverPiBits();
  let k = Number((product >> shift) & 3n);
  let frac = product & ((1n << shift) - 1n);
  // the fraction in [0, 1) to 128 bits, moved to (-½, ½]
  const top = shift - 128n;
  let f = frac >> top;
  if (f >= 1n << 127n) {
    f -= 1n << 128n;
    k = (k + 1) % 4;
  }
  frac = f;
  const hi = Number(frac);
  const lo = Number(frac - BigInt(hi));
  const fd: DD = [hi * 2 ** -128, lo * 2 ** -128];
  const r = mul(fd, PI_OVER_2);
  return x < 0 ? { q: (4 - k) % 4, r: neg(r) } : { q: k, r };
}

/** 1/(i(i+1)) in double-double: the series' steps. */
const STEP_RECIPROCALS: readonly DD[] = Array.from({ length: 29 }, (_, i) => divD([1, 0], i * (i + 1) || 1));

/** sin r for |r| ≤ ~0.8: Taylor's series to r^29 (the rest below 2^-110). */
function sinReduced(r: DD, r2: DD): DD {
  let s: DD = [1, 0];
  for (let i = 28; i >= 2; i -= 2) s = addD(neg(mul(mul(s, r2), STEP_RECIPROCALS[i])), 1);
  return mul(s, r);
}

/** cos r for |r| ≤ ~0.8: Taylor's series to r^28. */
function cosReduced(r2: DD): DD {
  let c: DD = [1, 0];
  for (let i = 27; i >= 1; i -= 2) c = addD(neg(mul(mul(c, r2), STEP_RECIPROCALS[i])), 1);
  return c;
}

/** sin r and cos r for |r| ≤ ~0.8. */
export function sinCosReduced(r: DD): { sin: DD; cos: DD } {
  const r2 = mul(r, r);
  return { sin: sinReduced(r, r2), cos: cosReduced(r2) };
}

/** sin x and cos x of a finite double, each as a double-double. */
export function sinCos(x: number): { sin: DD; cos: DD } {
  const { q, r } = reduce(x);
  const { sin, cos } = sinCosReduced(r);
  switch (q) {
    case 0:
      return { sin, cos };
    case 1:
      return { sin: cos, cos: neg(sin) };
    case 2:
      return { sin: neg(sin), cos: neg(cos) };
    default:
      return { sin: neg(cos), cos: sin };
  }
}

/** sin x (or cos x, a quarter turn on) of a finite double: only the series the quadrant needs. */
export function sinOrCos(x: number, cosine: boolean): DD {
  const { q, r } = reduce(x);
  const quadrant = (q + (cosine ? 1 : 0)) % 4;
  const r2 = mul(r, r);
  // sin(r + q·π/2): q = 0 sin r, 1 cos r, 2 −sin r, 3 −cos r
  const v = quadrant % 2 === 0 ? sinReduced(r, r2) : cosReduced(r2);
  return quadrant >= 2 ? neg(v) : v;
}

/** arctan z for a double-double z ≥ 0, in [0, π/2]: Newton's step on tan y = z from Math.atan. */
export function atanDD(z: DD): DD {
  if (z[0] > 1) {
    // atan z = π/2 − atan(1/z), the reciprocal below 1
    const inv = divD([1, 0], z[0]);
    const corr = addD(inv, -z[1] / (z[0] * z[0]));
    return add(PI_OVER_2, neg(atanDD(corr)));
  }
  const y0 = Math.atan(z[0]);
  const { sin, cos } = sinCosReduced([y0, 0]);
  // y1 = y0 − cos y0 · (sin y0 − z cos y0): (tan y0 − z)·cos² y0
  const residual = add(sin, neg(mul(z, cos)));
  return add([y0, 0], neg(mul(cos, residual)));
}
