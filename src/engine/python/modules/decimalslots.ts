import { getAttr } from '../abstract/attr';
import { typeError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { intValue } from '../objects/int';
import { tupleFromItems } from '../objects/tuple';
import { Cmp, T, type BinarySlot } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { addStatus, currentContext, readContext, type CtxView } from './decimalctx';
import {
  cmpTotal,
  fin,
  finalize,
  fromBigInt,
  isIntegral,
  Kind,
  ndigits,
  qnan,
  Sig,
  toBigInt,
  type Dec,
  type Res,
} from './decimalnum';
import { add, divmod } from './decimalops';

import { decNew, decOf, decResult, isDecimal, operand, release, fromFloat } from './decimaltype';

/** Decimal's other number slots: pow with a modulus, divmod, the unary operators, comparisons. */

/** mpd_qpowmod: integral operands, a non-negative exponent; (a ** b) % m with the sign of a ** b. */
function powmod(a: Dec, b: Dec, m: Dec, ctx: CtxView): Res {
  if (a.kind >= Kind.NaN || b.kind >= Kind.NaN || m.kind >= Kind.NaN) return add(a, b, ctx);
  const whole = (d: Dec): boolean => d.kind === Kind.Finite && isIntegral(d);
  if (!whole(a) || !whole(b) || !whole(m)) return { d: qnan(), sig: Sig.InvalidOperation };
  const x = toBigInt(a);
  const y = toBigInt(b);
  let n = toBigInt(m);
  if (n < 0n) n = -n;
  if (y < 0n || n === 0n || ndigits(n) > ctx.prec || (x === 0n && y === 0n))
    return { d: qnan(), sig: Sig.InvalidOperation };
  let r = 1n % n;
  let base = (x < 0n ? -x : x) % n;
  for (let k = y; k > 0n; k >>= 1n) {
    if (k & 1n) r = (r * base) % n;
    base = (base * base) % n;
  }
  return { d: fin(x < 0n && (y & 1n) === 1n ? 1 : 0, r, 0), sig: 0 };
}

export function powmodSlot(vm: Vm, a: number, b: number, m: number): number {
  const ctx = readContext(vm, currentContext(vm));
  const ops = [a, b, m].map((h) => operand(vm, h));
  try {
    if (ops.some((o) => o === null)) {
      // NotImplemented: ternary_op then tries the others' slots; float's refuses any modulus
      if ([a, b, m].some((h) => vm.typeOf(h).mro.includes(T.Float)))
        throw typeError(vm, 'pow() 3rd argument not allowed unless all arguments are integers');
      throw typeError(
        vm,
        "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
        ...[a, b, m].map((h) => typeName(vm, h)),
      );
    }
    return decResult(vm, ctx, powmod(ops[0]!.d, ops[1]!.d, ops[2]!.d, ctx));
  } finally {
    ops.forEach((o) => release(vm, o));
  }
}

/** nm_mpd_qdivmod: both results, then the 2-tuple. */
export const divmodSlot: BinarySlot = (vm, a, b) => {
  const ctx = readContext(vm, currentContext(vm));
  const x = operand(vm, a);
  if (x === null) return vm.s.NotImplemented;
  const y = operand(vm, b);
  if (y === null) {
    release(vm, x);
    return vm.s.NotImplemented;
  }
  const [q, r] = divmod(x.d, y.d, ctx);
  const qh = decNew(vm, q.d);
  const rh = decNew(vm, r.d);
  release(vm, x);
  release(vm, y);
  try {
    addStatus(vm, ctx, q.sig | r.sig);
  } catch (e) {
    vm.decref(qh);
    vm.decref(rh);
    throw e;
  }
  return tupleFromItems(vm, [qh, rh]);
};

/** mpd_qminus / mpd_qplus / mpd_qabs: rounded to the context; a zero loses its sign unless ROUND_FLOOR. */
export function unary(kind: 'neg' | 'pos' | 'abs') {
  return (vm: Vm, h: number): number => {
    const ctx = readContext(vm, currentContext(vm));
    const a = decOf(vm, h);
    let d: Dec;
    if (a.kind >= Kind.NaN) d = a;
    else if (kind === 'neg') d = { ...a, sign: (a.sign ^ 1) as 0 | 1 };
    else if (kind === 'abs') d = { ...a, sign: 0 };
    else d = a;
    if (d.kind === Kind.Finite && d.coeff === 0n && ctx.rounding !== 'ROUND_FLOOR') d = { ...d, sign: 0 };
    const r = a.kind >= Kind.NaN ? add(a, a, ctx) : finalize(d, ctx);
    return decResult(vm, ctx, r);
  };
}

/** A Fraction's numerator and denominator (numbers.Rational in convert_op_cmp), or null. */
function rational(vm: Vm, h: number): [bigint, bigint] | null {
  if (vm.typeOf(h).name !== 'Fraction') return null;
  const n = getAttr(vm, h, 'numerator');
  const d = getAttr(vm, h, 'denominator');
  try {
    return [BigInt(intValue(vm, n)), BigInt(intValue(vm, d))];
  } finally {
    vm.decref(n);
    vm.decref(d);
  }
}

/** dec_richcompare: ints, floats (exact; FloatOperation for an ordering) and Fractions compared exactly. */
export function richcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  const x = decOf(vm, a);
  let y: Dec;
  let temp = 0;
  let scale: bigint | null = null;
  const ordering = op !== Cmp.EQ && op !== Cmp.NE;
  const ctx = readContext(vm, currentContext(vm));
  if (isDecimal(vm, b)) y = decOf(vm, b);
  else if (vm.typeOf(b).mro.includes(T.Int)) {
    const o = operand(vm, b)!;
    y = o.d;
    temp = o.temp;
  } else if (vm.typeOf(b).mro.includes(T.Float)) {
    y = fromFloat(vm.table.num[b]);
    temp = decNew(vm, y);
    if (ordering) addStatus(vm, ctx, Sig.FloatOperation);
  } else {
    const r = rational(vm, b);
    if (r === null) return vm.s.NotImplemented;
    y = fromBigInt(r[0]);
    scale = r[1];
  }
  try {
    if (x.kind >= Kind.NaN || y.kind >= Kind.NaN) {
      const signaling = x.kind === Kind.SNaN || y.kind === Kind.SNaN;
      if (!ordering && !signaling) return vm.s.bool(op === Cmp.NE);
      addStatus(vm, ctx, Sig.InvalidOperation);
      return vm.s.bool(op === Cmp.NE);
    }
    const lhs = scale === null || x.kind !== Kind.Finite ? x : { ...x, coeff: x.coeff * scale };
    const c = cmpTotal(lhs, y);
    return vm.s.bool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]);
  } finally {
    if (temp) vm.decref(temp);
  }
}
