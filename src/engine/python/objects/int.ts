import { raiseString, valueError, zeroDivision } from '../abstract/errors';
import { intFormat } from '../abstract/format';
import { Singletons } from '../runtime/singletons';
import type { Vm } from '../runtime/vm';
import { INT_BYTES_METHODS } from './intbytes';
import { E } from './exctypes';
import { INT_ROUND } from './round';
import { fromDouble } from './float';
import { intDivMod } from './intdiv';
import { strNew } from './str';
import { F_BIG } from './table';
import { floatPowValue, intTrueDivideValue } from './floatpow';
import { tupleFromItems } from './tuple';
import { Cmp, Meth, NB, T, TpFlags, defineType, numberSlots, type BinarySlot, type TypeSlots } from './types';
import { cmpResult } from '../abstract/compare';
import { INT_TO_DECIMAL_CHAR_NS, INT_TO_DECIMAL_NS } from '../runtime/cwork';
import { callPylong, pylongDivmod, pylongIntDivmod, pylongToStr } from './intpylong';
import {
  IntValue,
  MEDIUM,
  ndigits,
  bitLength,
  bitLengthNear,
  JS_MAX_INT_BITS,
  checkIntBits,
  STR_DIGITS_CHECKED_FROM,
  checkIntStrDigits,
  longBytes,
} from './intsize';
import { intTypeNew } from './intnew';

/**
 * int objects (Objects/longobject.c, 3.11): 30-bit digits, `offsetof(PyLongObject, ob_digit)` = 24
 * bytes of header, so _PyLong_New(n) asks PyObject_Malloc for 24 + 4·max(n, 1) bytes, while a
 * single-digit result built by _PyLong_FromMedium asks for sizeof(PyLongObject) = 32. Which of
 * the two an operation uses, and how many digits it allocates, is what decides the block class.
 */

/** A JS number when exact, else a bigint. */
export function norm(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export function intValue(vm: Vm, h: number): IntValue {
  const t = vm.table;
  return t.flags[h] & F_BIG ? (t.side[h] as bigint) : t.num[h];
}

export const isMedium = (v: IntValue): boolean =>
  typeof v === 'number' ? Math.abs(v) < MEDIUM : v > -1073741824n && v < 1073741824n;
const isSmall = (v: IntValue): boolean => typeof v === 'number' && Singletons.isSmall(v);

/** _PyLong_New(nd) holding v (the caller decides nd as CPython does). */
export function longNew(vm: Vm, v: IntValue, nd: number): number {
  const h = vm.newObject(T.Int, longBytes(nd));
  setValue(vm, h, v);
  return h;
}

export function setValue(vm: Vm, h: number, v: IntValue): void {
  const t = vm.table;
  if (typeof v === 'bigint') {
    t.flags[h] |= F_BIG;
    t.side[h] = v;
    // a big int's digits are JS heap too (the simulator's memory budget, runtime/hostmem.ts)
    if (v > BIG_INT_CHARGED || v < -BIG_INT_CHARGED) vm.hostMem.keep(h, Math.ceil(bitLength(v) / 8));
  } else t.num[h] = v;
}
const BIG_INT_CHARGED = 1n << 32768n;

/** int_dealloc: a big int's charged digits go back to the budget. */
function intDealloc(vm: Vm, h: number): void {
  if (vm.table.flags[h] & F_BIG) vm.hostMem.release(h);
  vm.objectFree(h);
}

/** PyLong_FromLong / _PyLong_FromSTwoDigits: small int, 32-byte medium, or exactly sized. */
export function fromLong(vm: Vm, v: IntValue): number {
  if (isSmall(v)) return vm.s.smallInt(v as number);
  if (isMedium(v)) {
    const h = vm.newObject(T.Int, 32); // _PyLong_FromMedium: sizeof(PyLongObject)
    setValue(vm, h, v);
    return h;
  }
  return longNew(vm, v, ndigits(v));
}

/** PyLong_FromSsize_t (len(), list.index, gc.collect…): small, else exactly sized (28 for one digit). */
export function fromSsize(vm: Vm, v: IntValue): number {
  if (isSmall(v)) return vm.s.smallInt(v as number);
  return longNew(vm, v, ndigits(v));
}

/** maybe_small_long: a fresh result that turned out small is freed for the cached one. */
function maybeSmall(vm: Vm, h: number, v: IntValue): number {
  if (isSmall(v)) {
    vm.decref(h);
    return vm.s.smallInt(v as number);
  }
  return h;
}

export const big = (v: IntValue): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const neg = (v: IntValue): boolean => v < 0;
export const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/** _PyLong_Add / _PyLong_Subtract: x_add allocates size_a + 1 digits, x_sub the significant part. */
export function intAddSub(vm: Vm, a: IntValue, b: IntValue, subtract: boolean): number {
  if (isMedium(a) && isMedium(b))
    return fromLong(vm, (a as number) + (subtract ? -(b as number) : (b as number)));
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < 2 ** 52 && Math.abs(b) < 2 ** 52)
    return addSubNumbers(vm, a, b, subtract);
  const r = norm(subtract ? big(a) - big(b) : big(a) + big(b));
  // Signs decide whether magnitudes add (x_add) or subtract (x_sub).
  const magnitudesAdd = subtract ? neg(a) !== neg(b) : neg(a) === neg(b);
  const na = ndigits(a);
  const nb = ndigits(b);
  if (magnitudesAdd) return longNew(vm, r, Math.max(na, nb) + 1);
  let size = Math.max(na, nb);
  if (na === nb) {
    const differing = abs(big(a)) ^ abs(big(b));
    if (differing === 0n) return vm.s.smallInt(0); // PyLong_FromLong(0)
    size = ndigits(differing);
  }
  return maybeSmall(vm, longNew(vm, r, size), r);
}

/** intAddSub for operands below 2**52 (exact in doubles): the same digit counts without bigints. */
function addSubNumbers(vm: Vm, a: number, b: number, subtract: boolean): number {
  const r = subtract ? a - b : a + b;
  const magnitudesAdd = subtract ? a < 0 !== b < 0 : a < 0 === b < 0;
  const na = ndigits(a);
  const nb = ndigits(b);
  if (magnitudesAdd) return longNew(vm, r, Math.max(na, nb) + 1);
  let size = Math.max(na, nb);
  if (na === nb) {
    const x = Math.abs(a);
    const y = Math.abs(b);
    if (x === y) return vm.s.smallInt(0); // PyLong_FromLong(0)
    // the digits x_sub keeps: up to the highest digit where the magnitudes differ
    let hi = size;
    while (hi > 0 && Math.floor(x / MEDIUM ** (hi - 1)) === Math.floor(y / MEDIUM ** (hi - 1))) hi--;
    size = hi;
  }
  return maybeSmall(vm, longNew(vm, r, size), r);
}

/** _PyLong_Multiply: single digits → FromSTwoDigits; else x_mul's size_a + size_b digits. */
export function intMul(vm: Vm, a: IntValue, b: IntValue): number {
  if (isMedium(a) && isMedium(b)) return fromLong(vm, norm(big(a) * big(b)));
  const na = ndigits(a);
  const nb = ndigits(b);
  if (na === 0 || nb === 0) return vm.s.smallInt(0); // k_mul: asize == 0 → PyLong_FromLong(0)
  if (na + nb > 2 ** 25) checkIntBits(vm, bitLength(a) + bitLength(b));
  // Karatsuba (both > 70 digits) allocates temporaries too; the result size is the same.
  const r = big(a) * big(b);
  if (na + nb > 2) bitLengthNear(r, bitLength(a) + bitLength(b));
  return longNew(vm, norm(r), na + nb);
}

/** long_neg: medium → FromSTwoDigits(-v); else _PyLong_Copy (exact size) negated in place. */
export function intNeg(vm: Vm, a: IntValue): number {
  const r = norm(-big(a));
  if (isMedium(a)) return fromLong(vm, r);
  return longNew(vm, r, ndigits(a));
}

/** Bitwise operators and shifts: single-digit fast paths, otherwise exactly sized results. */
export function intBitOp(vm: Vm, op: string, a: IntValue, b: IntValue): number {
  const A = big(a);
  const B = big(b);
  let r: bigint;
  switch (op) {
    case '&':
      r = A & B;
      break;
    case '|':
      r = A | B;
      break;
    case '^':
      r = A ^ B;
      break;
    case '<<':
      if (B < 0n) throw valueError(vm, 'negative shift count');
      if (B > 1n << 31n) throw raiseString(vm, E.OverflowError, 'too many digits in integer');
      if (A !== 0n) checkIntBits(vm, bitLength(A) + Number(B));
      r = A << B;
      break;
    default:
      if (B < 0n) throw valueError(vm, 'negative shift count');
      r = A >> (B > 1n << 31n ? 1n << 31n : B);
  }
  const v = norm(r);
  if ((op === '&' || op === '|' || op === '^') && !(isMedium(a) && isMedium(b)))
    return longBitwise(vm, op, a, b, v);
  if (isSmall(v) || isMedium(v)) return fromLong(vm, v);
  return longNew(vm, v, op === '<<' ? ndigits(a) + Number(B / 30n) + 1 : ndigits(v));
}

/**
 * long_bitwise (`&`, `|`, `^` unless both operands are compact): a negative operand is first
 * complemented into a temporary of its own size (_PyLong_New + v_complement), the operands are
 * ordered longer first, the result gets the digits the operation can need (`^`: the longer's; `&`:
 * the longer's if the shorter is negative, else the shorter's; `|` the other way round) plus one when
 * it is negative; the temporaries go (the longer's first), then maybe_small_long. Measured in
 * uuid.UUID(version=4)'s `int &= ~(0xc000 << 48)`: m 36 (the mask's complement), m 44, f 36.
 */
function longBitwise(vm: Vm, op: '&' | '|' | '^', a: IntValue, b: IntValue, v: IntValue): number {
  let sizeA = ndigits(a);
  let sizeB = ndigits(b);
  let negA = big(a) < 0n;
  let negB = big(b) < 0n;
  let tmpA = negA ? vm.newObject(T.Int, longBytes(sizeA)) : 0;
  let tmpB = negB ? vm.newObject(T.Int, longBytes(sizeB)) : 0;
  if (sizeA < sizeB) {
    [sizeA, sizeB, negA, negB, tmpA, tmpB] = [sizeB, sizeA, negB, negA, tmpB, tmpA];
  }
  const negZ = op === '^' ? negA !== negB : op === '&' ? negA && negB : negA || negB;
  const sizeZ = op === '^' ? sizeA : op === '&' ? (negB ? sizeA : sizeB) : negB ? sizeB : sizeA;
  const z = longNew(vm, v, sizeZ + (negZ ? 1 : 0));
  if (tmpA) vm.objectFree(tmpA);
  if (tmpB) vm.objectFree(tmpB);
  if (isSmall(v)) {
    vm.decref(z);
    return vm.s.smallInt(v as number);
  }
  return z;
}

/** ~x = -(x+1). */
export function intInvert(vm: Vm, a: IntValue): number {
  return fromLong(vm, norm(-big(a) - 1n));
}

/**
 * long_pow without modulus: the same sequence of multiplications CPython performs (each MULT
 * allocates the product and frees the previous accumulator), so 10**20 ends as a 4-digit (40 B)
 * object: 10, 100, 10**4, 10**5, 10**10 (2 digits), then 2 × 2 digits → 4.
 */
export function intPow(vm: Vm, a: IntValue, b: IntValue): number {
  const B = big(b);
  if (B < 0n) return -1; // the caller computes the float result (float_pow)
  let acc: { h: number; v: IntValue } = { h: vm.s.smallInt(1), v: 1 };
  const mult = (x: IntValue, y: IntValue) => {
    const h = intMul(vm, x, y);
    vm.decref(acc.h);
    acc = { h, v: intValue(vm, h) };
  };
  const bits = B.toString(2);
  const A = big(a);
  // a result of more bits than the JS engine holds (and CPython's MemoryError for 2**(2**64))
  if (B > 3n && (A > 1n || A < -1n)) {
    const est = (bitLength(A) - 1) * Number(B);
    if (est > JS_MAX_INT_BITS) checkIntBits(vm, est);
  }
  // |a| a power of two: each product is a shift (V8 squares a 50-Mbit number in ~1 s; CPython's
  // x_mul is quadratic there too, but its 2**100000000 takes 0.95 s), the same allocations
  const pow2 = A !== 0n && (A < 0n ? -A : A) & ((A < 0n ? -A : A) - 1n) ? 0 : bitLength(A) - 1;
  if (pow2 > 0 && B > 3n) return intPowOfTwo(vm, A < 0n, pow2, bits);
  if (B <= 3n) {
    if (B >= 2n) {
      mult(a, a);
      if (B === 3n) mult(acc.v, a);
    } else if (B === 1n) mult(a, acc.v);
    return acc.h;
  }
  if (bits.length > 60) {
    // only |a| <= 1 gets here (anything larger was refused above): the value is ±1 or 0
    if (A === 0n || A === 1n) return fromLong(vm, norm(A));
    return fromLong(vm, B % 2n === 0n ? 1 : -1);
  }
  vm.decref(acc.h);
  acc = { h: 0, v: a };
  let first = true;
  for (const bit of bits.slice(1)) {
    const sq = intMul(vm, acc.v, acc.v);
    if (!first) vm.decref(acc.h);
    first = false;
    acc = { h: sq, v: intValue(vm, sq) };
    if (bit === '1') mult(acc.v, a);
  }
  if (first) return fromLong(vm, a); // b == 1 handled above; unreachable
  return acc.h;
}

/**
 * intPow's multiplications for a = ±2**k: the same left-to-right square-and-multiply, each product
 * made by a shift, so the allocations (the digits of every intermediate result) are CPython's.
 */
function intPowOfTwo(vm: Vm, negative: boolean, k: number, bits: string): number {
  const valueOf = (e: bigint): IntValue => {
    const v = 1n << (BigInt(k) * e);
    return norm(negative && e % 2n === 1n ? -v : v);
  };
  const a = valueOf(1n);
  let e = 1n;
  let h = 0;
  for (const bit of bits.slice(1)) {
    const sq = productOf(vm, valueOf(e), valueOf(e), valueOf(2n * e));
    if (h !== 0) vm.decref(h);
    e *= 2n;
    h = sq;
    if (bit === '1') {
      const m = productOf(vm, valueOf(e), a, valueOf(e + 1n));
      vm.decref(h);
      e += 1n;
      h = m;
    }
  }
  return h;
}

/** intMul's object for x * y whose value `xy` is already known. */
function productOf(vm: Vm, x: IntValue, y: IntValue, xy: IntValue): number {
  if (isMedium(x) && isMedium(y)) return fromLong(vm, xy);
  const na = ndigits(x);
  const nb = ndigits(y);
  if (na + nb > 2 ** 25) checkIntBits(vm, bitLength(x) + bitLength(y));
  return longNew(vm, xy, na + nb);
}

/**
 * str(int) (long_to_decimal_string): a scratch int of 1 + size_a + size_a/99 digits is allocated
 * for the base-10**9 conversion, then the ASCII result, then the scratch is freed.
 */
export function intToStr(vm: Vm, v: IntValue, self: number): number {
  const sizeA = ndigits(v);
  const scratchBytes = longBytes(1 + sizeA + Math.floor(sizeA / 99));
  // (no closure made for the usual short int: one per str(int) was V8 garbage)
  if (sizeA >= STR_DIGITS_CHECKED_FROM)
    checkIntStrDigits(vm, v, sizeA, () => vm.objectFree(vm.newObject(T.Int, scratchBytes)));
  // 3.12+: past 1,000 digits, _pylong.int_to_decimal_string(a) is the str (pylong_int_to_decimal_string)
  if (pylongToStr(vm, sizeA)) return callPylong(vm, 'int_to_decimal_string', [self]);
  const scratch = vm.newObject(T.Int, scratchBytes);
  const text = v.toString();
  // the base-10**9 conversion and the digits written out (cwork.ts INT_TO_DECIMAL_*)
  vm.mem.spend(INT_TO_DECIMAL_NS + text.length * INT_TO_DECIMAL_CHAR_NS);
  const h = strNew(vm, text, 0);
  vm.objectFree(scratch);
  return h;
}

// ---- the number protocol (long_add …): both operands ints, else NotImplemented ------------------

const isInt = (vm: Vm, h: number): boolean => {
  const t = vm.table.type[h];
  return t === T.Int || t === T.Bool || (vm.types[t].flags & TpFlags.LongSubclass) !== 0;
};

/** CHECK_BINOP around an operation on the two values (`ha`: the left handle when it is an exact int). */
const binop =
  (
    f: (vm: Vm, a: IntValue, b: IntValue, ha: number, operands: readonly [number, number]) => number,
  ): BinarySlot =>
  (vm, a, b) => {
    if (!isInt(vm, a) || !isInt(vm, b)) return vm.s.NotImplemented;
    return f(vm, intValue(vm, a), intValue(vm, b), vm.table.type[a] === T.Int ? a : 0, [a, b]);
  };

/** long_true_divide: a correctly rounded float. */
function intTrueDivide(vm: Vm, a: IntValue, b: IntValue): number {
  if (b === 0 || b === 0n) throw zeroDivision(vm, 'division by zero');
  const r = intTrueDivideValue(a, b);
  if (r === null) throw raiseString(vm, E.OverflowError, 'integer division result too large for a float');
  return fromDouble(vm, r);
}

/** PyLong_AsDouble: OverflowError past the double range. */
function intAsDouble(vm: Vm, v: IntValue): number {
  const f = Number(v);
  if (!Number.isFinite(f)) throw raiseString(vm, E.OverflowError, 'int too large to convert to float');
  return f;
}

/** long_pow without modulus: a negative exponent goes to float_pow. */
function intPowSlot(vm: Vm, a: IntValue, b: IntValue): number {
  const r = intPow(vm, a, b);
  if (r !== -1) return r;
  // long_pow: a negative exponent is float_pow's (both operands converted, each may overflow)
  const x = intAsDouble(vm, a);
  return fromDouble(vm, floatPowValue(vm, x, intAsDouble(vm, b)));
}

/** long_divmod: the (q, r) pair (divmod()). */
export function intDivmod(vm: Vm, a: IntValue, b: IntValue, operands?: readonly [number, number]): number {
  // 3.12+ l_divmod: a long division goes to _pylong.int_divmod (its tuple unpacked, a new one made)
  if (operands !== undefined && b !== 0 && b !== 0n && pylongDivmod(vm, ndigits(a), ndigits(b)))
    return tupleFromItems(vm, pylongIntDivmod(vm, operands[0], operands[1]));
  const q = intDivMod(vm, a, b, 'div');
  const r = intDivMod(vm, a, b, 'mod');
  return tupleFromItems(vm, [q, r]);
}

/** long_long: an exact int is itself; a bool or subclass becomes an exact int. */
export function longLong(vm: Vm, h: number): number {
  if (vm.table.type[h] === T.Int) {
    vm.incref(h);
    return h;
  }
  return fromLong(vm, intValue(vm, h));
}

/** long_richcompare. */
function intRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!isInt(vm, b)) return vm.s.NotImplemented;
  const x = intValue(vm, a);
  const y = intValue(vm, b);
  return vm.s.bool(cmpResult(x < y ? -1 : x > y ? 1 : 0, op));
}

export const m = (name: string, flags: number, impl: (vm: Vm, self: number) => number) => ({
  name,
  flags,
  impl,
  qualname: `int.${name}`,
});

export const IntType = (): TypeSlots =>
  defineType({
    id: T.Int,
    name: 'int',
    basicsize: 24,
    itemsize: 4,
    flags: TpFlags.BaseType | TpFlags.LongSubclass,
    dealloc: intDealloc,
    sizeof: (vm, h) => 24 + 4 * Math.max(1, ndigits(intValue(vm, h))),
    repr: (vm, h) => intToStr(vm, intValue(vm, h), h),
    reprText: (vm, h) => {
      const v = intValue(vm, h);
      checkIntStrDigits(vm, v);
      return v.toString();
    },
    format: intFormat,
    hash: (vm, h) => intValue(vm, h),
    richcompare: intRichcompare,
    number: numberSlots(
      {
        [NB.Add]: binop((vm, a, b) => intAddSub(vm, a, b, false)),
        [NB.Subtract]: binop((vm, a, b) => intAddSub(vm, a, b, true)),
        [NB.Multiply]: binop((vm, a, b) => intMul(vm, a, b)),
        [NB.FloorDivide]: binop((vm, a, b, ha, operands) => intDivMod(vm, a, b, 'div', ha, operands)),
        [NB.Remainder]: binop((vm, a, b, ha) => intDivMod(vm, a, b, 'mod', ha)),
        [NB.TrueDivide]: binop(intTrueDivide),
        [NB.Power]: binop(intPowSlot),
        [NB.Lshift]: binop((vm, a, b) => intBitOp(vm, '<<', a, b)),
        [NB.Rshift]: binop((vm, a, b) => intBitOp(vm, '>>', a, b)),
        [NB.And]: binop((vm, a, b) => intBitOp(vm, '&', a, b)),
        [NB.Or]: binop((vm, a, b) => intBitOp(vm, '|', a, b)),
        [NB.Xor]: binop((vm, a, b) => intBitOp(vm, '^', a, b)),
      },
      {
        divmod: binop((vm, a, b, _ha, operands) => intDivmod(vm, a, b, operands)),
        negative: (vm, h) => intNeg(vm, intValue(vm, h)),
        positive: longLong,
        absolute: (vm, h) => {
          const v = intValue(vm, h);
          return v < 0 ? intNeg(vm, v) : longLong(vm, h);
        },
        invert: (vm, h) => intInvert(vm, intValue(vm, h)),
        bool: (vm, h) => {
          const v = intValue(vm, h);
          return v !== 0 && v !== 0n;
        },
        int: longLong,
        index: longLong,
        float: (vm, h) => {
          const f = Number(intValue(vm, h));
          if (!Number.isFinite(f))
            throw raiseString(vm, E.OverflowError, 'int too large to convert to float');
          return fromDouble(vm, f);
        },
      },
    ),
    new: intTypeNew,
    methods: {
      bit_length: m('bit_length', Meth.NoArgs, (vm, self) => {
        const v = intValue(vm, self);
        return fromLong(
          vm,
          (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v)).toString(2).replace(/^0$/, '').length,
        );
      }),
      // int.bit_count (3.10+): the ones in |v|'s binary digits
      bit_count: m('bit_count', Meth.NoArgs, (vm, self) => {
        const v = intValue(vm, self);
        const digits = (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v)).toString(2);
        let n = 0;
        for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) === 49) n++;
        return fromLong(vm, n);
      }),
      conjugate: m('conjugate', Meth.NoArgs, longLong),
      // int_as_integer_ratio_impl: (the int itself, or a copy for a subclass such as bool; 1), a new 2-tuple
      as_integer_ratio: m('as_integer_ratio', Meth.NoArgs, (vm, self) => {
        const one = vm.s.smallInt(1);
        vm.incref(one);
        return tupleFromItems(vm, [longLong(vm, self), one]);
      }),
      __round__: INT_ROUND,
      ...INT_BYTES_METHODS,
    },
    getset: {
      real: { name: 'real', get: longLong },
      imag: { name: 'imag', get: (vm) => vm.s.smallInt(0) },
      numerator: { name: 'numerator', get: longLong },
      denominator: { name: 'denominator', get: (vm) => vm.s.smallInt(1) },
    },
  });
