import {
  adjusted,
  etiny,
  fin,
  finalize,
  inf,
  invalid,
  Kind,
  nanResult,
  ndigits,
  pow10,
  Sig,
  type Ctx,
  type Dec,
  type Res,
} from './decimalnum';

/**
 * exp, ln, log10 and non-integral powers (mpd_qexp, mpd_qln, mpd_qlog10, _mpd_qpow_real), correctly
 * rounded half-even as libmpdec's are: each is evaluated in fixed point (a BigInt scaled by 10^W)
 * with a bound on its error, and W grows until both ends of the error interval round to the same
 * prec digits (Ziv's test). Exact cases are the specification's: exp(0) = 1, ln(1) = 0, log10(10^k) = k.
 */

/** A fixed-point value Y × 10^-W and its error bound in units of the last place. */
interface Fixed {
  y: bigint;
  w: number;
  err: bigint;
}

/** atanh(p/q) × 10^w (|p/q| ≤ 1/3), each term truncated: the error is under the term count. */
function atanhFixed(p: bigint, q: bigint, w: number): { v: bigint; terms: number } {
  const s = pow10(w);
  let term = (s * p) / q;
  const q2 = q * q;
  const p2 = p * p;
  let sum = term;
  let k = 1n;
  let terms = 1;
  while (term !== 0n) {
    term = (term * p2) / q2;
    k += 2n;
    sum += term / k;
    terms++;
  }
  return { v: sum, terms };
}

const lnCache = new Map<number, bigint>();
/** ln 2 × 10^w = 2·atanh(1/3) (error ≤ 1 ulp after the guard digits are dropped). */
function ln2(w: number): bigint {
  let v = lnCache.get(w);
  if (v === undefined) {
    v = (2n * atanhFixed(1n, 3n, w + 10).v) / pow10(10);
    lnCache.set(w, v);
  }
  return v;
}
/** ln 10 = 3 ln 2 + ln 1.25 = 3 ln 2 + 2·atanh(1/9). */
const ln10 = (w: number): bigint => (3n * ln2(w + 5) + 2n * atanhFixed(1n, 9n, w + 5).v) / pow10(5);

/** ln(c × 10^e) for c > 0, in fixed point with w digits after the point. */
function lnFixed(c: bigint, e: number, w: number): Fixed {
  const g = w + 10;
  const n = ndigits(c);
  // x = m × 10^(e + n), m = c / 10^n in [0.1, 1); then m × 2^k within [0.7, 1.4]
  let num = c;
  const den = pow10(n);
  let k = 0;
  while (num * 10n < den * 7n) {
    num *= 2n;
    k++;
  }
  // ln(num/den) = 2 atanh((num - den) / (num + den))
  const a = atanhFixed(num - den, num + den, g);
  const v = 2n * a.v - BigInt(k) * ln2(g) + BigInt(e + n) * ln10(g);
  const err = BigInt(2 * a.terms + 4 * k + 4 * Math.abs(e + n) + 8);
  return { y: v / pow10(10), w, err: err / 10n ** 10n + 2n };
}

/** exp(v × 10^-w) × 10^w2 for a fixed-point argument (|v| × 10^-w < 2.4 × 10^6 or so). */
function expFixed(v: bigint, w: number): { y: bigint; k: number; err: bigint } {
  const g = w + 12;
  const l10 = ln10(g);
  const x = v * pow10(12);
  // x = k ln 10 + r with 0 ≤ r < ln 10
  let k = x / l10;
  if (x < 0n && k * l10 !== x) k -= 1n;
  let r = x - k * l10;
  // exp(r) = exp(r / 2^10)^(2^10)
  const halvings = 10;
  r >>= BigInt(halvings);
  const s = pow10(g);
  let term = s;
  let sum = s;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * r) / s / i;
    sum += term;
  }
  for (let i = 0; i < halvings; i++) sum = (sum * sum) / s;
  return { y: sum / pow10(12), k: Number(k), err: 4n + BigInt(Math.abs(Number(k))) / 100000n };
}

/** Ziv's test: the rounded result when both ends of the interval agree, else null. */
function settle(sign: 0 | 1, f: Fixed, scaleExp: number, c: Ctx): Res | null {
  const half = { ...c, rounding: 'ROUND_HALF_EVEN' as const };
  if (f.y <= f.err) return null;
  if (ndigits(f.y) < c.prec + 4) return null;
  const lo = finalize(fin(sign, f.y - f.err, scaleExp - f.w), half);
  const hi = finalize(fin(sign, f.y + f.err, scaleExp - f.w), half);
  if (lo.d.kind !== hi.d.kind || lo.d.coeff !== hi.d.coeff || lo.d.exp !== hi.d.exp) return null;
  return { d: lo.d, sig: lo.sig | Sig.Inexact | Sig.Rounded };
}

function ziv(c: Ctx, attempt: (w: number) => Res | null): Res {
  let w = c.prec + 12;
  for (let i = 0; i < 12; i++, w = w * 2) {
    const r = attempt(w);
    if (r !== null) return r;
  }
  throw new Error('internal: decimal transcendental did not settle');
}

/** mpd_qexp. */
export function exp(a: Dec, c: Ctx): Res {
  const n = nanResult(a, null, c);
  if (n) return n;
  if (a.kind === Kind.Inf) return { d: a.sign ? fin(0, 0n, 0) : inf(0), sig: 0 };
  if (a.coeff === 0n) return { d: fin(0, 1n, 0), sig: 0 };
  // far past the exponent range: Overflow, or an underflow to zero
  if (
    adjusted(a) > 19 ||
    (adjusted(a) >= 0 && Number(a.coeff) * 10 ** a.exp > 2.31 * (c.Emax + c.prec + 2))
  ) {
    if (a.sign) return finalize(fin(0, 1n, etiny(c) - 2), c, Sig.Inexact | Sig.Rounded);
    return finalize(fin(0, 1n, c.Emax + 2), c, Sig.Inexact | Sig.Rounded);
  }
  return ziv(c, (w) => {
    const fx = a.exp + w >= 0 ? a.coeff * pow10(a.exp + w) : a.coeff / pow10(-(a.exp + w));
    const r = expFixed(a.sign ? -fx : fx, w);
    return settle(0, { y: r.y, w, err: r.err + 2n }, r.k, c);
  });
}

/** mpd_qln. */
export function ln(a: Dec, c: Ctx): Res {
  const n = nanResult(a, null, c);
  if (n) return n;
  if (a.kind === Kind.Finite && a.coeff === 0n) return { d: inf(1), sig: 0 };
  if (a.sign) return invalid();
  if (a.kind === Kind.Inf) return { d: inf(0), sig: 0 };
  if (a.exp <= 0 && a.coeff === pow10(-a.exp)) return { d: fin(0, 0n, 0), sig: 0 };
  return ziv(c, (w) => {
    const f = lnFixed(a.coeff, a.exp, w);
    const sign = f.y < 0n ? 1 : 0;
    return settle(sign, { ...f, y: f.y < 0n ? -f.y : f.y }, 0, c);
  });
}

/** mpd_qlog10: an exact power of ten gives its exponent. */
export function log10(a: Dec, c: Ctx): Res {
  const n = nanResult(a, null, c);
  if (n) return n;
  if (a.kind === Kind.Finite && a.coeff === 0n) return { d: inf(1), sig: 0 };
  if (a.sign) return invalid();
  if (a.kind === Kind.Inf) return { d: inf(0), sig: 0 };
  const digits = a.coeff.toString();
  if (/^10*$/.test(digits)) return finalize(intDec(a.exp + digits.length - 1), c);
  return ziv(c, (w) => {
    const f = lnFixed(a.coeff, a.exp, w + 5);
    const l = ln10(w + 5);
    const q = (f.y * pow10(w)) / l;
    const sign = q < 0n ? 1 : 0;
    return settle(sign, { y: q < 0n ? -q : q, w, err: f.err + 3n }, 0, c);
  });
}

const intDec = (v: number): Dec => (v < 0 ? fin(1, BigInt(-v), 0) : fin(0, BigInt(v), 0));

/** _mpd_qpow_real: x ** y = exp(y ln x) for x > 0 and a non-integral y. */
export function powReal(a: Dec, b: Dec, c: Ctx): Res {
  if (a.kind === Kind.Finite && a.coeff === 0n) return { d: b.sign ? inf(0) : fin(0, 0n, 0), sig: 0 };
  if (a.sign) return invalid();
  if (a.kind === Kind.Inf) return { d: b.sign ? fin(0, 0n, 0) : inf(0), sig: 0 };
  if (b.kind === Kind.Inf) {
    const one = a.exp <= 0 && a.coeff === pow10(-a.exp);
    if (one) return finalize(fin(0, pow10(c.prec - 1), 1 - c.prec), c, Sig.Inexact | Sig.Rounded);
    const big = adjusted(a) >= 0;
    return { d: big !== (b.sign === 1) ? inf(0) : fin(0, 0n, 0), sig: 0 };
  }
  return ziv(c, (w) => {
    const extra = Math.max(0, adjusted(b) + 2);
    const l = lnFixed(a.coeff, a.exp, w + extra + 5);
    // y × ln x, back to w digits (b's coefficient times 10^b.exp)
    let t = l.y * b.coeff;
    const shift = -b.exp + extra + 5;
    t = shift >= 0 ? t / pow10(shift) : t * pow10(-shift);
    if (b.sign) t = -t;
    // far past the exponent range
    const approx = Number(t / pow10(w));
    if (Math.abs(approx) > 2.31 * (c.Emax + c.prec + 2))
      return approx > 0
        ? finalize(fin(0, 1n, c.Emax + 2), c, Sig.Inexact | Sig.Rounded)
        : finalize(fin(0, 1n, etiny(c) - 2), c, Sig.Inexact | Sig.Rounded);
    const r = expFixed(t, w);
    return settle(
      0,
      { y: r.y, w, err: r.err + 8n + (b.coeff * l.err) / pow10(Math.max(0, shift - 2)) },
      r.k,
      c,
    );
  });
}
