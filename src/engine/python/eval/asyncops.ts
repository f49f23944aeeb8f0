import { PyError } from '../errors';
import { normalize, raiseString, typeError } from '../abstract/errors';
import { isIterator } from '../abstract/iter';
import { callDunder, hasDunder } from '../objects/heapslots';
import { excState, setCause } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { yieldFrom } from './generator';
import type { Interpreter } from './interpreter';
import { enterManager } from './specialops';
import { Reraise, errorFromInstance } from './unwind';

/**
 * The loop's side of coroutines (Python/ceval.c 3.11): GET_AWAITABLE, BEFORE_ASYNC_WITH, GET_AITER,
 * GET_ANEXT and END_ASYNC_FOR. A class's am_await / am_aiter / am_anext are its `__await__` /
 * `__aiter__` / `__anext__` (slot_am_*: lookup_maybe_method, called with the instance, no bound
 * method made); the interpreter's own awaitables (async generators' asend/athrow) define them too.
 */

/** gen_is_coroutine: a generator made by @types.coroutine (CO_ITERABLE_COROUTINE, 0x100). */
function isIterableCoroutine(it: Interpreter, o: number): boolean {
  const vm = it.vm;
  if (vm.table.type[o] !== T.Generator) return false;
  const d = vm.table.side[o] as { frame?: { code: { co: { flags: number } } } } | undefined;
  return d?.frame !== undefined && (d.frame.code.co.flags & 0x100) !== 0;
}

/**
 * _PyCoro_GetAwaitableIter: a coroutine is its own iterator; anything else goes through its
 * am_await (`__await__`), which must return an iterator that is not a coroutine. Returns a new
 * reference, or 0 when the type has no am_await (the caller raises).
 */
export function coroGetAwaitableIter(it: Interpreter, o: number): number {
  const vm = it.vm;
  if (vm.table.type[o] === it.coroutineType || isIterableCoroutine(it, o)) {
    vm.incref(o);
    return o;
  }
  if (!hasDunder(vm, o, '__await__')) return 0;
  const res = callDunder(vm, o, '__await__', []);
  if (vm.table.type[res] === it.coroutineType || isIterableCoroutine(it, res)) {
    vm.decref(res);
    throw typeError(vm, '__await__() returned a coroutine');
  }
  if (!isIterator(vm, res)) {
    const name = vm.typeOf(res).name;
    vm.decref(res);
    throw typeError(vm, "__await__() returned non-iterator of type '%.100s'", name);
  }
  return res;
}

/** GET_AWAITABLE(where): TOS replaced by its awaitable iterator; a coroutine already awaited is refused. */
export function getAwaitable(it: Interpreter, s: Int32Array, sp: number, where: number): void {
  const vm = it.vm;
  const iterable = s[sp - 1];
  s[sp - 1] = 0;
  let iter: number;
  try {
    iter = coroGetAwaitableIter(it, iterable);
    if (iter === 0) {
      const name = vm.typeOf(iterable).name;
      // format_awaitable_error: the `async with` forms name the method that gave the object
      if (where === 1)
        throw typeError(
          vm,
          "'async with' received an object from __aenter__ that does not implement __await__: %.100s",
          name,
        );
      if (where === 2)
        throw typeError(
          vm,
          "'async with' received an object from __aexit__ that does not implement __await__: %.100s",
          name,
        );
      throw typeError(vm, "object %.100s can't be used in 'await' expression", name);
    }
  } finally {
    vm.decref(iterable);
  }
  if (vm.table.type[iter] === it.coroutineType) {
    const yf = yieldFrom(vm, iter);
    if (yf !== 0) {
      vm.decref(yf);
      vm.decref(iter);
      throw raiseString(vm, E.RuntimeError, 'coroutine is being awaited already');
    }
  }
  s[sp - 1] = iter;
}

/** BEFORE_ASYNC_WITH: `__aexit__` kept in the manager's place, `__aenter__()` pushed (to be awaited). */
export function beforeAsyncWith(it: Interpreter, s: Int32Array, sp: number): number {
  return enterManager(it.vm, s, sp, '__aenter__', '__aexit__', 'the asynchronous context manager protocol');
}

/** GET_AITER: TOS replaced by its `__aiter__()`, which must have `__anext__`. */
export function getAiter(it: Interpreter, s: Int32Array, sp: number): void {
  const vm = it.vm;
  const obj = s[sp - 1];
  s[sp - 1] = 0;
  let iter: number;
  try {
    if (!hasDunder(vm, obj, '__aiter__'))
      throw typeError(
        vm,
        "'async for' requires an object with __aiter__ method, got %.100s",
        vm.typeOf(obj).name,
      );
    iter = callDunder(vm, obj, '__aiter__', []);
  } finally {
    vm.decref(obj);
  }
  if (!hasDunder(vm, iter, '__anext__')) {
    const name = vm.typeOf(iter).name;
    vm.decref(iter);
    throw typeError(
      vm,
      "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
      name,
    );
  }
  s[sp - 1] = iter;
}

/** GET_ANEXT: the awaitable of `__anext__()` pushed (an async generator's asend object as it is). */
export function getAnext(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const aiter = s[sp - 1];
  if (!hasDunder(vm, aiter, '__anext__'))
    throw typeError(
      vm,
      "'async for' requires an iterator with __anext__ method, got %.100s",
      vm.typeOf(aiter).name,
    );
  const next = callDunder(vm, aiter, '__anext__', []);
  if (vm.table.type[aiter] === it.asyncGenType) {
    s[sp++] = next;
    return sp;
  }
  let awaitable: number;
  try {
    awaitable = coroGetAwaitableIter(it, next);
    if (awaitable === 0)
      throw typeError(
        vm,
        "'async for' received an invalid object from __anext__: %.100s",
        vm.typeOf(next).name,
      );
  } catch (e) {
    const name = vm.typeOf(next).name;
    vm.decref(next);
    if (e instanceof PyError && e.excType >= 0 && !e.message.startsWith("'async for'"))
      throw chainFrom(vm, e, `'async for' received an invalid object from __anext__: ${name}`);
    throw e;
  }
  vm.decref(next);
  s[sp++] = awaitable;
  return sp;
}

/** _PyErr_FormatFromCause: a TypeError whose __cause__ (and __context__) is `err`. */
function chainFrom(vm: Vm, err: PyError, msg: string): PyError {
  normalize(vm, err);
  const cause = err.value;
  err.value = 0;
  if (err.traceback) vm.decref(err.traceback);
  err.traceback = 0;
  const e2 = raiseString(vm, E.TypeError, msg);
  normalize(vm, e2);
  vm.incref(cause);
  setCause(vm, e2.value, cause);
  const st = excState(vm, e2.value);
  if (st.context === 0) st.context = cause;
  else vm.decref(cause);
  return e2;
}

/**
 * END_ASYNC_FOR: the exception that ended the awaited `__anext__()`. StopAsyncIteration ends the
 * loop (the exception and the async iterator popped); anything else is raised again as it is
 * (`goto exception_unwind`: no new traceback entry).
 */
export function endAsyncFor(it: Interpreter, s: Int32Array, sp: number, offset: number): number {
  const vm = it.vm;
  const val = s[--sp];
  s[sp] = 0;
  if (vm.typeOf(val).mro.includes(E.StopAsyncIteration)) {
    vm.decref(val);
    const aiter = s[--sp];
    s[sp] = 0;
    vm.decref(aiter);
    return sp;
  }
  const probe = errorFromInstance(vm, val);
  vm.decref(val);
  throw new Reraise(probe, offset);
}
