import { NotSupported, PyError } from '../errors';
import { clearError, errorMatches, normalize, raiseFormat } from '../abstract/errors';
import { delItem, getItem, setItem } from '../abstract/item';
import { CO_FAST_FREE } from '../compiler/code';
import { dictDelItem, dictGetItem, dictSetItem } from '../objects/dict';
import { excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { intern, strValue } from '../objects/str';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { CodeRt } from './code';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

/**
 * Name lookups of ceval.c: LOAD_NAME / STORE_NAME / DELETE_NAME on the frame's locals mapping,
 * LOAD_GLOBAL on globals then builtins (_PyDict_LoadGlobal), the cell variables' errors, and
 * format_exc_check_arg (the NameError that carries the name, for "Did you mean").
 */

const NAME_ERROR_MSG = "name '%.200s' is not defined";
const UNBOUNDLOCAL_ERROR_MSG = "cannot access local variable '%s' where it is not associated with a value";
const UNBOUNDFREE_ERROR_MSG =
  "cannot access free variable '%s' where it is not associated with a value in enclosing scope";

/**
 * Every name of CPython 3.11's builtins module (dir(builtins), the exceptions aside): one the
 * simulator does not model yet is "not supported" when looked up, never a NameError the real
 * interpreter would not raise.
 */
const PYTHON_BUILTINS = new Set(
  (
    'BaseExceptionGroup Ellipsis ExceptionGroup False None NotImplemented True __build_class__ __debug__ ' +
    '__doc__ __import__ __loader__ __name__ __package__ __spec__ abs aiter all anext any ascii bin bool ' +
    'breakpoint bytearray bytes callable chr classmethod compile complex copyright credits delattr dict dir ' +
    'divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id ' +
    'input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ' +
    'ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super ' +
    'tuple type vars zip'
  ).split(' '),
);

/** The text of an interned name handle. */
export const str = (vm: Vm, h: number): string => strValue(vm, h);

/** The text of co_names[i] (made once per code object: the names never change). */
export function nameText(vm: Vm, code: CodeRt, i: number): string {
  let text = code.nameTexts[i];
  if (text === undefined) code.nameTexts[i] = text = strValue(vm, code.names[i]);
  return text;
}

/**
 * format_exc_check_arg: PyErr_Format, and for a NameError (exactly) the exception is normalized
 * at once and given `name`.
 */
export function nameError(vm: Vm, type: number, fmt: string, name: string): PyError {
  const err = raiseFormat(vm, type, fmt, name);
  if (type === E.NameError) {
    normalize(vm, err);
    const st = excState(vm, err.value);
    if (st.fields.name === 0) st.fields.name = intern(vm, name);
  }
  return err;
}

/** A builtins name: the module's dict; an unmodelled one is NotSupported. 0 when missing. */
function builtin(it: Interpreter, name: number): number {
  let text = it.nameTexts.get(name);
  if (text === undefined) it.nameTexts.set(name, (text = str(it.vm, name)));
  const v = it.builtins.get(text);
  if (v !== undefined) return v;
  if (PYTHON_BUILTINS.has(text)) throw new NotSupported(`${text}()`);
  return 0;
}

/** LOAD_GLOBAL: globals, then builtins; a new reference. */
export function loadGlobal(it: Interpreter, f: Frame, name: number): number {
  const vm = it.vm;
  let v = dictGetItem(vm, f.globals, name);
  if (v === 0) {
    v = builtin(it, name);
    if (v === 0) throw nameError(vm, E.NameError, NAME_ERROR_MSG, str(vm, name));
  }
  vm.incref(v);
  return v;
}

/** LOAD_NAME: the locals mapping (a dict, or any mapping through PyObject_GetItem), globals, builtins. */
export function loadName(it: Interpreter, f: Frame, name: number): number {
  const vm = it.vm;
  const locals = f.locals;
  if (locals === 0) throw raiseFormat(vm, E.SystemError, 'no locals when loading %R', name);
  if (vm.table.type[locals] === T.Dict) {
    const v = dictGetItem(vm, locals, name);
    if (v !== 0) {
      vm.incref(v);
      return v;
    }
  } else {
    try {
      return getItem(vm, locals, name);
    } catch (e) {
      if (!(e instanceof PyError) || !errorMatches(vm, e, E.KeyError)) throw e;
      clearError(vm, e);
    }
  }
  return loadGlobal(it, f, name);
}

/** STORE_NAME (`v` borrowed: the loop releases it). */
export function storeName(it: Interpreter, f: Frame, name: number, v: number): void {
  const vm = it.vm;
  const ns = f.locals;
  if (ns === 0) throw raiseFormat(vm, E.SystemError, 'no locals found when storing %R', name);
  if (vm.table.type[ns] === T.Dict) dictSetItem(vm, ns, name, v);
  else setItem(vm, ns, name, v);
}

/** DELETE_NAME: PyObject_DelItem on the locals; a missing name is a NameError (the KeyError dropped). */
export function deleteName(it: Interpreter, f: Frame, name: number): void {
  const vm = it.vm;
  const ns = f.locals;
  if (ns === 0) throw raiseFormat(vm, E.SystemError, 'no locals when deleting %R', name);
  try {
    if (vm.table.type[ns] === T.Dict) dictDelItem(vm, ns, name);
    else delItem(vm, ns, name);
  } catch (e) {
    if (!(e instanceof PyError) || e.excType < 0) throw e;
    clearError(vm, e); // _PyErr_Format clears the exception first
    throw nameError(vm, E.NameError, NAME_ERROR_MSG, str(vm, name));
  }
}

/** DELETE_GLOBAL: a KeyError becomes a NameError. */
export function deleteGlobal(it: Interpreter, f: Frame, name: number): void {
  const vm = it.vm;
  try {
    dictDelItem(vm, f.globals, name);
  } catch (e) {
    if (!(e instanceof PyError) || !errorMatches(vm, e, E.KeyError)) throw e;
    clearError(vm, e);
    throw nameError(vm, E.NameError, NAME_ERROR_MSG, str(vm, name));
  }
}

/** unbound_local_error: LOAD_FAST / DELETE_FAST / LOAD_CLOSURE of an empty slot. */
export function unboundLocal(it: Interpreter, code: CodeRt, i: number): PyError {
  return nameError(it.vm, E.UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, code.co.localsplusnames[i]);
}

/** format_exc_unbound: an empty cell; a free variable's error is a NameError. */
export function unboundDeref(it: Interpreter, code: CodeRt, i: number): PyError {
  const name = code.co.localsplusnames[i];
  if (code.co.localspluskinds[i] & CO_FAST_FREE)
    return nameError(it.vm, E.NameError, UNBOUNDFREE_ERROR_MSG, name);
  return nameError(it.vm, E.UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
}

/** LOAD_CLASSDEREF: the class body's namespace first, then the cell. */
export function loadClassDeref(it: Interpreter, f: Frame, i: number): number {
  const vm = it.vm;
  const name = intern(vm, f.code.co.localsplusnames[i]);
  const locals = f.locals;
  if (vm.table.type[locals] === T.Dict) {
    const v = dictGetItem(vm, locals, name);
    if (v !== 0) {
      vm.incref(v);
      return v;
    }
  } else {
    try {
      return getItem(vm, locals, name);
    } catch (e) {
      if (!(e instanceof PyError) || !errorMatches(vm, e, E.KeyError)) throw e;
      clearError(vm, e);
    }
  }
  const v = vm.table.ref[f.local(i)];
  if (v === 0) throw unboundDeref(it, f.code, i);
  vm.incref(v);
  return v;
}
