import {
  adjusted,
  cmpAbs,
  cmpTotal,
  etiny,
  fin,
  finalize,
  inf,
  invalid,
  isIntegral,
  Kind,
  nanResult,
  ndigits,
  pow10,
  shiftRound,
  Sig,
  type Ctx,
  type Dec,
  type Res,
} from './decimalnum';

/**
 * The arithmetic operations of libmpdec (mpdecimal.c) on decimalnum.ts's values: each works out the
 * exact result (or its first prec + 2 digits and a sticky digit) and rounds once. The special
 * cases (Infinity, NaN, zero's sign and exponent) follow the specification's tables.
 */

const neg = (d: Dec): Dec => ({ ...d, sign: (d.sign ^ 1) as 0 | 1 });

/** mpd_qadd / mpd_qsub. */
export function add(a: Dec, b0: Dec, c: Ctx, subtract = false): Res {
  const n = nanResult(a, b0, c);
  if (n) return n;
  const b = subtract ? neg(b0) : b0;
  if (a.kind === Kind.Inf) {
    if (b.kind === Kind.Inf && a.sign !== b.sign) return invalid();
    return { d: a, sig: 0 };
  }
  if (b.kind === Kind.Inf) return { d: b, sig: 0 };
  const exp = Math.min(a.exp, b.exp);
  if (a.coeff === 0n && b.coeff === 0n) {
    const sign = a.sign === b.sign ? a.sign : c.rounding === 'ROUND_FLOOR' ? 1 : 0;
    return finalize(fin(sign, 0n, exp), c);
  }
  if (a.coeff === 0n || b.coeff === 0n) {
    // x + 0: x at the lower exponent, padded with zeros only as far as the precision (_mpd_qaddsub's zero case)
    const x = a.coeff === 0n ? b : a;
    if (x.exp <= exp) return finalize(x, c);
    const room = Math.max(0, c.prec - ndigits(x.coeff));
    const pad = Math.min(x.exp - exp, room);
    const sig = x.exp - exp > room ? Sig.Rounded : 0;
    return finalize(fin(x.sign, x.coeff * pow10(pad), x.exp - pad), c, sig);
  }
  const hi = adjusted(a) >= adjusted(b) ? a : b;
  let lo = hi === a ? b : a;
  const pos = Math.min(hi.exp, adjusted(hi) - c.prec - 1);
  // an operand wholly below the rounding digit matters only as a sticky digit (see the notes)
  if (adjusted(lo) < pos) lo = fin(lo.sign, 1n, pos - 1);
  const e = Math.min(hi.exp, lo.exp);
  const x = (hi.sign ? -1n : 1n) * hi.coeff * pow10(hi.exp - e);
  const y = (lo.sign ? -1n : 1n) * lo.coeff * pow10(lo.exp - e);
  const s = x + y;
  if (s === 0n) return finalize(fin(c.rounding === 'ROUND_FLOOR' ? 1 : 0, 0n, e), c);
  return finalize(fin(s < 0n ? 1 : 0, s < 0n ? -s : s, e), c);
}

/** mpd_qmul. */
export function mul(a: Dec, b: Dec, c: Ctx): Res {
  const n = nanResult(a, b, c);
  if (n) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === Kind.Inf || b.kind === Kind.Inf) {
    if ((a.kind === Kind.Finite && a.coeff === 0n) || (b.kind === Kind.Finite && b.coeff === 0n))
      return invalid();
    return { d: inf(sign), sig: 0 };
  }
  return finalize(fin(sign, a.coeff * b.coeff, a.exp + b.exp), c);
}

/** mpd_qdiv: prec + 1 quotient digits and a sticky one; an exact quotient moves to the ideal exponent. */
export function div(a: Dec, b: Dec, c: Ctx): Res {
  const n = nanResult(a, b, c);
  if (n) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === Kind.Inf) return b.kind === Kind.Inf ? invalid() : { d: inf(sign), sig: 0 };
  if (b.kind === Kind.Inf) return finalize(fin(sign, 0n, etiny(c)), c, Sig.Clamped);
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return invalid(Sig.DivisionUndefined);
    return { d: inf(sign), sig: Sig.DivisionByZero };
  }
  const ideal = a.exp - b.exp;
  if (a.coeff === 0n) return finalize(fin(sign, 0n, ideal), c);
  const shift = ndigits(b.coeff) - ndigits(a.coeff) + c.prec + 1;
  let exp = ideal - shift;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const x = a.coeff * pow10(shift);
    q = x / b.coeff;
    r = x % b.coeff;
  } else {
    const y = b.coeff * pow10(-shift);
    q = a.coeff / y;
    r = a.coeff % y;
  }
  if (r !== 0n) {
    if (q % 5n === 0n) q += 1n;
  } else {
    while (exp < ideal && q % 10n === 0n) {
      q /= 10n;
      exp += 1;
    }
  }
  return finalize(fin(sign, q, exp), c);
}

/** The truncated quotient and the remainder of two finite non-zero values (_mpd_qdivmod), or null: DivisionImpossible. */
function intQuotient(a: Dec, b: Dec, c: Ctx): { q: bigint; r: bigint; e: number } | null {
  if (adjusted(a) - adjusted(b) > c.prec + 1) return null;
  const e = Math.min(a.exp, b.exp);
  const x = a.coeff * pow10(a.exp - e);
  const y = b.coeff * pow10(b.exp - e);
  const q = x / y;
  if (ndigits(q) > c.prec) return null;
  return { q, r: x % y, e };
}

/** mpd_qdivmod: [quotient, remainder] (//, %, divmod). */
export function divmod(a: Dec, b: Dec, c: Ctx): [Res, Res] {
  const n = nanResult(a, b, c);
  if (n) return [n, n];
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === Kind.Inf) {
    if (b.kind === Kind.Inf) return [invalid(), invalid()];
    return [{ d: inf(sign), sig: Sig.InvalidOperation }, invalid()];
  }
  if (b.kind === Kind.Inf) return [{ d: fin(sign, 0n, 0), sig: 0 }, finalize(a, c)];
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return [invalid(Sig.DivisionUndefined), invalid(Sig.DivisionUndefined)];
    return [{ d: inf(sign), sig: Sig.DivisionByZero | Sig.InvalidOperation }, invalid()];
  }
  if (a.coeff === 0n)
    return [{ d: fin(sign, 0n, 0), sig: 0 }, finalize(fin(a.sign, 0n, Math.min(a.exp, b.exp)), c)];
  const t = intQuotient(a, b, c);
  if (t === null) return [invalid(Sig.DivisionImpossible), invalid(Sig.DivisionImpossible)];
  return [finalize(fin(sign, t.q, 0), c), finalize(fin(a.sign, t.r, t.e), c)];
}

/** mpd_qdivint (//). */
export function divint(a: Dec, b: Dec, c: Ctx): Res {
  const n = nanResult(a, b, c);
  if (n) return n;
  const sign = (a.sign ^ b.sign) as 0 | 1;
  if (a.kind === Kind.Inf) return b.kind === Kind.Inf ? invalid() : { d: inf(sign), sig: 0 };
  if (b.kind === Kind.Inf) return { d: fin(sign, 0n, 0), sig: 0 };
  if (b.coeff === 0n) {
    if (a.coeff === 0n) return invalid(Sig.DivisionUndefined);
    return { d: inf(sign), sig: Sig.DivisionByZero };
  }
  if (a.coeff === 0n) return { d: fin(sign, 0n, 0), sig: 0 };
  const t = intQuotient(a, b, c);
  if (t === null) return invalid(Sig.DivisionImpossible);
  return finalize(fin(sign, t.q, 0), c);
}

/** mpd_qrem (%): the sign of the dividend. */
export function rem(a: Dec, b: Dec, c: Ctx): Res {
  const n = nanResult(a, b, c);
  if (n) return n;
  if (a.kind === Kind.Inf) return invalid();
  if (b.kind === Kind.Inf) return finalize(a, c);
  if (b.coeff === 0n) return invalid(a.coeff === 0n ? Sig.DivisionUndefined : Sig.InvalidOperation);
  if (a.coeff === 0n) return finalize(fin(a.sign, 0n, Math.min(a.exp, b.exp)), c);
  const t = intQuotient(a, b, c);
  if (t === null) return invalid(Sig.DivisionImpossible);
  return finalize(fin(a.sign, t.r, t.e), c);
}

/** mpd_qquantize: `a` at b's exponent, rounded by `mode`. */
export function quantize(a: Dec, b: Dec, c: Ctx, mode = c.rounding): Res {
  const n = nanResult(a, b, c);
  if (n) return n;
  if (a.kind === Kind.Inf || b.kind === Kind.Inf) return a.kind === b.kind ? { d: a, sig: 0 } : invalid();
  const e = b.exp;
  if (e > c.Emax || e < etiny(c)) return invalid();
  if (a.coeff === 0n) return { d: fin(a.sign, 0n, e), sig: 0 };
  let sig = 0;
  let coeff: bigint;
  if (a.exp >= e) {
    if (adjusted(a) - e + 1 > c.prec) return invalid();
    coeff = a.coeff * pow10(a.exp - e);
  } else {
    if (adjusted(a) - e + 1 > c.prec + 1) return invalid();
    const r = shiftRound(a.coeff, e - a.exp, a.sign, mode);
    coeff = r.c;
    sig |= Sig.Rounded | (r.inexact ? Sig.Inexact : 0);
    if (ndigits(coeff) > c.prec) return invalid();
  }
  const d = fin(a.sign, coeff, e);
  if (coeff !== 0n && adjusted(d) > c.Emax) return invalid();
  if (coeff !== 0n && adjusted(d) < c.Emin) {
    sig |= Sig.Subnormal;
    if (sig & Sig.Inexact) sig |= Sig.Underflow;
  }
  return { d, sig };
}

/** mpd_qround_to_int / mpd_qround_to_intx (`exact`: Inexact and Rounded are signalled). */
export function toIntegral(a: Dec, c: Ctx, mode = c.rounding, exact = false): Res {
  const n = nanResult(a, null, c);
  if (n) return n;
  if (a.kind === Kind.Inf || a.exp >= 0) return { d: a, sig: 0 };
  if (a.coeff === 0n) return { d: fin(a.sign, 0n, 0), sig: 0 };
  const r = shiftRound(a.coeff, -a.exp, a.sign, mode);
  const sig = exact ? Sig.Rounded | (r.inexact ? Sig.Inexact : 0) : 0;
  return { d: fin(a.sign, r.c, 0), sig };
}

/** mpd_qreduce (normalize): rounded, then the trailing zeros dropped. */
export function reduce(a: Dec, c: Ctx): Res {
  const n = nanResult(a, null, c);
  if (n) return n;
  const r = finalize(a, c);
  const d = r.d;
  if (d.kind !== Kind.Finite) return r;
  if (d.coeff === 0n) return { d: fin(d.sign, 0n, 0), sig: r.sig };
  let { coeff, exp } = d;
  const top = c.clamp ? c.Emax - c.prec + 1 : c.Emax;
  while (coeff % 10n === 0n && exp < top) {
    coeff /= 10n;
    exp += 1;
  }
  return { d: fin(d.sign, coeff, exp), sig: r.sig };
}

/** The integer square root (Newton from above). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** mpd_qsqrt: correctly rounded half-even; an exact root moves toward the ideal exponent floor(e / 2). */
export function sqrt(a: Dec, c: Ctx): Res {
  const n = nanResult(a, null, c);
  if (n) return n;
  const ideal = Math.floor(a.exp / 2);
  if (a.kind === Kind.Finite && a.coeff === 0n) return finalize(fin(a.sign, 0n, ideal), c);
  if (a.sign) return invalid();
  if (a.kind === Kind.Inf) return { d: a, sig: 0 };
  // N = coeff × 10^(e - 2q) with 2·prec + 2 digits or more, e - 2q even and ≥ 0
  const q = Math.min(ideal, Math.floor((ndigits(a.coeff) + a.exp - 2 * c.prec - 2) / 2));
  const N = a.coeff * pow10(a.exp - 2 * q);
  let s = isqrt(N);
  let exp = q;
  const half = { ...c, rounding: 'ROUND_HALF_EVEN' as const };
  if (s * s === N) {
    while (exp < ideal && s % 10n === 0n) {
      s /= 10n;
      exp += 1;
    }
    return finalize(fin(0, s, exp), half);
  }
  if (s % 5n === 0n) s += 1n;
  return finalize(fin(0, s, exp), half);
}

/** Integer powers (_mpd_qpow_int's result, computed exactly then rounded once). */
export function powInt(a: Dec, y: bigint, c: Ctx): Res | null {
  const odd = (y & 1n) === 1n;
  const sign = (a.sign && odd ? 1 : 0) as 0 | 1;
  if (a.kind === Kind.Inf)
    return { d: y < 0n ? fin(sign, 0n, 0) : y === 0n ? fin(0, 1n, 0) : inf(sign), sig: 0 };
  if (a.coeff === 0n) {
    if (y === 0n) return invalid();
    return { d: y < 0n ? inf(sign) : fin(sign, 0n, 0), sig: 0 };
  }
  if (y === 0n) return { d: fin(0, 1n, 0), sig: 0 };
  const m = y < 0n ? -y : y;
  const digits = a.coeff.toString();
  const j = digits.length - 1;
  if (/^10*$/.test(digits) && j * Number(m) > c.prec + 2) {
    // a large power of ten, exact at any size: its coefficient rounded to prec digits (Rounded only)
    const k = Number(m);
    if (y < 0n) return finalize(fin(sign, 1n, -(a.exp + j) * k), c);
    return finalize(fin(sign, pow10(c.prec - 1), a.exp * k + j * k - c.prec + 1), c, Sig.Rounded);
  }
  // the exact power's size; past this the caller goes through exp(y ln x)
  if (Number(m) * ndigits(a.coeff) > 200_000) return null;
  const k = Number(m);
  const p = fin(sign, a.coeff ** m, a.exp * k);
  if (adjusted(p) > c.Emax + 1 && y > 0n) return finalize(p, c);
  if (y > 0n) return finalize(p, c);
  return div(fin(0, 1n, 0), p, c);
}

/** mpd_qmax / mpd_qmin (and their _mag forms): a quiet NaN loses to a number. */
export function maxMin(a: Dec, b: Dec, c: Ctx, max: boolean, mag = false): Res {
  if (a.kind === Kind.SNaN || b.kind === Kind.SNaN) return nanResult(a, b, c)!;
  if (a.kind === Kind.NaN && b.kind !== Kind.NaN) return finalize(b, c);
  if (b.kind === Kind.NaN && a.kind !== Kind.NaN) return finalize(a, c);
  if (a.kind === Kind.NaN) return nanResult(a, b, c)!;
  let r = mag ? cmpAbs(a, b) : cmpTotal(a, b);
  if (r === 0) {
    // equal values: the total order's tie-break (sign, then exponent)
    if (a.sign !== b.sign) r = a.sign ? -1 : 1;
    else r = (a.exp < b.exp ? -1 : a.exp > b.exp ? 1 : 0) * (a.sign ? -1 : 1);
  }
  return finalize(max ? (r >= 0 ? a : b) : r <= 0 ? a : b, c);
}

export { isIntegral };
