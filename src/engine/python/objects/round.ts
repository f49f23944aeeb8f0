import { raiseString, typeError, valueError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromLong, intValue, longLong, norm } from './int';
import { tupleFromItems } from './tuple';
import { Meth, type MethodDef } from './types';

/**
 * int.__round__ and float.__round__ (3.11), the methods builtin round() looks up and calls:
 * - int.__round__(): the int itself (long_long); with ndigits >= 0 the same; negative ndigits
 *   round half to even through 10**-n and _PyLong_DivmodNear's (q, r) pair, all freed at once;
 * - float.__round__(): round-half-even to an int (PyLong_FromDouble); with ndigits, double_round:
 *   the correctly rounded decimal (dtoa's bigints live in its own static pool and free list, so
 *   only the result float reaches the allocators).
 */

/** x rounded to `n` decimal places, half to even on the exact binary value (double_round). */
export function roundDouble(x: number, n: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (n > 323) return x;
  if (n < -308) return 0 * Math.sign(x);
  // x = m * 2**e exactly
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const M = BigInt(m);
  const num = M * (e > 0 ? 1n << BigInt(e) : 1n) * (n > 0 ? 10n ** BigInt(n) : 1n);
  const den = (e < 0 ? 1n << BigInt(-e) : 1n) * (n < 0 ? 10n ** BigInt(-n) : 1n);
  let q = num / den;
  const r2 = 2n * (num % den);
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const y = Number(`${q}e${-n}`);
  return x < 0 ? -y : y;
}

function floatRound(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length > 1) throw typeError(vm, '__round__ expected at most 1 argument, got %zd', args.length);
  const x = vm.table.num[self];
  if (args.length === 0 || args[0] === vm.s.None) {
    if (Number.isNaN(x)) throw valueError(vm, 'cannot convert float NaN to integer');
    if (!Number.isFinite(x))
      throw raiseString(vm, E.OverflowError, 'cannot convert float infinity to integer');
    let r = Math.round(x);
    if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
    return fromLong(vm, norm(BigInt(r)));
  }
  return fromDouble(vm, roundDouble(x, asSsize(vm, args[0], 0)));
}

/**
 * int___round___impl with negative ndigits: self - divmod_near(self, 10 ** -ndigits)[1], making
 * its temporaries in C's order: -ndigits, the power of ten, _PyLong_DivmodNear's quotient,
 * remainder and doubled remainder (compared, then released), the adjusted pair in a 2-tuple, the
 * difference; everything but the difference released.
 */
function roundNegative(vm: Vm, self: number, ndigits: number): number {
  const big = (v: bigint): number => fromLong(vm, norm(v));
  const a = BigInt(intValue(vm, self));
  const neg = big(BigInt(-ndigits));
  const b = 10n ** BigInt(-ndigits);
  const pow = big(b);
  vm.decref(neg);
  // l_divmod: floor division
  let q = a / b;
  let r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) {
    q -= 1n;
    r += b;
  }
  let quo = big(q);
  let rem = big(r);
  const twice = big(2n * r);
  const greater = 2n * r > b || (2n * r === b && q % 2n !== 0n);
  vm.decref(twice);
  if (greater) {
    vm.decref(quo);
    quo = big(q + 1n);
    vm.decref(rem);
    rem = big(r - b);
    r -= b;
  }
  const pair = tupleFromItems(vm, [quo, rem]); // steals both
  vm.decref(pow);
  const result = big(a - r);
  vm.decref(pair);
  return result;
}

function intRound(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length > 1) throw typeError(vm, '__round__ expected at most 1 argument, got %zd', args.length);
  const nd = args.length === 1 && args[0] !== vm.s.None ? asSsize(vm, args[0], 0) : 0;
  if (nd < 0) return roundNegative(vm, self, nd);
  return longLong(vm, self);
}

export const FLOAT_ROUND: MethodDef = {
  name: '__round__',
  flags: Meth.Fastcall,
  impl: floatRound,
  qualname: 'float.__round__',
};
export const INT_ROUND: MethodDef = {
  name: '__round__',
  flags: Meth.Fastcall,
  impl: intRound,
  qualname: 'int.__round__',
};
