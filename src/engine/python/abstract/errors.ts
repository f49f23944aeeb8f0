import { PyError } from '../errors';
import { exceptionText, setCause, setContext, setTraceback } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { strNew, strValue } from '../objects/str';
import { tracebackNew } from '../objects/traceback';
import { tupleFromItems } from '../objects/tuple';
import { T, TpFlags } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { call, callTuple } from './call';
import { unicodeFromFormat, type FormatArg } from './fromformat';

/**
 * Raising, as CPython's C code raises (Python/errors.c). Each function returns the PyError to
 * throw (`throw raiseString(vm, E.ValueError, '...')`), with the value objects made when CPython
 * makes them: PyErr_SetString's str at once, PyErr_Format's str through the writer (its
 * over-allocated buffer, the reprs it formats, the final resize), _PyErr_SetKeyError's 1-tuple.
 * The exception instance is made later, at normalization, unless an exception is being handled
 * (then _PyErr_SetObject normalizes at once to chain it as __context__); from 3.12 _PyErr_SetObject
 * always makes it at once (vm.py.exceptions 'eager').
 */

/** _PyErr_SetObject(type, value): `value` is borrowed (0 = none). */
export function setObject(vm: Vm, type: number, value: number, message?: string): PyError {
  const slots = vm.types[type];
  const err = PyError.raised(type, qualifiedName(slots.module, slots.name), message ?? messageOf(vm, value));
  if (value !== 0) vm.incref(value);
  err.value = value;
  const handled = vm.thread.topmostException();
  if (handled === 0 && vm.py.exceptions === 'eager') normalize(vm, err);
  if (handled !== 0) {
    // Implicit exception chaining: the new exception is normalized now to take __context__.
    normalize(vm, err);
    if (err.value !== handled) {
      vm.incref(handled);
      setContext(vm, err.value, handled);
    }
  }
  return err;
}

/** PyErr_SetNone. */
export function setNone(vm: Vm, type: number): PyError {
  return setObject(vm, type, 0, '');
}

/** PyErr_SetString: the message str is made now (PyUnicode_FromString). */
export function raiseString(vm: Vm, type: number, message: string): PyError {
  const s = strNew(vm, message);
  const err = setObject(vm, type, s, message);
  vm.decref(s);
  return err;
}

/** PyErr_Format: the message through PyUnicode_FromFormatV (see fromformat.ts). */
export function raiseFormat(vm: Vm, type: number, fmt: string, ...args: FormatArg[]): PyError {
  const s = unicodeFromFormat(vm, fmt, args);
  const err = setObject(vm, type, s, strValue(vm, s));
  vm.decref(s);
  return err;
}

/** _PyErr_SetKeyError: the key in a 1-tuple, so a tuple key is not taken for the args. */
export function setKeyError(vm: Vm, key: number, keyRepr: string): PyError {
  vm.incref(key);
  const tup = tupleFromItems(vm, [key]);
  const err = setObject(vm, E.KeyError, tup, keyRepr);
  vm.decref(tup);
  return err;
}

/** The common TypeError / ValueError / IndexError of C code: PyErr_Format with a fixed message. */
export const typeError = (vm: Vm, fmt: string, ...args: FormatArg[]): PyError =>
  raiseFormat(vm, E.TypeError, fmt, ...args);
export const valueError = (vm: Vm, fmt: string, ...args: FormatArg[]): PyError =>
  raiseFormat(vm, E.ValueError, fmt, ...args);
export const indexError = (vm: Vm, message: string): PyError => raiseString(vm, E.IndexError, message);
export const overflowError = (vm: Vm, message: string): PyError => raiseString(vm, E.OverflowError, message);
export const zeroDivision = (vm: Vm, message = 'division by zero'): PyError =>
  raiseString(vm, E.ZeroDivisionError, message);

/** AttributeError as PyObject_GenericGetAttr words it: "'list' object has no attribute 'push'". */
export function attributeError(vm: Vm, typeName: string, attr: string): PyError {
  return raiseFormat(vm, E.AttributeError, "'%.100s' object has no attribute '%U'", typeName, attr);
}

/**
 * RAISE_VARARGS (do_raise): `raise X` with X a class (called with no arguments) or an instance,
 * and `from Y` (a class is called, None clears the cause): the instance is set at once, so it is
 * normalized and chained. Returns the error to throw. `exc` and `cause` are borrowed (0: none).
 */
export function doRaise(vm: Vm, exc: number, cause: number): PyError {
  const inst = exceptionInstance(vm, exc, 'exceptions must derive from BaseException');
  if (cause !== 0) {
    const fixed =
      cause === vm.s.None
        ? 0
        : exceptionInstance(vm, cause, 'exception causes must derive from BaseException');
    setCause(vm, inst, fixed);
  }
  const err = setObject(vm, vm.table.type[inst], inst);
  vm.decref(inst);
  return err;
}

/** An exception instance for `raise X`: a new reference (a class is instantiated with no arguments). */
function exceptionInstance(vm: Vm, x: number, message: string): number {
  const type = vm.typeOf(x);
  if (type.flags & TpFlags.BaseExcSubclass) {
    vm.incref(x);
    return x;
  }
  if (type.mro.includes(T.Type) && vm.slotsOf(x).flags & TpFlags.BaseExcSubclass) {
    const inst = call(vm, x, [], null);
    if (!(vm.typeOf(inst).flags & TpFlags.BaseExcSubclass)) {
      const name = vm.typeOf(inst).name;
      vm.decref(inst);
      throw raiseFormat(
        vm,
        E.TypeError,
        'calling %R should have returned an instance of BaseException, not %s',
        x,
        name,
      );
    }
    return inst;
  }
  throw raiseString(vm, E.TypeError, message);
}

// ---- normalization, tracebacks, handlers -------------------------------------------------

/**
 * _PyErr_NormalizeException: make the exception instance if the value is not one already
 * (_PyErr_CreateException: the type called with no argument, the value tuple as the arguments,
 * or the value as the one argument).
 */
export function normalize(vm: Vm, err: PyError): void {
  if (err.normalized || err.excType < 0) return;
  if (err.lazyMessage) {
    // A legacy raise (no Vm at hand then): its message str is made now.
    err.lazyMessage = false;
    if (err.message) err.value = strNew(vm, err.message);
  }
  const value = err.value;
  if (value !== 0 && vm.typeOf(value).flags & TpFlags.BaseExcSubclass) {
    const inclass = vm.table.type[value];
    if (vm.types[inclass].mro.includes(err.excType)) {
      // An instance of the type or of a subclass: believe the instance's class.
      err.excType = inclass;
      err.normalized = true;
      return;
    }
  }
  // _PyErr_NormalizeException raises tstate->recursion_headroom: a RecursionError caught at the
  // limit is made into an instance there without raising another
  const ev = vm.eval;
  ev.recursionHeadroom?.(1);
  let inst: number;
  try {
    inst = createException(vm, err.excType, value);
  } finally {
    ev.recursionHeadroom?.(-1);
  }
  if (value !== 0) vm.decref(value);
  err.value = inst;
  err.normalized = true;
}

/** _PyErr_CreateException: the type called with no argument, the value tuple, or the value. */
function createException(vm: Vm, type: number, value: number): number {
  const typeObject = vm.types[type].typeObject;
  if (value === 0) return call(vm, typeObject, [], null);
  if (vm.table.type[value] === T.Tuple) return callTuple(vm, typeObject, value, 0);
  return call(vm, typeObject, [value], null);
}

/**
 * PyTraceBack_Here: the frame that is unwinding adds a traceback object in front of the chain.
 * `frame` is the PyFrameObject the eval loop made for it (_PyFrame_GetFrameObject), borrowed.
 */
export function tracebackHere(vm: Vm, err: PyError, frame: number, lasti: number, lineno: number): void {
  err.traceback = tracebackNew(vm, err.traceback, frame, lasti, lineno);
}

/**
 * What ceval's exception_unwind does once it found a handler: normalize, attach the traceback
 * (PyException_SetTraceback), and hand the instance over (a new reference). The carrier is spent.
 */
export function catchException(vm: Vm, err: PyError): number {
  normalize(vm, err);
  const exc = err.value;
  setTraceback(vm, exc, err.traceback);
  if (err.traceback) vm.decref(err.traceback);
  err.value = 0;
  err.traceback = 0;
  return exc;
}

/** PyErr_Clear: C code swallows the error; what it held is released. */
export function clearError(vm: Vm, err: PyError): void {
  const { value, traceback } = err;
  err.value = 0;
  err.traceback = 0;
  if (value) vm.decref(value);
  if (traceback) vm.decref(traceback);
}

/** PUSH_EXC_INFO: `exc` (a new reference, taken) becomes the exception being handled. */
export function pushExcInfo(vm: Vm, exc: number): void {
  vm.thread.excInfo.push(exc);
}

/** POP_EXCEPT: the handled exception is dropped (this is where a caught exception is usually freed). */
export function popExcept(vm: Vm): void {
  const exc = vm.thread.excInfo.pop();
  if (exc) vm.decref(exc);
}

/** Is the carrier's exception of `type` (PyErr_ExceptionMatches), by the type's MRO. */
export function errorMatches(vm: Vm, err: PyError, type: number): boolean {
  return err.excType >= 0 && vm.types[err.excType].mro.includes(type);
}

// ---- helpers -------------------------------------------------------------------------------

const qualifiedName = (module: string, name: string): string =>
  module === 'builtins' ? name : `${module}.${name}`;

/** str(value) for the report, without allocating: a str's text, an exception's str() (KeyError's key repr is passed in). */
function messageOf(vm: Vm, value: number): string {
  if (value === 0) return '';
  if (vm.typeOf(value).flags & TpFlags.BaseExcSubclass) return exceptionText(vm, value);
  return vm.typeOf(value).flags & TpFlags.UnicodeSubclass ? strValue(vm, value) : '';
}
