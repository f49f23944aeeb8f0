import { lookupSpecial } from '../abstract/attr';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import * as libm from '../../libm';
import { NotSupported } from '../errors';
import { complexNew, complexParts } from '../objects/complex';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { intValue } from '../objects/int';
import { tupleFromItems } from '../objects/tuple';
import { cquot } from '../compiler/floatops';
import { Meth, T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * cmath (Modules/cmathmodule.c, 3.11) for finite arguments: each function computes as the C code
 * does (c_sqrt's scaling by 8 and hypot, c_exp/c_cosh/c_sinh past log(DBL_MAX) through exp(x-1)·e,
 * c_log's log1p branch for |z| in [0.71, 1.73]), over the simulator's glibc libm. Every result is a
 * new 32-byte complex (or float, or tuple). The C99 special-value tables (an infinite or NaN part)
 * are not modelled: such an argument stops as not supported rather than give a wrong value; so do
 * the inverse functions and tan/tanh (not modelled yet). The import replays 3.11.7's footprint.
 */
type C = [number, number];
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;
/** CM_LOG_LARGE_DOUBLE: log(DBL_MAX / 4), past which exp/cosh/sinh go through x - 1 (708.396…). */
const LARGE_DOUBLE = Math.log(DBL_MAX / 4);
const copysign = (x: number, y: number): number => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x));
const glibcHypot = (x: number, y: number): number => libm.hypot([x, y]);
/** glibc's sin(±0) is ±0 (the double-double sum would lose the sign). */
const sin = (x: number): number => (x === 0 ? x : libm.sin(x));
const sinh = (x: number): number => (x === 0 ? x : libm.sinh(x));

/** PyArg_Parse "D": a complex, or a real number as (x, 0). */
function argComplex(vm: Vm, h: number): C {
  const tp = vm.typeOf(h);
  if (tp.mro.includes(T.Complex)) return complexParts(vm, h);
  if (tp.mro.includes(T.Float)) return [vm.table.num[h], 0];
  if (tp.mro.includes(T.Int)) {
    const v = Number(intValue(vm, h));
    if (!Number.isFinite(v)) throw raiseString(vm, E.OverflowError, 'int too large to convert to float');
    return [v, 0];
  }
  if (lookupSpecial(vm, h, '__complex__') !== 0 || lookupSpecial(vm, h, '__float__') !== 0)
    throw new NotSupported('cmath of an object with __complex__/__float__');
  throw typeError(vm, 'must be real number, not %.200s', typeName(vm, h));
}

function finite(z: C, what: string): void {
  if (!Number.isFinite(z[0]) || !Number.isFinite(z[1]))
    throw new NotSupported(`cmath.${what} of an infinite or NaN part (C99's special values)`);
}

/** The errno checks after each function: ERANGE is "math range error", EDOM "math domain error". */
function checked(vm: Vm, r: C): C {
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1]))
    throw raiseString(vm, E.OverflowError, 'math range error');
  return r;
}

function cSqrt(z: C): C {
  const [re, im] = z;
  if (re === 0 && im === 0) return [0, im];
  let ax = Math.abs(re);
  const ay = Math.abs(im);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // subnormal: scaled up by 2**53 first (ldexp), the result scaled back
    ax = ax * 2 ** 53;
    s = 2 ** -27 * Math.sqrt(ax + glibcHypot(ax, ay * 2 ** 53));
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + glibcHypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  return re >= 0 ? [s, copysign(d, im)] : [d, copysign(s, im)];
}

function cExp(vm: Vm, z: C): C {
  const [re, im] = z;
  if (re > LARGE_DOUBLE) {
    const l = libm.exp(re - 1);
    return checked(vm, [l * libm.cos(im) * Math.E, l * sin(im) * Math.E]);
  }
  const l = libm.exp(re);
  return checked(vm, [l * libm.cos(im), l * sin(im)]);
}

function cLog(vm: Vm, z: C): C {
  const [re, im] = z;
  const ax = Math.abs(re);
  const ay = Math.abs(im);
  let real: number;
  if (ax > DBL_MAX / 4 || ay > DBL_MAX / 4) real = libm.log(glibcHypot(ax / 2, ay / 2)) + Math.LN2;
  else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) real = libm.log(glibcHypot(ax * 2 ** 53, ay * 2 ** 53)) - 53 * Math.LN2;
    else throw valueError(vm, 'math domain error');
  } else {
    const h = glibcHypot(ax, ay);
    if (h >= 0.71 && h <= 1.73) {
      const am = ax > ay ? ax : ay;
      const an = ax > ay ? ay : ax;
      real = Math.log1p((am - 1) * (am + 1) + an * an) / 2;
    } else real = libm.log(h);
  }
  return [real, libm.atan2(im, re)];
}

function cCosh(vm: Vm, z: C): C {
  const [re, im] = z;
  if (Math.abs(re) > LARGE_DOUBLE) {
    const x1 = re - copysign(1, re);
    return checked(vm, [libm.cosh(x1) * libm.cos(im) * Math.E, sinh(x1) * sin(im) * Math.E]);
  }
  return checked(vm, [libm.cosh(re) * libm.cos(im), sinh(re) * sin(im)]);
}

function cSinh(vm: Vm, z: C): C {
  const [re, im] = z;
  if (Math.abs(re) > LARGE_DOUBLE) {
    const x1 = re - copysign(1, re);
    return checked(vm, [libm.cos(im) * sinh(x1) * Math.E, sin(im) * libm.cosh(x1) * Math.E]);
  }
  return checked(vm, [libm.cos(im) * sinh(re), sin(im) * libm.cosh(re)]);
}

/** cos(z) = cosh(iz); sin(z) = -i·sinh(iz) (cmath_cos_impl, cmath_sin_impl). */
const cCos = (vm: Vm, z: C): C => cCosh(vm, [-z[1], z[0]]);
function cSin(vm: Vm, z: C): C {
  const r = cSinh(vm, [-z[1], z[0]]);
  return [r[1], -r[0]];
}

function unary(name: string, f: (vm: Vm, z: C) => C) {
  return fn(name, Meth.O, (vm, _m, a) => {
    const z = argComplex(vm, a[0]);
    finite(z, name);
    const [re, im] = f(vm, z);
    return complexNew(vm, re, im);
  });
}

function logWithBase(vm: Vm, args: readonly number[]): number {
  if (args.length < 1 || args.length > 2) throw typeError(vm, 'log expected at most 2 arguments, got %zd', args.length);
  const z = argComplex(vm, args[0]);
  finite(z, 'log');
  let r = cLog(vm, z);
  if (args.length === 2) {
    const b = argComplex(vm, args[1]);
    finite(b, 'log');
    const q = cquot(r, cLog(vm, b));
    if (q === null) throw raiseString(vm, E.ZeroDivisionError, 'complex division by zero');
    r = q;
  }
  return complexNew(vm, r[0], r[1]);
}

function isclose(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  if (args.length !== 2) throw typeError(vm, 'isclose() takes exactly 2 positional arguments (%zd given)', args.length);
  const a = argComplex(vm, args[0]);
  const b = argComplex(vm, args[1]);
  const rel = kw?.has('rel_tol') ? argComplex(vm, kw.get('rel_tol') as number)[0] : 1e-9;
  const abs = kw?.has('abs_tol') ? argComplex(vm, kw.get('abs_tol') as number)[0] : 0;
  if (rel < 0 || abs < 0) throw valueError(vm, 'tolerances must be non-negative');
  if (a[0] === b[0] && a[1] === b[1]) return vm.s.True;
  if ([a[0], a[1], b[0], b[1]].some((x) => x === Infinity || x === -Infinity)) return vm.s.False;
  const diff = glibcHypot(a[0] - b[0], a[1] - b[1]);
  const close =
    diff <= rel * glibcHypot(b[0], b[1]) || diff <= rel * glibcHypot(a[0], a[1]) || diff <= abs;
  return close ? vm.s.True : vm.s.False;
}

const bool = (vm: Vm, v: boolean): number => (v ? vm.s.True : vm.s.False);

function staticFloat(vm: Vm, v: number): number {
  const h = vm.newStatic(T.Float);
  vm.table.num[h] = v;
  return h;
}

function staticComplex(vm: Vm, re: number, im: number): number {
  const h = vm.newStatic(T.Complex);
  vm.table.num[h] = re;
  vm.table.cap[h] = im;
  return h;
}

export const cmathModule: ModuleSpec = {
  name: 'cmath',
  load: (vm) =>
    makeModule(
      vm,
      'cmath',
      [
        unary('sqrt', (_vm, z) => cSqrt(z)),
        unary('exp', cExp),
        unary('cos', cCos),
        unary('sin', cSin),
        unary('cosh', cCosh),
        unary('sinh', cSinh),
        unary('log10', (vm2, z) => {
          const r = cLog(vm2, z);
          return [r[0] / Math.LN10, r[1] / Math.LN10];
        }),
        fn('log', Meth.Fastcall, (vm2, _m, a) => logWithBase(vm2, a)),
        fn('phase', Meth.O, (vm2, _m, a) => {
          const z = argComplex(vm2, a[0]);
          return fromDouble(vm2, libm.atan2(z[1], z[0]));
        }),
        fn('polar', Meth.O, (vm2, _m, a) => {
          const z = argComplex(vm2, a[0]);
          finite(z, 'polar');
          const r = glibcHypot(z[0], z[1]);
          if (!Number.isFinite(r)) throw raiseString(vm2, E.OverflowError, 'math range error');
          return tupleFromItems(vm2, [fromDouble(vm2, r), fromDouble(vm2, libm.atan2(z[1], z[0]))]);
        }),
        fn('rect', Meth.Fastcall, (vm2, _m, a) => {
          if (a.length !== 2) throw typeError(vm2, 'rect expected 2 arguments, got %zd', a.length);
          const r = argComplex(vm2, a[0])[0];
          const phi = argComplex(vm2, a[1])[0];
          if (!Number.isFinite(r) || !Number.isFinite(phi))
            throw new NotSupported("cmath.rect of an infinite or NaN argument (C99's special values)");
          // phi == 0 keeps the sign of zero as the C code's r * sin(phi) does
          return complexNew(vm2, r * libm.cos(phi), phi === 0 ? r * phi : r * sin(phi));
        }),
        fn('isfinite', Meth.O, (vm2, _m, a) => {
          const z = argComplex(vm2, a[0]);
          return bool(vm2, Number.isFinite(z[0]) && Number.isFinite(z[1]));
        }),
        fn('isnan', Meth.O, (vm2, _m, a) => {
          const z = argComplex(vm2, a[0]);
          return bool(vm2, Number.isNaN(z[0]) || Number.isNaN(z[1]));
        }),
        fn('isinf', Meth.O, (vm2, _m, a) => {
          const z = argComplex(vm2, a[0]);
          return bool(vm2, Math.abs(z[0]) === Infinity || Math.abs(z[1]) === Infinity);
        }),
        fn('isclose', Meth.Fastcall | Meth.Keywords, (vm2, _m, a, kw) => isclose(vm2, a, kw)),
      ],
      {
        pi: staticFloat(vm, Math.PI),
        e: staticFloat(vm, Math.E),
        tau: staticFloat(vm, 2 * Math.PI),
        inf: staticFloat(vm, Infinity),
        nan: staticFloat(vm, NaN),
        infj: staticComplex(vm, 0, Infinity),
        nanj: staticComplex(vm, 0, NaN),
      },
    ),
};
