import { NotSupported } from '../errors';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { typeError } from './errors';
import { strValue } from '../objects/str';
import { enterRecursiveCall, leaveRecursiveCall } from '../objects/recursion';
import { DEFERRED, callDefers, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';

/** Nesting beyond which the simulator's own renderings stop (Py_EnterRecursiveCall in a repr). */
const MAX_DEPTH = 20;

/** PyObject_Repr: a new str, made by the type's tp_repr with its allocations. */
export function repr(vm: Vm, h: number): number {
  const defer = takeDefer(vm);
  const s = vm.types[vm.table.type[h]];
  const f = s.repr;
  if (f === null) throw new NotSupported(`repr() of a ${s.name}`);
  enterRecursiveCall(vm, ' while getting the repr of an object');
  let r = 0;
  try {
    // a class's Python __repr__ may run in the loop that called repr() (runtime/deferred.ts)
    if (defer && callDefers(f)) deferrer(vm)!.armDefer();
    r = f(vm, h);
  } finally {
    if (r !== DEFERRED) leaveRecursiveCall(vm);
  }
  if (r === DEFERRED) {
    deferrer(vm)!.continueWith({
      done: (vm2, res) => {
        leaveRecursiveCall(vm2);
        return reprChecked(vm2, res);
      },
      fail: (vm2) => leaveRecursiveCall(vm2),
    });
    return DEFERRED;
  }
  return reprChecked(vm, r);
}

/** PyObject_Repr's check of what tp_repr returned. */
function reprChecked(vm: Vm, r: number): number {
  if (vm.table.type[r] !== T.Str) {
    const name = vm.types[vm.table.type[r]].name;
    vm.decref(r);
    throw typeError(vm, '__repr__ returned non-string (type %.200s)', name);
  }
  return r;
}

/**
 * PyObject_Str: an exact str is itself; else tp_str (which falls back to tp_repr). A class's Python
 * __str__ may run in the loop that called str() (runtime/deferred.ts): the depth check is left and
 * the result checked after it returns.
 */
export function str(vm: Vm, h: number): number {
  const defer = takeDefer(vm);
  const type = vm.table.type[h];
  if (type === T.Str) {
    vm.incref(h);
    return h;
  }
  const s = vm.types[type];
  // no tp_str: PyObject_Repr, with its own check
  if (s.str === null) {
    if (defer) deferrer(vm)!.armDefer();
    return repr(vm, h);
  }
  enterRecursiveCall(vm, ' while getting the str of an object');
  let r = 0;
  try {
    if (defer && callDefers(s.str)) deferrer(vm)!.armDefer();
    r = s.str(vm, h);
  } finally {
    if (r !== DEFERRED) leaveRecursiveCall(vm);
  }
  if (r === DEFERRED) {
    deferrer(vm)!.continueWith(STR_RETURNED);
    return DEFERRED;
  }
  return strChecked(vm, r);
}

/** PyObject_Str's rest after a deferred __str__. */
const STR_RETURNED: CallContinuation = {
  done: (vm, res) => {
    leaveRecursiveCall(vm);
    return strChecked(vm, res);
  },
  fail: (vm) => leaveRecursiveCall(vm),
};

/** PyObject_Str's check of what tp_str returned. */
function strChecked(vm: Vm, r: number): number {
  if (!vm.typeOf(r).mro.includes(T.Str)) {
    const name = vm.types[vm.table.type[r]].name;
    vm.decref(r);
    throw typeError(vm, '__str__ returned non-string (type %.200s)', name);
  }
  return r;
}

/**
 * repr(x) as text, without the allocations CPython would make for it: the type's own rendering
 * (containers render their items the same way), or tp_repr's str read and released.
 */
export function reprText(vm: Vm, h: number, depth = 0): string {
  if (depth > MAX_DEPTH) return '...';
  const s = vm.types[vm.table.type[h]];
  if (s.reprText !== null) return s.reprText(vm, h, depth);
  const r = repr(vm, h);
  const text = strValue(vm, r);
  vm.decref(r);
  return text;
}

/** str(x) as text: a str's own text, else through tp_str / the rendering. */
export function strText(vm: Vm, h: number): string {
  const type = vm.table.type[h];
  if (type === T.Str) return strValue(vm, h);
  const s = vm.types[type];
  if (s.str === null && s.reprText !== null) return s.reprText(vm, h, 0);
  const r = str(vm, h);
  const text = strValue(vm, r);
  vm.decref(r);
  return text;
}
