import { PyError } from '../errors';
import { CALLING, LEAVE_RECURSIVE_CALL, call as vectorcall, callTuple, vectorcallOf } from '../abstract/call';
import { enterRecursiveCall, leaveRecursiveCall } from '../objects/recursion';
import { cFastcallDef } from './specops';
import { DEFERRED, callDefers } from '../runtime/deferred';
import { builtinDef } from '../objects/descr';
import type { Vm } from '../runtime/vm';
import { takeDeferred } from './deferredcalls';
import { raiseFormat, typeError } from '../abstract/errors';
import { sequenceTuple } from '../abstract/sequence';
import { CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS, CO_FAST_CELL } from '../compiler/code';
import { methodFunc, methodSelf } from '../objects/classobject';
import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import {
  cellNew,
  functionData,
  functionNew,
  isNativeFunction,
  nativeOwnedCall,
  type FunctionData,
} from '../objects/func';
import { intern, strValue } from '../objects/str';
import { tupleFromItems, tupleItem } from '../objects/tuple';
import { T, type Kwargs } from '../objects/types';
import { kwnamesFor, withKwnames } from '../abstract/kwargs';
import { pushFunctionEx } from './callex';
import { codeRt, type CodeRt } from './code';
import { dictMergeInto } from './kwmerge';
import { Owner, type Frame } from './frame';
import { frameClear } from './frameobj';
import type { Interpreter } from './interpreter';

/** What CALL did: a frame to run in the loop (a Python function), or the result pushed (`sp`). */
export interface CallResult {
  frame: Frame | null;
  sp: number;
  paused: boolean;
}

/** The code a function object runs. */
export const funcCode = (it: Interpreter, fn: number): CodeRt => functionData(it.vm, fn).code as CodeRt;

/**
 * PRECALL (generic): a bound method in the callable's slot with NULL below it is unpacked into
 * its function and self (the method object released: usually freed here).
 */
export function unpackBoundMethod(it: Interpreter, s: Int32Array, sp: number, oparg: number): void {
  const vm = it.vm;
  const fnIdx = sp - oparg - 1;
  const fn = s[fnIdx];
  if (vm.table.type[fn] !== T.Method) return;
  const meth = methodFunc(vm, fn);
  const self = methodSelf(vm, fn);
  vm.incref(meth);
  vm.incref(self);
  s[fnIdx] = self;
  s[fnIdx - 1] = meth;
  vm.decref(fn);
}

/**
 * CALL: stack `[NULL|meth, callable|self, args…]`. A Python function gets a frame on the data
 * stack that steals the arguments (_PyEvalFramePushAndInit) and runs in the same loop; anything
 * else is called through PyObject_Vectorcall, then the callable and the arguments are released
 * (the callable first).
 */
export function call(it: Interpreter, s: Int32Array, sp: number, oparg: number, kwnames: number): CallResult {
  const vm = it.vm;
  const r = it.callResult;
  r.frame = null;
  r.paused = false;
  let isMeth = s[sp - oparg - 2] !== 0;
  let fn = s[sp - oparg - 1];
  if (!isMeth && vm.table.type[fn] === T.Method) {
    unpackBoundMethod(it, s, sp, oparg);
    isMeth = true;
  }
  const total = oparg + (isMeth ? 1 : 0);
  fn = s[sp - total - 1];
  const nkw = kwnames === 0 ? 0 : vm.table.n[kwnames];
  const positional = total - nkw;
  const argsAt = sp - total;
  if (vm.table.type[fn] === T.Function && !isNativeFunction(vm, fn)) {
    const code = funcCode(it, fn);
    const locals = code.co.flags & CO_OPTIMIZED ? 0 : globalsOf(it, fn);
    // the frame steals the function and the arguments (also when the call fails)
    const below = argsAt - (isMeth ? 1 : 2);
    let frame: Frame;
    try {
      frame = pushFunction(it, fn, s, argsAt, positional, kwnames, locals);
    } catch (e) {
      s.fill(0, below, sp);
      throw e;
    }
    r.sp = below;
    r.frame = frame;
    return r;
  }
  if (fn === it.stepMarker) return stepMarker(it, s, sp, argsAt, total, isMeth);
  const args: number[] = new Array(positional);
  for (let i = 0; i < positional; i++) args[i] = s[argsAt + i];
  let kw: Kwargs | null = null;
  if (nkw > 0) {
    kw = withKwnames(new Map(), kwnames);
    for (let i = 0; i < nkw; i++) kw.set(strValue(vm, tupleItem(vm, kwnames, i)), s[argsAt + positional + i]);
  }
  let res = 0;
  let err: unknown = null;
  // a library function modelled in TypeScript whose frame takes the arguments (NativeCode.owned)
  const owned = nativeOwnedCall(vm, fn);
  // the generic CALL of a C FASTCALL function: PyObject_Vectorcall -> cfunction_vectorcall_FASTCALL*
  // (method_vectorcall_FASTCALL*) enters the recursion check that the specialized PRECALL skips
  const checked = it.genericCall && cFastcallDef(vm, fn) !== null;
  it.genericCall = true;
  try {
    // a failed check gives its unit back itself (_Py_CheckRecursiveCall)
    if (checked) enterRecursiveCall(vm, CALLING);
    try {
      // a tp_call that may push its Python callee's frame for this loop to run (runtime/deferred.ts)
      if (owned === null && mayDefer(vm, fn)) it.deferArmed = true;
      res = owned !== null ? owned(vm, fn, args, kw) : vectorcall(vm, fn, args, kw);
    } finally {
      if (checked && res !== DEFERRED) leaveRecursiveCall(vm);
    }
  } catch (e) {
    err = e;
  }
  it.deferArmed = false;
  if (res === DEFERRED && err === null) {
    if (checked) it.continueWith(LEAVE_RECURSIVE_CALL);
    return deferredCall(it, s, sp, argsAt, total, isMeth);
  }
  vm.decref(fn);
  if (owned === null) for (let i = 0; i < total; i++) vm.decref(s[argsAt + i]);
  if (err !== null) {
    // what was consumed is cleared, so the unwinding does not release it again
    s.fill(0, argsAt - (isMeth ? 1 : 2), sp);
    throw err;
  }
  sp = argsAt - (isMeth ? 1 : 2);
  s[sp++] = res;
  // the call may have re-entered the loop, which used this same result object; a thread that
  // blocked in it (threads.ts) pauses its frame here
  r.frame = null;
  r.paused = it.yielding;
  r.sp = sp;
  return r;
}

/** A C callable whose Python callee may run in the calling loop: a marked tp_call or built-in (runtime/deferred.ts). */
function mayDefer(vm: Vm, fn: number): boolean {
  if (vm.table.type[fn] === T.Builtin) return callDefers(builtinDef(vm, fn).impl);
  const vc = vectorcallOf(vm, fn);
  // a type's own vectorcall (list_vectorcall: list(map(f, xs))), else its tp_call
  return vc !== null ? callDefers(vc) : callDefers(vm.typeOf(fn).call!);
}

/**
 * CALL of a C callable that deferred its Python callee: the frame goes to the loop like a Python
 * call's, and CALL's own rest (the callable and the arguments released, in that order) is the
 * outermost continuation.
 */
function deferredCall(
  it: Interpreter,
  s: Int32Array,
  sp: number,
  argsAt: number,
  total: number,
  isMeth: boolean,
): CallResult {
  const frame = takeDeferred(it);
  const fn = s[argsAt - 1];
  const held = s.slice(argsAt, argsAt + total);
  const release = (vm: Vm): void => {
    vm.decref(fn);
    for (let i = 0; i < held.length; i++) vm.decref(held[i]);
  };
  (frame.conts ??= []).push({
    done: (vm, r) => {
      release(vm);
      return r;
    },
    fail: release,
  });
  const r = it.callResult;
  r.sp = argsAt - (isMeth ? 1 : 2);
  s.fill(0, r.sp, sp);
  r.frame = frame;
  return r;
}

/** __hw_step__(i): the recorder's marker between top-level statements: the run pauses here. */
function stepMarker(
  it: Interpreter,
  s: Int32Array,
  sp: number,
  argsAt: number,
  total: number,
  isMeth: boolean,
): CallResult {
  const vm = it.vm;
  it.stepReached = total > 0 ? vm.table.num[s[argsAt]] : -1;
  for (let i = 0; i < total; i++) vm.decref(s[argsAt + i]);
  sp = argsAt - (isMeth ? 1 : 2);
  s[sp++] = vm.s.None;
  const r = it.callResult;
  r.sp = sp;
  r.paused = true;
  return r;
}

const globalsOf = (it: Interpreter, fn: number): number => functionData(it.vm, fn).globals || it.globals;

/**
 * _PyEvalFramePushAndInit: a frame for the function (stolen) on the data stack, its locals
 * made from the arguments in `s` (stolen) by initialize_locals. On a bad call the frame is
 * cleared and popped and the TypeError raised.
 */
export function pushFunction(
  it: Interpreter,
  fn: number,
  s: Int32Array,
  argsAt: number,
  argcount: number,
  kwnames: number,
  locals: number,
): Frame {
  const code = funcCode(it, fn);
  const frame = it.thread.pushFrame(code, fn, globalsOf(it, fn), locals);
  if (locals !== 0) it.vm.incref(locals);
  try {
    initializeLocals(it, fn, frame, s, argsAt, argcount, kwnames);
  } catch (e) {
    clearAndPop(it, frame);
    throw e;
  }
  return frame;
}

/**
 * initialize_locals (ceval.c): positional arguments into the first slots, the rest into *args
 * (a tuple), keywords by name (or into **kwargs, a dict made first), then the defaults and the
 * keyword-only defaults; the TypeErrors for bad calls, worded as CPython words them.
 */
function initializeLocals(
  it: Interpreter,
  fn: number,
  frame: Frame,
  s: Int32Array,
  argsAt: number,
  argcount: number,
  kwnames: number,
): void {
  const vm = it.vm;
  const data = functionData(vm, fn);
  const co = frame.code.co;
  const L = frame.slots;
  const b = frame.base;
  const totalArgs = co.argcount + co.kwonlyargcount;
  let kwdict = 0;
  if (co.flags & CO_VARKEYWORDS) {
    kwdict = dictNew(vm);
    L[b + totalArgs + (co.flags & CO_VARARGS ? 1 : 0)] = kwdict;
  }
  const n = Math.min(argcount, co.argcount);
  for (let j = 0; j < n; j++) L[b + j] = s[argsAt + j];
  if (co.flags & CO_VARARGS) {
    L[b + totalArgs] =
      argcount === n ? vm.s.emptyTuple : tupleFromItems(vm, s.slice(argsAt + n, argsAt + argcount));
  } else if (argcount > n) for (let j = n; j < argcount; j++) vm.decref(s[argsAt + j]);
  if (kwnames !== 0) {
    const kwcount = vm.table.n[kwnames];
    for (let i = 0; i < kwcount; i++) {
      const keyword = tupleItem(vm, kwnames, i);
      const value = s[argsAt + argcount + i];
      const name = strValue(vm, keyword);
      let j = co.posonlyargcount;
      for (; j < totalArgs; j++) if (co.localsplusnames[j] === name) break;
      if (j >= totalArgs) {
        if (kwdict === 0) {
          for (let k = i; k < kwcount; k++) vm.decref(s[argsAt + argcount + k]);
          if (co.posonlyargcount && co.localsplusnames.slice(0, co.posonlyargcount).includes(name))
            throw typeError(
              vm,
              "%U() got some positional-only arguments passed as keyword arguments: '%U'",
              data.qualname,
              name,
            );
          throw typeError(vm, "%U() got an unexpected keyword argument '%S'", data.qualname, keyword);
        }
        try {
          dictSetItem(vm, kwdict, keyword, value);
        } finally {
          vm.decref(value);
        }
        continue;
      }
      if (L[b + j] !== 0) {
        for (let k = i; k < kwcount; k++) vm.decref(s[argsAt + argcount + k]);
        throw typeError(vm, "%U() got multiple values for argument '%S'", data.qualname, keyword);
      }
      L[b + j] = value;
    }
  }
  if (argcount > co.argcount && !(co.flags & CO_VARARGS)) throw tooManyPositional(it, data, frame, argcount);
  if (argcount < co.argcount) {
    const defaults = data.defaults;
    const defcount = defaults === 0 ? 0 : vm.table.n[defaults];
    const m = co.argcount - defcount;
    let missing = 0;
    for (let i = argcount; i < m; i++) if (L[b + i] === 0) missing++;
    if (missing) throw missingArguments(it, data, frame, 0, m, 'positional');
    for (let i = n > m ? n - m : 0; i < defcount; i++) {
      if (L[b + m + i] === 0) {
        const d = tupleItem(vm, defaults, i);
        vm.incref(d);
        L[b + m + i] = d;
      }
    }
  }
  if (co.kwonlyargcount > 0) {
    let missing = 0;
    for (let i = co.argcount; i < totalArgs; i++) {
      if (L[b + i] !== 0) continue;
      if (data.kwdefaults !== 0) {
        const d = dictGetItem(vm, data.kwdefaults, intern(vm, co.localsplusnames[i]));
        if (d !== 0) {
          vm.incref(d);
          L[b + i] = d;
          continue;
        }
      }
      missing++;
    }
    if (missing) throw missingArguments(it, data, frame, co.argcount, totalArgs, 'keyword-only');
  }
}

/** missing_arguments + format_missing: "f() missing 2 required positional arguments: 'a' and 'b'". */
function missingArguments(
  it: Interpreter,
  data: FunctionData,
  frame: Frame,
  start: number,
  end: number,
  kind: string,
): PyError {
  const names: string[] = [];
  for (let i = start; i < end; i++)
    if (frame.local(i) === 0) names.push(`'${frame.code.co.localsplusnames[i]}'`);
  const list =
    names.length === 1
      ? names[0]
      : names.length === 2
        ? `${names[0]} and ${names[1]}`
        : `${names.slice(0, -2).join(', ')}, ${names[names.length - 2]}, and ${names[names.length - 1]}`;
  return typeError(
    it.vm,
    '%U() missing %i required %s argument%s: %U',
    data.qualname,
    names.length,
    kind,
    names.length === 1 ? '' : 's',
    list,
  );
}

/** too_many_positional. */
function tooManyPositional(it: Interpreter, data: FunctionData, frame: Frame, given: number): PyError {
  const vm = it.vm;
  const co = frame.code.co;
  let kwonlyGiven = 0;
  for (let i = co.argcount; i < co.argcount + co.kwonlyargcount; i++) if (frame.local(i) !== 0) kwonlyGiven++;
  const defcount = data.defaults === 0 ? 0 : vm.table.n[data.defaults];
  const plural = defcount ? true : co.argcount !== 1;
  const sig = defcount ? `from ${co.argcount - defcount} to ${co.argcount}` : `${co.argcount}`;
  const kwSig = kwonlyGiven
    ? ` positional argument${given !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`
    : '';
  return typeError(
    vm,
    '%U() takes %U positional argument%s but %zd%U %s given',
    data.qualname,
    sig,
    plural ? 's' : '',
    given,
    kwSig,
    given === 1 && !kwonlyGiven ? 'was' : 'were',
  );
}

/** _PyEvalFrameClearAndPop: the frame cleared (its locals released in slot order), then popped. */
export function clearAndPop(it: Interpreter, frame: Frame): void {
  const t = it.thread;
  t.depth++;
  try {
    frameClear(it, frame);
  } finally {
    t.depth--;
    t.popFrame(frame);
  }
}

/**
 * _PyFunction_Vectorcall from C code (a key function, __init__ through type_call, a callback):
 * _PyEval_Vector takes new references to the borrowed arguments, runs the frame in a new entry
 * of the loop, then clears and pops it.
 */
export function callFromC(
  it: Interpreter,
  fn: number,
  args: readonly number[],
  kw: Kwargs | null,
  locals = 0,
): number {
  const nkw = kw === null ? 0 : kw.size;
  const scratch = it.scratch(args.length + nkw);
  let frame: Frame;
  try {
    frame = layOutFromC(it, fn, scratch, args, kw, nkw, locals);
  } finally {
    it.releaseScratch(scratch);
  }
  let r: number;
  try {
    r = it.run(frame);
  } catch (e) {
    // a simulator stop leaves everything as it is; a Python exception pops the frame
    if (!isStop(e) && frame.owner === Owner.Thread && frame.chunk >= 0) clearAndPop(it, frame);
    throw e;
  }
  if (frame.owner === Owner.Thread && frame.chunk >= 0) clearAndPop(it, frame);
  return r;
}

/** callFromC's new references to the arguments, laid out in `scratch`, and the frame pushed with them. */
export function layOutFromC(
  it: Interpreter,
  fn: number,
  scratch: Int32Array,
  args: readonly number[],
  kw: Kwargs | null,
  nkw: number,
  locals: number,
): Frame {
  const vm = it.vm;
  vm.incref(fn);
  for (let i = 0; i < args.length; i++) {
    vm.incref(args[i]);
    scratch[i] = args[i];
  }
  let kwnames = 0;
  if (kw !== null && nkw > 0) {
    let i = args.length;
    const names: number[] = [];
    for (const [k, v] of kw) {
      vm.incref(v);
      scratch[i++] = v;
      names.push(intern(vm, k));
    }
    // the caller's kwnames tuple (CALL's, or _PyStack_UnpackDict's); a map from JS code gets one
    kwnames = kwnamesFor(kw);
    if (kwnames !== 0 && vm.table.n[kwnames] === nkw) vm.incref(kwnames);
    else kwnames = tupleFromItems(vm, names);
  }
  try {
    return pushFunction(it, fn, scratch, 0, args.length, kwnames, locals);
  } finally {
    if (kwnames !== 0) vm.decref(kwnames);
  }
}

/**
 * A new thread's first frame (t_bootstrap's PyObject_Call of a Python function or of a bound
 * method of one), pushed on `it.thread`'s data stack with new references to the arguments; null
 * when the callable is not a Python function (the thread then calls it from C).
 */
export function callFromCFrame(
  it: Interpreter,
  fn: number,
  args: readonly number[],
  kw: Map<string, number> | null,
): Frame | null {
  const vm = it.vm;
  let self = 0;
  if (vm.table.type[fn] === T.Method && vm.table.type[methodFunc(vm, fn)] === T.Function) {
    self = methodSelf(vm, fn);
    fn = methodFunc(vm, fn);
  }
  if (vm.table.type[fn] !== T.Function) return null;
  const all = self !== 0 ? [self, ...args] : [...args];
  const names: number[] = [];
  if (kw !== null)
    for (const [k, v] of kw) {
      all.push(v);
      names.push(intern(vm, k));
    }
  const scratch = new Int32Array(all.length);
  vm.incref(fn);
  all.forEach((a, i) => {
    vm.incref(a);
    scratch[i] = a;
  });
  const kwnames = names.length ? tupleFromItems(vm, names) : 0;
  try {
    return pushFunction(it, fn, scratch, 0, all.length - names.length, kwnames, 0);
  } finally {
    if (kwnames !== 0) vm.decref(kwnames);
  }
}

/** Not a Python exception: a simulator stop (not supported, a budget) or an engine bug. */
export const isStop = (e: unknown): boolean => !(e instanceof PyError) || e.excType < 0;

/**
 * CALL_FUNCTION_EX: `f(*args, **kwargs)`. The arguments become a tuple (and a dict when they are
 * not one), then PyObject_Call: a Python function runs in a nested entry of the loop (3.11 does
 * not inline this call; 3.12+ push its frame here: `callExInline`, callex.ts). Func, the tuple and
 * the dict are released after the call.
 */
export function callFunctionEx(it: Interpreter, s: Int32Array, sp: number, oparg: number): CallResult {
  const vm = it.vm;
  const r = it.callResult;
  r.frame = null;
  r.paused = false;
  let kwargs = 0;
  if (oparg & 1) {
    kwargs = s[--sp];
    if (vm.table.type[kwargs] !== T.Dict) {
      const d = dictNew(vm);
      try {
        dictMergeInto(it, d, kwargs, s[sp - 2]);
      } catch (e) {
        vm.decref(d);
        vm.decref(kwargs);
        s[sp] = 0;
        throw e;
      }
      vm.decref(kwargs);
      kwargs = d;
    }
  }
  let callargs = s[--sp];
  const fn = s[sp - 1];
  if (vm.table.type[callargs] !== T.Tuple) {
    try {
      if (vm.typeOf(callargs).iter === null && !vm.typeOf(callargs).sequence?.item)
        throw typeError(
          vm,
          '%U argument after * must be an iterable, not %.200s',
          it.functionStr(fn),
          vm.typeOf(callargs).name,
        );
      const t = sequenceTuple(vm, callargs);
      vm.decref(callargs);
      callargs = t;
    } catch (e) {
      vm.decref(callargs);
      if (kwargs) vm.decref(kwargs);
      s[sp] = 0;
      s[sp + 1] = 0;
      throw e;
    }
  }
  if (vm.py.callExInline && vm.table.type[fn] === T.Function && !isNativeFunction(vm, fn)) {
    // 3.12+: the frame is pushed here and runs in this loop (callex.ts); the slots from the
    // NULL up are consumed, the callee's result lands in the NULL's
    const below = sp - 2;
    s.fill(0, below, sp + 2);
    r.frame = pushFunctionEx(it, fn, callargs, kwargs);
    r.sp = below;
    return r;
  }
  let res = 0;
  let err: unknown = null;
  try {
    res = callTuple(vm, fn, callargs, kwargs);
  } catch (e) {
    err = e;
  }
  vm.decref(fn);
  vm.decref(callargs);
  if (kwargs) vm.decref(kwargs);
  s[sp] = 0;
  s[sp + 1] = 0;
  sp -= 1; // func's slot; the NULL below it takes the result
  s[sp] = 0;
  s[sp - 1] = res;
  if (err !== null) throw err;
  r.frame = null;
  r.paused = false;
  r.sp = sp;
  return r;
}

/** MAKE_FUNCTION: PyFunction_New(code, globals), then closure, annotations, kwdefaults, defaults. */
export function makeFunction(it: Interpreter, f: Frame, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const codeObj = s[--sp];
  const code = codeRt(vm, codeObj);
  const fn = functionNew(vm, code, code.co.name, 0, 0, code.co.qualname);
  vm.decref(codeObj);
  const d = functionData(vm, fn);
  d.globals = f.globals;
  // a namespace other than the script's (exec/eval's dict) may die first: the function holds it
  if (f.globals !== it.globals) {
    vm.incref(f.globals);
    d.ownsGlobals = true;
  }
  if (oparg & 8) d.closure = s[--sp];
  if (oparg & 4) d.annotations = s[--sp];
  if (oparg & 2) d.kwdefaults = s[--sp];
  if (oparg & 1) d.defaults = s[--sp];
  s[sp++] = fn;
  return sp;
}

/** MAKE_CELL: the slot's value (an argument, or NULL) moves into a new cell. */
export function makeCell(it: Interpreter, s: Int32Array, i: number): void {
  const vm = it.vm;
  const initial = s[i];
  const cell = cellNew(vm, initial);
  s[i] = cell;
  if (initial !== 0) vm.decref(initial);
}

/** COPY_FREE_VARS: the function's closure cells into the last n slots. */
export function copyFreeVars(it: Interpreter, f: Frame, n: number): void {
  const vm = it.vm;
  const closure = functionData(vm, f.func).closure;
  const offset = f.code.co.nlocalsplus - n;
  for (let i = 0; i < n; i++) {
    const cell = tupleItem(vm, closure, i);
    vm.incref(cell);
    f.slots[f.base + offset + i] = cell;
  }
}

/** Is localsplus slot `i` of `code` a cell of one of its own arguments? (for MAKE_CELL's ordering) */
export const isArgCell = (code: CodeRt, i: number): boolean =>
  (code.co.localspluskinds[i] & CO_FAST_CELL) !== 0 && i < code.co.argcount;

// keep the raise helper in this module's vocabulary
void raiseFormat;
void E;
