import { PyError } from '../errors';
import { getMethod } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { str } from '../abstract/repr';
import { E } from '../objects/exctypes';
import { cellNew, functionData } from '../objects/func';
import { tupleItem } from '../objects/tuple';
import { T, type Kwargs } from '../objects/types';
import type { ExprOf } from '../parse/ast';
import { evalExpr } from './expr';
import { Flow, type CodeUnit, type Frame, type Interp } from './interp';

const RECURSION_LIMIT = 1000;
const RECORDER_FRAMES = 2;

export type { Kwargs };

/**
 * CALL: the callable (LOAD_METHOD for `obj.name(...)`: a method descriptor comes back unbound,
 * with the instance as the first argument, and no bound-method object is made), then the
 * arguments left to right, then the call, then the callable and the arguments are released.
 */
export function evalCall(it: Interp, e: ExprOf<'Call'>, f: Frame): number {
  const vm = it.vm;
  if (e.func.k === 'Attribute') {
    const obj = evalExpr(it, e.func.value, f);
    let m: { meth: number; self: number };
    try {
      m = getMethod(vm, obj, e.func.attr);
    } catch (err) {
      vm.decref(obj);
      throw err;
    }
    if (m.self === 0) vm.decref(obj);
    const { args, kw } = evalArgs(it, e, f);
    if (m.self !== 0) args.unshift(m.self);
    return callOwned(it, m.meth, args, kw, false);
  }
  const callee = evalExpr(it, e.func, f);
  const { args, kw } = evalArgs(it, e, f);
  // PRECALL_NO_KW_STR_1 (quickened code): str(x) calls PyObject_Str without an argument tuple.
  const fast = it.quickened(f) && args.length === 1 && kw.size === 0 && callee === it.builtins.get('str');
  return callOwned(it, callee, args, kw, fast);
}

function evalArgs(it: Interp, e: ExprOf<'Call'>, f: Frame): { args: number[]; kw: Kwargs } {
  const args = e.args.map((a) => evalExpr(it, a, f));
  const kw: Kwargs = new Map();
  for (const k of e.keywords) {
    if (kw.has(k.arg)) throw new PyError('SyntaxError', `keyword argument repeated: ${k.arg}`, e.line);
    kw.set(k.arg, evalExpr(it, k.value, f));
  }
  return { args, kw };
}

/**
 * Call `callee` with owned arguments, all consumed: a Python function takes them into its frame
 * (_PyEvalFramePushAndInit steals the stack's references); anything else is called through the
 * abstract layer with them borrowed, then the callable and the arguments are released in CALL's
 * order.
 */
export function callOwned(it: Interp, callee: number, args: number[], kw: Kwargs, strFast: boolean): number {
  const vm = it.vm;
  if (vm.table.type[callee] === T.Function) return callFunction(it, callee, args, kw);
  let r: number;
  try {
    r = strFast ? str(vm, args[0]) : call(vm, callee, args, kw.size ? kw : null);
  } finally {
    vm.decref(callee);
    for (const a of args) vm.decref(a);
    for (const v of kw.values()) vm.decref(v);
  }
  return r;
}

/** _PyFunction_Vectorcall from C code: the frame takes its own references to borrowed arguments. */
export function callFunctionBorrowed(
  it: Interp,
  fn: number,
  args: readonly number[],
  kw: Kwargs | null,
): number {
  const vm = it.vm;
  for (const a of args) vm.incref(a);
  const kwOwned: Kwargs = new Map();
  if (kw)
    for (const [k, v] of kw) {
      vm.incref(v);
      kwOwned.set(k, v);
    }
  vm.incref(fn);
  return callFunction(it, fn, [...args], kwOwned);
}

/**
 * A Python function call (_PyEvalFramePushAndInit): the frame on the data stack takes the
 * arguments, COPY_FREE_VARS and MAKE_CELL run first, the body, then _PyFrame_Clear releases the
 * locals in slot order and then the function. Consumes `fn`, `args` and `kw`.
 */
export function callFunction(it: Interp, fn: number, args: number[], kw: Kwargs): number {
  const vm = it.vm;
  const data = functionData(vm, fn);
  const unit = data.code as CodeUnit;
  const scope = unit.scope;
  const params = scope.params;
  const fast = new Int32Array(scope.localsplus.length);
  const fail = (fmt: string, ...a: (string | number)[]) => {
    const err = typeError(vm, `%U() ${fmt}`, data.qualname, ...a);
    for (const x of args) vm.decref(x);
    for (const v of kw.values()) vm.decref(v);
    vm.decref(fn);
    return err;
  };
  if (args.length > params.length) {
    const n = params.length;
    throw fail(
      `takes %zd positional argument%s but %zd %s given`,
      n,
      n === 1 ? '' : 's',
      args.length,
      args.length === 1 ? 'was' : 'were',
    );
  }
  args.forEach((a, i) => (fast[i] = a));
  for (const [k, v] of kw) {
    const i = params.indexOf(k);
    if (i < 0) throw fail("got an unexpected keyword argument '%U'", k);
    if (fast[i]) throw fail("got multiple values for argument '%U'", k);
    fast[i] = v;
  }
  const defaults = data.defaults;
  const nDefaults = defaults ? vm.table.n[defaults] : 0;
  const missing: string[] = [];
  for (let i = 0; i < params.length; i++) {
    if (fast[i]) continue;
    const d = i - (params.length - nDefaults);
    if (d >= 0) {
      fast[i] = tupleItem(vm, defaults, d);
      vm.incref(fast[i]);
    } else missing.push(params[i]);
  }
  if (missing.length) {
    for (let i = 0; i < params.length; i++) if (fast[i]) vm.decref(fast[i]);
    const names = missing.map((m) => `'${m}'`);
    const list =
      names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
    const err = typeError(
      vm,
      '%U() missing %zd required positional argument%s: %U',
      data.qualname,
      missing.length,
      missing.length === 1 ? '' : 's',
      list,
    );
    vm.decref(fn);
    throw err;
  }
  // _Py_EnterRecursivePy: sys.getrecursionlimit() is 1000, and the recorder's own frames
  // (hw_child.py's module, the scenario's module) count too.
  if (it.dataStack.depth + RECORDER_FRAMES >= RECURSION_LIMIT) {
    for (let i = 0; i < params.length; i++) if (fast[i]) vm.decref(fast[i]);
    vm.decref(fn);
    throw raiseString(vm, E.RecursionError, 'maximum recursion depth exceeded');
  }
  it.dataStack.push(unit.framesize);
  const callerLine = it.line;
  const frame: Frame = { unit, fast, retval: 0 };
  it.warm(frame); // RESUME
  try {
    prologue(it, frame, data.closure);
    const flow = it.execBlock(unit.body!, frame);
    if (flow === Flow.Break || flow === Flow.Continue)
      throw new PyError('SyntaxError', "'break' outside loop");
    if (!frame.retval) frame.retval = vm.s.None;
  } catch (e) {
    it.dataStack.pop();
    throw e;
  }
  clearFrame(it, frame);
  it.dataStack.pop();
  vm.decref(fn);
  it.line = callerLine; // an error after the return belongs to the caller's line
  return frame.retval;
}

/** COPY_FREE_VARS (the closure's cells into the free slots) and MAKE_CELL for every cell variable. */
export function prologue(it: Interp, f: Frame, closure: number): void {
  const vm = it.vm;
  const scope = f.unit!.scope;
  const nfree = scope.freevars.length;
  const base = scope.localsplus.length - nfree;
  for (let i = 0; i < nfree; i++) {
    const cell = tupleItem(vm, closure, i);
    vm.incref(cell);
    f.fast[base + i] = cell;
  }
  for (const name of scope.cellvars) {
    const b = scope.binding(name);
    const slot = (b as { slot: number }).slot;
    const initial = f.fast[slot];
    f.fast[slot] = cellNew(vm, initial);
    if (initial) vm.decref(initial);
  }
}

/** _PyFrame_Clear: the locals in slot order. */
export function clearFrame(it: Interp, f: Frame): void {
  const fast = f.fast;
  for (let i = 0; i < fast.length; i++) {
    const v = fast[i];
    if (v) {
      fast[i] = 0;
      it.vm.decref(v);
    }
  }
}
