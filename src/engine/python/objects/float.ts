import { cmpResult } from '../abstract/compare';
import { raiseString, typeError, valueError, zeroDivision } from '../abstract/errors';
import { floatFormat } from '../abstract/format';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { FLOAT_ROUND } from './round';
import { FLOAT_EXTRA_METHODS } from './floatmethods';
import { floatPowValue } from './floatpow';
import { complexNew, complexPow } from './complex';
import { fromLong, intValue, longNew, norm } from './int';
import { ndigits, type IntValue } from './intsize';
import { strNew, strValue } from './str';
import { tupleFromItems, tupleItem } from './tuple';
import { genericAlloc } from './object';
import { noKeywords } from './getargs';
import {
  Cmp,
  Meth,
  NB,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type BinarySlot,
  type Kwargs,
  type TypeSlots,
} from './types';

/**
 * float objects (Objects/floatobject.c): 16-byte header + a double = 24 bytes, a 32-byte block.
 * PyFloat_FromDouble pops the free list (up to 100 dead floats) before calling PyObject_Malloc.
 */
export const FLOAT_SIZE = 24;

/** PyFloat_FromDouble. */
export function fromDouble(vm: Vm, v: number): number {
  const f = vm.free.floats;
  const h = f.length ? vm.reuse(f.pop()!, T.Float) : vm.newObject(T.Float, FLOAT_SIZE);
  vm.table.num[h] = v;
  return h;
}

/** float_dealloc → _PyFloat_ExactDealloc: to the free list unless it holds 100 already. */
export function floatDealloc(vm: Vm, h: number): void {
  const f = vm.free.floats;
  if (f.length >= vm.py.freelists.float || vm.table.type[h] !== T.Float) vm.objectFree(h);
  else {
    vm.park(h);
    f.push(h);
  }
}

/** repr(float) as Python prints it: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const a = Math.abs(v);
  if (a >= 1e16 || a < 1e-4) {
    const [mant, exp] = v.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(v);
  return s.includes('.') ? s : s + '.0';
}

/** Python's float floor division and modulo (float_floor_div, float_rem). */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  // C's `if (mod)` and `if (div)`: NaN is true there (divmod(-inf, 3) is (nan, nan)), false in JS
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = 0 * Math.sign(a / b); // copysign(0.0, vx / wx): -0.0 for 0 // -1e308
  return [floordiv, mod];
}

/** int / int as a float (long_true_divide). */
export function floatTrueDivide(a: IntValue, b: IntValue): number {
  return Number(a) / Number(b);
}

/**
 * PyOS_double_to_string's buffer for repr: 3 (sign, point, NUL) + the digits including zero
 * padding, + 5 with an exponent.
 */
export function floatBufSize(text: string): number {
  const [mant, exp] = text.replace('-', '').split('e');
  const digits = mant.replace('.', '').length;
  return 3 + digits + (exp !== undefined ? 5 : 0);
}

/** float_repr: PyOS_double_to_string's PyMem_Malloc'd buffer, the str, then the buffer freed. */
function floatReprObject(vm: Vm, h: number): number {
  const text = floatRepr(vm.table.num[h]);
  const buf = vm.mem.malloc(floatBufSize(text));
  vm.mem.touch(buf, text.length + 1);
  const s = strNew(vm, text, 0);
  vm.mem.free(buf);
  return s;
}

/** CONVERT_TO_DOUBLE: a float's value, an int's (OverflowError past the double range), or null (NotImplemented). */
function toDouble(vm: Vm, h: number): number | null {
  const type = vm.table.type[h];
  if (type === T.Float) return vm.table.num[h];
  const s = vm.types[type];
  if (type === T.Int || type === T.Bool || s.flags & TpFlags.LongSubclass) {
    const f = Number(intValue(vm, h));
    if (!Number.isFinite(f)) throw raiseString(vm, E.OverflowError, 'int too large to convert to float');
    return f;
  }
  if (s.mro.includes(T.Float)) return vm.table.num[h];
  return null;
}

const binop =
  (f: (vm: Vm, a: number, b: number) => number): BinarySlot =>
  (vm, a, b) => {
    const x = toDouble(vm, a);
    if (x === null) return vm.s.NotImplemented;
    const y = toDouble(vm, b);
    if (y === null) return vm.s.NotImplemented;
    return f(vm, x, y);
  };

/** float_richcompare: against floats and ints exactly (an int past 2**53 compares by value). */
function floatRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  const x = vm.table.num[a];
  const type = vm.table.type[b];
  let y: number | bigint;
  if (type === T.Float || vm.types[type].mro.includes(T.Float)) y = vm.table.num[b];
  else if (type === T.Int || type === T.Bool || vm.types[type].flags & TpFlags.LongSubclass)
    y = intValue(vm, b);
  else return vm.s.NotImplemented;
  const c = x < y ? -1 : x > y ? 1 : x == y ? 0 : NaN;
  return vm.s.bool(cmpResult(c, op));
}

/** float.__trunc__ / int(f): PyLong_FromDouble. */
function floatToInt(vm: Vm, h: number): number {
  const d = vm.table.num[h];
  if (!Number.isFinite(d)) {
    if (Number.isNaN(d)) throw valueError(vm, 'cannot convert float NaN to integer');
    throw raiseString(vm, E.OverflowError, 'cannot convert float infinity to integer');
  }
  const v = BigInt(Math.trunc(d));
  return Math.abs(d) < 2 ** 63 ? fromLong(vm, norm(v)) : longNew(vm, norm(v), ndigits(v));
}

/** PyFloat_FromString: Python's float literal syntax, inf and nan. */
function floatFromString(vm: Vm, a: number): number {
  const s = strValue(vm, a).trim().toLowerCase();
  const f =
    s === 'inf' || s === '+inf' || s === 'infinity' || s === '+infinity'
      ? Infinity
      : s === '-inf' || s === '-infinity'
        ? -Infinity
        : s === 'nan' || s === '+nan' || s === '-nan'
          ? NaN
          : /^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(e[+-]?\d+)?$/.test(s)
            ? Number(s.replace(/_/g, ''))
            : undefined;
  if (f === undefined) throw valueError(vm, 'could not convert string to float: %R', a);
  return fromDouble(vm, f);
}

/** float_vectorcall → float_new_impl: float() is 0.0, a str is parsed, anything else PyNumber_Float. */
function floatVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size) throw typeError(vm, 'float() takes no keyword arguments');
  if (args.length > 1) throw typeError(vm, 'float expected at most 1 argument, got %zd', args.length);
  if (args.length === 0) return fromDouble(vm, 0);
  const a = args[0];
  const type = vm.table.type[a];
  if (type === T.Str) return floatFromString(vm, a);
  if (type === T.Float) {
    vm.incref(a);
    return a;
  }
  const f = vm.types[type].number?.float;
  if (f) return f(vm, a);
  throw typeError(vm, "float() argument must be a string or a real number, not '%.200s'", typeName(vm, a));
}

/**
 * float_new for a class: float_subtype_new makes the exact float first (float_new_impl), then
 * tp_alloc(type, 0) takes its value and the exact one is released.
 */
function floatTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === T.Float || type.init === vm.types[T.Float].init) noKeywords(vm, 'float', kwargs);
  const n = vm.table.n[args];
  if (n > 1) throw typeError(vm, 'float expected at most 1 argument, got %zd', n);
  const x = n ? tupleItem(vm, args, 0) : vm.s.smallInt(0);
  const tmp = floatVectorcall(vm, type.typeObject, [x], null);
  if (type.id === T.Float) return tmp;
  try {
    const h = genericAlloc(vm, type, 0);
    vm.table.num[h] = vm.table.num[tmp];
    return h;
  } finally {
    vm.decref(tmp);
  }
}

const floatPos = (vm: Vm, h: number): number => {
  if (vm.table.type[h] === T.Float) {
    vm.incref(h);
    return h;
  }
  return fromDouble(vm, vm.table.num[h]);
};

export const FloatType = (): TypeSlots =>
  defineType({
    id: T.Float,
    name: 'float',
    basicsize: FLOAT_SIZE,
    flags: TpFlags.BaseType,
    dealloc: floatDealloc,
    repr: floatReprObject,
    reprText: (vm, h) => floatRepr(vm.table.num[h]),
    format: floatFormat,
    hash: (vm, h) => {
      const v = vm.table.num[h];
      return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v) : Object.is(v, -0) ? 0 : v;
    },
    richcompare: floatRichcompare,
    number: numberSlots(
      {
        [NB.Add]: binop((vm, a, b) => fromDouble(vm, a + b)),
        [NB.Subtract]: binop((vm, a, b) => fromDouble(vm, a - b)),
        [NB.Multiply]: binop((vm, a, b) => fromDouble(vm, a * b)),
        [NB.TrueDivide]: binop((vm, a, b) => {
          if (b === 0) throw zeroDivision(vm, 'float division by zero');
          return fromDouble(vm, a / b);
        }),
        [NB.FloorDivide]: binop((vm, a, b) => {
          if (b === 0) throw zeroDivision(vm, 'float floor division by zero');
          return fromDouble(vm, floatDivmod(a, b)[0]);
        }),
        [NB.Remainder]: binop((vm, a, b) => {
          if (b === 0) throw zeroDivision(vm, 'float modulo');
          return fromDouble(vm, floatDivmod(a, b)[1]);
        }),
        [NB.Power]: binop((vm, a, b) => {
          // float_pow: a negative base to a fractional power is complex_pow's (a complex result)
          if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) {
            const [re, im] = complexPow(vm, [a, 0], [b, 0]);
            return complexNew(vm, re, im);
          }
          return fromDouble(vm, floatPowValue(vm, a, b));
        }),
      },
      {
        divmod: binop((vm, a, b) => floatDivmodPair(vm, a, b)),
        negative: (vm, h) => fromDouble(vm, -vm.table.num[h]),
        positive: floatPos,
        absolute: (vm, h) => fromDouble(vm, Math.abs(vm.table.num[h])),
        bool: (vm, h) => vm.table.num[h] !== 0,
        int: floatToInt,
        float: floatPos,
      },
    ),
    typeVectorcall: floatVectorcall,
    new: floatTypeNew,
    methods: {
      is_integer: {
        name: 'is_integer',
        flags: Meth.NoArgs,
        impl: (vm, self) => vm.s.bool(Number.isInteger(vm.table.num[self])),
        qualname: 'float.is_integer',
      },
      __trunc__: { name: '__trunc__', flags: Meth.NoArgs, impl: floatToInt, qualname: 'float.__trunc__' },
      __round__: FLOAT_ROUND,
      ...FLOAT_EXTRA_METHODS,
    },
    getset: {
      real: { name: 'real', get: floatPos },
      imag: { name: 'imag', get: (vm) => fromDouble(vm, 0) },
    },
  });

/** divmod() of two floats (float_divmod). */
export function floatDivmodPair(vm: Vm, a: number, b: number): number {
  if (b === 0) throw zeroDivision(vm, 'float divmod()');
  const [q, r] = floatDivmod(a, b);
  return tupleFromItems(vm, [fromDouble(vm, q), fromDouble(vm, r)]);
}
