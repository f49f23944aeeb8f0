import { typeError, valueError } from '../abstract/errors';
import { fromLong, intValue, norm } from '../objects/int';
import { strNew, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { call } from '../abstract/call';
import { addStatus, contextArg, currentContext, decState, readContext, type CtxView } from './decimalctx';
import {
  adjusted,
  cmpTotal,
  fin,
  finalize,
  Kind,
  ROUNDINGS,
  Sig,
  type Dec,
  type Res,
  type Rounding,
} from './decimalnum';
import { add, maxMin, quantize, reduce, sqrt, toIntegral } from './decimalops';
import { formatDecimal, parseSpec, toSci } from './decimalstr';
import { exp, ln, log10 } from './decimaltrans';
import { decToInt, sciBufferSize } from './decimalconv';
import { decNew, decObj, decOf, decResult, fromFloat, isDecimal, operand, release } from './decimaltype';

/** Decimal's methods (_decimal.c dec_methods), with the calling conventions that decide their allocations. */

const VK = Meth.Varargs | Meth.Keywords;

/** PyArg_ParseTupleAndKeywords over the borrowed arguments. */
function parse(
  vm: Vm,
  fname: string,
  names: readonly string[],
  args: readonly number[],
  kw: Kwargs | null,
): number[] {
  if (args.length > names.length)
    throw typeError(vm, 'function takes at most %d arguments (%d given)', names.length, args.length);
  const out = names.map((_, i) => args[i] ?? 0);
  if (kw !== null)
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw typeError(vm, "'%s' is an invalid keyword argument for %s()", k, fname);
      out[i] = v;
    }
  return out;
}

/** convert_op_raise: a Decimal or int operand, else TypeError. */
function need(vm: Vm, h: number): { d: Dec; temp: number } {
  const o = operand(vm, h);
  if (o === null) throw typeError(vm, 'conversion from %s to Decimal is not supported', vm.typeOf(h).name);
  return o;
}

function roundingArg(vm: Vm, h: number, ctx: CtxView): Rounding {
  if (h === 0 || h === vm.s.None) return ctx.rounding;
  const r = vm.table.type[h] === T.Str ? strValue(vm, h) : '';
  if (!ROUNDINGS.includes(r as Rounding)) throw typeError(vm, 'invalid rounding mode');
  return r as Rounding;
}

/** A method of one Decimal and the context: `fn` gives the result and its status. */
function unaryCtx(name: string, fn: (d: Dec, c: CtxView) => Res): MethodDef {
  return {
    name,
    flags: VK,
    impl: (vm, self, args, kw) => {
      const [c] = parse(vm, name, ['context'], args, kw);
      const ctx = contextArg(vm, c);
      return decResult(vm, ctx, fn(decOf(vm, self), ctx));
    },
  };
}

/** A method of two operands and the context (compare, max, min …). */
function binaryCtx(name: string, fn: (a: Dec, b: Dec, c: CtxView) => Res): MethodDef {
  return {
    name,
    flags: VK,
    impl: (vm, self, args, kw) => {
      const [o, c] = parse(vm, name, ['other', 'context'], args, kw);
      if (o === 0) throw typeError(vm, "%s() missing required argument 'other' (pos 1)", name);
      const ctx = contextArg(vm, c);
      const y = need(vm, o);
      try {
        return decResult(vm, ctx, fn(decOf(vm, self), y.d, ctx));
      } finally {
        release(vm, y);
      }
    },
  };
}

const bool = (name: string, fn: (d: Dec, vm: Vm) => boolean): MethodDef => ({
  name,
  flags: Meth.NoArgs,
  impl: (vm, self) => vm.s.bool(fn(decOf(vm, self), vm)),
});

const copy = (name: string, fn: (d: Dec) => Dec): MethodDef => ({
  name,
  flags: Meth.NoArgs,
  impl: (vm, self) => decNew(vm, fn(decOf(vm, self))),
});

const isNormal = (d: Dec, vm: Vm): boolean => {
  if (d.kind !== Kind.Finite || d.coeff === 0n) return false;
  return adjusted(d) >= readContext(vm, currentContext(vm)).Emin;
};

/** mpd_qcompare: -1, 0, 1 as Decimals; a NaN operand gives NaN. */
function compare(a: Dec, b: Dec, c: CtxView): Res {
  if (a.kind >= Kind.NaN || b.kind >= Kind.NaN) return add(a, b, c);
  const r = cmpTotal(a, b);
  return { d: fin(r < 0 ? 1 : 0, BigInt(Math.abs(r)), 0), sig: 0 };
}

function asTuple(vm: Vm, self: number): number {
  const d = decOf(vm, self);
  const digits =
    d.kind === Kind.Inf
      ? [0]
      : d.coeff === 0n && d.kind !== Kind.Finite
        ? []
        : [...d.coeff.toString()].map(Number);
  const items = digits.map((x) => fromLong(vm, x));
  const coeff = tupleFromItems(vm, items);
  const exp = d.kind === Kind.Finite ? fromLong(vm, d.exp) : strNew(vm, ['', 'F', 'n', 'N'][d.kind]);
  const sign = fromLong(vm, d.sign);
  // DecimalTuple(sign, digits, exponent): the namedtuple class decimal.py makes
  const parts = [sign, coeff, exp];
  try {
    return call(vm, decState(vm).decimalTuple, parts, null);
  } finally {
    parts.forEach((h) => vm.decref(h));
  }
}

function asIntegerRatio(vm: Vm, self: number): number {
  const d = decOf(vm, self);
  if (d.kind === Kind.Inf) throw typeError(vm, 'cannot convert Infinity to integer ratio');
  if (d.kind !== Kind.Finite) throw valueError(vm, 'cannot convert NaN to integer ratio');
  let n = d.coeff;
  let den = 1n;
  if (d.exp >= 0) n *= 10n ** BigInt(d.exp);
  else den = 10n ** BigInt(-d.exp);
  const g = gcd(n, den);
  const num = fromLong(vm, norm(d.sign ? -n / g : n / g));
  const dh = fromLong(vm, norm(den / g));
  return tupleFromItems(vm, [num, dh]);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** dec_format: the spec parsed (mpd_parse_fmt_str), the digits in a PyMem buffer, the str made. */
function format(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length !== 1 || vm.table.type[args[0]] !== T.Str) throw typeError(vm, 'format arg must be str');
  const ctx = readContext(vm, currentContext(vm));
  const d = decOf(vm, self);
  const spec = parseSpec(strValue(vm, args[0]));
  if (spec === null) throw valueError(vm, 'invalid format string');
  const { text, mem, copies } = formatDecimal(d, spec, ctx.rounding, ctx.capitals === 1);
  let buf = vm.mem.malloc(mem);
  for (const n of copies) {
    const next = vm.mem.malloc(n);
    vm.mem.free(buf);
    buf = next;
  }
  const s = strNew(vm, text);
  vm.mem.free(buf);
  return s;
}

/** __round__: round(d) is an int (half even); round(d, n) quantizes to 1E-n with the context's rounding. */
function round(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length === 0) return decToInt(vm, self, 'ROUND_HALF_EVEN');
  const n = args[0];
  if (!vm.typeOf(n).mro.includes(T.Int)) throw typeError(vm, 'optional arg must be an integer');
  const ctx = readContext(vm, currentContext(vm));
  // the quantum 1E-n is an mpd_t on the C stack (no allocation)
  return decResult(vm, ctx, quantize(decOf(vm, self), fin(0, 1n, -Number(intValue(vm, n))), ctx));
}

export function decimalMethods(): MethodDef[] {
  return [
    {
      name: 'quantize',
      flags: VK,
      impl: (vm, self, args, kw) => {
        const [e, r, c] = parse(vm, 'quantize', ['exp', 'rounding', 'context'], args, kw);
        const ctx = contextArg(vm, c);
        const mode = roundingArg(vm, r, ctx);
        const y = need(vm, e);
        try {
          return decResult(vm, ctx, quantize(decOf(vm, self), y.d, ctx, mode));
        } finally {
          release(vm, y);
        }
      },
    },
    ...(['to_integral_value', 'to_integral', 'to_integral_exact'] as const).map((name): MethodDef => ({
      name,
      flags: VK,
      impl: (vm, self, args, kw) => {
        const [r, c] = parse(vm, name, ['rounding', 'context'], args, kw);
        const ctx = contextArg(vm, c);
        const mode = roundingArg(vm, r, ctx);
        return decResult(vm, ctx, toIntegral(decOf(vm, self), ctx, mode, name === 'to_integral_exact'));
      },
    })),
    unaryCtx('normalize', reduce),
    unaryCtx('sqrt', sqrt),
    unaryCtx('exp', exp),
    unaryCtx('ln', ln),
    unaryCtx('log10', log10),
    binaryCtx('compare', compare),
    binaryCtx('max', (a, b, c) => maxMin(a, b, c, true)),
    binaryCtx('min', (a, b, c) => maxMin(a, b, c, false)),
    binaryCtx('max_mag', (a, b, c) => maxMin(a, b, c, true, true)),
    binaryCtx('min_mag', (a, b, c) => maxMin(a, b, c, false, true)),
    binaryCtx('copy_sign', (a, b) => ({ d: { ...a, sign: b.sign }, sig: 0 })),
    {
      name: 'same_quantum',
      flags: VK,
      impl: (vm, self, args, kw) => {
        const [o] = parse(vm, 'same_quantum', ['other', 'context'], args, kw);
        const y = need(vm, o);
        const a = decOf(vm, self);
        release(vm, y);
        // mpd_same_quantum: both NaN, both infinite, or equal exponents
        if (a.kind !== Kind.Finite || y.d.kind !== Kind.Finite)
          return vm.s.bool(
            (a.kind >= Kind.NaN && y.d.kind >= Kind.NaN) || (a.kind === Kind.Inf && y.d.kind === Kind.Inf),
          );
        return vm.s.bool(a.exp === y.d.exp);
      },
    },
    bool('is_nan', (d) => d.kind >= Kind.NaN),
    bool('is_qnan', (d) => d.kind === Kind.NaN),
    bool('is_snan', (d) => d.kind === Kind.SNaN),
    bool('is_infinite', (d) => d.kind === Kind.Inf),
    bool('is_finite', (d) => d.kind === Kind.Finite),
    bool('is_zero', (d) => d.kind === Kind.Finite && d.coeff === 0n),
    bool('is_signed', (d) => d.sign === 1),
    bool('is_canonical', () => true),
    bool('is_normal', isNormal),
    bool('is_subnormal', (d, vm) => d.kind === Kind.Finite && d.coeff !== 0n && !isNormal(d, vm)),
    copy('copy_abs', (d) => ({ ...d, sign: 0 })),
    copy('copy_negate', (d) => ({ ...d, sign: (d.sign ^ 1) as 0 | 1 })),
    copy('conjugate', (d) => d),
    {
      name: 'adjusted',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        const d = decOf(vm, self);
        return fromLong(vm, d.kind === Kind.Finite ? adjusted(d) : 0);
      },
    },
    { name: 'as_tuple', flags: Meth.NoArgs, impl: asTuple },
    { name: 'as_integer_ratio', flags: Meth.NoArgs, impl: asIntegerRatio },
    {
      name: 'to_eng_string',
      flags: VK,
      impl: (vm, self, args, kw) => {
        const [c] = parse(vm, 'to_eng_string', ['context'], args, kw);
        const ctx = contextArg(vm, c);
        const d = decOf(vm, self);
        const buf = vm.mem.malloc(sciBufferSize(d) + 2);
        const s = strNew(vm, toSci(d, ctx.capitals === 1, true));
        vm.mem.free(buf);
        return s;
      },
    },
    { name: '__format__', flags: Meth.Varargs, impl: (vm, self, args) => format(vm, self, args) },
    { name: '__round__', flags: Meth.Varargs, impl: (vm, self, args) => round(vm, self, args) },
    { name: '__floor__', flags: Meth.NoArgs, impl: (vm, self) => decToInt(vm, self, 'ROUND_FLOOR') },
    { name: '__ceil__', flags: Meth.NoArgs, impl: (vm, self) => decToInt(vm, self, 'ROUND_CEILING') },
    { name: '__trunc__', flags: Meth.NoArgs, impl: (vm, self) => decToInt(vm, self, 'ROUND_DOWN') },
    {
      name: '__copy__',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        vm.incref(self);
        return self;
      },
    },
    {
      name: '__deepcopy__',
      flags: Meth.O,
      impl: (vm, self) => {
        vm.incref(self);
        return self;
      },
    },
    {
      name: 'from_float',
      flags: Meth.O | Meth.Class,
      impl: (vm, _t, a) => {
        const h = a[0];
        if (vm.table.type[h] === T.Float) return decNew(vm, fromFloat(vm.table.num[h]));
        if (vm.typeOf(h).mro.includes(T.Int)) return decNew(vm, need(vm, h).d);
        throw typeError(vm, 'argument must be int or float');
      },
    },
  ];
}

/** Context.create_decimal: the value converted exactly, then rounded to the context (NaN payloads cut). */
export function createDecimal(vm: Vm, h: number, ctxH: number): number {
  const ctx = readContext(vm, ctxH);
  let d: Dec;
  if (isDecimal(vm, h)) d = decOf(vm, h);
  else if (vm.table.type[h] === T.Float) d = fromFloat(vm.table.num[h]);
  else {
    const o = need(vm, h);
    d = o.d;
    release(vm, o);
  }
  const r = finalize(d, ctx);
  return decResult(vm, ctx, r);
}

export { addStatus, decObj, Sig };
