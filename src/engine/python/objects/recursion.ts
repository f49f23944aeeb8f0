import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';

/**
 * _Py_EnterRecursiveCall / _Py_LeaveRecursiveCall for C code that recurses: _PyObject_MakeTpCall
 * (" while calling a Python object"), PyObject_Repr/Str, rich compare (" in comparison"), the JSON
 * encoder and decoder, pickle's save. The count is the running thread's (eval/thread.ts), shared
 * with its Python frames on 3.11 (a memoized recursion through lru_cache's C wrapper costs 2 a
 * level and stops near 500 of the 1000), on its own C counter on 3.12+. Without an interpreter (a
 * bare object-layer test) a per-process count of C levels stands in.
 */
const depthOf = new WeakMap<Vm, number>();
export const DEFAULT_RECURSION_LIMIT = 1000;

/** _Py_EnterRecursiveCall: raises RecursionError "maximum recursion depth exceeded<where>" past the limit. */
export function enterRecursiveCall(vm: Vm, where: string): void {
  const ev = vm.eval;
  if (ev.enterRecursiveCall) return ev.enterRecursiveCall(where);
  const depth = (depthOf.get(vm) ?? 0) + 1;
  if (depth > DEFAULT_RECURSION_LIMIT)
    throw raiseString(vm, E.RecursionError, `maximum recursion depth exceeded${where}`);
  depthOf.set(vm, depth);
}

/** _Py_LeaveRecursiveCall, after a successful enterRecursiveCall. */
export function leaveRecursiveCall(vm: Vm): void {
  const ev = vm.eval;
  if (ev.leaveRecursiveCall) return ev.leaveRecursiveCall();
  depthOf.set(vm, (depthOf.get(vm) ?? 1) - 1);
}

/**
 * A C check entered and left at once: a METH_O builtin the natively modelled Python code calls
 * (copy.py's `id(x)`) that only counts while it runs.
 */
export function checkRecursiveCall(vm: Vm, where: string): void {
  enterRecursiveCall(vm, where);
  leaveRecursiveCall(vm);
}

/**
 * A frame of Python library code the simulator runs natively (copy.deepcopy, _deepcopy_list):
 * start_frame's check on the frames' counter, as the real frame would make it.
 */
export function withPythonFrame<R>(vm: Vm, fn: () => R): R {
  const ev = vm.eval;
  if (!ev.enterPythonFrame) return fn();
  try {
    ev.enterPythonFrame();
  } catch (e) {
    // start_frame counted the frame that failed; its exit_unwind gives it back
    ev.leavePythonFrame!();
    throw e;
  }
  try {
    return fn();
  } finally {
    ev.leavePythonFrame!();
  }
}

export function withRecursionCheck<R>(vm: Vm, where: string, fn: () => R): R {
  enterRecursiveCall(vm, where);
  try {
    return fn();
  } finally {
    leaveRecursiveCall(vm);
  }
}
