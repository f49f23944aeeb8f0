import * as libm from '../../libm';
import { cCos, cExp, cLog, cPow, cSin } from '../../libm/c99';
import type { ConstValue } from '../syntax/ast';

/**
 * Double and complex arithmetic exactly as floatobject.c / complexobject.c / longobject.c do
 * it, for constant folding: correctly rounded int→float division, Python's floor division and
 * modulo, float_pow's special cases, Smith's complex division, c_pow / c_powi.
 */

const bitLength = (x: bigint): number => (x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length);

/** x * 2**e without intermediate overflow or underflow (ldexp). */
export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** n / d * 2**e2 (n, d > 0) rounded once, half to even, as a double; Infinity when too large. */
export function ratioToDouble(n: bigint, d: bigint, e2: number): number {
  let k = bitLength(n) - bitLength(d);
  if (k >= 0 ? n < d << BigInt(k) : n << BigInt(-k) < d) k--;
  const exp = k + e2; // the value lies in [2**exp, 2**(exp+1))
  if (exp > 1023) return Infinity;
  const prec = exp < -1022 ? 53 - (-1022 - exp) : 53;
  if (prec < 0) return 0;
  const s = prec - 1 - k;
  const num_ = s >= 0 ? n << BigInt(s) : n;
  const den = s >= 0 ? d : d << BigInt(-s);
  let q = num_ / den;
  const twice = 2n * (num_ - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  const r = ldexp(Number(q), e2 + k - (prec - 1));
  return r;
}

/** long_true_divide: int / int, correctly rounded. */
export function intTrueDivide(a: bigint, b: bigint): ConstValue | null {
  if (b === 0n) return null;
  const neg = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x === 0n) return { t: 'float', v: neg ? -0 : 0 };
  const v = ratioToDouble(x, y, 0);
  return Number.isFinite(v) ? { t: 'float', v: neg ? -v : v } : null;
}

/** _float_div_mod (floatobject.c): Python's floor division and modulo of doubles. */
export function floatDivMod(vx: number, wx: number): [number, number] | null {
  if (wx === 0) return null;
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else mod = Math.sign(wx) < 0 || Object.is(wx, -0) ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  return [floordiv, mod];
}

const isOddInteger = (x: number): boolean => Number.isFinite(x) && Math.abs(x % 2) === 1;

/** x ** n for an integer n, rounded once from the exact value (as glibc's pow rounds). */
export function powExactInt(x: number, n: number): number {
  const neg = x < 0 && Math.abs(n % 2) === 1;
  const ax = Math.abs(x);
  // ax = m * 2**e with m an odd integer
  let m = ax;
  let e = 0;
  while (m !== Math.floor(m)) {
    m *= 2;
    e--;
  }
  let mb = BigInt(m);
  while (mb % 2n === 0n) {
    mb /= 2n;
    e++;
  }
  const p = mb ** BigInt(Math.abs(n));
  const r = n >= 0 ? ratioToDouble(p, 1n, e * n) : ratioToDouble(1n, p, e * n);
  return neg ? -r : r;
}

/** float_pow (floatobject.c), including its hand-off to complex for a negative base. */
export function floatPow(iv: number, iw: number): ConstValue | null {
  if (iw === 0) return { t: 'float', v: 1 };
  if (Number.isNaN(iv)) return { t: 'float', v: iv };
  if (Number.isNaN(iw)) return { t: 'float', v: iv === 1 ? 1 : iw };
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1) return { t: 'float', v: 1 };
    return { t: 'float', v: iw > 0 === a > 1 ? Math.abs(iw) : 0 };
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return { t: 'float', v: odd ? iv : Math.abs(iv) };
    return { t: 'float', v: odd ? (iv < 0 ? -0 : 0) : 0 };
  }
  if (iv === 0) {
    if (iw < 0) return null; // ZeroDivisionError
    return { t: 'float', v: isOddInteger(iw) ? iv : 0 };
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPow([iv, 0], [iw, 0]);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return { t: 'float', v: negate ? -1 : 1 };
  const ix = Number.isInteger(iw) && Math.abs(iw) <= 4096 ? powExactInt(iv, iw) : libm.pow(iv, iw);
  if (!Number.isFinite(ix)) return null; // OverflowError
  return { t: 'float', v: negate ? -ix : ix };
}

export type C = [number, number];
export const cprod = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/** _Py_c_quot: Smith's algorithm; null for a zero divisor. */
export function cquot(a: C, b: C): C | null {
  const absRe = Math.abs(b[0]);
  const absIm = Math.abs(b[1]);
  if (absRe >= absIm) {
    if (absRe === 0) return null;
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absIm >= absRe) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

/** complex_pow: c_powi for small integral exponents, else _Py_c_pow. */
export function complexPow(a: C, b: C): ConstValue | null {
  let r: C;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    const powu = (x: C, k: number): C => {
      let acc: C = [1, 0];
      let p = x;
      for (let mask = 1; mask > 0 && k >= mask; mask *= 2) {
        if (Math.floor(k / mask) % 2 === 1) acc = cprod(acc, p);
        p = cprod(p, p);
      }
      return acc;
    };
    if (n > 0) r = powu(a, n);
    else {
      const q = cquot([1, 0], powu(a, -n));
      if (!q) return null;
      r = q;
    }
  } else if (b[0] === 0 && b[1] === 0) r = [1, 0];
  else if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) return null;
    r = [0, 0];
  } else {
    r = cPowPolar(a, b);
  }
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) return null;
  return { t: 'complex', re: r[0], im: r[1] };
}

/**
 * _Py_c_pow's general case: |a|^b.real (hypot, pow), the phase atan2·b.real, and for a complex
 * exponent the e^(−atan2·b.imag) and log|a|·b.imag terms, then len·(cos, sin): glibc's functions
 * (../../libm), whose last bits V8's differ from.
 */
export function cPowPolar(a: C, b: C): C {
  const vabs =
    Number.isFinite(a[0]) && Number.isFinite(a[1]) ? libm.hypot([a[0], a[1]]) : Math.hypot(a[0], a[1]);
  let len = cPow(vabs, b[0]);
  const at = libm.atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= cExp(at * b[1]);
    phase += b[1] * cLog(vabs);
  }
  return [len * cCos(phase), len * cSin(phase)];
}
