import { getAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { setObject, typeError } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import { dictGetItem, dictSetItem } from '../objects/dict';
import { intValue } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { strValue } from '../objects/str';
import type { Vm } from '../runtime/vm';
import { ROUNDINGS, Sig, SIG_INVALID, type Ctx, type Rounding } from './decimalnum';

/**
 * The thread's decimal context and the signals (_decimal.c's CURRENT_CONTEXT, dec_addstatus):
 * an operation's status bits become the context's flags, and the trapped ones an exception of
 * the first trapped signal's class whose argument is the list of trapped conditions
 * (`[<class 'decimal.DivisionByZero'>]`), as flags_as_exception and flags_as_list build them.
 */

export interface DecState {
  /** The current context (owned), 0 until getcontext() makes it from DefaultContext. */
  current: number;
  /** Python's getcontext (borrowed from the part's globals). */
  getcontext: number;
  contextClass: number;
  /** The class for each status bit (decimalnum.ts Sig), conditions included. */
  classes: number[];
  decimalType: number;
  /** DecimalTuple (collections.namedtuple), for as_tuple(). */
  decimalTuple: number;
}

const states = new WeakMap<Vm, DecState>();

export function decState(vm: Vm): DecState {
  let s = states.get(vm);
  if (s === undefined) {
    s = { current: 0, getcontext: 0, contextClass: 0, classes: [], decimalType: 0, decimalTuple: 0 };
    states.set(vm, s);
  }
  return s;
}

/** A context's settings, read from its attributes (the context is a Python instance). */
export interface CtxView extends Ctx {
  h: number;
  capitals: number;
}

function intAttr(vm: Vm, h: number, name: string): number {
  const v = getAttr(vm, h, name);
  try {
    return Number(intValue(vm, v));
  } finally {
    vm.decref(v);
  }
}

export function readContext(vm: Vm, h: number): CtxView {
  const r = getAttr(vm, h, 'rounding');
  const rounding = strValue(vm, r) as Rounding;
  vm.decref(r);
  if (!ROUNDINGS.includes(rounding)) throw typeError(vm, 'invalid rounding mode');
  return {
    h,
    prec: intAttr(vm, h, 'prec'),
    rounding,
    Emin: intAttr(vm, h, 'Emin'),
    Emax: intAttr(vm, h, 'Emax'),
    clamp: intAttr(vm, h, 'clamp'),
    capitals: intAttr(vm, h, 'capitals'),
  };
}

/** CURRENT_CONTEXT: the thread's context (borrowed), made on first use by decimal.getcontext(). */
export function currentContext(vm: Vm): number {
  const s = decState(vm);
  if (s.current === 0) vm.decref(call(vm, s.getcontext, [], null));
  return s.current;
}

/** The `context` argument of a method: None or absent means the current one. */
export function contextArg(vm: Vm, h: number | undefined): CtxView {
  if (h === undefined || h === 0 || h === vm.s.None) return readContext(vm, currentContext(vm));
  const s = decState(vm);
  if (!vm.typeOf(h).mro.includes(vm.slotsOf(s.contextClass).id))
    throw typeError(vm, 'optional argument must be a context');
  return readContext(vm, h);
}

// signal_map order: which class an exception takes when several trapped signals are raised
const SIGNAL_ORDER = [
  Sig.InvalidOperation,
  Sig.FloatOperation,
  Sig.DivisionByZero,
  Sig.Overflow,
  Sig.Underflow,
  Sig.Subnormal,
  Sig.Inexact,
  Sig.Rounded,
  Sig.Clamped,
];
// cond_map order for the exception's list: the InvalidOperation conditions first
const COND_ORDER = [
  Sig.InvalidOperation,
  Sig.ConversionSyntax,
  Sig.DivisionImpossible,
  Sig.DivisionUndefined,
  Sig.InvalidContext,
];

const bitIndex = (bit: number): number => 31 - Math.clz32(bit);
/** The signal a status bit raises (the InvalidOperation conditions raise InvalidOperation). */
const signalOf = (bit: number): number => (bit & SIG_INVALID ? Sig.InvalidOperation : bit);

/** dec_addstatus: flags set, then the trapped signals raised. */
export function addStatus(vm: Vm, ctx: CtxView, sig: number): void {
  if (sig === 0) return;
  const s = decState(vm);
  const flags = getAttr(vm, ctx.h, 'flags');
  const traps = getAttr(vm, ctx.h, 'traps');
  try {
    let trapMask = 0;
    for (let bit = 1; bit <= Sig.Underflow; bit <<= 1) {
      if ((sig & bit) === 0) continue;
      const cls = s.classes[bitIndex(signalOf(bit))];
      dictSetItem(vm, flags, cls, vm.s.True);
      const t = dictGetItem(vm, traps, cls);
      if (t !== 0 && isTrue(vm, t)) trapMask |= bit;
    }
    if (trapMask === 0) return;
    const first = SIGNAL_ORDER.find((b) =>
      b === Sig.InvalidOperation ? trapMask & SIG_INVALID : trapMask & b,
    )!;
    const items: number[] = [];
    for (const b of COND_ORDER) if (trapMask & b) items.push(s.classes[bitIndex(b)]);
    for (const b of SIGNAL_ORDER.slice(1)) if (trapMask & b) items.push(s.classes[bitIndex(b)]);
    const list = listNew(vm, 0);
    for (const c of items) {
      // PyList_Append takes a new reference
      vm.incref(c);
      listAppend(vm, list, c);
    }
    const names = items.map((c) => `<class 'decimal.${vm.slotsOf(c).name}'>`).join(', ');
    const exc = s.classes[bitIndex(first)];
    const err = setObject(vm, vm.slotsOf(exc).id, list, `[${names}]`);
    vm.decref(list);
    throw err;
  } finally {
    vm.decref(flags);
    vm.decref(traps);
  }
}
