import { isSubtype } from '../objects/typeobject';
import { Cmp, type TypeSlots } from '../objects/types';
import { DEFERRED, callDefers, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';
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

/**
 * COMPARE_OP's comparison when the loop may run a Python rich-comparison method itself (the loop
 * armed the permission: runtime/deferred.ts): PyObject_RichCompare (`checked`, its recursion check)
 * or the specialized form's do_richcompare; DEFERRED when a method's frame was pushed.
 */
export function richCompareMayDefer(vm: Vm, v: number, w: number, op: Cmp, checked: boolean): number {
  if (!takeDefer(vm)) return checked ? richCompare(vm, v, w, op) : richCompareUnchecked(vm, v, w, op);
  if (checked) enterRecursiveCall(vm, ' in comparison');
  let r = 0;
  try {
    r = compareFrom(vm, v, w, op, Step.Reflected);
  } finally {
    if (checked && r !== DEFERRED) leaveRecursiveCall(vm);
  }
  if (r === DEFERRED && checked) deferrer(vm)!.continueWith(LEAVE_CHECK);
  return r;
}

const LEAVE_CHECK: CallContinuation = {
  done: (vm, r) => {
    leaveRecursiveCall(vm);
    return r;
  },
  fail: (vm) => leaveRecursiveCall(vm),
};

/** do_richcompare's tries, in order. */
const enum Step {
  Reflected,
  Left,
  RightAfterLeft,
  Fallback,
}

/**
 * do_richcompare from `step` on, each try a slot that may defer its method's call: its result goes
 * on from the next try when it says NotImplemented (the reflected method after __eq__).
 */
function compareFrom(vm: Vm, v: number, w: number, op: Cmp, step: Step): number {
  const t = vm.table;
  const sv = vm.types[t.type[v]];
  const sw = vm.types[t.type[w]];
  const reflectedFirst =
    t.type[v] !== t.type[w] && isSubtype(vm, t.type[w], t.type[v]) && sw.richcompare !== null;
  for (; step < Step.Fallback; step++) {
    let r: number;
    if (step === Step.Reflected) {
      if (!reflectedFirst) continue;
      r = trySlot(vm, sw.richcompare!, w, v, SWAPPED[op]);
    } else if (step === Step.Left) {
      if (sv.richcompare === null) continue;
      r = trySlot(vm, sv.richcompare, v, w, op);
    } else {
      if (reflectedFirst || sw.richcompare === null) continue;
      r = trySlot(vm, sw.richcompare, w, v, SWAPPED[op]);
    }
    if (r === DEFERRED) {
      const next = step + 1;
      deferrer(vm)!.continueWith({
        done: (vm2, res) => (res !== vm2.s.NotImplemented ? res : compareFrom(vm2, v, w, op, next)),
        fail: () => {},
      });
      return DEFERRED;
    }
    if (r !== vm.s.NotImplemented) return r;
  }
  return fallback(vm, v, w, op);
}

function trySlot(vm: Vm, slot: NonNullable<TypeSlots['richcompare']>, a: number, b: number, op: Cmp): number {
  if (callDefers(slot)) deferrer(vm)!.armDefer();
  return slot(vm, a, b, op);
}

/** do_richcompare when every method said NotImplemented: identity for == and !=, else TypeError. */
function fallback(vm: Vm, v: number, w: number, op: Cmp): number {
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
  return fallback(vm, v, w, op);
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
