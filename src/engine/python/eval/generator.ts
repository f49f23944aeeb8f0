import { PyError } from '../errors';
import { call } from '../abstract/call';
import {
  clearError,
  errorMatches,
  normalize,
  raiseString,
  setNone,
  setObject,
  typeError,
} from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { GEN_BASIC } from '../objects/genobject';
import { E } from '../objects/exctypes';
import { excState, setCause } from '../objects/exceptions';
import { selfIter } from '../objects/rangeobject';
import { intern } from '../objects/str';
import { Meth, T, TpFlags, defineType, type TypeSlots, type Visit } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { Frame, Owner } from './frame';
import { frameClear, frameObjectFor } from './frameobj';
import { isStop } from './calls';
import type { Interpreter } from './interpreter';
import { O } from './ops';

/** gi_frame_state (PyFrameState). */
export const enum GenState {
  Created = -2,
  Suspended = -1,
  Executing = 0,
  Completed = 1,
  Cleared = 4,
}

/** PySendResult. */
export const enum Send {
  Return = 0,
  Error = -1,
  Next = 1,
}

/**
 * A generator or coroutine object (Objects/genobject.c PyGenObject, 3.11): the frame lives in
 * it (gi_iframe: here the Frame with its own slot array), with gi_frame_state and its own
 * exc_info item (gi_exc_state), pushed on the thread's chain while it runs.
 */
export interface GenData {
  frame: Frame;
  state: GenState;
  /** gi_exc_state.exc_value: the exception the generator's code is handling (owned), or 0. */
  excValue: number;
  name: string;
  qualname: string;
  coroutine: boolean;
  /** An async generator (PyAsyncGenObject; its own fields: asyncgen.ts). */
  asyncGen?: boolean;
  it: Interpreter;
}

export const genData = (vm: Vm, g: number): GenData => vm.table.side[g] as GenData;

/**
 * _Py_MakeCoro (RETURN_GENERATOR): PyObject_GC_NewVar(PyGenObject, 16 + 152 + 8 per slot) and
 * the frame moved into it (_PyFrame_Copy: the locals, the stack and f_func go with it).
 */
export function makeGenerator(it: Interpreter, f: Frame, coroutine: boolean, asyncGen = false): number {
  const vm = it.vm;
  const co = f.code.co;
  const type = asyncGen ? it.asyncGenType : coroutine ? it.coroutineType : T.Generator;
  const g = vm.newGcObject(type, vm.py.sizes.genHeader + 8 * co.framesize);
  const n = co.nlocalsplus + co.stacksize;
  const slots = new Int32Array(n);
  slots.set(f.slots.subarray(f.base, f.sp));
  const gf = new Frame(f.code, slots, 0);
  gf.sp = f.sp - f.base;
  gf.ip = f.ip;
  gf.func = f.func;
  gf.globals = f.globals;
  gf.locals = f.locals;
  gf.owner = Owner.Generator;
  gf.isEntry = true;
  gf.gen = g;
  const fn = vm.table.side[f.func] as { name: string; qualname: string };
  vm.table.side[g] = {
    frame: gf,
    state: GenState.Created,
    excValue: 0,
    name: fn.name,
    qualname: fn.qualname,
    coroutine,
    asyncGen,
    it,
  } satisfies GenData;
  vm.gc.track(g);
  return g;
}

/**
 * gen_send_ex2: resume the generator's frame with `arg` pushed (0: NULL, as gen_iternext
 * passes) or with `exc` raised in it (throw/close): its exc_info item goes on the thread's
 * chain while it runs, the loop is entered (a new entry: this is how 3.11 resumes generators).
 * A finished frame is cleared at once. Returns [status, result].
 */
export function sendEx2(
  it: Interpreter,
  g: number,
  arg: number,
  exc: PyError | null,
  closing: boolean,
): [Send, number] {
  const vm = it.vm;
  const d = genData(vm, g);
  const f = d.frame;
  if (d.state === GenState.Created && arg !== 0 && arg !== vm.s.None && exc === null) {
    throw raiseString(vm, E.TypeError, `can't send non-None value to a just-started ${kindName(d)}`);
  }
  if (d.state === GenState.Executing) {
    throw raiseString(vm, E.ValueError, `${kindName(d)} already executing`);
  }
  if (d.state >= GenState.Completed) {
    if (d.coroutine && !closing) {
      if (exc !== null) clearError(vm, exc);
      throw raiseString(vm, E.RuntimeError, 'cannot reuse already awaited coroutine');
    }
    if (arg !== 0 && exc === null) return [Send.Return, vm.s.None];
    if (exc !== null) throw exc;
    return [Send.Error, 0];
  }
  const v = arg !== 0 ? arg : vm.s.None;
  vm.incref(v);
  f.slots[f.sp++] = v;
  const info = vm.thread.excInfo;
  info.push(d.excValue);
  d.excValue = 0;
  if (exc !== null) chainStackItem(vm, exc);
  d.state = GenState.Executing;
  let result = 0;
  let err: unknown = null;
  try {
    result = it.run(f, exc);
  } catch (e) {
    if (isStop(e)) throw e;
    err = e;
  }
  const state = d.state as GenState;
  if (state === GenState.Executing) d.state = GenState.Completed;
  d.excValue = info.pop()!;
  f.previous = null;
  if (err === null && state === GenState.Suspended) return [Send.Next, result];
  if (err !== null && err instanceof PyError && err.excType >= 0) {
    if (errorMatches(vm, err, E.StopIteration))
      err = fromCause(vm, err, `${kindName(d)} raised StopIteration`);
    else if (d.asyncGen && errorMatches(vm, err, E.StopAsyncIteration))
      err = fromCause(vm, err, 'async generator raised StopAsyncIteration');
  }
  // the generator can't be rerun: its exception state, then its frame, released
  clearExcState(vm, d);
  d.state = GenState.Cleared;
  frameClear(it, f);
  if (err !== null) throw err;
  return [Send.Return, result];
}

/** _PyErr_FormatFromCause: the new RuntimeError takes the StopIteration as __cause__ (and __context__). */
function fromCause(vm: Vm, err: PyError, msg: string): PyError {
  normalize(vm, err);
  const cause = err.value;
  err.value = 0;
  if (err.traceback) vm.decref(err.traceback);
  err.traceback = 0;
  const e2 = raiseString(vm, E.RuntimeError, msg);
  normalize(vm, e2);
  vm.incref(cause);
  setCause(vm, e2.value, cause);
  const st = excState(vm, e2.value);
  if (st.context === 0) st.context = cause;
  else vm.decref(cause);
  return e2;
}

/** _PyErr_ChainStackItem: a thrown exception takes the generator's handled exception as __context__. */
function chainStackItem(vm: Vm, exc: PyError): void {
  const handled = vm.thread.topmostException();
  if (handled === 0) return;
  normalize(vm, exc);
  if (exc.value === handled) return;
  const st = excState(vm, exc.value);
  vm.incref(handled);
  if (st.context !== 0) vm.decref(st.context);
  st.context = handled;
}

function clearExcState(vm: Vm, d: GenData): void {
  const v = d.excValue;
  d.excValue = 0;
  if (v !== 0) vm.decref(v);
}

const kindName = (d: GenData): string =>
  d.asyncGen ? 'async generator' : d.coroutine ? 'coroutine' : 'generator';

/** gen_iternext: the next value, or 0 at the end (StopIteration(value) set for a non-None return). */
export function genIterNext(it: Interpreter, g: number): number {
  const vm = it.vm;
  const [status, result] = sendEx2(it, g, 0, null, false);
  if (status === Send.Return) {
    if (result !== vm.s.None) {
      const err = stopIterationValue(vm, result);
      vm.decref(result);
      throw err;
    }
    vm.decref(result);
    return 0;
  }
  return result;
}

/**
 * _PyGen_SetStopIterationValue: StopIteration(value) set lazily, unless the value is a tuple or
 * an exception (then the instance is made now so it is not taken for the arguments).
 */
export function stopIterationValue(vm: Vm, value: number): PyError {
  if (vm.table.type[value] !== T.Tuple && !(vm.typeOf(value).flags & TpFlags.BaseExcSubclass))
    return setObject(vm, E.StopIteration, value);
  // PyObject_CallOneArg(PyExc_StopIteration, value): a tuple is the one argument, not the args
  const inst = call(vm, vm.types[E.StopIteration].typeObject, [value], null);
  const err = setObject(vm, E.StopIteration, inst);
  vm.decref(inst);
  normalize(vm, err);
  return err;
}

/** gen_send (generator.send): like next() but with a value; StopIteration at the end. */
export function genSend(it: Interpreter, g: number, arg: number): number {
  const vm = it.vm;
  const [status, result] = sendEx2(it, g, arg, null, false);
  if (status === Send.Return) {
    if (result === vm.s.None) {
      vm.decref(result);
      throw setNone(vm, E.StopIteration);
    }
    const err = stopIterationValue(vm, result);
    vm.decref(result);
    throw err;
  }
  return result;
}

/** _PyGen_yf: the sub-iterator of a `yield from` / `await` the generator is suspended in, or 0 (new ref). */
export function yieldFrom(vm: Vm, g: number): number {
  const d = genData(vm, g);
  if (d.state >= GenState.Cleared || d.state === GenState.Created) return 0;
  const f = d.frame;
  const next = f.code.co.code[f.ip];
  if ((next & 0xff) !== O.RESUME || next >> 8 < 2) return 0;
  const yf = f.slots[f.sp - 1];
  vm.incref(yf);
  return yf;
}

/** gen_close: GeneratorExit thrown in; a generator that yields again is a RuntimeError. */
export function genClose(it: Interpreter, g: number): number {
  const vm = it.vm;
  const yf = yieldFrom(vm, g);
  let closeErr: unknown = null;
  if (yf !== 0) {
    const d = genData(vm, g);
    const state = d.state;
    d.state = GenState.Executing;
    try {
      closeIter(it, yf);
    } catch (e) {
      closeErr = e;
    }
    d.state = state;
    vm.decref(yf);
  }
  const exc = closeErr instanceof PyError ? closeErr : setNone(vm, E.GeneratorExit);
  if (closeErr !== null && !(closeErr instanceof PyError)) throw closeErr;
  let retval: number;
  try {
    [, retval] = sendEx2(it, g, vm.s.None, exc, true);
  } catch (e) {
    if (
      e instanceof PyError &&
      (errorMatches(vm, e, E.StopIteration) || errorMatches(vm, e, E.GeneratorExit))
    ) {
      clearError(vm, e);
      return vm.s.None;
    }
    throw e;
  }
  vm.decref(retval);
  throw raiseString(vm, E.RuntimeError, `${kindName(genData(vm, g))} ignored GeneratorExit`);
}

/** gen_close_iter: close() of a sub-iterator (a generator's own close, or its close method). */
function closeIter(it: Interpreter, yf: number): void {
  const vm = it.vm;
  if (vm.table.type[yf] === T.Generator || vm.table.type[yf] === it.coroutineType) {
    vm.decref(genClose(it, yf));
    return;
  }
  const close = it.lookupAttr(yf, 'close');
  if (close === 0) return;
  try {
    vm.decref(it.callObject(close, []));
  } finally {
    vm.decref(close);
  }
}

/** _PyGen_Finalize (from gen_dealloc): a suspended generator is closed; errors are unraisable. */
function finalize(it: Interpreter, g: number): void {
  const vm = it.vm;
  const d = genData(vm, g);
  if (d.state >= GenState.Completed) return;
  if (d.coroutine && d.state === GenState.Created) return; // "coroutine was never awaited" (a warning)
  try {
    vm.decref(genClose(it, g));
  } catch (e) {
    if (!(e instanceof PyError) || e.excType < 0) throw e;
    it.writeUnraisable(e, `Exception ignored in: <${kindName(d)} object ${d.qualname}>`);
  }
}

/** gen_dealloc: finalized (closed), then the frame cleared, the exception state, the object freed. */
export function genDealloc(vm: Vm, g: number): void {
  const d = genData(vm, g);
  vm.gc.untrack(g);
  vm.gc.track(g);
  vm.incref(g); // the finalizer runs on a live object (PyObject_CallFinalizerFromDealloc)
  finalize(d.it, g);
  if (--vm.table.refcnt[g] !== 0) return; // resurrected
  vm.gc.untrack(g);
  if (d.state < GenState.Cleared) {
    d.state = GenState.Cleared;
    d.frame.previous = null;
    frameClear(d.it, d.frame);
  }
  clearExcState(vm, d);
  vm.gcDel(g);
}

/** gen_traverse → _PyFrame_Traverse of a suspended frame (a running one shows only its specials). */
export function genTraverse(vm: Vm, g: number, visit: Visit): void {
  const d = genData(vm, g);
  if (d.state >= GenState.Cleared) return;
  const f = d.frame;
  if (f.frameObj) visit(f.frameObj);
  if (f.locals) visit(f.locals);
  if (f.func) visit(f.func);
  if (d.state !== GenState.Executing)
    for (let i = f.base; i < f.sp; i++) if (f.slots[i] !== 0) visit(f.slots[i]);
  if (d.excValue) visit(d.excValue);
}

function throwImpl(it: Interpreter, g: number, args: readonly number[]): number {
  const vm = it.vm;
  if (args.length < 1 || args.length > 3)
    throw typeError(vm, 'throw expected at least 1 argument, got %zd', args.length);
  return genThrow(it, g, args[0], args[1] ?? 0, args[2] ?? 0);
}

/**
 * _gen_throw: with a sub-iterator (the generator suspended in `yield from` / `await`), the
 * exception goes to it first (a generator or coroutine through its own _gen_throw, anything else
 * through its throw() method); GeneratorExit closes it instead. When the sub-iterator finishes,
 * it is popped, the frame jumps past its SEND loop and the generator is resumed with its value.
 * Without one, the exception made from (typ, val, tb) is raised in the frame.
 */
export function genThrow(
  it: Interpreter,
  g: number,
  typ: number,
  val: number,
  tb: number,
  closeOnGenExit = true,
): number {
  const vm = it.vm;
  const yf = yieldFrom(vm, g);
  if (yf !== 0) {
    const d = genData(vm, g);
    const state = d.state;
    if (typ === vm.types[E.GeneratorExit].typeObject && closeOnGenExit) {
      d.state = GenState.Executing;
      let closeErr: unknown = null;
      try {
        closeIter(it, yf);
      } catch (e) {
        closeErr = e;
      }
      d.state = state;
      vm.decref(yf);
      if (closeErr !== null) {
        if (!(closeErr instanceof PyError) || closeErr.excType < 0) throw closeErr;
        return finishThrow(it, g, sendEx2(it, g, vm.s.None, closeErr, false));
      }
      return throwHere(it, g, typ, val, tb);
    }
    let ret = 0;
    let err: unknown = null;
    d.state = GenState.Executing;
    try {
      const t = vm.table.type[yf];
      if (t === T.Generator || t === it.coroutineType || t === it.asyncGenType) {
        ret = genThrow(it, yf, typ, val, tb, closeOnGenExit);
      } else {
        const meth = it.lookupAttr(yf, 'throw');
        if (meth === 0) {
          d.state = state;
          vm.decref(yf);
          return throwHere(it, g, typ, val, tb);
        }
        try {
          const args = [typ];
          if (val !== 0 || tb !== 0) args.push(val || vm.s.None);
          if (tb !== 0) args.push(tb);
          ret = it.callObject(meth, args);
        } finally {
          vm.decref(meth);
        }
      }
    } catch (e) {
      err = e;
    }
    d.state = state;
    vm.decref(yf);
    if (err === null) return ret;
    if (!(err instanceof PyError) || err.excType < 0 || !errorMatches(vm, err, E.StopIteration)) {
      // the sub-iterator's error is raised in this frame, at its SEND loop
      if (!(err instanceof PyError) || err.excType < 0) throw err;
      return finishThrow(it, g, sendEx2(it, g, vm.s.None, err, false));
    }
    // the sub-iterator returned: pop it, jump past the SEND loop, resume with its value
    const f = d.frame;
    const sub = f.slots[--f.sp];
    f.slots[f.sp] = 0;
    vm.decref(sub);
    const sendWord = f.code.co.code[f.ip - 2];
    f.ip = f.ip - 1 + (sendWord >> 8);
    const value = fetchValue(vm, err);
    try {
      return genSend(it, g, value);
    } finally {
      vm.decref(value);
    }
  }
  return throwHere(it, g, typ, val, tb);
}

/** _PyGen_FetchStopIterationValue (the generator's copy: genops.ts has the loop's). */
function fetchValue(vm: Vm, e: PyError): number {
  let value: number;
  if (e.normalized) value = excState(vm, e.value).fields.value || vm.s.None;
  else value = e.value !== 0 ? e.value : vm.s.None;
  vm.incref(value);
  clearError(vm, e);
  return value;
}

/** `throw_here:` the exception made from (typ, val, tb) raised in the frame. */
function throwHere(it: Interpreter, g: number, typ: number, val: number, tb: number): number {
  const exc = it.exceptionFrom(typ, val, tb);
  return finishThrow(it, g, sendEx2(it, g, it.vm.s.None, exc, false));
}

/** gen_send_ex's ending for throw(): a returned value becomes StopIteration(value). */
function finishThrow(it: Interpreter, g: number, [status, result]: [Send, number]): number {
  const vm = it.vm;
  if (status === Send.Return) {
    if (result === vm.s.None) {
      vm.decref(result);
      throw setNone(vm, asyncGenReturn(vm, g) ? E.StopAsyncIteration : E.StopIteration);
    }
    const err = stopIterationValue(vm, result);
    vm.decref(result);
    throw err;
  }
  return result;
}

/** An async generator's frame that returned ends with StopAsyncIteration (gen_send_ex). */
const asyncGenReturn = (vm: Vm, g: number): boolean => genData(vm, g).asyncGen === true;

const method = (
  name: string,
  flags: number,
  impl: (it: Interpreter, g: number, a: readonly number[]) => number,
) => ({
  name,
  flags,
  qualname: `generator.${name}`,
  impl: (vm: Vm, g: number, a: readonly number[]) => impl(genData(vm, g).it, g, a),
});

/**
 * gen_sizeof: up to gi_iframe, the frame's specials, then co_nlocalsplus + co_stacksize words
 * (3.11.7 with the GC head: a bare `yield 1` 176, a genexpr over a list 200, `w.upper()` 208).
 */
export const genSizeof = (vm: Vm, g: number): number =>
  vm.py.sizes.genHeader + 8 * genData(vm, g).frame.code.co.framesize;

/** The generator / coroutine type tables (PyGen_Type, PyCoro_Type). */
export function generatorType(id: number, coroutine: boolean): TypeSlots {
  const kind = coroutine ? 'coroutine' : 'generator';
  return defineType({
    id,
    name: kind,
    basicsize: GEN_BASIC + 72,
    itemsize: 8,
    flags: TpFlags.HaveGc,
    dealloc: genDealloc,
    traverse: genTraverse,
    sizeof: genSizeof,
    reprText: (vm, g) => `<${kind} object ${genData(vm, g).qualname} at 0x${vm.id(g).toString(16)}>`,
    repr: (vm, g) => unicodeFromFormat(vm, `<${kind} object %S at %p>`, [genData(vm, g).qualname, vm.id(g)]),
    iter: coroutine ? null : selfIter,
    iternext: coroutine ? null : (vm, g) => genIterNext(genData(vm, g).it, g),
    methods: {
      send: method('send', Meth.O, (it, g, a) => genSend(it, g, a[0])),
      throw: method('throw', Meth.Fastcall, throwImpl),
      close: method('close', Meth.NoArgs, (it, g) => genClose(it, g)),
    },
    getset: {
      __name__: { name: '__name__', get: (vm, g) => intern(vm, genData(vm, g).name) },
      __qualname__: { name: '__qualname__', get: (vm, g) => intern(vm, genData(vm, g).qualname) },
      [coroutine ? 'cr_running' : 'gi_running']: {
        name: coroutine ? 'cr_running' : 'gi_running',
        get: (vm, g) => vm.s.bool(genData(vm, g).state === GenState.Executing),
      },
      [coroutine ? 'cr_suspended' : 'gi_suspended']: {
        name: coroutine ? 'cr_suspended' : 'gi_suspended',
        get: (vm, g) => vm.s.bool(genData(vm, g).state === GenState.Suspended),
      },
      [coroutine ? 'cr_frame' : 'gi_frame']: {
        name: coroutine ? 'cr_frame' : 'gi_frame',
        get: (vm, g) => {
          const d = genData(vm, g);
          if (d.state >= GenState.Cleared) return vm.s.None;
          const fo = frameObjectFor(d.it, d.frame);
          vm.incref(fo);
          return fo;
        },
      },
      [coroutine ? 'cr_code' : 'gi_code']: {
        name: coroutine ? 'cr_code' : 'gi_code',
        get: (vm, g) => genData(vm, g).frame.code.handle,
      },
      [coroutine ? 'cr_await' : 'gi_yieldfrom']: {
        name: coroutine ? 'cr_await' : 'gi_yieldfrom',
        get: (vm, g) => yieldFrom(vm, g) || vm.s.None,
      },
    },
  });
}
