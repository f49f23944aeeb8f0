import { NotSupported, memoryError } from '../errors';
import { valueError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { T } from './types';

/**
 * An int's size (Objects/longobject.c, 3.11): its 30-bit digits and bits, the bytes _PyLong_New
 * asks for, and the limits on them: the simulator's bit ceiling and sys.set_int_max_str_digits'
 * conversion limit. int.ts is the int object built on them.
 */
export type IntValue = number | bigint;

export const MEDIUM = 2 ** 30; // |v| < 2^30: one digit (IS_MEDIUM_VALUE)

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
export function bitLengthNear(v: bigint, guess: number): number {
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
export const STR_DIGITS_CHECKED_FROM = Math.floor((10 * MAX_STR_DIGITS_THRESHOLD) / 90) + 2;

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
