import { NotSupported, PyError, attributeError, typeError } from '../errors';
import { boundBuiltinNew, cellNew, functionData } from '../objects/func';
import { tupleFromItems, tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { ExprOf } from '../parse/ast';
import { evalExpr } from './expr';
import { Flow, type CodeUnit, type Frame, type Interp } from './interp';
import { hasMethod } from './methods';
import { typeName } from './repr';

const RECURSION_LIMIT = 1000;
const RECORDER_FRAMES = 2;

/** Keyword arguments of a call (values are owned references). */
export type Kwargs = Map<string, number>;

/** What a built-in function does; arguments are borrowed, the result is a new reference. */
export type BuiltinImpl = (it: Interp, args: number[], kw: Kwargs) => number;

/** Types whose call goes through tp_call in 3.11 (no vectorcall): _PyObject_MakeTpCall packs a tuple. */
const TP_CALL = new Set(['str', 'bytes', 'bytearray', 'int', 'object', 'zip']);
/** METH_VARARGS built-ins: their positional arguments are packed into a tuple too. */
const VARARGS = new Set(['min', 'max']);

/** CALL: the callable, then the arguments left to right, then the call. */
export function evalCall(it: Interp, e: ExprOf<'Call'>, f: Frame): number {
  const vm = it.vm;
  if (e.func.k === 'Attribute') {
    // LOAD_METHOD: a method of a built-in object is called without a bound-method object.
    const obj = evalExpr(it, e.func.value, f);
    const type = vm.table.type[obj];
    if (type !== T.Module && type !== T.CDLL && hasMethod(it, obj, e.func.attr)) {
      const { args, kw } = evalArgs(it, e, f);
      return it.callMethod(obj, e.func.attr, args, kw, true);
    }
    const callee = attribute(it, obj, e.func.attr);
    vm.decref(obj);
    const { args, kw } = evalArgs(it, e, f);
    return callObject(it, callee, args, kw);
  }
  const callee = evalExpr(it, e.func, f);
  const { args, kw } = evalArgs(it, e, f);
  // PRECALL_NO_KW_STR_1 (quickened code): str(x) calls PyObject_Str without an argument tuple.
  const fast = it.quickened(f) && args.length === 1 && kw.size === 0 && callee === it.builtins.get('str');
  return callObject(it, callee, args, kw, fast);
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

/** Call `callee` (consumed) with owned `args` and `kw` (consumed): ceval's CALL and its cleanup. */
export function callObject(it: Interp, callee: number, args: number[], kw: Kwargs, specialized = false): number {
  const vm = it.vm;
  const t = vm.table;
  const type = t.type[callee];
  if (type === T.Function) return callFunction(it, callee, args, kw);
  let impl: BuiltinImpl | undefined;
  let tpCallTuple = 0;
  if (type === T.Builtin || type === T.Type) {
    const name = t.side[callee] as string;
    impl = it.builtinImpls.get(name);
    if (!impl) throw new NotSupported(`${name}()`, it.line);
    if ((type === T.Type && TP_CALL.has(name) && !specialized) || VARARGS.has(name)) {
      for (const a of args) vm.incref(a);
      tpCallTuple = tupleFromItems(vm, args);
    }
  } else if (type === T.BoundBuiltin) {
    const self = t.ref[callee];
    vm.incref(self);
    const r = it.callMethod(self, t.side[callee] as string, args, kw, false);
    vm.decref(callee);
    return r;
  } else if (type === T.CFunc) {
    impl = it.builtinImpls.get('ctypes:call');
    args = [callee, ...args];
    vm.incref(callee);
  } else if (type >= T.FirstExtension) {
    impl = it.builtinImpls.get(`${vm.extensions[type]?.name ?? ''}:call`);
  }
  if (!impl) throw typeError(`'${typeName(vm, callee)}' object is not callable`);
  let r: number;
  try {
    r = impl(it, args, kw);
  } finally {
    if (tpCallTuple) vm.decref(tpCallTuple);
  }
  vm.decref(callee);
  for (const a of args) vm.decref(a);
  for (const v of kw.values()) vm.decref(v);
  return r;
}

/**
 * A Python function call (_PyEvalFramePushAndInit): the frame on the data stack takes the
 * arguments, COPY_FREE_VARS and MAKE_CELL run first, the body, then _PyFrame_Clear releases the
 * locals in slot order and then the function.
 */
export function callFunction(it: Interp, fn: number, args: number[], kw: Kwargs): number {
  const vm = it.vm;
  const data = functionData(vm, fn);
  const unit = data.code as CodeUnit;
  const scope = unit.scope;
  const params = scope.params;
  const fast = new Int32Array(scope.localsplus.length);
  const fail = (msg: string) => {
    for (const a of args) vm.decref(a);
    for (const v of kw.values()) vm.decref(v);
    vm.decref(fn);
    return typeError(`${data.name}() ${msg}`);
  };
  if (args.length > params.length) {
    throw fail(`takes ${params.length} positional argument${params.length === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  args.forEach((a, i) => (fast[i] = a));
  for (const [k, v] of kw) {
    const i = params.indexOf(k);
    if (i < 0) throw fail(`got an unexpected keyword argument '${k}'`);
    if (fast[i]) throw fail(`got multiple values for argument '${k}'`);
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
    const names = missing.map((m) => `'${m}'`);
    const list = names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
    throw fail(`missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  // _Py_EnterRecursivePy: sys.getrecursionlimit() is 1000, and the recorder's own frames
  // (hw_child.py's module, the scenario's module) count too.
  if (it.dataStack.depth + RECORDER_FRAMES >= RECURSION_LIMIT) {
    for (let i = 0; i < params.length; i++) if (fast[i]) vm.decref(fast[i]);
    vm.decref(fn);
    throw new PyError('RecursionError', 'maximum recursion depth exceeded');
  }
  it.dataStack.push(unit.framesize);
  const frame: Frame = { unit, fast, retval: 0 };
  it.warm(frame); // RESUME
  try {
    prologue(it, frame, data.closure);
    const flow = it.execBlock(unit.body!, frame);
    if (flow === Flow.Break || flow === Flow.Continue) throw new PyError('SyntaxError', "'break' outside loop");
    if (!frame.retval) frame.retval = vm.s.None;
  } catch (e) {
    it.dataStack.pop();
    throw e;
  }
  clearFrame(it, frame);
  it.dataStack.pop();
  vm.decref(fn);
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

/** LOAD_ATTR outside a call: module attributes, or a new bound built-in method. */
export function attribute(it: Interp, obj: number, name: string): number {
  const vm = it.vm;
  const type = vm.table.type[obj];
  if (type === T.Module || type === T.CDLL) return it.moduleAttr(obj, name);
  if (type >= T.FirstExtension) {
    const ext = vm.extensions[type];
    if (ext?.getattr) return ext.getattr(obj, name);
  }
  if (hasMethod(it, obj, name)) return boundBuiltinNew(vm, obj, name);
  throw attributeError(typeName(vm, obj), name);
}
