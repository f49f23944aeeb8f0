import { dictNewPresized, dictSetItem } from '../objects/dict';
import { intern } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { Meth, T, TpFlags, type Kwargs, type MethodDef, type VectorcallFn } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { getMethod } from './attr';
import { typeError } from './errors';
import { dictKwargs } from './kwargs';
import { builtinDef } from '../objects/descr';
import { isNativeFunction } from '../objects/func';
import { enterRecursiveCall, leaveRecursiveCall } from '../objects/recursion';
import { DEFERRED, callDefers, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';

/**
 * The vectorcall function that calls `callable`, or null (then tp_call with an argument tuple).
 * A type object's is its own tp_vectorcall (list_vectorcall …), read through the `type` type.
 */
export function vectorcallOf(vm: Vm, callable: number): VectorcallFn | null {
  const s = vm.typeOf(callable);
  if (s.id === T.Type || (s.flags & TpFlags.TypeSubclass) !== 0) return vm.slotsOf(callable).typeVectorcall;
  return s.vectorcall;
}

/**
 * PyObject_Vectorcall: `args` borrowed (positional, then the keyword values named in `kw`), a new
 * reference returned. Without a vectorcall function, _PyObject_MakeTpCall packs a tuple (and a
 * dict for keywords): the allocation that makes str(x) or int(s) cost a 48-byte block.
 */
export function call(vm: Vm, callable: number, args: readonly number[], kw: Kwargs | null): number {
  const vc = vectorcallOf(vm, callable);
  if (vc !== null) return vc(vm, callable, args, kw);
  return makeTpCall(vm, callable, args, kw);
}

/** _PyObject_MakeTpCall: the argument tuple (the empty singleton for none), the keyword dict, tp_call. */
export function makeTpCall(vm: Vm, callable: number, args: readonly number[], kw: Kwargs | null): number {
  const f = vm.typeOf(callable).call;
  if (f === null) throw typeError(vm, "'%.200s' object is not callable", vm.typeOf(callable).name);
  const defer = takeDefer(vm);
  const tuple = tupleFromArray(vm, args);
  const dict = kw !== null && kw.size > 0 ? stackAsDict(vm, kw) : 0;
  let r = 0;
  try {
    enterRecursiveCall(vm, CALLING);
    try {
      if (defer && callDefers(f)) deferrer(vm)!.armDefer();
      r = f(vm, callable, tuple, dict);
    } finally {
      if (r !== DEFERRED) leaveRecursiveCall(vm);
    }
  } finally {
    if (r !== DEFERRED) {
      vm.decref(tuple);
      if (dict !== 0) vm.decref(dict);
    }
  }
  // the Python callee runs in the loop (runtime/deferred.ts): the rest of this call after it
  if (r === DEFERRED) deferrer(vm)!.continueWith(new TpCallRest(tuple, dict));
  return r;
}

/**
 * _PyObject_MakeTpCall's rest after a deferred callee: leave the recursion check, release the
 * argument tuple and keyword dict. One object a call, its methods on the prototype (a closure pair
 * and an object literal were ~240 bytes of JS heap a call: every instance a class call makes).
 */
class TpCallRest implements CallContinuation {
  constructor(
    private readonly tuple: number,
    private readonly dict: number,
  ) {}
  done(vm: Vm, res: number): number {
    this.release(vm);
    return res;
  }
  fail(vm: Vm): void {
    this.release(vm);
  }
  private release(vm: Vm): void {
    leaveRecursiveCall(vm);
    vm.decref(this.tuple);
    if (this.dict !== 0) vm.decref(this.dict);
  }
}

/** A deferred call's rest that only leaves the recursion check entered before it. */
export const LEAVE_RECURSIVE_CALL: CallContinuation = {
  done: (vm, r) => {
    leaveRecursiveCall(vm);
    return r;
  },
  fail: (vm) => leaveRecursiveCall(vm),
};

/** The text _PyObject_MakeTpCall and the METH_O / METH_NOARGS calls give a RecursionError. */
export const CALLING = ' while calling a Python object';

/** _PyTuple_FromArray: a new tuple holding new references to the items (the empty singleton for none). */
export function tupleFromArray(vm: Vm, items: readonly number[]): number {
  for (let i = 0; i < items.length; i++) vm.incref(items[i]);
  return tupleFromItems(vm, items);
}

/** _PyStack_AsDict: the keyword arguments as a new dict (presized, keys are the interned names). */
export function stackAsDict(vm: Vm, kw: Kwargs): number {
  const d = dictNewPresized(vm, kw.size, true);
  for (const [k, v] of kw) dictSetItem(vm, d, intern(vm, k), v);
  return d;
}

/**
 * PyObject_Call (CALL_FUNCTION_EX, and C code with a tuple in hand): tp_call gets the tuple
 * itself; a vectorcall callee gets its items (_PyVectorcall_Call).
 */
export function callTuple(vm: Vm, callable: number, args: number, kwargs: number): number {
  // a METH_VARARGS built-in has no vectorcall: cfunction_call takes the tuple as it is
  if (vm.table.type[callable] === T.Builtin) {
    const def = builtinDef(vm, callable);
    if (def.flags & Meth.Varargs) {
      const kw = kwargs ? dictKwargs(vm, kwargs) : null;
      if (kw !== null && kw.size && !(def.flags & Meth.Keywords))
        throw typeError(vm, '%s() takes no keyword arguments', def.qualname ?? def.name);
      return def.impl(vm, vm.table.ref[callable], Array.from(tupleItems(vm, args)), kw, args);
    }
  }
  const vc = vectorcallOf(vm, callable);
  if (vc !== null) {
    const items = Array.from(tupleItems(vm, args));
    if (kwargs === 0 || vm.table.n[kwargs] === 0) return vc(vm, callable, items, null);
    // _PyStack_UnpackDict: a new stack (1 + nargs + nkwargs words) and a tuple of the names
    const kw = dictKwargs(vm, kwargs);
    const stack = vm.mem.malloc(8 * (1 + items.length + kw.size));
    // a compiled Python function's vectorcall (the eval loop's callFromC) makes the names tuple itself
    const compiled = vm.table.type[callable] === T.Function && !isNativeFunction(vm, callable);
    const kwnames = compiled
      ? 0
      : tupleFromItems(
          vm,
          Array.from(kw.keys(), (k) => intern(vm, k)),
        );
    try {
      return vc(vm, callable, items, kw);
    } finally {
      vm.mem.free(stack);
      if (kwnames !== 0) vm.decref(kwnames);
    }
  }
  const f = vm.typeOf(callable).call;
  if (f === null) throw typeError(vm, "'%.200s' object is not callable", vm.typeOf(callable).name);
  return f(vm, callable, args, kwargs);
}

/** PyObject_VectorcallMethod: LOAD_METHOD + CALL from C code (no bound method for a method descriptor). */
export function callMethod(
  vm: Vm,
  obj: number,
  name: string,
  args: readonly number[],
  kw: Kwargs | null = null,
): number {
  const { meth, self } = getMethod(vm, obj, name);
  try {
    return self !== 0 ? call(vm, meth, [self, ...args], kw) : call(vm, meth, args, kw);
  } finally {
    vm.decref(meth);
  }
}

/**
 * A built-in function or method called with `self` (the module, the instance, the class) and
 * borrowed arguments, as its METH_* flags say (methodobject.c cfunction_* / descrobject.c
 * method_vectorcall_*): METH_VARARGS gets a tuple (and a dict for keywords), so the call
 * allocates them; METH_NOARGS and METH_O check the count; METH_FASTCALL passes the array.
 */
export function callCFunction(
  vm: Vm,
  def: MethodDef,
  self: number,
  args: readonly number[],
  kw: Kwargs | null,
): number {
  const defer = takeDefer(vm);
  const flags = def.flags;
  const hasKw = kw !== null && kw.size > 0;
  if (hasKw && !(flags & Meth.Keywords))
    throw typeError(vm, '%s() takes no keyword arguments', def.qualname ?? def.name);
  // a METH_VARARGS function of 3.11 that the version made METH_FASTCALL (3.13: min, max, …): no tuple
  if (flags & Meth.Varargs && !vm.py.fastcallBuiltins.includes(def.qualname ?? def.name)) {
    // _PyObject_MakeTpCall (method_vectorcall_VARARGS alike): the tuple, the dict, the depth counted
    const tuple = tupleFromArray(vm, args);
    const dict = hasKw ? stackAsDict(vm, kw) : 0;
    let r = 0;
    try {
      enterRecursiveCall(vm, CALLING);
      try {
        // min(key=f), functools.reduce(f, …): f may run in the calling loop (runtime/deferred.ts)
        if (defer && callDefers(def.impl)) deferrer(vm)!.armDefer();
        r = def.impl(vm, self, args, kw, tuple);
      } finally {
        if (r !== DEFERRED) leaveRecursiveCall(vm);
      }
    } finally {
      if (r !== DEFERRED) {
        vm.decref(tuple);
        if (dict !== 0) vm.decref(dict);
      }
    }
    if (r === DEFERRED) deferrer(vm)!.continueWith(new TpCallRest(tuple, dict));
    return r;
  }
  if (flags & Meth.NoArgs && args.length !== 0)
    throw typeError(vm, '%s() takes no arguments (%zd given)', def.qualname ?? def.name, args.length);
  if (flags & Meth.O && args.length !== 1)
    throw typeError(vm, '%s() takes exactly one argument (%zd given)', def.qualname ?? def.name, args.length);
  if (flags & (Meth.NoArgs | Meth.O)) {
    // cfunction_vectorcall_O / method_vectorcall_NOARGS …: the call counts against the recursion limit
    enterRecursiveCall(vm, CALLING);
    let r = 0;
    try {
      if (defer && callDefers(def.impl)) deferrer(vm)!.armDefer();
      r = def.impl(vm, self, args, kw);
    } finally {
      if (r !== DEFERRED) leaveRecursiveCall(vm);
    }
    // repr(x) of a class with a Python __repr__ runs it in the loop (runtime/deferred.ts)
    if (r === DEFERRED) deferrer(vm)!.continueWith(LEAVE_RECURSIVE_CALL);
    return r;
  }
  // cfunction_vectorcall_FASTCALL(_KEYWORDS)'s own recursion check is entered by the C code that
  // calls through it (builtin_sorted's list.sort): the loop's CALL of such a built-in is taken as
  // its specialized PRECALL_BUILTIN_FAST*, which has none
  if (defer && callDefers(def.impl)) deferrer(vm)!.armDefer();
  return def.impl(vm, self, args, kw);
}
