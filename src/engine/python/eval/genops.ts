import { PyError } from '../errors';
import { callMethod } from '../abstract/call';
import { clearError, errorMatches, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { T } from '../objects/types';
import { CO_ASYNC_GENERATOR, CO_COROUTINE } from '../compiler/code';
import type { Frame } from './frame';
import { GenState, Send, genData, genIterNext, makeGenerator, sendEx2 } from './generator';
import type { Interpreter } from './interpreter';

/** The loop's side of generators: RETURN_GENERATOR, YIELD_VALUE, GET_YIELD_FROM_ITER, SEND, FOR_ITER. */

/**
 * RETURN_GENERATOR: the generator object takes the frame; the thread's frame is popped without
 * being cleared (its references moved). An entry frame (called from C code) stays for its
 * caller to pop, emptied but still holding f_func, as ceval leaves it.
 */
export function returnGenerator(it: Interpreter, f: Frame): number {
  const vm = it.vm;
  const flags = f.code.co.flags;
  const g = makeGenerator(it, f, (flags & CO_COROUTINE) !== 0, (flags & CO_ASYNC_GENERATOR) !== 0);
  if (f.isEntry) {
    f.slots.fill(0, f.base, f.sp);
    f.sp = f.base;
    f.locals = 0;
    vm.incref(f.func);
  } else {
    f.func = 0;
    f.locals = 0;
    it.thread.popFrame(f);
  }
  return g;
}

/** YIELD_VALUE: the generator's frame is suspended (the loop returns the value to gen_send_ex2). */
export function suspend(it: Interpreter, f: Frame): void {
  if (f.gen !== 0) genData(it.vm, f.gen).state = GenState.Suspended;
}

/** FOR_ITER over a generator: gen_iternext; a returned value's StopIteration is cleared by FOR_ITER. */
export function iterNextGen(it: Interpreter, g: number): number {
  try {
    return genIterNext(it, g);
  } catch (e) {
    if (isStopIteration(it, e)) return 0;
    throw e;
  }
}

/**
 * FOR_ITER's end by error: a StopIteration (out of a generator, or out of the Python function a
 * built-in iterator called: map_next) is cleared and ends the loop; whether `e` was one.
 */
export function isStopIteration(it: Interpreter, e: unknown): boolean {
  if (!(e instanceof PyError && errorMatches(it.vm, e, E.StopIteration))) return false;
  clearError(it.vm, e);
  return true;
}
export { iterNextGen as iterNext };

/** GET_YIELD_FROM_ITER: a generator stays; a coroutine only in a coroutine; anything else iter(). */
export function getYieldFromIter(it: Interpreter, f: Frame, s: Int32Array, sp: number): void {
  const vm = it.vm;
  const iterable = s[sp - 1];
  const type = vm.table.type[iterable];
  if (type === it.coroutineType) {
    if (!(f.code.co.flags & (CO_COROUTINE | 0x100))) {
      vm.decref(iterable);
      s[sp - 1] = 0;
      throw typeError(vm, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return;
  }
  if (type === T.Generator) return;
  s[sp - 1] = 0;
  try {
    s[sp - 1] = getIter(vm, iterable);
  } finally {
    vm.decref(iterable);
  }
}

/**
 * SEND: PyIter_Send(receiver, v). A value yielded by the sub-iterator is pushed (returns the new
 * top); when it returns, its value replaces the receiver and the loop jumps (returns -(top) - 1).
 */
export function send(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const v = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  const receiver = s[sp - 1];
  let status: Send;
  let retval: number;
  try {
    [status, retval] = pyIterSend(it, receiver, v);
  } finally {
    vm.decref(v);
  }
  if (status === Send.Return) {
    vm.decref(receiver);
    s[sp - 1] = retval;
    return -sp - 1;
  }
  s[sp++] = retval;
  return sp;
}

/**
 * PyIter_Send: a generator or coroutine through gen_send_ex2; an iterator sent None through
 * tp_iternext (its StopIteration value fetched); anything else through its send() method.
 */
function pyIterSend(it: Interpreter, iter: number, arg: number): [Send, number] {
  const vm = it.vm;
  const type = vm.table.type[iter];
  if (type === T.Generator || type === it.coroutineType) {
    const [status, result] = sendEx2(it, iter, arg, null, false);
    return [status, result];
  }
  try {
    if (arg === vm.s.None && vm.typeOf(iter).iternext !== null) {
      const r = iterNext(vm, iter);
      if (r !== 0) return [Send.Next, r];
      vm.incref(vm.s.None);
      return [Send.Return, vm.s.None];
    }
    return [Send.Next, callMethod(vm, iter, 'send', [arg])];
  } catch (e) {
    if (e instanceof PyError && errorMatches(vm, e, E.StopIteration))
      return [Send.Return, fetchStopIterationValue(it, e)];
    throw e;
  }
}

/** _PyGen_FetchStopIterationValue: the value of a StopIteration being raised (None when it has none). */
export function fetchStopIterationValue(it: Interpreter, e: PyError): number {
  const vm = it.vm;
  let value: number;
  if (e.normalized) {
    value = excState(vm, e.value).fields.value || vm.s.None;
    vm.incref(value);
  } else {
    value = e.value !== 0 ? e.value : vm.s.None;
    vm.incref(value);
  }
  clearError(vm, e);
  return value;
}
