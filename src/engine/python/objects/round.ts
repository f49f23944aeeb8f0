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

function intRound(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length > 1) throw typeError(vm, '__round__ expected at most 1 argument, got %zd', args.length);
  const nd = args.length === 1 && args[0] !== vm.s.None ? asSsize(vm, args[0], 0) : 0;
  if (nd >= 0) return longLong(vm, self);
  // long_round: result = self - _PyLong_DivmodNear(self, 10 ** -ndigits)[1], each step a new int
  const a = BigInt(intValue(vm, self));
  const negated = fromLong(vm, norm(BigInt(-nd)));
  const bValue = 10n ** BigInt(-nd);
  const b = fromLong(vm, norm(bValue));
  vm.decref(negated);
  // _PyLong_DivmodNear: floor division, then the quotient moved up when twice the remainder
  // passes the divisor, or equals it with an odd quotient (half to even)
  let q = a / bValue;
  let r = a - q * bValue;
  if (r < 0n) {
    q -= 1n;
    r += bValue;
  }
  if (2n * r > bValue || (2n * r === bValue && q % 2n !== 0n)) {
    q += 1n;
    r -= bValue;
  }
  const pair = tupleFromItems(vm, [fromLong(vm, norm(q)), fromLong(vm, norm(r))]);
  vm.decref(b);
  const result = fromLong(vm, norm(a - r));
  vm.decref(pair);
  return result;
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
