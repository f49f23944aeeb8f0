import { typeError, valueError } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import { builtinStatic } from '../objects/descr';
import { fromDouble } from '../objects/float';
import { fromLong, intValue, longNew, norm } from '../objects/int';
import { listItem } from '../objects/list';
import { moduleType } from '../objects/modtypes';
import { strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import {
  Meth,
  NB,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type MethodDef,
  type TypeSlots,
} from '../objects/types';
import type { Vm } from '../runtime/vm';
import { addStatus, contextArg, currentContext, decState, readContext } from './decimalctx';
import { createDecimal, decimalMethods } from './decimalmethods';
import { fin, finalize, inf, Kind, qnan, Sig, type Dec } from './decimalnum';
import { add, div, divint, mul, rem } from './decimalops';
import { decFloat, decHashKey, decHashValue, decRepr, decStr, decToInt } from './decimalconv';
import { divmodSlot, powmodSlot, richcompare, unary } from './decimalslots';
import { DECIMAL_SOURCE } from './decimalSource';
import { parseDecimal } from './decimalstr';
import {
  BINARY,
  DEC_SIZE,
  decDealloc,
  decNew,
  decOf,
  decResult,
  fromFloat,
  isDecimal,
  operand,
  power,
  release,
} from './decimaltype';
import { newArgs } from './datetimemethods';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * decimal: Lib/decimal.py imports _decimal's names (its footprint, footprint.ts: numbers and
 * _decimal first). Decimal is the C type (decimaltype.ts, decimalmethods.ts, the arithmetic in
 * decimalnum.ts/decimalops.ts, text in decimalstr.ts); the rest is decimalSource.ts's Python.
 */

/** A tuple (sign, digits, exponent) as PyDecType_FromSequence reads it. */
function fromTuple(vm: Vm, h: number): Dec {
  const items = tupleItems(vm, h);
  if (items.length !== 3) throw valueError(vm, 'argument must be a sequence of length 3');
  const [sh, dh, eh] = items;
  const sign = vm.typeOf(sh).mro.includes(T.Int) ? Number(intValue(vm, sh)) : -1;
  if (sign !== 0 && sign !== 1) throw valueError(vm, 'sign must be an integer with the value 0 or 1');
  if (vm.table.type[dh] !== T.Tuple && vm.table.type[dh] !== T.List)
    throw valueError(vm, 'coefficient must be a tuple of digits');
  const ds = vm.table.type[dh] === T.Tuple ? Array.from(tupleItems(vm, dh)) : listItems(vm, dh);
  let text = '';
  for (const x of ds) {
    const v = vm.typeOf(x).mro.includes(T.Int) ? Number(intValue(vm, x)) : -1;
    if (!(v >= 0 && v <= 9)) throw valueError(vm, 'coefficient must be a tuple of digits');
    text += String(v);
  }
  const coeff = BigInt(text || '0');
  if (vm.table.type[eh] === T.Str) {
    const e = strValue(vm, eh);
    if (e === 'F') return inf(sign as 0 | 1);
    if (e === 'n' || e === 'N') {
      const d = qnan(sign as 0 | 1, coeff);
      return e === 'N' ? { ...d, kind: Kind.SNaN } : d;
    }
    throw valueError(vm, "string argument in the third position must be 'F', 'n' or 'N'");
  }
  if (!vm.typeOf(eh).mro.includes(T.Int)) throw valueError(vm, 'exponent must be an integer');
  return fin(sign as 0 | 1, coeff, Number(intValue(vm, eh)));
}

function listItems(vm: Vm, h: number): number[] {
  return Array.from({ length: vm.table.n[h] }, (_, i) => listItem(vm, h, i));
}

/**
 * The exact value of a constructor argument as a new Decimal of `typeId` (PyDecType_FromObjectExact):
 * a str through numeric_as_ascii's PyMem copy (len + 1 bytes, freed after the object is made).
 */
function fromObject(vm: Vm, typeId: number, v: number, ctxH: number): number {
  const ctx = contextArg(vm, ctxH);
  const t = vm.table.type[v];
  if (v === 0) return decNew(vm, fin(0, 0n, 0), typeId);
  if (t === T.Str) {
    const text = strValue(vm, v);
    const buf = vm.mem.malloc([...text].length + 1);
    const d = parseDecimal(text);
    const h = decNew(vm, d ?? qnan(), typeId);
    vm.mem.free(buf);
    if (d === null) {
      try {
        addStatus(vm, ctx, Sig.ConversionSyntax);
      } catch (e) {
        vm.decref(h);
        throw e;
      }
    }
    return h;
  }
  if (isDecimal(vm, v)) {
    if (typeId === decState(vm).decimalType && vm.typeOf(v).id === typeId) {
      vm.incref(v);
      return v;
    }
    return decNew(vm, decOf(vm, v), typeId);
  }
  if (vm.typeOf(v).mro.includes(T.Int)) {
    const o = operand(vm, v)!;
    if (typeId === decState(vm).decimalType) return o.temp;
    release(vm, o);
    return decNew(vm, o.d, typeId);
  }
  if (t === T.Float) {
    const h = floatToDecimal(vm, vm.table.num[v], typeId);
    try {
      addStatus(vm, ctx, Sig.FloatOperation);
    } catch (e) {
      vm.decref(h);
      throw e;
    }
    return h;
  }
  if (t === T.Tuple || t === T.List) return decNew(vm, fromTuple(vm, v), typeId);
  throw typeError(vm, 'conversion from %s to Decimal is not supported', vm.typeOf(v).name);
}

/**
 * PyDecType_FromFloatExact: abs(x) as a new float, its as_integer_ratio (the numerator, the
 * denominator made by long_lshift with one digit to spare, the 2-tuple), the numerator as the
 * Decimal, the ratio released, then numerator × 5^k through two mpd_qnew temporaries
 * (Decimal(0.1): m 24, m 32, m 36, m 56, m 104, f 36, f 32, m 48, m 32, m 48, m 32, f 32, f 48,
 * f 32, f 48, measured). Big exponents' extra words are not modelled.
 */
function floatToDecimal(vm: Vm, x: number, typeId: number): number {
  if (!Number.isFinite(x)) return decNew(vm, fromFloat(x), typeId);
  const exact = fromFloat(x);
  const absF = fromDouble(vm, Math.abs(x));
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  const num = fromLong(vm, norm(BigInt(m)));
  // 1 << e: long_lshift sizes the result oldsize + e / 30 + (e % 30 ? 1 : 0) digits
  const den =
    e <= 8 ? fromLong(vm, 2 ** e) : longNew(vm, 1n << BigInt(e), 1 + Math.floor(e / 30) + (e % 30 ? 1 : 0));
  const ratio = tupleFromItems(vm, [num, den]);
  vm.decref(absF);
  const h = decNew(vm, exact, typeId);
  vm.decref(ratio);
  const t = [vm.mem.malloc(48), vm.mem.malloc(32), vm.mem.malloc(48), vm.mem.malloc(32)];
  for (const p of [t[1], t[0], t[3], t[2]]) vm.mem.free(p);
  return h;
}

export const DecimalTypeFactory = (vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Decimal',
    qualname: 'Decimal',
    module: 'decimal',
    basicsize: DEC_SIZE,
    // 3.13's heap type has Py_TPFLAGS_HAVE_GC (decimalGc): the GC head before each object
    flags: TpFlags.BaseType | (vm.py.decimalGc ? TpFlags.HaveGc : 0),
    dealloc: decDealloc,
    repr: decRepr,
    str: decStr,
    hash: decHashKey,
    richcompare,
    new: (vm, type, args, kwargs) => {
      const [v, c] = newArgs(vm, 'Decimal', args, kwargs, ['value', 'context']);
      return fromObject(vm, type.id, v, c);
    },
    number: numberSlots(
      {
        [NB.Add]: BINARY[NB.Add]!,
        [NB.Subtract]: BINARY[NB.Subtract]!,
        [NB.Multiply]: BINARY[NB.Multiply]!,
        [NB.TrueDivide]: BINARY[NB.TrueDivide]!,
        [NB.FloorDivide]: BINARY[NB.FloorDivide]!,
        [NB.Remainder]: BINARY[NB.Remainder]!,
        [NB.Power]: BINARY[NB.Power]!,
      },
      {
        divmod: divmodSlot,
        ternaryPower: powmodSlot,
        negative: unary('neg'),
        positive: unary('pos'),
        absolute: unary('abs'),
        bool: (vm, h) => {
          const d = decOf(vm, h);
          return d.kind !== Kind.Finite || d.coeff !== 0n;
        },
        int: (vm, h) => decToInt(vm, h, 'ROUND_DOWN'),
        float: decFloat,
      },
    ),
    getset: {
      real: {
        name: 'real',
        get: (vm, h) => {
          vm.incref(h);
          return h;
        },
      },
      imag: { name: 'imag', get: (vm) => decNew(vm, fin(0, 0n, 0)) },
    },
    extra: { tpName: 'decimal.Decimal', hashValue: decHashValue },
  });

const OPS: Record<string, (a: Dec, b: Dec, c: ReturnType<typeof readContext>) => ReturnType<typeof add>> = {
  add: (a, b, c) => add(a, b, c),
  subtract: (a, b, c) => add(a, b, c, true),
  multiply: mul,
  divide: div,
  divide_int: divint,
  remainder: rem,
  power: (a, b, c) => power(c, a, b),
  plus: (a, _b, c) => finalize(a.kind === Kind.Finite && a.coeff === 0n ? { ...a, sign: 0 } : a, c),
  minus: (a, _b, c) =>
    finalize(
      a.kind === Kind.Finite && a.coeff === 0n ? { ...a, sign: 0 } : { ...a, sign: (a.sign ^ 1) as 0 | 1 },
      c,
    ),
};

function helper(vm: Vm, name: string, flags: number, impl: MethodDef['impl']): number {
  return builtinStatic(vm, { name, qualname: name, flags, impl }, 'decimal');
}

function loadDecimal(vm: Vm): number {
  const type = moduleType(vm, DecimalTypeFactory);
  const st = decState(vm);
  st.decimalType = type.id;
  Object.assign(type.methods, Object.fromEntries(decimalMethods().map((m) => [m.name, m])));
  const helpers: Record<string, number> = {
    Decimal: type.typeObject,
    _hw_getcontext: helper(vm, '_hw_getcontext', Meth.NoArgs, (vm2) => {
      const h = st.current || vm2.s.None;
      vm2.incref(h);
      return h;
    }),
    _hw_setcontext: helper(vm, '_hw_setcontext', Meth.O, (vm2, _s, a) => {
      vm2.incref(a[0]);
      if (st.current) vm2.decref(st.current);
      st.current = a[0];
      return vm2.s.None;
    }),
    _hw_register: helper(vm, '_hw_register', Meth.Varargs, (vm2, _s, a) => {
      st.contextClass = a[0];
      st.classes = Array.from(tupleItems(vm2, a[1]));
      st.decimalTuple = a[2];
      return vm2.s.None;
    }),
    _hw_check_int: helper(vm, '_hw_check_int', Meth.Varargs, (vm2, _s, a) => {
      if (!vm2.typeOf(a[0]).mro.includes(T.Int)) throw typeError(vm2, 'an integer is required');
      const v = BigInt(intValue(vm2, a[0]));
      if (v < BigInt(intValue(vm2, a[1])) || v > BigInt(intValue(vm2, a[2])))
        throw valueError(vm2, strValue(vm2, a[3]));
      return vm2.s.None;
    }),
    _hw_create: helper(vm, '_hw_create', Meth.Varargs, (vm2, _s, a) => {
      if (vm2.table.type[a[0]] === T.Str) {
        const d = parseDecimal(strValue(vm2, a[0]));
        const ctx = readContext(vm2, a[1]);
        if (d === null) return decResult(vm2, ctx, { d: qnan(), sig: Sig.ConversionSyntax });
        return decResult(vm2, ctx, finalize(d, ctx));
      }
      return createDecimal(vm2, a[0], a[1]);
    }),
    _hw_dec: helper(vm, '_hw_dec', Meth.Varargs, (vm2, _s, a) => fromObject(vm2, type.id, a[0], a[1])),
    _hw_op: helper(vm, '_hw_op', Meth.Varargs, (vm2, _s, a) => {
      const ctx = readContext(vm2, a[3]);
      const x = operand(vm2, a[1]);
      const y = operand(vm2, a[2]);
      if (x === null || y === null) {
        release(vm2, x);
        release(vm2, y);
        throw typeError(vm2, 'conversion to Decimal is not supported');
      }
      try {
        return decResult(vm2, ctx, OPS[strValue(vm2, a[0])](x.d, y.d, ctx));
      } finally {
        release(vm2, x);
        release(vm2, y);
      }
    }),
  };
  const globals = runPythonPart(vm, 'decimal', DECIMAL_SOURCE, helpers);
  st.getcontext = partName(vm, globals, 'getcontext');
  void currentContext;
  void isTrue;
  return moduleFromGlobals(vm, 'decimal', globals);
}

export const decimalModule: ModuleSpec = { name: 'decimal', load: loadDecimal };
