import { pow as libmPow } from '../../libm';
import { NotSupported } from '../errors';
import { setObject, zeroDivision } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import type { IntValue } from './intsize';
import { strNew } from './str';
import { tupleFromItems } from './tuple';

/** ERANGE on x86-64 Linux, and strerror(ERANGE) as glibc words it. */
const ERANGE = 34;
const ERANGE_TEXT = 'Numerical result out of range';

const isOddInteger = (x: number): boolean => Number.isInteger(x) && Math.abs(x % 2) === 1;

/**
 * float_pow (Objects/floatobject.c) on two doubles: C99's special cases first (JS's `**` answers
 * NaN for 1 ** nan and (-1) ** ±inf where C answers 1), a negative base with a fractional
 * exponent is a complex result (not modelled), and a finite result that overflows is
 * OverflowError(34, 'Numerical result out of range') (PyErr_SetFromErrno after
 * _Py_ADJUST_ERANGE1: an underflow to 0 is not an error).
 */
export function floatPowValue(vm: Vm, iv: number, iw: number): number {
  if (iw === 0) return 1;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1 ? 1 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1) return 1;
    return iw > 0 === a > 1 ? Infinity : 0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv > 0 ? 0 : -0) : 0;
  }
  if (iv === 0) {
    if (iw < 0) throw zeroDivision(vm, '0.0 cannot be raised to a negative power');
    return isOddInteger(iw) ? iv : 0;
  }
  if (iv === 1) return 1;
  let negate = false;
  if (iv < 0) {
    if (!Number.isInteger(iw))
      throw new NotSupported('complex numbers (a negative number to a fractional power)');
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return negate ? -1 : 1;
  const ix = Number.isInteger(iw) && Math.abs(iw) <= 1100 ? exactPow(iv, iw) : libmPow(iv, iw);
  if (!Number.isFinite(ix)) throw rangeError(vm);
  return negate ? -ix : ix;
}

/** PyErr_SetFromErrno(PyExc_OverflowError) with errno ERANGE: the value is the (errno, strerror) pair. */
function rangeError(vm: Vm): ReturnType<typeof setObject> {
  const text = strNew(vm, ERANGE_TEXT);
  const args = tupleFromItems(vm, [vm.s.smallInt(ERANGE), text]);
  const err = setObject(vm, E.OverflowError, args, `(${ERANGE}, '${ERANGE_TEXT}')`);
  vm.decref(args);
  return err;
}

const big = (v: IntValue): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const bits = (v: bigint): number => (v === 0n ? 0 : v.toString(2).length);

/**
 * long_true_divide: a / b correctly rounded to a double. Exact operands (both below 2**53)
 * divide in one IEEE operation, which rounds correctly; larger ones are scaled so that the
 * integer quotient has 55 bits, a sticky bit records a non-zero remainder, and Number() rounds
 * that to 53 bits (half to even, as CPython rounds). `null` when the result is too large for a
 * double ("integer division result too large for a float").
 */
export function intTrueDivideValue(a: IntValue, b: IntValue): number | null {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 2 ** 53 && Math.abs(b) <= 2 ** 53)
    return a / b;
  const A = big(a);
  const B = big(b);
  const negative = A < 0n !== B < 0n;
  const x = A < 0n ? -A : A;
  const y = B < 0n ? -B : B;
  if (x === 0n) return negative ? -0 : 0;
  const shift = 55 - (bits(x) - bits(y));
  const n = shift >= 0 ? x << BigInt(shift) : x;
  const d = shift >= 0 ? y : y << BigInt(-shift);
  const q = n / d;
  const sticky = n % d === 0n ? 0n : 1n;
  const exponent = -shift - 1;
  // the quotient with its sticky bit, 56–57 bits: Number() rounds it once, to 53 bits
  const mantissa = Number((q << 1n) | sticky);
  if (exponent + Math.log2(mantissa) >= 1024) return null;
  const r = exponent < -1000 ? mantissa * 2 ** -1000 * 2 ** (exponent + 1000) : mantissa * 2 ** exponent;
  if (!Number.isFinite(r)) return null;
  return negative ? -r : r;
}

/**
 * iv ** n for an integer n, correctly rounded: glibc's pow is (its error is below 0.52 ulp, and
 * exact cases are exact), V8's `**` is not (118/2.5e15 cubed is 1.05154048e-40 in V8,
 * 1.0515404799999997e-40 in CPython). iv = m·2^e exactly, so iv^n = m^n·2^(e·n) in integers,
 * rounded once.
 */
function exactPow(iv: number, n: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, iv);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n) & 0x7ff;
  let m = bits & ((1n << 52n) - 1n);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  const k = Math.abs(n);
  const mk = m ** BigInt(k);
  const ek = e * k;
  let r: number | null;
  if (n > 0)
    r = ek >= 0 ? (ek > 2000 ? null : Number(mk << BigInt(ek))) : intTrueDivideValue(mk, 1n << BigInt(-ek));
  else r = -ek >= 0 ? intTrueDivideValue(1n << BigInt(-ek), mk) : intTrueDivideValue(1n, mk << BigInt(ek));
  return r === null ? Infinity : r;
}
