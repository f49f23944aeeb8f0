import { typeError } from '../abstract/errors';
import { raiseString } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { builtinStatic } from '../objects/descr';
import { E } from '../objects/exctypes';
import { fromLong, intValue, norm } from '../objects/int';
import { tupleFromItems } from '../objects/tuple';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { FRACTIONS_SOURCE } from './fractionsSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * float.as_integer_ratio (float_as_integer_ratio: frexp, then the mantissa scaled to an integer;
 * the two ints, then the tuple): exact, from the double's bits.
 */
function floatRatio(vm: Vm, x: number): number {
  if (!Number.isFinite(x))
    throw raiseString(
      vm,
      Number.isNaN(x) ? E.ValueError : E.OverflowError,
      Number.isNaN(x) ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio',
    );
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  let n = BigInt(m);
  let d = 1n << BigInt(e);
  // reduce by the common powers of two (the denominator is one)
  while (e > 0 && (n & 1n) === 0n) {
    n >>= 1n;
    d >>= 1n;
    e--;
  }
  return tupleFromItems(vm, [fromLong(vm, norm(n)), fromLong(vm, norm(d))]);
}

/** fractions (fractionsSource.ts: the module as Python; its import replays its footprint). */
export const fractionsModule: ModuleSpec = {
  name: 'fractions',
  load: (vm) => {
    const helpers = {
      _hw_float_ratio: builtinStatic(
        vm,
        {
          name: '_hw_float_ratio',
          qualname: '_hw_float_ratio',
          flags: Meth.O,
          impl: (vm2, _s, a) => floatRatio(vm2, vm2.table.num[a[0]]),
        },
        'fractions',
      ),
      _hw_inverse_mod: builtinStatic(
        vm,
        {
          name: '_hw_inverse_mod',
          qualname: '_hw_inverse_mod',
          flags: Meth.Fastcall,
          impl: (vm2, _s, a) => {
            const m = BigInt(intValue(vm2, a[1]));
            const d = ((BigInt(intValue(vm2, a[0])) % m) + m) % m;
            // extended Euclid: d·x ≡ 1 (mod m)
            let [r0, r1, x0, x1] = [m, d, 0n, 1n];
            while (r1 !== 0n) {
              const q = r0 / r1;
              [r0, r1] = [r1, r0 - q * r1];
              [x0, x1] = [x1, x0 - q * x1];
            }
            if (r0 !== 1n)
              throw raiseString(vm2, E.ValueError, 'base is not invertible for the given modulus');
            return fromLong(vm2, norm(((x0 % m) + m) % m));
          },
        },
        'fractions',
      ),
      _hw_unsupported_arg: builtinStatic(
        vm,
        {
          name: '_hw_unsupported_arg',
          qualname: '_hw_unsupported_arg',
          flags: Meth.O,
          impl: (vm2, _s, a) => {
            throw typeError(
              vm2,
              'argument should be a string or a Rational instance, not %.200s',
              typeName(vm2, a[0]),
            );
          },
        },
        'fractions',
      ),
    };
    const globals = runPythonPart(vm, 'fractions', FRACTIONS_SOURCE, helpers);
    return moduleFromGlobals(vm, 'fractions', globals);
  },
};
