import { isSubtype } from '../objects/typeobject';
import { Cmp } from '../objects/types';
import { enterRecursiveCall, leaveRecursiveCall } from '../objects/recursion';
import type { Vm } from '../runtime/vm';
import { typeError } from './errors';
import { isTrue, typeName } from './object';

/** The operator with its operands swapped (_Py_SwappedOp). */
export const SWAPPED: readonly Cmp[] = [Cmp.GT, Cmp.GE, Cmp.EQ, Cmp.NE, Cmp.LT, Cmp.LE];
const OP_TEXT = ['<', '<=', '==', '!=', '>', '>='];

/** The comparison operators of the syntax tree, as Cmp. */
export const CMP_OF: Record<string, Cmp> = {
  '<': Cmp.LT,
  '<=': Cmp.LE,
  '==': Cmp.EQ,
  '!=': Cmp.NE,
  '>': Cmp.GT,
  '>=': Cmp.GE,
};

/** A JS ordering (-1, 0, 1, NaN) tested with op. */
export function cmpResult(c: number, op: Cmp): boolean {
  switch (op) {
    case Cmp.LT:
      return c < 0;
    case Cmp.LE:
      return c <= 0;
    case Cmp.EQ:
      return c === 0;
    case Cmp.NE:
      return c !== 0;
    case Cmp.GT:
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * PyObject_RichCompare (do_richcompare): the right operand's reflected method first when its type
 * is a proper subclass of the left's, then the left's tp_richcompare, then the right's reflected;
 * when all say NotImplemented, == and != fall back to identity and the others raise TypeError.
 * A new reference (the bool singletons for the built-in types).
 */
export function richCompare(vm: Vm, v: number, w: number, op: Cmp): number {
  // nested containers compare item by item through here: each level counts against the limit
  enterRecursiveCall(vm, ' in comparison');
  try {
    return richCompareUnchecked(vm, v, w, op);
  } finally {
    leaveRecursiveCall(vm);
  }
}

/** do_richcompare: what a specialized COMPARE_OP does without PyObject_RichCompare's recursion check. */
export function richCompareUnchecked(vm: Vm, v: number, w: number, op: Cmp): number {
  const t = vm.table;
  const tv = t.type[v];
  const tw = t.type[w];
  const NI = vm.s.NotImplemented;
  const sv = vm.types[tv];
  const sw = vm.types[tw];
  let checkedReverse = false;
  if (tv !== tw && isSubtype(vm, tw, tv) && sw.richcompare !== null) {
    checkedReverse = true;
    const r = sw.richcompare(vm, w, v, SWAPPED[op]);
    if (r !== NI) return r;
  }
  if (sv.richcompare !== null) {
    const r = sv.richcompare(vm, v, w, op);
    if (r !== NI) return r;
  }
  if (!checkedReverse && sw.richcompare !== null) {
    const r = sw.richcompare(vm, w, v, SWAPPED[op]);
    if (r !== NI) return r;
  }
  if (op === Cmp.EQ) return vm.s.bool(v === w);
  if (op === Cmp.NE) return vm.s.bool(v !== w);
  throw typeError(
    vm,
    "'%s' not supported between instances of '%.100s' and '%.100s'",
    OP_TEXT[op],
    typeName(vm, v),
    typeName(vm, w),
  );
}

/**
 * PyObject_RichCompareBool: identity decides == and != first (so a NaN in a list equals itself),
 * then the comparison's truth.
 */
export function richCompareBool(vm: Vm, v: number, w: number, op: Cmp): boolean {
  if (v === w) {
    if (op === Cmp.EQ) return true;
    if (op === Cmp.NE) return false;
  }
  const r = richCompare(vm, v, w, op);
  if (r === vm.s.True) return true;
  if (r === vm.s.False) return false;
  const b = isTrue(vm, r);
  vm.decref(r);
  return b;
}

/** == as a boolean (PyObject_RichCompareBool(a, b, Py_EQ)). */
export function equals(vm: Vm, a: number, b: number): boolean {
  return richCompareBool(vm, a, b, Cmp.EQ);
}
