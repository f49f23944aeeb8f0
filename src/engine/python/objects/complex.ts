import { cmpResult } from '../abstract/compare';
import { raiseString, typeError, valueError, zeroDivision } from '../abstract/errors';
import { floatFormatText, pad, parseSpec } from '../abstract/format';
import { unicodeFromFormat } from '../abstract/fromformat';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { floatBufSize, floatRepr, fromDouble } from './float';
import { intValue } from './int';
import { cPowPolar, cprod, cquot, type C } from '../compiler/floatops';
import * as libm from '../../libm';
import { genericAlloc } from './object';
import { strNew, strValue } from './str';
import { dictEntries } from './dict';
import { unpackKeywords } from './getargs';
import { tupleFromItems, tupleItems } from './tuple';
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
 * complex objects (Objects/complexobject.c, 3.11): PyObject_HEAD + Py_complex = 32 bytes, a
 * 32-byte pymalloc block. No free list: complex_subtype_from_c_complex calls tp_alloc
 * (PyType_GenericAlloc → PyObject_Malloc(32)) for every result, and complex_dealloc is
 * tp_free. The real part lives in the table's `num` column, the imaginary part in `cap`.
 */
export const COMPLEX_SIZE = 32;

export const complexParts = (vm: Vm, h: number): C => [vm.table.num[h], vm.table.cap[h]];

/** PyComplex_FromCComplex (complex_subtype_from_c_complex on the exact type). */
export function complexNew(vm: Vm, re: number, im: number): number {
  const h = vm.newObject(T.Complex, COMPLEX_SIZE);
  vm.table.num[h] = re;
  vm.table.cap[h] = im;
  return h;
}

const isComplex = (vm: Vm, h: number): boolean =>
  vm.table.type[h] === T.Complex || vm.typeOf(h).mro.includes(T.Complex);

/**
 * TO_COMPLEX: a complex's parts, an int's or float's value as (x, 0) (PyLong_AsDouble: an
 * OverflowError past the double range), or null (NotImplemented).
 */
function toComplex(vm: Vm, h: number): C | null {
  if (isComplex(vm, h)) return complexParts(vm, h);
  const tp = vm.typeOf(h);
  if (tp.mro.includes(T.Int)) {
    const v = Number(intValue(vm, h));
    if (!Number.isFinite(v)) throw raiseString(vm, E.OverflowError, 'int too large to convert to float');
    return [v, 0];
  }
  if (tp.mro.includes(T.Float)) return [vm.table.num[h], 0];
  return null;
}

const binop =
  (f: (vm: Vm, a: C, b: C) => C): BinarySlot =>
  (vm, x, y) => {
    const a = toComplex(vm, x);
    if (a === null) return vm.s.NotImplemented;
    const b = toComplex(vm, y);
    if (b === null) return vm.s.NotImplemented;
    const [re, im] = f(vm, a, b);
    return complexNew(vm, re, im);
  };

/** _Py_c_quot (Smith's method: compiler/floatops.ts, which constant folding uses too); a zero divisor raises. */
function cQuot(vm: Vm, a: C, b: C): C {
  const q = cquot(a, b);
  if (q === null) throw zeroDivision(vm, 'complex division by zero');
  return q;
}

/** c_powu: binary exponentiation by squaring for a non-negative integer exponent. */
function cPowu(x: C, n: number): C {
  let r: C = [1, 0];
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = cprod(r, p);
    p = cprod(p, p);
  }
  return r;
}

/**
 * complex_pow: an integral real exponent within ±100 goes through c_powi (repeated squaring, the
 * reciprocal by _Py_c_quot for a negative one); any other through _Py_c_pow's polar form.
 */
export function complexPow(vm: Vm, a: C, b: C): C {
  if (b[1] === 0 && b[0] === Math.trunc(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    if (n === 0) return [1, 0];
    if (a[0] === 0 && a[1] === 0 && n < 0) throw zeroDivision(vm, '0.0 to a negative or complex power');
    return n > 0 ? cPowu(a, n) : cQuot(vm, [1, 0], cPowu(a, -n));
  }
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) throw zeroDivision(vm, '0.0 to a negative or complex power');
    return [0, 0];
  }
  const r: C = cPowPolar(a, b);
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1]))
    if (Number.isFinite(a[0]) && Number.isFinite(a[1]) && Number.isFinite(b[0]) && Number.isFinite(b[1]))
      throw raiseString(vm, E.OverflowError, 'complex exponentiation');
  return r;
}

/** _Py_c_abs: hypot, infinite if either part is, NaN if either is; OverflowError past the range. */
function complexAbs(vm: Vm, h: number): number {
  const [re, im] = complexParts(vm, h);
  let r: number;
  if (!Number.isFinite(re) || !Number.isFinite(im)) {
    r =
      Number.isFinite(re) || Number.isNaN(re)
        ? Number.isFinite(im) || Number.isNaN(im)
          ? NaN
          : Infinity
        : Infinity;
    if (Number.isNaN(re) && !Number.isFinite(im) && !Number.isNaN(im)) r = Infinity;
  } else {
    r = libm.hypot([re, im]);
    if (!Number.isFinite(r)) throw raiseString(vm, E.OverflowError, 'absolute value too large');
  }
  return fromDouble(vm, r);
}

/** A part as PyOS_double_to_string(x, 'r', 0, flags) writes it: repr's digits without the ".0". */
export function partRepr(x: number, sign: boolean): string {
  const t = floatRepr(x).replace(/\.0$/, '');
  return sign && !t.startsWith('-') ? '+' + t : t;
}

/** complex_repr's text: "4j" when the real part is +0, else "(3+4j)". */
export function complexText(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return `${partRepr(im, false)}j`;
  return `(${partRepr(re, false)}${partRepr(im, true)}j)`;
}

/**
 * complex_repr (also its str): each part in a PyMem buffer from PyOS_double_to_string (the real
 * part first, then the imaginary with Py_DTSF_SIGN), PyUnicode_FromFormat("%s%s%sj%s"), then the
 * buffers freed, imaginary first.
 */
function complexRepr(vm: Vm, h: number): number {
  const [re, im] = complexParts(vm, h);
  const skipRe = re === 0 && !Object.is(re, -0);
  const reText = skipRe ? '' : partRepr(re, false);
  const imText = partRepr(im, !skipRe);
  const pre = skipRe ? 0 : vm.mem.malloc(floatBufSize(reText));
  if (pre) vm.mem.touch(pre, reText.length + 1);
  const imBuf = vm.mem.malloc(floatBufSize(imText.replace('+', '')));
  vm.mem.touch(imBuf, imText.length + 1);
  const r = unicodeFromFormat(vm, '%s%s%sj%s', [skipRe ? '' : '(', reText, imText, skipRe ? '' : ')']);
  vm.mem.free(imBuf);
  if (pre) vm.mem.free(pre);
  return r;
}

/** complex_richcompare: == and != only (against int exactly, float and complex); others NotImplemented. */
function complexRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (op !== Cmp.EQ && op !== Cmp.NE) return vm.s.NotImplemented;
  const [re, im] = complexParts(vm, a);
  const tp = vm.typeOf(b);
  let equal: boolean;
  if (tp.mro.includes(T.Int)) {
    // an int is compared as float_richcompare does: exactly, also past 2**53
    const v = intValue(vm, b);
    equal = im === 0 && Number.isFinite(re) && Number.isInteger(re) && BigInt(re) === BigInt(v);
  } else if (tp.mro.includes(T.Float)) equal = im === 0 && re === vm.table.num[b];
  else if (isComplex(vm, b)) {
    const [re2, im2] = complexParts(vm, b);
    equal = re === re2 && im === im2;
  } else return vm.s.NotImplemented;
  return vm.s.bool(cmpResult(equal === (op === Cmp.EQ) ? 0 : 1, Cmp.EQ));
}

/** The dict key: a complex with a zero imaginary part is equal to (and keys as) its real part. */
function complexHashKey(vm: Vm, h: number): number | bigint | string {
  const [re, im] = complexParts(vm, h);
  if (im === 0)
    return Number.isInteger(re) && !Number.isSafeInteger(re) ? BigInt(re) : Object.is(re, -0) ? 0 : re;
  return `\u0000c${re},${im}`;
}

/** complex_new's argument as a complex part: a str only alone, a number through __complex__/__float__. */
function partOf(vm: Vm, h: number, which: 'real' | 'imag'): C {
  const parts = toComplex(vm, h);
  if (parts !== null) {
    // PyNumber_Float of an int makes a float first (freed at once); a float or complex is used as is
    if (!isComplex(vm, h) && !vm.typeOf(h).mro.includes(T.Float)) vm.decref(fromDouble(vm, parts[0]));
    return parts;
  }
  const nb = vm.typeOf(h).number;
  if (nb?.float) {
    const f = nb.float(vm, h);
    const v = vm.table.num[f];
    vm.decref(f);
    return [v, 0];
  }
  throw typeError(
    vm,
    which === 'real'
      ? "complex() first argument must be a string or a number, not '%.200s'"
      : "complex() second argument must be a number, not '%.200s'",
    typeName(vm, h),
  );
}

/** complex_subtype_from_string: Python's complex literal syntax ("1+2j", " (3-4J) ", "inf", "5"). */
function parseComplex(vm: Vm, s: number): C {
  const text = strValue(vm, s)
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  const num = String.raw`(?:(?:\d(?:_?\d)*)?\.?(?:\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)`;
  const m = new RegExp(`^([+-]?${num})?(?:([+-]${num}?)?([jJ]))?$`, 'i').exec(text);
  const val = (t: string): number => {
    const u = t.replace(/_/g, '').toLowerCase();
    if (u === '' || u === '+' || u === '-') return u === '-' ? -1 : 1;
    const sign = u.startsWith('-') ? -1 : 1;
    const body = u.replace(/^[+-]/, '');
    if (body.startsWith('inf')) return sign * Infinity;
    if (body === 'nan') return NaN;
    if (!/\d/.test(body)) return NaN;
    return sign * Number(body);
  };
  const bad = (): never => {
    throw valueError(vm, 'complex() arg is a malformed string');
  };
  if (m === null || text === '') bad();
  const [, a, b, j] = m!;
  if (j === undefined) {
    if (a === undefined || !/\d|inf|nan/i.test(a)) bad();
    return [val(a!), 0];
  }
  if (b === undefined) {
    // "4j", "-j", "j": the whole number is the imaginary part
    if (a !== undefined && !/\d|inf|nan/i.test(a) && !/^[+-]?$/.test(a)) bad();
    return [0, val(a ?? '')];
  }
  if (a === undefined || !/\d|inf|nan/i.test(a)) bad();
  return [val(a!), val(b)];
}

/**
 * complex_new (type_call → tp_new with the argument tuple: complex has no vectorcall in 3.11):
 * complex() is 0j, complex(str) parsed, complex(re, im) from two numbers (re + im·1j), then
 * complex_subtype_from_c_complex allocates the result through the type's tp_alloc.
 */
function complexTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  let kw: Kwargs | null = null;
  if (kwargs !== 0 && vm.table.n[kwargs] > 0) {
    kw = new Map();
    for (const [k, v] of dictEntries(vm, kwargs)) kw.set(strValue(vm, k), v);
  }
  const [r, i] = unpackKeywords(vm, 'complex', Array.from(tupleItems(vm, args)), kw, ['real', 'imag'], 0, 2);
  let re = 0;
  let im = 0;
  if (r !== 0) {
    if (vm.table.type[r] === T.Str) {
      if (i !== 0) throw typeError(vm, "complex() can't take second arg if first is a string");
      [re, im] = parseComplex(vm, r);
    } else {
      if (i === 0 && vm.table.type[r] === T.Complex && type.id === T.Complex) {
        vm.incref(r);
        return r;
      }
      [re, im] = partOf(vm, r, 'real');
    }
  }
  if (i !== 0) {
    if (vm.table.type[i] === T.Str) throw typeError(vm, "complex() second arg can't be a string");
    // complex_new_impl: ci.imag only moves the real part if `imag` is a complex, cr.imag only adds
    // if `real` was one (so complex(-0.0, -0.0) keeps its -0.0 imaginary part)
    const [c, d] = partOf(vm, i, 'imag');
    re -= d;
    im = r !== 0 && isComplex(vm, r) ? im + c : c;
  }
  if (type.id === T.Complex) return complexNew(vm, re, im);
  const h = genericAlloc(vm, type, 0);
  vm.table.num[h] = re;
  vm.table.cap[h] = im;
  return h;
}

/**
 * complex.__format__ (format_complex_internal): no type is str()'s form (parentheses unless the
 * real part is +0) with 'r' digits, or 'g' when a precision is given; e/f/g/% format both parts,
 * the imaginary one always signed, with no parentheses. Zero padding and '=' are refused.
 */
function complexFormat(vm: Vm, h: number, spec: string): number {
  if (spec === '') return complexRepr(vm, h);
  const f = parseSpec(vm, spec, '', '>');
  if (f.zero) throw valueError(vm, 'Zero padding is not allowed in complex format specifier');
  if (f.align === '=') throw valueError(vm, 'Alignment flag is not allowed in complex format specifier');
  if (!/^[eEfFgGn%]?$/.test(f.type) || f.type === '%')
    throw valueError(vm, "Unknown format code '%c' for object of type '%.200s'", f.type, 'complex');
  const [re, im] = complexParts(vm, h);
  const inner = { ...f, width: -1, fill: ' ', align: '' as const, sign: '' as const };
  const omitted = f.type === '';
  const part = (x: number, signed: boolean): string => {
    let t =
      omitted && f.precision < 0
        ? partRepr(Math.abs(x), false)
        : floatFormatText(vm, Math.abs(x), omitted ? { ...inner, type: 'g' } : inner);
    const neg = x < 0 || Object.is(x, -0);
    if (neg) t = '-' + t;
    else if (signed) t = '+' + t;
    else if (f.sign === '+' || f.sign === ' ') t = (f.sign === '+' ? '+' : ' ') + t;
    return t;
  };
  const skipRe = omitted && re === 0 && !Object.is(re, -0);
  const body = skipRe ? `${part(im, false)}j` : `${part(re, false)}${part(im, true)}j`;
  const text = omitted && !skipRe ? `(${body})` : body;
  return strNew(vm, pad({ ...f, sign: '' }, '', text));
}

const method = (name: string, impl: (vm: Vm, h: number) => number) => ({
  name,
  flags: Meth.NoArgs,
  qualname: `complex.${name}`,
  impl: (vm: Vm, h: number) => impl(vm, h),
});

export const ComplexType = (): TypeSlots =>
  defineType({
    id: T.Complex,
    name: 'complex',
    basicsize: COMPLEX_SIZE,
    flags: TpFlags.BaseType,
    dealloc: (vm, h) => vm.objectFree(h),
    repr: complexRepr,
    reprText: (vm, h) => complexText(...complexParts(vm, h)),
    format: complexFormat,
    hash: complexHashKey,
    richcompare: complexRichcompare,
    number: numberSlots(
      {
        [NB.Add]: binop((_vm, a, b) => [a[0] + b[0], a[1] + b[1]]),
        [NB.Subtract]: binop((_vm, a, b) => [a[0] - b[0], a[1] - b[1]]),
        [NB.Multiply]: binop((_vm, a, b) => cprod(a, b)),
        [NB.TrueDivide]: binop(cQuot),
        [NB.Power]: binop(complexPow),
      },
      {
        negative: (vm, h) => complexNew(vm, -vm.table.num[h], -vm.table.cap[h]),
        positive: (vm, h) => {
          if (vm.table.type[h] === T.Complex) {
            vm.incref(h);
            return h;
          }
          return complexNew(vm, vm.table.num[h], vm.table.cap[h]);
        },
        absolute: complexAbs,
        bool: (vm, h) => vm.table.num[h] !== 0 || vm.table.cap[h] !== 0,
      },
    ),
    new: complexTypeNew,
    methods: {
      conjugate: method('conjugate', (vm, h) => complexNew(vm, vm.table.num[h], -vm.table.cap[h])),
      __complex__: method('__complex__', (vm, h) => {
        if (vm.table.type[h] === T.Complex) {
          vm.incref(h);
          return h;
        }
        return complexNew(vm, vm.table.num[h], vm.table.cap[h]);
      }),
      __getnewargs__: method('__getnewargs__', (vm, h) =>
        tupleFromItems(vm, [fromDouble(vm, vm.table.num[h]), fromDouble(vm, vm.table.cap[h])]),
      ),
    },
    members: {
      real: { name: 'real', get: (vm, h) => fromDouble(vm, vm.table.num[h]) },
      imag: { name: 'imag', get: (vm, h) => fromDouble(vm, vm.table.cap[h]) },
    },
  });
