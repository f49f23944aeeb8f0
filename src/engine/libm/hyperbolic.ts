import { exp, log } from './explog';

/**
 * glibc's hyperbolic functions (sysdeps/ieee754/dbl-64 e_sinh, e_cosh, s_asinh, e_acosh: Sun's
 * fdlibm methods) call glibc's exp and log, which round correctly, and fdlibm's expm1 and log1p,
 * which V8's Math.expm1/Math.log1p port as well (0 of 5,000 differ). V8's own sinh/cosh use V8's
 * exp (7 of 115 differed): these are the same methods over ./explog's exp and log.
 */

const view = new DataView(new ArrayBuffer(8));

/** The high 32 bits of |x|'s representation: fdlibm's thresholds compare these. */
function highWord(a: number): number {
  view.setFloat64(0, a);
  return view.getUint32(0) & 0x7fffffff;
}

/** ln(2·DBL_MAX) rounded down: past it sinh and cosh overflow (0x408633ce8fb9f87d). */
const LN_2MAX = 710.4758600739439;
const LN2 = 0.6931471805599453;

/** e^a/2 for a ≥ 22; past ln(DBL_MAX) (high word 0x40862e42) e^(a/2)/2 · e^(a/2). */
function large(a: number): number {
  if (highWord(a) < 0x40862e42) return 0.5 * exp(a);
  if (a <= LN_2MAX) {
    const w = exp(0.5 * a);
    return 0.5 * w * w;
  }
  return Infinity;
}

/** cosh x (fdlibm's e_cosh method). */
export function cosh(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return a;
  const ix = highWord(a);
  // |x| < ~ln2/2
  if (ix < 0x3fd62e43) {
    const t = Math.expm1(a);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    const t = exp(a);
    return 0.5 * t + 0.5 / t;
  }
  return large(a);
}

/** sinh x (fdlibm's e_sinh method). */
export function sinh(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const h = x < 0 ? -0.5 : 0.5;
  const ix = highWord(a);
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x;
    const t = Math.expm1(a);
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  const r = large(a);
  return x < 0 ? -r : r;
}

/** asinh x (fdlibm's s_asinh method). */
export function asinh(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  let w: number;
  const ix = highWord(a);
  if (ix < 0x3e300000) return x;
  if (ix > 0x41b00000) w = log(a) + LN2;
  else if (ix > 0x40000000) w = log(2 * a + 1 / (Math.sqrt(x * x + 1) + a));
  else {
    const t = x * x;
    w = Math.log1p(a + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

/** acosh x (fdlibm's e_acosh method); NaN below 1. */
export function acosh(x: number): number {
  if (Number.isNaN(x) || x < 1) return NaN;
  if (x === Infinity) return x;
  const ix = highWord(x);
  if (ix >= 0x41b00000) return log(x) + LN2;
  if (x === 1) return 0;
  if (ix > 0x40000000) return log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}
