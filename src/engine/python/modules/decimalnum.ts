/**
 * The General Decimal Arithmetic as libmpdec (CPython 3.11's _decimal, mpdecimal 2.5) computes
 * it, on exact BigInt coefficients: a value is (-1)^sign × coeff × 10^exp, or ±Infinity, or a
 * quiet/signalling NaN with a payload. Every operation computes the exact result (or enough of
 * it, with a sticky digit) and rounds it once in `finalize` (mpd_qfinalize: _mpd_check_exp's
 * overflow, subnormal, underflow and clamp rules), so results are correctly rounded as the
 * specification asks. Conditions are returned as a bit set (Sig); the caller (decimaltype.ts)
 * sets the context's flags and raises the trapped ones. Pure: no VM, no allocation.
 */

export const enum Kind {
  Finite = 0,
  Inf = 1,
  NaN = 2,
  SNaN = 3,
}

export interface Dec {
  sign: 0 | 1;
  /** The coefficient (a NaN's payload; 0n for Infinity). */
  coeff: bigint;
  exp: number;
  kind: Kind;
}

/** libmpdec's MPD_* status bits, in _decimal's cond_map/signal_map terms. */
export const enum Sig {
  Clamped = 1,
  ConversionSyntax = 2,
  DivisionByZero = 4,
  DivisionImpossible = 8,
  DivisionUndefined = 16,
  FpuError = 32,
  Inexact = 64,
  InvalidContext = 128,
  InvalidOperation = 256,
  MallocError = 512,
  FloatOperation = 1024,
  Overflow = 2048,
  Rounded = 4096,
  Subnormal = 8192,
  Underflow = 16384,
}

/** Everything that signals InvalidOperation (MPD_IEEE_Invalid_operation). */
export const SIG_INVALID =
  Sig.ConversionSyntax |
  Sig.DivisionImpossible |
  Sig.DivisionUndefined |
  Sig.FpuError |
  Sig.InvalidContext |
  Sig.InvalidOperation |
  Sig.MallocError;

export const ROUNDINGS = [
  'ROUND_UP',
  'ROUND_DOWN',
  'ROUND_CEILING',
  'ROUND_FLOOR',
  'ROUND_HALF_UP',
  'ROUND_HALF_DOWN',
  'ROUND_HALF_EVEN',
  'ROUND_05UP',
] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export interface Ctx {
  prec: number;
  rounding: Rounding;
  Emin: number;
  Emax: number;
  clamp: number;
}

/** An operation's result and the conditions it raised. */
export interface Res {
  d: Dec;
  sig: number;
}

export const fin = (sign: 0 | 1, coeff: bigint, exp: number): Dec => ({
  sign,
  coeff,
  exp,
  kind: Kind.Finite,
});
export const inf = (sign: 0 | 1): Dec => ({ sign, coeff: 0n, exp: 0, kind: Kind.Inf });
export const qnan = (sign: 0 | 1 = 0, payload = 0n): Dec => ({
  sign,
  coeff: payload,
  exp: 0,
  kind: Kind.NaN,
});
export const isNan = (d: Dec): boolean => d.kind >= Kind.NaN;
export const isZero = (d: Dec): boolean => d.kind === Kind.Finite && d.coeff === 0n;

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  if (n < 400) {
    while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
    return POW10[n];
  }
  return 10n ** BigInt(n);
}

/** Powers of ten past POW10's range that ndigits compared with lately (_pylong's sizes repeat). */
const BIG_POW10 = new Map<number, bigint>();
function bigPow10(n: number): bigint {
  if (n < 400) return pow10(n);
  let p = BIG_POW10.get(n);
  if (p === undefined) {
    if (BIG_POW10.size >= 256) BIG_POW10.clear();
    p = 10n ** BigInt(n);
    BIG_POW10.set(n, p);
  }
  return p;
}

/**
 * The number of decimal digits of a non-negative coefficient (1 for zero). A long one from its
 * bit length (hex is linear to print, decimal is not: `str(10**12000 // 7)` through _pylong on
 * 3.12 asks this of 12,000-digit coefficients at every operation): 2^(b-1) <= c < 2^b puts
 * log10(c) within log10(2) < 1 of (b-1)·log10(2), so the count is that floor + 1 or + 2; the
 * comparisons with the powers of ten settle it (and a rounding of the product either way).
 */
export function ndigits(c: bigint): number {
  if (c < 10n) return 1;
  if (c < 1_000_000_000_000_000n) return c.toString(10).length;
  const hex = c.toString(16);
  const bits = hex.length * 4 - (Math.clz32(parseInt(hex[0], 16)) - 28);
  let d = Math.floor((bits - 1) * Math.LOG10E * Math.LN2) + 1;
  while (c < bigPow10(d - 1)) d--;
  while (c >= bigPow10(d)) d++;
  return d;
}

export const adjusted = (d: Dec): number => d.exp + ndigits(d.coeff) - 1;
export const etiny = (c: Ctx): number => c.Emin - c.prec + 1;
export const etop = (c: Ctx): number => c.Emax - c.prec + 1;

/**
 * Whether dropping `rest` (0 < rest < 10^shift, the discarded digits) rounds the kept part
 * `q` away from zero (_mpd_apply_round's table for each mode).
 */
function roundsUp(mode: Rounding, sign: 0 | 1, q: bigint, rest: bigint, half: bigint): boolean {
  if (rest === 0n) return false;
  switch (mode) {
    case 'ROUND_DOWN':
      return false;
    case 'ROUND_UP':
      return true;
    case 'ROUND_CEILING':
      return sign === 0;
    case 'ROUND_FLOOR':
      return sign === 1;
    case 'ROUND_HALF_UP':
      return rest >= half;
    case 'ROUND_HALF_DOWN':
      return rest > half;
    case 'ROUND_HALF_EVEN':
      return rest > half || (rest === half && (q & 1n) === 1n);
    case 'ROUND_05UP': {
      const last = q % 10n;
      return last === 0n || last === 5n;
    }
  }
}

/** The coefficient with its last `shift` digits removed under `mode`; `inexact` when any were nonzero. */
export function shiftRound(
  c: bigint,
  shift: number,
  sign: 0 | 1,
  mode: Rounding,
): { c: bigint; inexact: boolean } {
  if (shift <= 0) return { c: c * pow10(-shift), inexact: false };
  const p = pow10(shift);
  const q = c / p;
  const rest = c % p;
  // half of 10^shift (shift ≥ 1, so exact)
  const up = roundsUp(mode, sign, q, rest, p / 2n);
  return { c: up ? q + 1n : q, inexact: rest !== 0n };
}

/** Overflow's result (_mpd_check_exp → mpd_setspecial or the largest finite number by the mode). */
function overflowResult(sign: 0 | 1, c: Ctx): Dec {
  const toInf =
    c.rounding === 'ROUND_HALF_UP' ||
    c.rounding === 'ROUND_HALF_EVEN' ||
    c.rounding === 'ROUND_HALF_DOWN' ||
    c.rounding === 'ROUND_UP' ||
    (c.rounding === 'ROUND_CEILING' && sign === 0) ||
    (c.rounding === 'ROUND_FLOOR' && sign === 1);
  if (toInf) return inf(sign);
  return fin(sign, pow10(c.prec) - 1n, etop(c));
}

/** mpd_qfinalize: the result rounded to the context's precision and exponent limits. */
export function finalize(d: Dec, c: Ctx, sig = 0): Res {
  if (d.kind !== Kind.Finite) {
    if (isNan(d) && d.coeff !== 0n && ndigits(d.coeff) > c.prec - c.clamp) {
      // a NaN payload longer than prec - clamp digits is cut to its low digits (_mpd_fix_nan)
      return { d: { ...d, coeff: d.coeff % pow10(c.prec - c.clamp) }, sig };
    }
    return { d, sig };
  }
  let { coeff, exp } = d;
  const sign = d.sign;
  const tiny = etiny(c);
  if (coeff === 0n) {
    const top = c.clamp ? etop(c) : c.Emax;
    if (exp > top) return { d: fin(sign, 0n, top), sig: sig | Sig.Clamped };
    if (exp < tiny) return { d: fin(sign, 0n, tiny), sig: sig | Sig.Clamped };
    return { d, sig };
  }
  let digits = ndigits(coeff);
  let adj = exp + digits - 1;
  if (adj > c.Emax)
    return { d: overflowResult(sign, c), sig: sig | Sig.Overflow | Sig.Inexact | Sig.Rounded };
  if (adj < c.Emin) {
    sig |= Sig.Subnormal;
    if (exp < tiny) {
      const r = shiftRound(coeff, tiny - exp, sign, c.rounding);
      coeff = r.c;
      exp = tiny;
      sig |= Sig.Rounded;
      if (r.inexact) {
        sig |= Sig.Inexact | Sig.Underflow;
        if (coeff === 0n) sig |= Sig.Clamped;
      }
      // rounding up can make it normal again (Subnormal stays, as libmpdec leaves it)
    }
    return { d: fin(sign, coeff, exp), sig };
  }
  if (digits > c.prec) {
    const r = shiftRound(coeff, digits - c.prec, sign, c.rounding);
    coeff = r.c;
    exp += digits - c.prec;
    sig |= Sig.Rounded | (r.inexact ? Sig.Inexact : 0);
    if (coeff === pow10(c.prec)) {
      coeff /= 10n;
      exp += 1;
    }
    digits = c.prec;
    adj = exp + digits - 1;
    if (adj > c.Emax)
      return { d: overflowResult(sign, c), sig: sig | Sig.Overflow | Sig.Inexact | Sig.Rounded };
  }
  if (c.clamp && exp > etop(c)) {
    // the fold-down: zeros appended so the exponent fits Etop (IEEE interchange formats)
    coeff *= pow10(exp - etop(c));
    exp = etop(c);
    sig |= Sig.Clamped;
  }
  return { d: fin(sign, coeff, exp), sig };
}

/** A NaN operand's result (_mpd_qcheck_nans): the first sNaN (quieted, InvalidOperation), else the first NaN. */
export function nanResult(a: Dec, b: Dec | null, c: Ctx): Res | null {
  const pick = (d: Dec, sig: number): Res => finalize({ ...d, kind: Kind.NaN }, c, sig);
  if (a.kind === Kind.SNaN) return pick(a, Sig.InvalidOperation);
  if (b !== null && b.kind === Kind.SNaN) return pick(b, Sig.InvalidOperation);
  if (a.kind === Kind.NaN) return pick(a, 0);
  if (b !== null && b.kind === Kind.NaN) return pick(b, 0);
  return null;
}

export const invalid = (sig = Sig.InvalidOperation): Res => ({ d: qnan(), sig });

/** The exact value compared: -1, 0, 1 (both finite or infinite; no NaN). */
export function cmpTotal(a: Dec, b: Dec): number {
  const sa = a.kind === Kind.Finite && a.coeff === 0n ? 0 : a.sign ? -1 : 1;
  const sb = b.kind === Kind.Finite && b.coeff === 0n ? 0 : b.sign ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const mag = cmpAbs(a, b);
  return sa < 0 ? -mag : mag;
}

/** |a| against |b| (non-zero or infinite). */
export function cmpAbs(a: Dec, b: Dec): number {
  if (a.kind === Kind.Inf || b.kind === Kind.Inf) return a.kind === b.kind ? 0 : a.kind === Kind.Inf ? 1 : -1;
  if (a.coeff === 0n || b.coeff === 0n) return a.coeff === b.coeff ? 0 : a.coeff === 0n ? -1 : 1;
  const aa = adjusted(a);
  const ab = adjusted(b);
  if (aa !== ab) return aa < ab ? -1 : 1;
  const e = Math.min(a.exp, b.exp);
  const x = a.coeff * pow10(a.exp - e);
  const y = b.coeff * pow10(b.exp - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Is the finite value an integer? */
export function isIntegral(d: Dec): boolean {
  if (d.kind !== Kind.Finite) return false;
  if (d.exp >= 0 || d.coeff === 0n) return true;
  return d.coeff % pow10(-d.exp) === 0n;
}

/** The exact integer of an integral finite value. */
export function toBigInt(d: Dec): bigint {
  const v = d.exp >= 0 ? d.coeff * pow10(d.exp) : d.coeff / pow10(-d.exp);
  return d.sign ? -v : v;
}

/** From an exact integer. */
export const fromBigInt = (v: bigint): Dec => (v < 0n ? fin(1, -v, 0) : fin(0, v, 0));

/** Rounds a finite value to an integer at exponent 0 (mpd_qround_to_int's core), exact digits kept above. */
export function roundToExp(d: Dec, exp: number, mode: Rounding): { d: Dec; inexact: boolean } {
  if (d.exp >= exp) return { d, inexact: false };
  const r = shiftRound(d.coeff, exp - d.exp, d.sign, mode);
  return { d: fin(d.sign, r.c, exp), inexact: r.inexact };
}
