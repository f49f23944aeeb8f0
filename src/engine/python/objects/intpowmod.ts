import { typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { fromLong, intValue, norm } from './int';
import { T } from './types';

/**
 * pow(a, b, m) (PyNumber_Power with a modulus, ternary_op): int's long_pow takes it only when all
 * three are ints; float_pow refuses any modulus ("pow() 3rd argument not allowed unless all
 * arguments are integers"), which is what an int/float mix reaches after long_pow's
 * NotImplemented. The modular loop's working ints are each freed before the next is made, so only
 * the result reaches the allocators here.
 */
export function ternaryPower(vm: Vm, a: number, b: number, m: number): number {
  const isInt = (h: number): boolean => vm.typeOf(h).mro.includes(T.Int);
  const isNumber = (h: number): boolean => isInt(h) || vm.typeOf(h).mro.includes(T.Float);
  if (isInt(a) && isInt(b) && isInt(m)) return longPowMod(vm, a, b, m);
  // an extension type's nb_power with a modulus (decimal.Decimal's mpd_qpowmod)
  for (const h of [a, b, m]) {
    const slot = vm.typeOf(h).number?.ternaryPower;
    if (slot !== undefined) return slot(vm, a, b, m);
  }
  if (isNumber(a) && isNumber(b) && isNumber(m))
    throw typeError(vm, 'pow() 3rd argument not allowed unless all arguments are integers');
  // a class's __pow__/__rpow__ with a modulus (slot_nb_power's three-argument call) is not modelled
  const user = [a, b, m].find((h) => vm.typeOf(h).dict !== 0);
  if (user !== undefined) throw new NotSupported(`pow() with a modulus on ${typeName(vm, user)}`);
  throw typeError(
    vm,
    "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
    typeName(vm, a),
    typeName(vm, b),
    typeName(vm, m),
  );
}

/**
 * long_pow with a modulus c: c == 0 is a ValueError; a negative c gives a result in (c, 0]; a
 * negative exponent first inverts a modulo |c| (long_invmod, "base is not invertible"); then
 * left-to-right square-and-multiply, reduced mod |c| at every step.
 */
function longPowMod(vm: Vm, ah: number, bh: number, ch: number): number {
  let a = BigInt(intValue(vm, ah));
  let b = BigInt(intValue(vm, bh));
  let c = BigInt(intValue(vm, ch));
  if (c === 0n) throw valueError(vm, 'pow() 3rd argument cannot be 0');
  const negativeOutput = c < 0n;
  if (negativeOutput) c = -c;
  if (c === 1n) return vm.s.smallInt(0);
  if (b < 0n) {
    a = invmod(a, c);
    if (a < 0n) throw valueError(vm, 'base is not invertible for the given modulus');
    b = -b;
  }
  a = ((a % c) + c) % c;
  let z = 1n;
  for (const bit of b.toString(2)) {
    z = (z * z) % c;
    if (bit === '1') z = (z * a) % c;
  }
  if (negativeOutput && z !== 0n) z -= c;
  return fromLong(vm, norm(z));
}

/** long_invmod: the inverse of a modulo n (> 1) by the extended Euclid algorithm; -1 when gcd != 1. */
function invmod(a: bigint, n: bigint): bigint {
  let [r0, r1] = [((a % n) + n) % n, n];
  let [x0, x1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [x0, x1] = [x1, x0 - q * x1];
  }
  if (r0 !== 1n) return -1n;
  return ((x0 % n) + n) % n;
}
