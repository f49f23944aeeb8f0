import { getAttr } from '../abstract/attr';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { unicodeFromFormat } from '../abstract/fromformat';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong, intValue, norm } from '../objects/int';
import { strNew, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { Cmp, NB, T, type BinarySlot, type HashKey, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { addStatus, currentContext, decState, readContext, type CtxView } from './decimalctx';
import {
  cmpTotal,
  fin,
  finalize,
  fromBigInt,
  inf,
  isIntegral,
  Kind,
  ndigits,
  pow10,
  qnan,
  Sig,
  toBigInt,
  type Dec,
  type Res,
} from './decimalnum';
import { add, div, divint, divmod, mul, powInt, rem } from './decimalops';
import { toSci } from './decimalstr';
import { powReal } from './decimaltrans';

/**
 * decimal.Decimal, _decimal.c's PyDecObject: 16 bytes of header, the cached hash, the mpd_t
 * (flags, exp, digits, len, alloc, data pointer) and MPD_MINALLOC = 4 static words of 19
 * digits: 104 bytes from PyObject_Malloc (sys.getsizeof 104 up to 76 digits, measured). A longer
 * coefficient lives in a PyMem block of `alloc` words (mpd_mallocfunc is PyMem_Malloc in 3.11:
 * Decimal("1" * 80) makes 'm 104' then 'm 40'). Not tracked by the collector.
 */
export const DEC_SIZE = 104;
const MINALLOC = 4;
const RDIGITS = 19;

export interface DecObj {
  d: Dec;
  /** The dynamic coefficient block (0: the static words). */
  data: number;
  hashed: boolean;
}

export const decObj = (vm: Vm, h: number): DecObj => vm.table.side[h] as DecObj;
export const decOf = (vm: Vm, h: number): Dec => decObj(vm, h).d;
export const decimalTypeId = (vm: Vm): number => decState(vm).decimalType;
export const isDecimal = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(decimalTypeId(vm));

/** The coefficient's words (mpd_t.len). */
export const wordsOf = (d: Dec): number => (d.coeff === 0n ? 1 : Math.ceil(ndigits(d.coeff) / RDIGITS));

/**
 * dec_alloc, then the operation writing the result. `work` lists the sizes, in words, the result's
 * coefficient went through on the way when it outgrew the static ones (_mpd_qmul: the la + lb
 * words of the product, then its exact length), before the rounding's final mpd_qresize to
 * max(MPD_MINALLOC, len): Decimal("1"*80) * Decimal("7"*80) is m 104, m 80, r 72, r 32, measured.
 */
export function decNew(vm: Vm, d: Dec, typeId = decimalTypeId(vm), work: readonly number[] = []): number {
  const h = vm.newObject(typeId, DEC_SIZE);
  const w = wordsOf(d);
  let data = 0;
  if (work.length > 0 && work[0] > MINALLOC) {
    data = vm.mem.malloc(work[0] * 8);
    let last = work[0];
    for (const n of [...work.slice(1), Math.max(MINALLOC, w)])
      if (n !== last) {
        data = vm.mem.realloc(data, n * 8);
        last = n;
      }
  } else if (w > MINALLOC && d.kind === Kind.Finite) data = vm.mem.malloc(w * 8);
  vm.table.side[h] = { d, data, hashed: false } satisfies DecObj;
  return h;
}

export function decDealloc(vm: Vm, h: number): void {
  const o = decObj(vm, h);
  if (o.data) vm.mem.free(o.data);
  vm.table.side[h] = undefined;
  vm.objectFree(h);
}

/** A result with its status: the flags set and a trapped signal raised (the result released). */
export function decResult(vm: Vm, ctx: CtxView, r: Res, work: readonly number[] = []): number {
  const h = decNew(vm, r.d, decimalTypeId(vm), work);
  try {
    addStatus(vm, ctx, r.sig);
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  return h;
}

/** The exact value of a double (PyDecType_FromFloatExact). */
export function fromFloat(x: number): Dec {
  const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (Number.isNaN(x)) return qnan(0);
  if (!Number.isFinite(x)) return inf(sign);
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  // m / 2^e = m × 5^e / 10^e
  return fin(sign, BigInt(m) * 5n ** BigInt(e), -e);
}

export interface Operand {
  d: Dec;
  /** A temporary Decimal made for an int operand (released after the operation), or 0. */
  temp: number;
}

/** convert_op: a Decimal as it is, an int through a temporary Decimal; null for anything else. */
export function operand(vm: Vm, h: number): Operand | null {
  if (isDecimal(vm, h)) return { d: decOf(vm, h), temp: 0 };
  if (vm.typeOf(h).mro.includes(T.Int)) {
    const d = fromBigInt(BigInt(intValue(vm, h)));
    const temp = decNew(vm, d);
    return { d, temp };
  }
  return null;
}

export const release = (vm: Vm, o: Operand | null): void => {
  if (o !== null && o.temp) vm.decref(o.temp);
};

/** nm_mpd_q*: context, the operands converted, the result allocated, the temporaries released, the status. */
function binary(op: (a: Dec, b: Dec, c: CtxView) => Res, work?: (a: Dec, b: Dec) => number[]): BinarySlot {
  return (vm, a, b) => {
    const ctx = readContext(vm, currentContext(vm));
    const x = operand(vm, a);
    if (x === null) return vm.s.NotImplemented;
    const y = operand(vm, b);
    if (y === null) {
      release(vm, x);
      return vm.s.NotImplemented;
    }
    const r = op(x.d, y.d, ctx);
    const h = decNew(vm, r.d, decimalTypeId(vm), work?.(x.d, y.d));
    release(vm, x);
    release(vm, y);
    try {
      addStatus(vm, ctx, r.sig);
    } catch (e) {
      vm.decref(h);
      throw e;
    }
    return h;
  };
}

/** The exact product's words when both are finite (_mpd_qmul resizes the result to la + lb first). */
const mulWork = (a: Dec, b: Dec): number[] =>
  a.kind === Kind.Finite && b.kind === Kind.Finite && a.coeff !== 0n && b.coeff !== 0n
    ? [wordsOf(a) + wordsOf(b), wordsOf(fin(0, a.coeff * b.coeff, 0))]
    : [];

export function power(ctx: CtxView, a: Dec, b: Dec): Res {
  if (a.kind >= Kind.NaN || b.kind >= Kind.NaN) return add(a, b, ctx);
  if (b.kind === Kind.Finite && isIntegral(b)) {
    const y = toBigInt(b);
    const r = powInt(a, y, ctx);
    if (r !== null) return r;
    // too many digits to compute exactly: |x| ** y correctly rounded, the sign from y's parity
    const p = powReal({ ...a, sign: 0 }, b, ctx);
    return a.sign && (y & 1n) === 1n && p.d.kind !== Kind.NaN ? { ...p, d: { ...p.d, sign: 1 } } : p;
  }
  return powReal(a, b, ctx);
}

const powerSlot: BinarySlot = (vm, a, b) => {
  const ctx = readContext(vm, currentContext(vm));
  const x = operand(vm, a);
  if (x === null) return vm.s.NotImplemented;
  const y = operand(vm, b);
  if (y === null) {
    release(vm, x);
    return vm.s.NotImplemented;
  }
  try {
    return decResult(vm, ctx, power(ctx, x.d, y.d));
  } finally {
    release(vm, x);
    release(vm, y);
  }
};

export const BINARY: Partial<Record<NB, BinarySlot>> = {
  [NB.Add]: binary((a, b, c) => add(a, b, c)),
  [NB.Subtract]: binary((a, b, c) => add(a, b, c, true)),
  [NB.Multiply]: binary(mul, mulWork),
  [NB.TrueDivide]: binary(div),
  [NB.FloorDivide]: binary(divint),
  [NB.Remainder]: binary(rem),
  [NB.Power]: powerSlot,
};

/** mpd_qpowmod: integral operands, a non-negative exponent; (a ** b) % m with the sign of a ** b. */
function powmod(a: Dec, b: Dec, m: Dec, ctx: CtxView): Res {
  if (a.kind >= Kind.NaN || b.kind >= Kind.NaN || m.kind >= Kind.NaN) return add(a, b, ctx);
  const whole = (d: Dec): boolean => d.kind === Kind.Finite && isIntegral(d);
  if (!whole(a) || !whole(b) || !whole(m)) return { d: qnan(), sig: Sig.InvalidOperation };
  const x = toBigInt(a);
  const y = toBigInt(b);
  let n = toBigInt(m);
  if (n < 0n) n = -n;
  if (y < 0n || n === 0n || ndigits(n) > ctx.prec || (x === 0n && y === 0n))
    return { d: qnan(), sig: Sig.InvalidOperation };
  let r = 1n % n;
  let base = (x < 0n ? -x : x) % n;
  for (let k = y; k > 0n; k >>= 1n) {
    if (k & 1n) r = (r * base) % n;
    base = (base * base) % n;
  }
  return { d: fin(x < 0n && (y & 1n) === 1n ? 1 : 0, r, 0), sig: 0 };
}

export function powmodSlot(vm: Vm, a: number, b: number, m: number): number {
  const ctx = readContext(vm, currentContext(vm));
  const ops = [a, b, m].map((h) => operand(vm, h));
  try {
    if (ops.some((o) => o === null)) {
      // NotImplemented: ternary_op then tries the others' slots; float's refuses any modulus
      if ([a, b, m].some((h) => vm.typeOf(h).mro.includes(T.Float)))
        throw typeError(vm, 'pow() 3rd argument not allowed unless all arguments are integers');
      throw typeError(
        vm,
        "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
        ...[a, b, m].map((h) => typeName(vm, h)),
      );
    }
    return decResult(vm, ctx, powmod(ops[0]!.d, ops[1]!.d, ops[2]!.d, ctx));
  } finally {
    ops.forEach((o) => release(vm, o));
  }
}

/** nm_mpd_qdivmod: both results, then the 2-tuple. */
export const divmodSlot: BinarySlot = (vm, a, b) => {
  const ctx = readContext(vm, currentContext(vm));
  const x = operand(vm, a);
  if (x === null) return vm.s.NotImplemented;
  const y = operand(vm, b);
  if (y === null) {
    release(vm, x);
    return vm.s.NotImplemented;
  }
  const [q, r] = divmod(x.d, y.d, ctx);
  const qh = decNew(vm, q.d);
  const rh = decNew(vm, r.d);
  release(vm, x);
  release(vm, y);
  try {
    addStatus(vm, ctx, q.sig | r.sig);
  } catch (e) {
    vm.decref(qh);
    vm.decref(rh);
    throw e;
  }
  return tupleFromItems(vm, [qh, rh]);
};

/** mpd_qminus / mpd_qplus / mpd_qabs: rounded to the context; a zero loses its sign unless ROUND_FLOOR. */
export function unary(kind: 'neg' | 'pos' | 'abs') {
  return (vm: Vm, h: number): number => {
    const ctx = readContext(vm, currentContext(vm));
    const a = decOf(vm, h);
    let d: Dec;
    if (a.kind >= Kind.NaN) d = a;
    else if (kind === 'neg') d = { ...a, sign: (a.sign ^ 1) as 0 | 1 };
    else if (kind === 'abs') d = { ...a, sign: 0 };
    else d = a;
    if (d.kind === Kind.Finite && d.coeff === 0n && ctx.rounding !== 'ROUND_FLOOR') d = { ...d, sign: 0 };
    const r = a.kind >= Kind.NaN ? add(a, a, ctx) : finalize(d, ctx);
    return decResult(vm, ctx, r);
  };
}

/** A Fraction's numerator and denominator (numbers.Rational in convert_op_cmp), or null. */
function rational(vm: Vm, h: number): [bigint, bigint] | null {
  if (vm.typeOf(h).name !== 'Fraction') return null;
  const n = getAttr(vm, h, 'numerator');
  const d = getAttr(vm, h, 'denominator');
  try {
    return [BigInt(intValue(vm, n)), BigInt(intValue(vm, d))];
  } finally {
    vm.decref(n);
    vm.decref(d);
  }
}

/** dec_richcompare: ints, floats (exact; FloatOperation for an ordering) and Fractions compared exactly. */
export function richcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  const x = decOf(vm, a);
  let y: Dec;
  let temp = 0;
  let scale: bigint | null = null;
  const ordering = op !== Cmp.EQ && op !== Cmp.NE;
  const ctx = readContext(vm, currentContext(vm));
  if (isDecimal(vm, b)) y = decOf(vm, b);
  else if (vm.typeOf(b).mro.includes(T.Int)) {
    const o = operand(vm, b)!;
    y = o.d;
    temp = o.temp;
  } else if (vm.typeOf(b).mro.includes(T.Float)) {
    y = fromFloat(vm.table.num[b]);
    temp = decNew(vm, y);
    if (ordering) addStatus(vm, ctx, Sig.FloatOperation);
  } else {
    const r = rational(vm, b);
    if (r === null) return vm.s.NotImplemented;
    y = fromBigInt(r[0]);
    scale = r[1];
  }
  try {
    if (x.kind >= Kind.NaN || y.kind >= Kind.NaN) {
      const signaling = x.kind === Kind.SNaN || y.kind === Kind.SNaN;
      if (!ordering && !signaling) return vm.s.bool(op === Cmp.NE);
      addStatus(vm, ctx, Sig.InvalidOperation);
      return vm.s.bool(op === Cmp.NE);
    }
    const lhs = scale === null || x.kind !== Kind.Finite ? x : { ...x, coeff: x.coeff * scale };
    const c = cmpTotal(lhs, y);
    return vm.s.bool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]);
  } finally {
    if (temp) vm.decref(temp);
  }
}

const MODULUS = (1n << 61n) - 1n;
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  let x = b % m;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) r = (r * x) % m;
    x = (x * x) % m;
  }
  return r;
}
const INV10 = modPow(10n, MODULUS - 2n, MODULUS);

/**
 * _dec_hash: the value modulo 2**61 - 1 (so it equals hash() of an equal int, float or Fraction),
 * computed the first time with two mpd_qnew temporaries (m 48, m 32 each, measured) and cached.
 */
export function decHashValue(vm: Vm, h: number): bigint {
  const o = decObj(vm, h);
  const d = o.d;
  if (d.kind === Kind.SNaN) throw typeError(vm, 'Cannot hash a signaling NaN value');
  if (d.kind === Kind.NaN) {
    const y = BigInt(vm.id(h));
    return BigInt.asIntN(64, ((y >> 4n) | (y << 60n)) & ((1n << 64n) - 1n));
  }
  if (d.kind === Kind.Inf) return d.sign ? -314159n : 314159n;
  if (!o.hashed) {
    o.hashed = true;
    const t = [vm.mem.malloc(48), vm.mem.malloc(32), vm.mem.malloc(48), vm.mem.malloc(32)];
    for (const p of [t[3], t[2], t[1], t[0]]) vm.mem.free(p);
  }
  const p = d.exp >= 0 ? modPow(10n, BigInt(d.exp), MODULUS) : modPow(INV10, BigInt(-d.exp), MODULUS);
  let v = ((d.coeff % MODULUS) * p) % MODULUS;
  if (d.sign) v = -v;
  return v === -1n ? -2n : v;
}

/** The key dicts and sets use: equal to an equal int's or float's key. */
export function decHashKey(vm: Vm, h: number): HashKey {
  const d = decOf(vm, h);
  if (d.kind === Kind.NaN || d.kind === Kind.SNaN) {
    decHashValue(vm, h);
    return `\u0000#${h}`;
  }
  if (d.kind === Kind.Inf) return d.sign ? -Infinity : Infinity;
  decHashValue(vm, h);
  if (d.coeff === 0n) return 0;
  if (isIntegral(d)) {
    const v = toBigInt(d);
    return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  }
  const x = Number(toSci(d));
  if (fromFloatEquals(x, d)) return x;
  return `dec:${toSci(d)}`;
}

function fromFloatEquals(x: number, d: Dec): boolean {
  if (!Number.isFinite(x)) return false;
  return cmpTotal(fromFloat(x), d) === 0;
}

/** mpd_to_sci's buffer: the digits, the point or the zeros around it, and MPD_EXPDIGITS + 7 (io.c). */
export function sciBufferSize(d: Dec): number {
  if (d.kind !== Kind.Finite) return 11 + (d.coeff === 0n ? 0 : ndigits(d.coeff));
  const digits = ndigits(d.coeff);
  const left = digits + d.exp;
  const dplace = d.exp <= 0 && left > -6 ? left : 1;
  const mem = dplace <= 0 ? -dplace + digits + 2 : dplace >= digits ? dplace : digits;
  return mem + 19 + 7;
}

/** dec_str: mpd_to_sci into a PyMem buffer, the str made from it, the buffer freed. */
export function decStr(vm: Vm, h: number): number {
  const d = decOf(vm, h);
  const ctx = readContext(vm, currentContext(vm));
  const buf = vm.mem.malloc(sciBufferSize(d));
  const s = strNew(vm, toSci(d, ctx.capitals === 1));
  vm.mem.free(buf);
  return s;
}

/** dec_repr: the same buffer, then PyUnicode_FromFormat("Decimal('%s')"). */
export function decRepr(vm: Vm, h: number): number {
  const d = decOf(vm, h);
  const ctx = readContext(vm, currentContext(vm));
  const buf = vm.mem.malloc(sciBufferSize(d));
  const s = unicodeFromFormat(vm, "Decimal('%s')", [toSci(d, ctx.capitals === 1)]);
  vm.mem.free(buf);
  return s;
}

/** PyDec_AsFloat: the str, then float(str) (a NaN keeps its sign; sNaN is a ValueError). */
export function decFloat(vm: Vm, h: number): number {
  const d = decOf(vm, h);
  if (d.kind === Kind.SNaN) throw valueError(vm, 'cannot convert signaling NaN to float');
  const s = decStr(vm, h);
  const text = strValue(vm, s);
  const x = d.kind === Kind.NaN ? NaN : d.kind === Kind.Inf ? (d.sign ? -Infinity : Infinity) : Number(text);
  const f = fromDouble(vm, x);
  vm.decref(s);
  return f;
}

/**
 * dec_as_long: mpd_qnew's temporary (m 48, m 32), rounded to an integer, exported as 30-bit
 * digits (mpd_qexport_u32: 4 bytes each), the int made, the temporaries freed.
 */
export function decToInt(vm: Vm, h: number, mode: string): number {
  const d = decOf(vm, h);
  if (d.kind === Kind.NaN || d.kind === Kind.SNaN) throw valueError(vm, 'cannot convert NaN to integer');
  if (d.kind === Kind.Inf) throw raiseString(vm, E.OverflowError, 'cannot convert Infinity to integer');
  const rounded = d.exp >= 0 ? d : fin(d.sign, roundCoeff(d, mode), 0);
  const v = toBigInt(rounded);
  const mpd = vm.mem.malloc(48);
  const words = Math.max(MINALLOC, wordsOf(rounded));
  const data = vm.mem.malloc(words * 8);
  let r: number;
  if (v === 0n) r = fromLong(vm, 0);
  else {
    const n = Math.max(1, Math.ceil((v < 0n ? -v : v).toString(2).length / 30));
    const digits = vm.mem.malloc(4 * n);
    if (n === 1) {
      vm.mem.free(digits);
      r = fromLong(vm, norm(v));
    } else {
      r = fromLong(vm, norm(v));
      vm.mem.free(digits);
    }
  }
  vm.mem.free(data);
  vm.mem.free(mpd);
  return r;
}

function roundCoeff(d: Dec, mode: string): bigint {
  const p = pow10(-d.exp);
  const q = d.coeff / p;
  const rest = d.coeff % p;
  const half = p / 2n;
  let up = false;
  if (rest !== 0n) {
    if (mode === 'ROUND_HALF_EVEN') up = rest > half || (rest === half && (q & 1n) === 1n);
    else if (mode === 'ROUND_FLOOR') up = d.sign === 1;
    else if (mode === 'ROUND_CEILING') up = d.sign === 0;
  }
  return up ? q + 1n : q;
}

export { norm, type TypeSlots };
