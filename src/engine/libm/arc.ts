import { type DD, add, div, neg, sqrt, twoProd } from './dd';
import { logDD } from './explog';
import { PI_OVER_2, atanDD } from './trig';

/**
 * asin and acos: glibc's (IBM accurate library) round correctly but in rare cases, V8's (fdlibm)
 * do not (43 of 7,800 differed): asin x = atan(x/√(1−x²)) with 1−x² exact in double-double,
 * acos x = π/2 − asin x in double-double (for x near 1 acos is ≥ 1.5e-8, so the subtraction loses
 * at most 27 of the ~106 bits). NaN outside [−1, 1].
 */
function asinDD(x: number): DD {
  const a = Math.abs(x);
  if (a === 1) return x < 0 ? neg(PI_OVER_2) : PI_OVER_2;
  const c = sqrt(add([1, 0], neg(twoProd(a, a))));
  const r = atanDD(div([a, 0], c));
  return x < 0 ? neg(r) : r;
}

export function asin(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  if (x === 0) return x;
  const r = asinDD(x);
  return r[0] + r[1];
}

export function acos(x: number): number {
  if (!(Math.abs(x) <= 1)) return NaN;
  const r = add(PI_OVER_2, neg(asinDD(x)));
  return r[0] + r[1];
}

const view = new DataView(new ArrayBuffer(8));
/** log10(2) in two parts and 1/ln(10), as fdlibm's e_log10 states them. */
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;
const INV_LN10 = 4.34294481903251816668e-1;

/**
 * log10 x for x > 0 finite: glibc's __ieee754_log10 is fdlibm's method (not correctly rounded:
 * 272 of 3,115 differ from the exact value), x = m·2^k with m in [1, 2) (or [½, 1) when k < 0),
 * y·log10(2)_lo + log(m)/ln 10, then + y·log10(2)_hi, over glibc's log, which rounds correctly.
 */
export function log10(x: number): number {
  let k = 0;
  if (x < 2 ** -1022) {
    x *= 2 ** 54;
    k -= 54;
  }
  view.setFloat64(0, x);
  const hx = view.getUint32(0);
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  view.setUint32(0, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const m = view.getFloat64(0);
  const y = k + i;
  const lm = logDD(m);
  const z = y * LOG10_2LO + INV_LN10 * (lm[0] + lm[1]);
  return z + y * LOG10_2HI;
}
