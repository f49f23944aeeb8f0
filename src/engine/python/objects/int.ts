import * as libm from '../../libm';
import { NotSupported, PyError, memoryError } from '../errors';
import { byteString, bytesContent, bytesCopy } from './bytes';
import { dictEntries } from './dict';
import { raiseString, typeError, valueError, zeroDivision } from '../abstract/errors';
import { intFormat } from '../abstract/format';
import { typeName } from '../abstract/object';
import { Singletons } from '../runtime/singletons';
import type { Vm } from '../runtime/vm';
import { INT_BYTES_METHODS } from './intbytes';
import { E } from './exctypes';
import { INT_ROUND } from './round';
import { fromDouble } from './float';
import { intDivMod } from './intdiv';
import { strNew, strValue } from './str';
import { F_BIG } from './table';
import { floatPowValue, intTrueDivideValue } from './floatpow';
import { tupleFromItems, tupleItem } from './tuple';
import { genericAlloc } from './object';
import { Cmp, Meth, NB, T, TpFlags, defineType, numberSlots, type BinarySlot, type TypeSlots } from './types';
import { cmpResult } from '../abstract/compare';
import { INT_TO_DECIMAL_CHAR_NS, INT_TO_DECIMAL_NS } from '../runtime/cwork';
import { callPylong, pylongDivmod, pylongFromStr, pylongIntDivmod, pylongToStr } from './intpylong';

/**
 * int objects (Objects/longobject.c, 3.11): 30-bit digits, `offsetof(PyLongObject, ob_digit)` = 24
 * bytes of header, so _PyLong_New(n) asks PyObject_Malloc for 24 + 4·max(n, 1) bytes, while a
 * single-digit result built by _PyLong_FromMedium asks for sizeof(PyLongObject) = 32. Which of
 * the two an operation uses, and how many digits it allocates, is what decides the block class.
 */
export type IntValue = number | bigint;

const MEDIUM = 2 ** 30; // |v| < 2^30: one digit (IS_MEDIUM_VALUE)

/** Number of 30-bit digits of |v| (0 for zero). */
export function ndigits(v: IntValue): number {
  if (typeof v === 'number') {
    let a = Math.abs(v);
    let n = 0;
    while (a >= 1) {
      a = Math.floor(a / MEDIUM);
      n++;
    }
    return n;
  }
  return Math.ceil(bitLength(v) / 30);
}

/**
 * Bits of |v| (int.bit_length()): linear in the size, where shifting 30 bits at a time copied the
 * number once a digit (10**10**6 spent 572 s in that loop).
 */
export function bitLength(v: IntValue): number {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    return a < 1
      ? 0
      : a < 2 ** 31
        ? 32 - Math.clz32(a)
        : Math.floor(Math.log2(a)) + 1 - (2 ** Math.floor(Math.log2(a)) > a ? 1 : 0);
  }
  const a = v < 0n ? -v : v;
  if (a === 0n) return 0;
  if (a < 1n << 52n) return bitLength(Number(a));
  for (let i = 0; i < MEMO; i++) if (memoValue[i] === a) return memoBits[i];
  const hex = a.toString(16);
  return remember(a, (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16))));
}

/**
 * The bit lengths of the last few big results: a loop such as `x = x * i` asks for the length of
 * the number it just made, and a product's length is known from its factors' with one shift
 * (see bitLengthNear), where the hex text of a 250,000-bit number costs as much as the product.
 */
const MEMO = 4;
const memoValue: bigint[] = new Array<bigint>(MEMO).fill(0n);
const memoBits: number[] = new Array<number>(MEMO).fill(0);
let memoNext = 0;
function remember(a: bigint, bits: number): number {
  memoValue[memoNext] = a;
  memoBits[memoNext] = bits;
  memoNext = (memoNext + 1) % MEMO;
  return bits;
}

/** bitLength(v) when it is `guess` or `guess − 1` (a product's), in O(1): one shift by guess − 1. */
function bitLengthNear(v: bigint, guess: number): number {
  const a = v < 0n ? -v : v;
  if (guess < 64) return bitLength(a);
  return remember(a, a >> BigInt(guess - 1) === 0n ? guess - 1 : guess);
}

/**
 * The longest int the JS engine holds (V8's BigInt::kMaxLengthBits = 2**30). CPython would go on
 * (a 2**30-bit int is 128 MiB), so past it a result is "not supported", after the simulated
 * allocation (which fails first, as CPython's does, when the process has no room for it).
 */
export const JS_MAX_INT_BITS = 2 ** 30;

/** Refuse a result of `bits` bits the JS engine cannot make; `nd` digits are asked of the allocator first. */
export function checkIntBits(vm: Vm, bits: number): void {
  if (bits <= JS_MAX_INT_BITS - 64) return;
  const nd = Math.ceil(bits / 30);
  if (nd > 2 ** 58) throw memoryError(); // _PyLong_New: past MAX_LONG_DIGITS, or a malloc no host grants
  vm.objectFree(vm.newObject(T.Int, longBytes(nd)));
  throw new NotSupported(
    `ints of more than 2**30 bits (the JS engine's limit; this one would have ${bits.toLocaleString('en-US')} bits)`,
  );
}

// ---- int <-> str: CPython 3.11's limit on decimal conversions (CVE-2020-10735) -------------------

/** sys.int_info.default_max_str_digits and str_digits_check_threshold. */
export const DEFAULT_MAX_STR_DIGITS = 4300;
export const MAX_STR_DIGITS_THRESHOLD = 640;
const maxStrDigits = new WeakMap<Vm, number>();

/** interp->int_max_str_digits (sys.get_int_max_str_digits()): 0 means no limit. */
export const intMaxStrDigits = (vm: Vm): number => maxStrDigits.get(vm) ?? DEFAULT_MAX_STR_DIGITS;

/** sys.set_int_max_str_digits(maxdigits): 0, or at least the threshold. */
export function setIntMaxStrDigits(vm: Vm, n: number): void {
  if (n !== 0 && n < MAX_STR_DIGITS_THRESHOLD)
    throw valueError(vm, 'maxdigits must be 0 or larger than %d', MAX_STR_DIGITS_THRESHOLD);
  maxStrDigits.set(vm, n);
}

/** Digits (of 30 bits) from which long_to_decimal_string_internal checks the limit: 73. */
const STR_DIGITS_CHECKED_FROM = Math.floor((10 * MAX_STR_DIGITS_THRESHOLD) / 90) + 2;

const TO_STR_LIMIT =
  'Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit';

/**
 * long_to_decimal_string_internal's limit: a cheap test on the digit count before converting (no
 * scratch allocated), then the exact decimal length after (the scratch made and freed first, by
 * the caller's `scratch` callback).
 */
export function checkIntStrDigits(vm: Vm, v: IntValue, sizeA = ndigits(v), scratch?: () => void): void {
  // the size test first: below it no limit applies, and reading the limit is a WeakMap probe
  if (sizeA < STR_DIGITS_CHECKED_FROM) return;
  const limit = intMaxStrDigits(vm);
  if (limit <= 0) return;
  if (Math.floor(limit / 90) <= Math.floor((sizeA - 11) / 10)) throw valueError(vm, TO_STR_LIMIT, limit);
  const digits = (v < 0 ? -BigInt(v) : BigInt(v)).toString().length;
  if (digits > limit) {
    scratch?.();
    throw valueError(vm, TO_STR_LIMIT, limit);
  }
}

/** PyLong_FromString's limit, checked on the count of digits before any is converted. */
export function checkStrIntDigits(vm: Vm, digits: number): void {
  const limit = intMaxStrDigits(vm);
  if (limit > 0 && digits > MAX_STR_DIGITS_THRESHOLD && digits > limit)
    throw valueError(
      vm,
      'Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; use sys.set_int_max_str_digits() to increase the limit',
      limit,
      digits,
    );
}

/** Bytes _PyLong_New(n) asks for. */
export const longBytes = (n: number): number => 24 + 4 * Math.max(n, 1);

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

function setValue(vm: Vm, h: number, v: IntValue): void {
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

const big = (v: IntValue): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const neg = (v: IntValue): boolean => v < 0;
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

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
  if ((op === '&' || op === '|' || op === '^') && !(isMedium(a) && isMedium(b))) return longBitwise(vm, op, a, b, v);
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
  (f: (vm: Vm, a: IntValue, b: IntValue, ha: number, operands: readonly [number, number]) => number): BinarySlot =>
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

/** "invalid literal": a bytearray is shown as the bytes _PyLong_FromBytes copies it into for the message. */
function literalError(vm: Vm, a: number, base: number): PyError {
  if (vm.table.type[a] !== T.ByteArray)
    return valueError(vm, 'invalid literal for int() with base %d: %.200R', base, a);
  const shown = bytesCopy(vm, bytesContent(vm, a));
  try {
    return valueError(vm, 'invalid literal for int() with base %d: %.200R', base, shown);
  } finally {
    vm.decref(shown);
  }
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: any Unicode decimal digit (category Nd) reads as
 * its ASCII digit. Nd digits come in runs of ten, 0 to 9, so a digit's value is its distance
 * from the start of its run, mod 10.
 */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (ch) => {
    let cp = ch.codePointAt(0)!;
    if (cp < 0x80) return ch;
    const start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1))) cp--;
    return String((start - cp) % 10);
  });
}

/** int(x) of a str: PyLong_FromString's digits; an invalid literal is PyErr_Format'd twice (see exceptions). */
export function intFromStr(vm: Vm, a: number, base: number): number {
  const type = vm.table.type[a];
  // _PyLong_FromBytes for bytes and bytearray: the same parse of the raw bytes (no Unicode digits)
  const text =
    type === T.Bytes || type === T.ByteArray ? (byteString(bytesContent(vm, a)) ?? '') : strValue(vm, a);
  const trimmed = asciiDigits(text.trim());
  if (base !== 10) return intFromStrBase(vm, a, trimmed, base);
  // an underscore only between two digits (PyLong_FromString's prev == '_' checks)
  const s = /^[+-]?\d+(?:_\d+)*$/.test(trimmed) ? trimmed.replace(/_/g, '') : '';
  if (!/^[+-]?\d+$/.test(s)) {
    // PyLong_FromString: the digit array it started (_PyLong_New), freed; its own error …
    // (sized for the run of digits it scanned: long_from_non_binary_base)
    // (3.12 checks the digits before it allocates: no array)
    if (vm.py.intParseScratch) {
      const scanned = /^[+-]?([\d_]*)/.exec(text.trim())![1].length;
      const z = vm.newObject(T.Int, longBytes(Math.floor((scanned * libm.log(10)) / libm.log(2 ** 30)) + 1));
      vm.objectFree(z);
    }
    const first = literalError(vm, a, base);
    // … which PyLong_FromUnicodeObject replaces (PyErr_Format clears the current error first).
    vm.decref(first.value);
    first.value = 0;
    throw literalError(vm, a, base);
  }
  checkStrIntDigits(vm, s.replace(/^[+-]/, '').length);
  if (pylongFromStr(vm, s.replace(/^[+-]/, '').length)) return intFromPylong(vm, text, s.startsWith('-'));
  const v = BigInt(s);
  if (v >= -5n && v <= 256n) return vm.s.smallInt(Number(v));
  // PyLong_FromString: digits × log(10)/log(2**30) + 1 digits, normalized in place
  const digits = s.replace(/^[+-]/, '').length;
  return longNew(vm, norm(v), Math.floor((digits * libm.log(10)) / libm.log(2 ** 30)) + 1);
}

/**
 * pylong_int_from_string: the digits after the sign up to the last digit or underscore as a str
 * (PyUnicode_FromStringAndSize), _pylong.int_from_string(s), the str freed; a minus sign negates
 * the result in place (_PyLong_Negate of the only reference).
 */
function intFromPylong(vm: Vm, text: string, negative: boolean): number {
  const body = /^\s*[+-]?\s*([\d_]*\d)/.exec(asciiDigits(text))![1];
  const s = strNew(vm, body, 0);
  let h: number;
  try {
    h = callPylong(vm, 'int_from_string', [s]);
  } finally {
    vm.decref(s);
  }
  if (negative) {
    const v = intValue(vm, h);
    if (vm.table.flags[h] & F_BIG) vm.hostMem.release(h);
    setValue(vm, h, norm(-big(v)));
  }
  return h;
}

/**
 * PyLong_FromString with another base (0 reads the prefix): a power-of-two base goes through
 * long_from_binary_base (_PyLong_New of exactly the digits its characters need, then
 * maybe_small_long frees it for a cached small int); any other base as base 10 does.
 */
function intFromStrBase(vm: Vm, a: number, s: string, base: number): number {
  if (base !== 0 && (base < 2 || base > 36)) throw valueError(vm, 'int() base must be >= 2 and <= 36, or 0');
  // a 0x/0o/0b prefix counts only for its own base (or base 0), and may be followed by one '_';
  // elsewhere an underscore stands only between two digits
  const m = /^([+-]?)(0[xob](?=_?[0-9a-z]))?(_?[0-9a-z]+(?:_[0-9a-z]+)*)$/i.exec(s);
  let b = base;
  let body = '';
  let ok = m !== null;
  if (m !== null) {
    let prefix = (m[2] ?? '').toLowerCase();
    const fromPrefix = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
    if (b === 0) b = fromPrefix || 10;
    body = m[3];
    if (prefix && fromPrefix !== b) {
      if (base === 0) ok = false;
      body = prefix + body; // "0b1" in base 16 is three hex digits
      prefix = '';
    }
    if (!prefix && body.startsWith('_')) ok = false;
    body = body.replace(/_/g, '').toLowerCase();
    if (base === 0 && !prefix && body.length > 1 && body[0] === '0' && /[^0]/.test(body)) ok = false;
    for (const ch of body) if (parseInt(ch, 36) >= b) ok = false;
  }
  if (!ok || m === null) throw literalError(vm, a, base);
  let v = 0n;
  for (const ch of body) v = v * BigInt(b) + BigInt(parseInt(ch, 36));
  if (m[1] === '-') v = -v;
  if ((b & (b - 1)) === 0) {
    const bits = Math.log2(b);
    const z = longNew(vm, norm(v), Math.max(1, Math.ceil((body.length * bits) / 30)));
    if (v >= -5n && v <= 256n) {
      vm.decref(z);
      return vm.s.smallInt(Number(v));
    }
    return z;
  }
  if (v >= -5n && v <= 256n) return vm.s.smallInt(Number(v));
  return longNew(vm, norm(v), Math.floor((body.length * libm.log(b)) / libm.log(2 ** 30)) + 1);
}

/** long_new_impl (tp_new, through type_call: int(x) packs an argument tuple). */
function intTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === T.Int) return intExactNew(vm, args, kwargs);
  // long_subtype_new: the exact int first, then tp_alloc(type, n) with at least one digit, copied
  const tmp = intExactNew(vm, args, kwargs);
  try {
    const v = intValue(vm, tmp);
    const h = genericAlloc(vm, type, Math.max(1, ndigits(v)));
    setValue(vm, h, v);
    return h;
  } finally {
    vm.decref(tmp);
  }
}

/** long_new_impl(&PyLong_Type, x, base). */
function intExactNew(vm: Vm, args: number, kwargs: number): number {
  let n = vm.table.n[args];
  // long_new's clinic parser: int(x=0, /, base=10): only base by keyword
  let baseArg = n === 2 ? tupleItem(vm, args, 1) : 0;
  if (kwargs !== 0)
    for (const [k, v] of dictEntries(vm, kwargs)) {
      const name = vm.table.type[k] === T.Str ? strValue(vm, k) : '';
      if (name !== 'base') throw typeError(vm, "'%s' is an invalid keyword argument for int()", name);
      if (n >= 2) throw typeError(vm, "argument for int() given by name ('base') and position (2)");
      baseArg = v;
      n = 2;
    }
  if (n === 0) return vm.s.smallInt(0);
  if (n > 2) throw typeError(vm, 'int() takes at most 2 arguments (%zd given)', n);
  if (vm.table.n[args] === 0) throw typeError(vm, 'int() missing string argument');
  const a = tupleItem(vm, args, 0);
  if (n === 2) {
    const base = Number(intValue(vm, baseArg));
    const type = vm.table.type[a];
    if (
      type !== T.Str &&
      type !== T.Bytes &&
      type !== T.ByteArray &&
      !(vm.typeOf(a).flags & TpFlags.UnicodeSubclass)
    )
      throw typeError(vm, "int() can't convert non-string with explicit base");
    return intFromStr(vm, a, base);
  }
  return numberLong(vm, a);
}

/** PyNumber_Long of one argument: a str parsed in base 10, else __int__ / __index__. */
export function numberLong(vm: Vm, a: number): number {
  const type = vm.table.type[a];
  if (type === T.Str) return intFromStr(vm, a, 10);
  const nb = vm.types[type].number;
  if (nb?.int) return nb.int(vm, a);
  if (nb?.index) return nb.index(vm, a);
  if (type === T.Bytes || type === T.ByteArray) return intFromStr(vm, a, 10);
  throw typeError(
    vm,
    "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
    typeName(vm, a),
  );
}

const m = (name: string, flags: number, impl: (vm: Vm, self: number) => number) => ({
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
