import { PyError } from '../errors';
import { catchException, doRaise, raiseString, tracebackHere, typeError } from '../abstract/errors';
import { findHandler } from '../compiler/code';
import { isExceptionClass } from '../objects/excgroup';
import { excState, exceptionText } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { fromLong } from '../objects/int';
import { tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { clearAndPop } from './calls';
import { failToC } from './deferredcalls';
import { isStopIteration } from './genops';
import type { Frame } from './frame';
import { frameObjectFor } from './frameobj';
import type { Interpreter } from './interpreter';

/**
 * Raising and catching in the loop (ceval.c `error:`, `exception_unwind:`, `exit_unwind:`,
 * RAISE_VARARGS, RERAISE, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH).
 */

/**
 * RERAISE / a bare `raise`: the exception goes straight to exception_unwind (no new traceback
 * entry), looked up from the instruction at `offset`, with frame->prev_instr set to `lasti`.
 */
export class Reraise {
  constructor(
    readonly err: PyError,
    readonly offset: number,
  ) {}
}

/** A carrier for an exception instance being raised again (_PyErr_Restore with its traceback). */
export function errorFromInstance(vm: Vm, exc: number): PyError {
  const err = PyError.raised(vm.table.type[exc], vm.typeOf(exc).name, exceptionText(vm, exc));
  vm.incref(exc);
  err.value = exc;
  err.normalized = true;
  const tb = excState(vm, exc).traceback;
  if (tb !== 0) vm.incref(tb);
  err.traceback = tb;
  return err;
}

/**
 * `error:` then `exception_unwind:` for the frame `f` (its ip and sp saved): a traceback entry
 * for the frame (its frame object made on first need), the handler looked up in the exception
 * table; found, the stack is cut to the handler's depth, lasti pushed if the entry says so, the
 * exception (normalized, its __traceback__ set) pushed, and `f` continues at the handler. Not
 * found, the stack is released and the frame left (`exit_unwind:`); the caller frame gets the
 * error in turn, until the entry frame, out of which the error is thrown.
 */
export function handle(it: Interpreter, f: Frame, e: unknown): Frame {
  const vm = it.vm;
  const t = it.thread;
  let skipTraceback = false;
  let offset = f.ip - 1;
  if (e instanceof Reraise) {
    skipTraceback = true;
    offset = e.offset;
    e = e.err;
  }
  for (;;) {
    if (!(e instanceof PyError) || e.excType < 0) {
      // a simulator stop (not supported, the time or event budget) or an engine bug: no Python
      // code may catch it, and the run is over: the frames are left as they are (releasing
      // them now would show allocator events after the stop)
      abandon(it, f);
      throw e;
    }
    const err = e;
    if (!skipTraceback && !f.incomplete) {
      const fo = frameObjectFor(it, f);
      tracebackHere(vm, err, fo, 2 * (f.ip - 1), f.line);
    }
    skipTraceback = false;
    const h = findHandler(f.code.co, offset);
    const stackBase = f.base + f.code.co.nlocalsplus;
    if (h >= 0) {
      const tab = f.code.co.exceptionTable;
      const target = tab[h * 5 + 2];
      const depth = tab[h * 5 + 3];
      const pushLasti = tab[h * 5 + 4];
      const s = f.slots;
      let sp = f.sp;
      while (sp > stackBase + depth) {
        const v = s[--sp];
        if (v !== 0) vm.decref(v);
      }
      if (pushLasti) s[sp++] = fromLong(vm, f.ip - 1);
      s[sp++] = catchException(vm, err);
      f.sp = sp;
      f.ip = target;
      return f;
    }
    releaseStack(it, f, stackBase);
    t.leaveRecursive();
    if (f.isEntry) {
      t.current = f.previous;
      throw err;
    }
    const dying = f;
    f = dying.previous!;
    t.current = f;
    // a frame C code deferred: the C layers clean up as the error passes them (deferredcalls.ts)
    if (dying.conts === null) clearAndPop(it, dying);
    else {
      failToC(it, dying);
      // FOR_ITER waited for map's function: its StopIteration ends the loop, as FOR_ITER clears it
      if (dying.forIterJump >= 0 && isStopIteration(it, err)) {
        const iter = f.slots[--f.sp];
        f.slots[f.sp] = 0;
        vm.decref(iter);
        f.ip += dying.forIterJump;
        return f;
      }
    }
    offset = f.ip - 1;
  }
}

function releaseStack(it: Interpreter, f: Frame, stackBase: number): void {
  const s = f.slots;
  while (f.sp > stackBase) {
    const v = s[--f.sp];
    s[f.sp] = 0;
    if (v !== 0) it.vm.decref(v);
  }
}

/** An uncatchable stop: this loop invocation's frames are unlinked (not released) up to its entry frame. */
function abandon(it: Interpreter, f: Frame): void {
  const t = it.thread;
  for (;;) {
    t.leaveRecursive();
    if (f.isEntry) {
      t.current = f.previous;
      return;
    }
    f = f.previous!;
    t.current = f;
  }
}

/** start_frame failed for an entry frame (the recursion limit): exit_unwind at once. */
export function exitEntry(it: Interpreter, f: Frame, e: unknown): never {
  it.thread.leaveRecursive();
  it.thread.current = f.previous;
  throw e;
}

/** PUSH_EXC_INFO: the previously handled exception goes under the new one, which becomes exc_info's. */
export function pushExcInfo(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const info = vm.thread.excInfo;
  const top = info.length - 1;
  const value = s[sp - 1];
  const prev = info[top];
  s[sp - 1] = prev !== 0 ? prev : vm.s.None;
  vm.incref(value);
  s[sp++] = value;
  info[top] = value;
  return sp;
}

/** POP_EXCEPT: exc_info gets back the exception from under the handler's; the handled one is released. */
export function popExcept(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const info = vm.thread.excInfo;
  const top = info.length - 1;
  const value = info[top];
  const restored = s[--sp];
  info[top] = restored === vm.s.None ? 0 : restored;
  if (value !== 0) vm.decref(value);
  return sp;
}

/** CHECK_EXC_MATCH: PyErr_GivenExceptionMatches, after check_except_type_valid. */
export function checkExcMatch(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const right = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  const left = s[sp - 1];
  let match: boolean;
  try {
    checkExceptTypeValid(vm, right);
    match = givenExceptionMatches(vm, left, right);
  } finally {
    vm.decref(right);
  }
  s[sp++] = match ? vm.s.True : vm.s.False;
  return sp;
}

/** check_except_type_valid: only exception classes (or tuples of them) may be caught. */
export function checkExceptTypeValid(vm: Vm, right: number): void {
  const bad = 'catching classes that do not inherit from BaseException is not allowed';
  if (vm.table.type[right] === T.Tuple) {
    for (let i = 0; i < vm.table.n[right]; i++)
      if (!isExceptionClass(vm, tupleItem(vm, right, i))) throw typeError(vm, bad);
  } else if (!isExceptionClass(vm, right)) throw typeError(vm, bad);
}

/** PyErr_GivenExceptionMatches: the instance's class is a subclass of `cls` (or of one in a tuple). */
export function givenExceptionMatches(vm: Vm, exc: number, cls: number): boolean {
  if (vm.table.type[cls] === T.Tuple) {
    for (let i = 0; i < vm.table.n[cls]; i++)
      if (givenExceptionMatches(vm, exc, tupleItem(vm, cls, i))) return true;
    return false;
  }
  return vm.typeOf(exc).mro.includes(vm.slotsOf(cls).id);
}

/**
 * RAISE_VARARGS: `raise` (the handled exception again, straight to exception_unwind), `raise X`
 * and `raise X from Y` (do_raise: a class is called, the cause set; then `error:`).
 */
export function raiseVarargs(it: Interpreter, f: Frame, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const cause = n === 2 ? s[--sp] : 0;
  const exc = n >= 1 ? s[--sp] : 0;
  s.fill(0, sp, sp + n); // do_raise consumes them
  if (exc === 0) {
    const handled = vm.thread.topmostException();
    if (handled === 0) throw raiseString(vm, E.RuntimeError, 'No active exception to reraise');
    throw new Reraise(errorFromInstance(vm, handled), f.ip - 1);
  }
  try {
    throw doRaise(vm, exc, cause);
  } finally {
    vm.decref(exc);
    if (cause !== 0) vm.decref(cause);
  }
}

/** RERAISE n: re-raise the exception on top; with n, frame->prev_instr comes back from the lasti below. */
export function reraise(it: Interpreter, f: Frame, s: Int32Array, sp: number, n: number): never {
  const vm = it.vm;
  const offset = f.ip - 1;
  if (n !== 0) {
    const lasti = s[sp - 1 - n];
    f.ip = vm.table.num[lasti] + 1;
  }
  const val = s[sp - 1];
  s[sp - 1] = 0;
  const err = errorFromInstance(vm, val);
  vm.decref(val);
  throw new Reraise(err, offset);
}
