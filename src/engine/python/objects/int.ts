import { PyError, overflowError } from '../errors';
import { Singletons } from '../runtime/singletons';
import type { Vm } from '../runtime/vm';
import { F_BIG } from './table';
import { T } from './types';

/**
 * int objects (Objects/longobject.c, 3.11): 30-bit digits, `offsetof(PyLongObject, ob_digit)` = 24
 * bytes of header, so _PyLong_New(n) asks PyObject_Malloc for 24 + 4·max(n, 1) bytes, while a
 * single-digit result built by _PyLong_FromMedium asks for sizeof(PyLongObject) = 32. Which of
 * the two an operation uses, and how many digits it allocates, is what decides the block class.
 */
export type IntValue = number | bigint;

const MEDIUM = 2 ** 30; // |v| < 2^30: one digit (IS_MEDIUM_VALUE)
const BIG30 = 30n;

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
  let a = v < 0n ? -v : v;
  let n = 0;
  while (a > 0n) {
    a >>= BIG30;
    n++;
  }
  return n;
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

export const isMedium = (v: IntValue): boolean => (typeof v === 'number' ? Math.abs(v) < MEDIUM : v > -1073741824n && v < 1073741824n);
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
  } else t.num[h] = v;
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
  if (isMedium(a) && isMedium(b)) return fromLong(vm, (a as number) + (subtract ? -(b as number) : (b as number)));
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

/** _PyLong_Multiply: single digits → FromSTwoDigits; else x_mul's size_a + size_b digits. */
export function intMul(vm: Vm, a: IntValue, b: IntValue): number {
  if (isMedium(a) && isMedium(b)) return fromLong(vm, norm(big(a) * big(b)));
  const na = ndigits(a);
  const nb = ndigits(b);
  if (na === 0 || nb === 0) return vm.s.smallInt(0); // k_mul: asize == 0 → PyLong_FromLong(0)
  // Karatsuba (both > 70 digits) allocates temporaries too; the result size is the same.
  return longNew(vm, norm(big(a) * big(b)), na + nb);
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
      if (B < 0n) throw new PyError('ValueError', 'negative shift count');
      if (B > 1n << 31n) throw overflowError('too many digits in integer');
      r = A << B;
      break;
    default:
      if (B < 0n) throw new PyError('ValueError', 'negative shift count');
      r = A >> (B > 1n << 31n ? 1n << 31n : B);
  }
  const v = norm(r);
  if (isSmall(v) || isMedium(v)) return fromLong(vm, v);
  return longNew(vm, v, op === '<<' ? ndigits(a) + Number(B / 30n) + 1 : ndigits(v));
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
  if (B <= 3n) {
    if (B >= 2n) {
      mult(a, a);
      if (B === 3n) mult(acc.v, a);
    } else if (B === 1n) mult(a, acc.v);
    return acc.h;
  }
  if (bits.length > 60) throw new PyError('NotSupported', 'not supported by Highwater yet: exponents of 2**60 or more');
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

/** Python's int → str (long_to_decimal_string). */
export function intToString(v: IntValue): string {
  return v.toString();
}

export function checkedNumber(v: IntValue, what: string): number {
  if (typeof v === 'bigint') throw overflowError(`Python int too large to convert to C ssize_t${what ? ` (${what})` : ''}`);
  return v;
}
