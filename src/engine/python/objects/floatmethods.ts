import { raiseString, valueError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromLong, norm } from './int';
import { strNew, strValue } from './str';
import { tupleFromItems } from './tuple';
import { Meth, T, type MethodDef } from './types';

/**
 * float's exact-conversion methods (Objects/floatobject.c, 3.11): as_integer_ratio, hex, fromhex,
 * __floor__, __ceil__, conjugate. Only their results are allocated here (the ints of the ratio in
 * its tuple, the str, the float); float_as_integer_ratio's intermediate ints (the exponent, the
 * shifted denominator) are not modelled.
 */

const view = new DataView(new ArrayBuffer(8));

/** The double's sign, 52-bit fraction and biased exponent. */
function parts(x: number): { neg: boolean; frac: bigint; exp: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  return { neg: hi >>> 31 === 1, frac: (BigInt(hi & 0xfffff) << 32n) | BigInt(lo), exp: (hi >>> 20) & 0x7ff };
}

function checkFinite(vm: Vm, x: number, what: string): void {
  if (Number.isNaN(x)) throw valueError(vm, `cannot convert NaN to ${what}`);
  if (!Number.isFinite(x)) throw raiseString(vm, E.OverflowError, `cannot convert Infinity to ${what}`);
}

/** float_as_integer_ratio: the exact value as numerator / a power-of-two denominator, in lowest terms. */
function asIntegerRatio(vm: Vm, self: number): number {
  const x = vm.table.num[self];
  checkFinite(vm, x, 'integer ratio');
  const { neg, frac, exp } = parts(x);
  let m = exp === 0 ? frac : frac | (1n << 52n);
  let e = (exp === 0 ? 1 : exp) - 1075;
  while (m !== 0n && (m & 1n) === 0n && e < 0) {
    m >>= 1n;
    e++;
  }
  if (m === 0n) e = 0;
  const num = (e > 0 ? m << BigInt(e) : m) * (neg ? -1n : 1n);
  const den = e < 0 ? 1n << BigInt(-e) : 1n;
  return tupleFromItems(vm, [fromLong(vm, norm(num)), fromLong(vm, norm(den))]);
}

/** float_hex: 0x1.<13 hex digits>p<exponent>; subnormals as 0x0.…p-1022. */
export function floatHexText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const { neg, frac, exp } = parts(x);
  const sign = neg ? '-' : '';
  if (exp === 0 && frac === 0n) return `${sign}0x0.0p+0`;
  const lead = exp === 0 ? 0 : 1;
  const e = exp === 0 ? -1022 : exp - 1023;
  return `${sign}0x${lead}.${frac.toString(16).padStart(13, '0')}p${e >= 0 ? '+' : ''}${e}`;
}

/** float_fromhex: [sign] [0x] hexdigits [. hexdigits] [p exponent], or inf / nan; round half to even. */
export function parseFloatHex(s: string): number | null {
  const t = s.trim().toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(t);
  if (special) return special[2] === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const m = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = m[2] + (m[3] ?? '');
  let mant = digits === '' ? 0n : BigInt('0x' + digits);
  let e = (m[4] ? parseInt(m[4], 10) : 0) - 4 * (m[3] ?? '').length;
  if (mant === 0n) return m[1] === '-' ? -0 : 0;
  // bring the mantissa to 53 significant bits (or fewer for a subnormal), rounding half to even
  const bits = mant.toString(2).length;
  let shift = bits - 53;
  const minExp = -1074;
  if (e + shift < minExp) shift = minExp - e;
  if (shift > 0) {
    const rem = mant & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    mant >>= BigInt(shift);
    if (rem > half || (rem === half && (mant & 1n) === 1n)) mant += 1n;
    e += shift;
  }
  const v = Number(mant) * 2 ** Math.max(e, -1022) * (e < -1022 ? 2 ** (e + 1022) : 1);
  return m[1] === '-' ? -v : v;
}

function floorOrCeil(vm: Vm, self: number, f: (x: number) => number): number {
  const x = vm.table.num[self];
  checkFinite(vm, x, 'integer');
  const r = f(x);
  return fromLong(vm, norm(BigInt(r)));
}

export const FLOAT_EXTRA_METHODS: Record<string, MethodDef> = {
  as_integer_ratio: {
    name: 'as_integer_ratio',
    flags: Meth.NoArgs,
    impl: asIntegerRatio,
    qualname: 'float.as_integer_ratio',
  },
  hex: {
    name: 'hex',
    flags: Meth.NoArgs,
    impl: (vm, self) => strNew(vm, floatHexText(vm.table.num[self])),
    qualname: 'float.hex',
  },
  fromhex: {
    name: 'fromhex',
    flags: Meth.O | Meth.Class,
    impl: (vm, _cls, a) => {
      if (vm.table.type[a[0]] !== T.Str) throw valueError(vm, 'invalid hexadecimal floating-point string');
      const v = parseFloatHex(strValue(vm, a[0]));
      if (v === null) throw valueError(vm, 'invalid hexadecimal floating-point string');
      if (!Number.isFinite(v) && !Number.isNaN(v) && !/inf/i.test(strValue(vm, a[0])))
        throw raiseString(vm, E.OverflowError, 'hexadecimal value too large to represent as a float');
      return fromDouble(vm, v);
    },
    qualname: 'float.fromhex',
  },
  __floor__: {
    name: '__floor__',
    flags: Meth.NoArgs,
    impl: (vm, self) => floorOrCeil(vm, self, Math.floor),
    qualname: 'float.__floor__',
  },
  __ceil__: {
    name: '__ceil__',
    flags: Meth.NoArgs,
    impl: (vm, self) => floorOrCeil(vm, self, Math.ceil),
    qualname: 'float.__ceil__',
  },
  conjugate: {
    name: 'conjugate',
    flags: Meth.NoArgs,
    // float_float: the same object for an exact float, an exact copy for a subclass
    impl: (vm, self) => {
      if (vm.table.type[self] !== T.Float) return fromDouble(vm, vm.table.num[self]);
      vm.incref(self);
      return self;
    },
    qualname: 'float.conjugate',
  },
};
