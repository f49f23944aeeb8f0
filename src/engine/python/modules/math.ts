import { call } from '../abstract/call';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { binaryOp, index as numberIndex } from '../abstract/number';
import { lookupSpecial } from '../abstract/attr';
import { richCompareBool } from '../abstract/compare';
import { typeName } from '../abstract/object';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { builtinNew } from '../objects/descr';
import { pyIdentifier } from '../objects/identifiers';
import { fromLong, fromSsize, intMul, intValue, longNew, norm } from '../objects/int';
import { ndigits } from '../objects/intsize';
import { intTrueDivideValue } from '../objects/floatpow';
import { tupleFromItems } from '../objects/tuple';
import { Cmp, Meth, NB, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import {
  cAcos,
  cAcosh,
  cAsin,
  cAsinh,
  cAtan,
  cAtan2,
  cCos,
  cCosh,
  cExp,
  cExp2,
  cLog,
  cLog10,
  cLog2,
  cPow,
  cSin,
  cSinh,
  cTan,
  vectorNorm,
} from '../../libm/c99';
import { cbrt } from '../../libm/cbrt';
import { erf, erfc } from '../../libm/erf';
import { type Errno, lgamma, remainder, tgamma } from './mathgamma';
import { makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * math (Modules/mathmodule.c, 3.11; loaded at start-up, so `import math` costs nothing). Most
 * functions take their arguments as C doubles (no allocation) and return one new float; what the
 * calling convention allocates is modelled: log is METH_VARARGS (its argument tuple), the others
 * METH_O or METH_FASTCALL. floor/ceil/trunc of something other than a float look up __floor__ &
 * co. through a _Py_IDENTIFIER (identifiers.ts) and call the bound method it makes.
 * factorial beyond 20! and isqrt beyond 2⁶⁴ run CPython's algorithms on Python ints (their
 * intermediate products allocate as int arithmetic does).
 */

const isFloat = (vm: Vm, h: number): boolean =>
  vm.table.type[h] === T.Float || vm.typeOf(h).mro.includes(T.Float);
const isInt = (vm: Vm, h: number): boolean =>
  vm.table.type[h] === T.Int || vm.table.type[h] === T.Bool || vm.typeOf(h).mro.includes(T.Int);

/** PyFloat_AsDouble: a float's value, an int's (OverflowError past the double range), __float__, __index__. */
export function asDouble(vm: Vm, h: number): number {
  if (isFloat(vm, h)) return vm.table.num[h];
  if (isInt(vm, h)) {
    const v = Number(intValue(vm, h));
    if (!Number.isFinite(v)) throw raiseString(vm, E.OverflowError, 'int too large to convert to float');
    return v;
  }
  const nb = vm.typeOf(h).number;
  if (nb?.float) {
    const f = nb.float(vm, h);
    const v = vm.table.num[f];
    vm.decref(f);
    return v;
  }
  if (nb?.index) {
    const i = nb.index(vm, h);
    const v = Number(intValue(vm, i));
    vm.decref(i);
    return v;
  }
  throw typeError(vm, 'must be real number, not %.200s', typeName(vm, h));
}

const domainError = (vm: Vm): never => {
  throw raiseString(vm, E.ValueError, 'math domain error');
};
const rangeError = (vm: Vm): never => {
  throw raiseString(vm, E.OverflowError, 'math range error');
};

/**
 * math_1: the C function on the double; a NaN from a non-NaN argument is a domain error, an
 * infinity from a finite one a range error (or a domain error for functions like log).
 */
function math1(vm: Vm, x: number, f: (x: number) => number, canOverflow: boolean): number {
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError(vm);
  if (!Number.isFinite(r) && Number.isFinite(x) && !Number.isNaN(r)) {
    if (canOverflow) rangeError(vm);
    else domainError(vm);
  }
  return fromDouble(vm, r);
}

const one = (name: string, f: (x: number) => number, canOverflow = false): MethodDef => ({
  name,
  flags: Meth.O,
  impl: (vm, _m, a) => math1(vm, asDouble(vm, a[0]), f, canOverflow),
});

function checkArgs(vm: Vm, name: string, args: readonly number[], n: number): void {
  if (args.length !== n) throw typeError(vm, '%s expected %d arguments, got %zd', name, n, args.length);
}

const two = (name: string, f: (x: number, y: number) => number): MethodDef => ({
  name,
  flags: Meth.Fastcall,
  impl: (vm, _m, a) => {
    checkArgs(vm, name, a, 2);
    const x = asDouble(vm, a[0]);
    const y = asDouble(vm, a[1]);
    const r = f(x, y);
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domainError(vm);
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y)) rangeError(vm);
    return fromDouble(vm, r);
  },
});

const pred = (name: string, f: (x: number) => boolean): MethodDef => ({
  name,
  flags: Meth.O,
  impl: (vm, _m, a) => vm.s.bool(f(asDouble(vm, a[0]))),
});

/** PyLong_FromDouble: small ints cached, else 1 + ⌈bits/30⌉ digits … exactly as needed. */
export function longFromDouble(vm: Vm, d: number): number {
  if (!Number.isFinite(d)) {
    if (Number.isNaN(d)) throw raiseString(vm, E.ValueError, 'cannot convert float NaN to integer');
    throw raiseString(vm, E.OverflowError, 'cannot convert float infinity to integer');
  }
  const v = BigInt(Math.trunc(d));
  // fits a C long: PyLong_FromLong (small, medium 32 bytes, or exactly sized)
  return fromLong(vm, norm(v));
}

/** floor/ceil/trunc: a float directly; anything else through __floor__/__ceil__/__trunc__. */
function rounding(name: 'floor' | 'ceil' | 'trunc', f: (x: number) => number): MethodDef {
  return {
    name,
    flags: Meth.O,
    impl: (vm, _m, a) => {
      const x = a[0];
      // floor/ceil of an exact float, and trunc of one (PyFloat_Type's nb_int), need no lookup
      if (vm.table.type[x] === T.Float) return longFromDouble(vm, f(vm.table.num[x]));
      pyIdentifier(vm, `__${name}__`, true);
      if (vm.table.type[x] === T.Int || vm.table.type[x] === T.Bool) {
        // int.__floor__ & co. (METH_NOARGS in int's methods): bound (a PyCFunction), called, released
        const bound = builtinNew(vm, INT_SELF, x);
        try {
          return call(vm, bound, [], null);
        } finally {
          vm.decref(bound);
        }
      }
      const meth = lookupSpecial(vm, x, `__${name}__`);
      if (meth === 0) {
        if (name === 'trunc')
          throw typeError(vm, "type %.100s doesn't define __trunc__ method", typeName(vm, x));
        return longFromDouble(vm, f(asDouble(vm, x)));
      }
      try {
        return call(vm, meth, [], null);
      } finally {
        vm.decref(meth);
      }
    },
  };
}

/** int.__floor__ / __ceil__ / __trunc__: the int itself (an exact int's value as an int). */
const INT_SELF: MethodDef = {
  name: '__floor__',
  flags: Meth.NoArgs,
  impl: (vm, self) => {
    if (vm.table.type[self] === T.Int) {
      vm.incref(self);
      return self;
    }
    return fromLong(vm, intValue(vm, self));
  },
};

/** math.log(x[, base]): METH_VARARGS; each argument's log (loghelper: ints by their bits), then the quotient. */
function log(vm: Vm, _m: number, args: readonly number[]): number {
  if (args.length < 1 || args.length > 2)
    throw typeError(vm, 'log expected 1 or 2 arguments, got %zd', args.length);
  const num = logHelper(vm, args[0], cLog);
  if (args.length === 1) return num;
  try {
    const den = logHelper(vm, args[1], cLog);
    try {
      const d = vm.table.num[den];
      if (d === 0) throw raiseString(vm, E.ZeroDivisionError, 'float division by zero');
      return fromDouble(vm, vm.table.num[num] / d);
    } finally {
      vm.decref(den);
    }
  } finally {
    vm.decref(num);
  }
}

/** loghelper: an int too big for a double is taken as its top bits × 2**e. */
function logHelper(vm: Vm, h: number, f: (x: number) => number): number {
  if (isInt(vm, h)) {
    const v = intValue(vm, h);
    if (v <= 0) domainError(vm);
    const d = Number(v);
    if (Number.isFinite(d)) return math1(vm, d, f, false);
    // _PyLong_Frexp: v = x·2^e with x in [0.5, 1) rounded half to even, then func(x) + func(2)·e
    let e = BigInt(v).toString(2).length;
    let x = intTrueDivideValue(v, 1n << BigInt(e)) as number;
    if (x === 1) {
      x = 0.5;
      e += 1;
    }
    return fromDouble(vm, f(x) + f(2) * e);
  }
  return math1(vm, asDouble(vm, h), f, false);
}

/**
 * math.fsum(iterable): exactly rounded (Shewchuk's partials, 32 on the C stack, then a PyMem
 * array doubled as needed); the result is made before the iterator is released.
 */
function fsum(vm: Vm, _m: number, a: readonly number[]): number {
  const it = getIter(vm, a[0]);
  const partials: number[] = [];
  let room = 32;
  let heap = 0;
  try {
    for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
      let v: number;
      try {
        v = asDouble(vm, x);
      } finally {
        vm.decref(x);
      }
      let i = 0;
      for (let y of partials) {
        if (Math.abs(v) < Math.abs(y)) [v, y] = [y, v];
        const hi = v + y;
        const lo = y - (hi - v);
        if (lo) partials[i++] = lo;
        v = hi;
      }
      partials.length = i;
      if (partials.length >= room) {
        // _fsum_realloc: twice the room, from the stack array or the previous block
        room *= 2;
        heap = heap === 0 ? vm.mem.malloc(room * 8) : vm.mem.realloc(heap, room * 8);
      }
      partials.push(v);
    }
    return fromDouble(
      vm,
      partials.reduce((s, p) => s + p, 0),
    );
  } finally {
    vm.decref(it);
    if (heap) vm.mem.free(heap);
  }
}

/**
 * math.prod(iterable, *, start=1): products kept in a C long while exact ints fit, then in a
 * double while the items are floats (or ints that fit a long); only where neither applies does
 * PyNumber_Multiply make the intermediate objects. The iterator is released last.
 */
function prod(vm: Vm, _m: number, a: readonly number[], kw: Map<string, number> | null): number {
  if (a.length !== 1) throw typeError(vm, 'prod() takes exactly 1 positional argument (%zd given)', a.length);
  let result = kw?.get('start') ?? vm.s.smallInt(1);
  vm.incref(result);
  const it = getIter(vm, a[0]);
  const LONG_MAX = 2n ** 63n - 1n;
  const fitsLong = (v: bigint): boolean => v <= LONG_MAX && v >= -LONG_MAX - 1n;
  const mulInto = (item: number): void => {
    const r = binaryOp(vm, NB.Multiply, result, item);
    vm.decref(result);
    vm.decref(item);
    result = r;
  };
  try {
    if (vm.table.type[result] === T.Int && fitsLong(BigInt(intValue(vm, result)))) {
      let iResult = BigInt(intValue(vm, result));
      vm.decref(result);
      result = 0;
      while (result === 0) {
        const item = iterNext(vm, it);
        if (item === 0) return fromLong(vm, norm(iResult));
        const t = vm.table.type[item];
        if (t === T.Int || t === T.Bool) {
          const b = BigInt(intValue(vm, item));
          if (fitsLong(b) && fitsLong(iResult * b)) {
            iResult *= b;
            vm.decref(item);
            continue;
          }
        }
        result = fromLong(vm, norm(iResult));
        mulInto(item);
      }
    }
    if (vm.table.type[result] === T.Float) {
      let fResult = vm.table.num[result];
      vm.decref(result);
      result = 0;
      while (result === 0) {
        const item = iterNext(vm, it);
        if (item === 0) return fromDouble(vm, fResult);
        const t = vm.table.type[item];
        if (t === T.Float) {
          fResult *= vm.table.num[item];
          vm.decref(item);
          continue;
        }
        if (t === T.Int && fitsLong(BigInt(intValue(vm, item)))) {
          fResult *= Number(intValue(vm, item));
          vm.decref(item);
          continue;
        }
        result = fromDouble(vm, fResult);
        mulInto(item);
      }
    }
    for (let item = iterNext(vm, it); item !== 0; item = iterNext(vm, it)) mulInto(item);
    const r = result;
    result = 0;
    return r;
  } catch (e) {
    if (result) vm.decref(result);
    throw e;
  } finally {
    vm.decref(it);
  }
}

/** SmallFactorials: 0! … 20! fit an unsigned long. */
const SMALL_FACTORIALS = 21;

/** factorial_partial_product: the odd numbers in [start, stop) multiplied (machine words while they fit). */
function partialProduct(vm: Vm, start: number, stop: number, maxBits: number): number {
  const numOperands = (stop - start) / 2;
  if (numOperands <= 64 && numOperands * maxBits <= 64) {
    let total = BigInt(start);
    for (let j = start + 2; j < stop; j += 2) total *= BigInt(j);
    return fromSsize(vm, norm(BigInt.asUintN(64, total)));
  }
  const midpoint = (start + numOperands) | 1;
  const left = partialProduct(vm, start, midpoint, bitLength(midpoint - 2));
  const right = partialProduct(vm, midpoint, stop, maxBits);
  try {
    return intMul(vm, intValue(vm, left), intValue(vm, right));
  } finally {
    vm.decref(left);
    vm.decref(right);
  }
}

const bitLength = (n: number): number => (n <= 0 ? 0 : Math.floor(Math.log2(n)) + 1);

/** math.factorial: the table up to 20!, else factorial_odd_part << (n - popcount(n)). */
function factorial(vm: Vm, _m: number, a: readonly number[]): number {
  const arg = a[0];
  if (!isInt(vm, arg))
    throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, arg));
  const nv = intValue(vm, arg);
  if (nv < 0) throw valueError(vm, 'factorial() not defined for negative values');
  if (nv > 2147483647)
    throw raiseString(vm, E.OverflowError, 'factorial() argument should not exceed 2147483647');
  const n = Number(nv);
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  if (n < SMALL_FACTORIALS) return fromSsize(vm, norm(f));
  // factorial_odd_part
  let inner = vm.s.smallInt(1);
  let outer = inner;
  let upper = 3;
  for (let i = bitLength(n) - 2; i >= 0; i--) {
    const v = Math.floor(n / 2 ** i);
    if (v <= 2) continue;
    const lower = upper;
    upper = (v + 1) | 1;
    const partial = partialProduct(vm, lower, upper, bitLength(upper - 2));
    const t1 = intMul(vm, intValue(vm, inner), intValue(vm, partial));
    vm.decref(partial);
    vm.decref(inner);
    inner = t1;
    const t2 = intMul(vm, intValue(vm, outer), intValue(vm, inner));
    vm.decref(outer);
    outer = t2;
  }
  vm.decref(inner);
  let popcount = 0;
  for (let x = n; x; x >>>= 1) popcount += x & 1;
  const shift = n - popcount;
  // _PyLong_Lshift: oldsize + wordshift (+1 when there is a remainder shift) digits
  const odd = intValue(vm, outer);
  const size = ndigits(odd) + Math.floor(shift / 30) + (shift % 30 ? 1 : 0);
  const result = longNew(vm, norm(f), size);
  vm.decref(outer);
  return result;
}

/** _approximate_isqrt's result, corrected: ⌊√n⌋ for n < 2⁶⁴. */
function isqrtSmall(n: bigint): bigint {
  let r = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (r * r > n) r--;
  while ((r + 1n) * (r + 1n) <= n) r++;
  return r;
}

/** math.isqrt: machine words below 2⁶⁴, else Newton steps on Python ints as math_isqrt makes them. */
function isqrt(vm: Vm, _m: number, a: readonly number[]): number {
  const n = numberIndex(vm, a[0]);
  try {
    const v = BigInt(intValue(vm, n));
    if (v < 0n) throw valueError(vm, 'isqrt() argument must be nonnegative');
    if (v === 0n) return vm.s.smallInt(0);
    if (v < 1n << 64n) return fromSsize(vm, norm(isqrtSmall(v)));
    const c = BigInt((v.toString(2).length - 1) >> 1);
    let cBitLength = 6;
    while (c >> BigInt(cBitLength) > 0n) cBitLength++;
    let d = c >> BigInt(cBitLength - 5);
    const b = shiftRight(vm, v, 2n * c - 62n);
    const m = BigInt(intValue(vm, b));
    vm.decref(b);
    let A = fromSsize(vm, norm(isqrtSmall(m) >> (31n - d)));
    for (let s = cBitLength - 6; s >= 0; s--) {
      const e = d;
      d = c >> BigInt(s);
      let q = shiftRight(vm, v, 2n * c - d - e + 1n);
      const q2 = binaryOp(vm, NB.FloorDivide, q, A);
      vm.decref(q);
      q = q2;
      const sh = d - 1n - e;
      const av = BigInt(intValue(vm, A));
      const shifted = shiftLeft(vm, av, sh);
      vm.decref(A);
      A = binaryOp(vm, NB.Add, shifted, q);
      vm.decref(shifted);
      vm.decref(q);
    }
    const sq = binaryOp(vm, NB.Multiply, A, A);
    const tooLarge = richCompareBool(vm, n, sq, Cmp.LT);
    vm.decref(sq);
    if (tooLarge) {
      const r = binaryOp(vm, NB.Subtract, A, vm.s.smallInt(1));
      vm.decref(A);
      A = r;
    }
    return A;
  } finally {
    vm.decref(n);
  }
}

/** _PyLong_Rshift: the result exactly sized (small and medium results cached / 32 bytes). */
function shiftRight(vm: Vm, v: bigint, s: bigint): number {
  return fromLongSized(vm, v >> s, ndigits(norm(v)) - Number(s / 30n));
}

/** _PyLong_Lshift: oldsize + wordshift, + 1 when the shift has a remainder. */
function shiftLeft(vm: Vm, v: bigint, s: bigint): number {
  const r = v << s;
  return fromLongSized(vm, r, ndigits(norm(v)) + Number(s / 30n) + (s % 30n ? 1 : 0));
}

function fromLongSized(vm: Vm, v: bigint, size: number): number {
  const n = norm(v);
  if (typeof n === 'number' && n >= -5 && n <= 256) return vm.s.smallInt(n);
  return longNew(vm, n, Math.max(1, size));
}

/** gcd/lcm of ints (FASTCALL): 0 and 1 arguments as CPython answers them. */
function gcdLcm(name: 'gcd' | 'lcm'): MethodDef {
  return {
    name,
    flags: Meth.Fastcall,
    impl: (vm, _m, a) => {
      const g = (x: bigint, y: bigint): bigint => {
        x = x < 0n ? -x : x;
        y = y < 0n ? -y : y;
        while (y) [x, y] = [y, x % y];
        return x;
      };
      let acc = name === 'gcd' ? 0n : 1n;
      for (const h of a) {
        const iv = numberIndex(vm, h);
        const v = BigInt(intValue(vm, iv));
        vm.decref(iv);
        if (name === 'gcd') acc = g(acc, v);
        else acc = acc === 0n || v === 0n ? 0n : (acc * (v < 0n ? -v : v)) / g(acc, v);
      }
      return fromLong(vm, norm(acc));
    },
  };
}

/**
 * comb/perm (FASTCALL): the result as one int. CPython's perm_comb_small splits large cases into
 * products and quotients of smaller ones; those intermediate ints are not modelled.
 */
function combPerm(name: 'comb' | 'perm'): MethodDef {
  return {
    name,
    flags: Meth.Fastcall,
    impl: (vm, _m, a) => {
      const nv = BigInt(intValue(vm, a[0]));
      const kv = a.length > 1 && a[1] !== vm.s.None ? BigInt(intValue(vm, a[1])) : name === 'perm' ? nv : -1n;
      if (nv < 0n) throw valueError(vm, 'n must be a non-negative integer');
      if (kv < 0n) throw valueError(vm, 'k must be a non-negative integer');
      if (kv > nv) return vm.s.smallInt(0);
      let r = 1n;
      if (name === 'perm') for (let i = 0n; i < kv; i++) r *= nv - i;
      else {
        const k = kv < nv - kv ? kv : nv - kv;
        for (let i = 0n; i < k; i++) r = (r * (nv - i)) / (i + 1n);
      }
      return fromLong(vm, norm(r));
    },
  };
}

function frexp(vm: Vm, _m: number, a: readonly number[]): number {
  const x = asDouble(vm, a[0]);
  let m = x;
  let e = 0;
  if (x !== 0 && Number.isFinite(x)) {
    e = Math.floor(Math.log2(Math.abs(x))) + 1;
    m = x / 2 ** e;
    if (Math.abs(m) >= 1) {
      m /= 2;
      e++;
    }
  }
  // Py_BuildValue("(di)"): the tuple first, then its items
  const t = tupleFromItems(vm, [vm.s.None, vm.s.None]);
  vm.pool.data[vm.table.ref[t]] = fromDouble(vm, m);
  vm.pool.data[vm.table.ref[t] + 1] = fromLong(vm, e);
  return t;
}

function modf(vm: Vm, _m: number, a: readonly number[]): number {
  const x = asDouble(vm, a[0]);
  const ip = Number.isFinite(x) ? Math.trunc(x) : x;
  const fp = Number.isFinite(x) ? x - ip : Number.isNaN(x) ? x : Math.sign(x) * 0;
  const t = tupleFromItems(vm, [vm.s.None, vm.s.None]);
  vm.pool.data[vm.table.ref[t]] = fromDouble(vm, fp);
  vm.pool.data[vm.table.ref[t] + 1] = fromDouble(vm, ip);
  return t;
}

/** isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0). */
function isclose(vm: Vm, _m: number, a: readonly number[], kw: Map<string, number> | null): number {
  const x = asDouble(vm, a[0]);
  const y = asDouble(vm, a[1]);
  const rel = kw?.has('rel_tol') ? asDouble(vm, kw.get('rel_tol')!) : 1e-9;
  const abs = kw?.has('abs_tol') ? asDouble(vm, kw.get('abs_tol')!) : 0;
  if (rel < 0 || abs < 0) throw valueError(vm, 'tolerances must be non-negative');
  if (x === y) return vm.s.True;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return vm.s.False;
  const diff = Math.abs(y - x);
  return vm.s.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
}

/** hypot(*coordinates) and dist(p, q): one float. */
function hypot(vm: Vm, _m: number, a: readonly number[]): number {
  return fromDouble(vm, vectorNorm(a.map((h) => asDouble(vm, h))));
}

function dist(vm: Vm, _m: number, a: readonly number[]): number {
  checkArgs(vm, 'dist', a, 2);
  const p = Array.from(tupleItemsOf(vm, a[0]));
  const q = Array.from(tupleItemsOf(vm, a[1]));
  if (p.length !== q.length) throw valueError(vm, 'both points must have the same number of dimensions');
  return fromDouble(vm, vectorNorm(p.map((h, i) => Math.abs(asDouble(vm, h) - asDouble(vm, q[i])))));
}

function tupleItemsOf(vm: Vm, h: number): ArrayLike<number> {
  if (vm.table.type[h] !== T.Tuple)
    throw typeError(vm, 'dist(): argument must be tuple, not %.200s', typeName(vm, h));
  return vm.pool.data.slice(vm.table.ref[h], vm.table.ref[h] + vm.table.n[h]);
}

/**
 * math_1a (gamma, lgamma): the function's errno decides, not the value: EDOM a ValueError, ERANGE
 * an OverflowError unless the result underflowed (|r| < 1.5).
 */
const oneErrno = (name: string, f: (x: number) => { r: number; errno: Errno }): MethodDef => ({
  name,
  flags: Meth.O,
  impl: (vm, _m, a) => {
    const { r, errno } = f(asDouble(vm, a[0]));
    if (errno === 'EDOM') domainError(vm);
    if (errno === 'ERANGE' && Math.abs(r) >= 1.5) rangeError(vm);
    return fromDouble(vm, r);
  },
});

const FUNCTIONS: MethodDef[] = [
  one('sqrt', Math.sqrt),
  one('exp', cExp, true),
  one('exp2', cExp2, true),
  one('expm1', Math.expm1, true),
  one('cbrt', cbrt),
  { name: 'log2', flags: Meth.O, impl: (vm, _m, a) => logHelper(vm, a[0], cLog2) },
  { name: 'log10', flags: Meth.O, impl: (vm, _m, a) => logHelper(vm, a[0], cLog10) },
  one('log1p', Math.log1p),
  one('sin', cSin),
  one('cos', cCos),
  one('tan', cTan),
  one('asin', cAsin),
  one('acos', cAcos),
  one('atan', cAtan),
  one('sinh', cSinh, true),
  one('cosh', cCosh, true),
  one('tanh', Math.tanh),
  one('asinh', cAsinh),
  one('acosh', cAcosh),
  one('atanh', Math.atanh),
  one('fabs', Math.abs),
  one('degrees', (x) => x * (180 / Math.PI)),
  one('radians', (x) => x * (Math.PI / 180)),
  oneErrno('gamma', tgamma),
  oneErrno('lgamma', lgamma),
  one('erf', erf),
  one('erfc', erfc),
  one('ulp', (x) => {
    if (!Number.isFinite(x)) return Math.abs(x);
    const a = Math.abs(x);
    const next = new Float64Array([a]);
    const bits = new BigUint64Array(next.buffer);
    bits[0] += 1n;
    return next[0] - a;
  }),
  pred('isnan', Number.isNaN),
  pred('isinf', (x) => !Number.isFinite(x) && !Number.isNaN(x)),
  pred('isfinite', Number.isFinite),
  rounding('floor', Math.floor),
  rounding('ceil', Math.ceil),
  rounding('trunc', Math.trunc),
  { name: 'log', flags: Meth.Varargs, impl: log },
  two('pow', cPow),
  two('atan2', cAtan2),
  two('copysign', (x, y) => (Math.sign(y) < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x))),
  two('fmod', (x, y) => (y === 0 ? NaN : x % y)),
  two('remainder', remainder),
  two('ldexp', (x, e) => x * 2 ** e),
  two('nextafter', (x, y) => {
    if (x === y) return y;
    const f = new Float64Array([x]);
    const b = new BigInt64Array(f.buffer);
    if (x === 0) return y > 0 ? 5e-324 : -5e-324;
    b[0] += y > x === x > 0 ? 1n : -1n;
    return f[0];
  }),
  { name: 'hypot', flags: Meth.Fastcall, impl: hypot },
  { name: 'dist', flags: Meth.Fastcall, impl: dist },
  { name: 'fsum', flags: Meth.O, impl: fsum },
  { name: 'prod', flags: Meth.Fastcall | Meth.Keywords, impl: prod },
  { name: 'factorial', flags: Meth.O, impl: factorial },
  { name: 'isqrt', flags: Meth.O, impl: isqrt },
  gcdLcm('gcd'),
  gcdLcm('lcm'),
  combPerm('comb'),
  combPerm('perm'),
  { name: 'frexp', flags: Meth.O, impl: frexp },
  { name: 'modf', flags: Meth.O, impl: modf },
  { name: 'isclose', flags: Meth.Fastcall | Meth.Keywords, impl: isclose },
];

function staticFloat(vm: Vm, v: number): number {
  const h = vm.newStatic(T.Float);
  vm.table.num[h] = v;
  return h;
}

export const mathModule: ModuleSpec = {
  name: 'math',
  load: (vm) =>
    makeModule(vm, 'math', FUNCTIONS, {
      pi: staticFloat(vm, Math.PI),
      e: staticFloat(vm, Math.E),
      tau: staticFloat(vm, 2 * Math.PI),
      inf: staticFloat(vm, Infinity),
      nan: staticFloat(vm, NaN),
    }),
};
