import { NotSupported, type PyError } from '../errors';
import { dictGetItem } from '../objects/dict';
import { staticDescriptor } from '../objects/descr';
import { setAttributeErrorContext } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { instanceGetAttr, instanceSetAttr } from '../objects/instance';
import { intern } from '../objects/str';
import { TpFlags, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { PyError as PyErrorClass } from '../errors';
import { clearError, errorMatches, normalize, raiseFormat } from './errors';
import { typeName } from './object';
import { unmodelledAttribute } from './cpythonattrs';

/**
 * _PyType_Lookup: `name` along the type's MRO, a borrowed reference or 0. A heap type answers
 * from its tp_dict; a built-in type from its tables (methods, members, getset, slot wrappers),
 * whose descriptor objects are made on first use as static objects, as PyType_Ready made them
 * before the program started.
 */
export function typeLookup(vm: Vm, type: TypeSlots, name: string): number {
  const mro = type.mro;
  for (let i = 0; i < mro.length; i++) {
    const s = vm.types[mro[i]];
    if (s.dict !== 0) {
      const v = dictGetItem(vm, s.dict, intern(vm, name));
      if (v !== 0) return v;
    } else {
      const d = staticDescriptor(vm, s, name);
      if (d !== 0) return d;
    }
  }
  return 0;
}

/** PyDescr_IsData: the descriptor's type has tp_descr_set. */
const isDataDescr = (vm: Vm, d: number): boolean => vm.typeOf(d).descrSet !== null;

/**
 * _PyObject_GenericGetAttrWithDict: data descriptors on the type, then the instance's dict
 * (managed or at tp_dictoffset), then non-data descriptors (binding a function to a method),
 * then the class attribute itself. 0 when missing and `suppress`, else AttributeError.
 */
export function genericGetAttrWithDict(vm: Vm, obj: number, name: string, suppress: boolean): number {
  const tp = vm.typeOf(obj);
  const descr = typeLookup(vm, tp, name);
  let get: TypeSlots['descrGet'] = null;
  if (descr !== 0) {
    get = vm.typeOf(descr).descrGet;
    if (get !== null && isDataDescr(vm, descr)) return callGet(vm, get, descr, obj, tp, suppress);
  }
  const v = tp.dictoffset !== 0 ? instanceGetAttr(vm, obj, name) : 0;
  if (v !== 0) {
    vm.incref(v);
    return v;
  }
  if (get !== null) return callGet(vm, get, descr, obj, tp, suppress);
  if (descr !== 0) {
    vm.incref(descr);
    return descr;
  }
  if (suppress) return 0;
  if (tp.notModelled !== null) throw new NotSupported(`${tp.notModelled}.${name}`);
  throw raiseFormat(vm, E.AttributeError, vm.py.genericAttributeError, tp.name, name);
}

/** A descriptor's tp_descr_get; with suppress an AttributeError it raises is cleared (0 back). */
function callGet(
  vm: Vm,
  get: NonNullable<TypeSlots['descrGet']>,
  descr: number,
  obj: number,
  tp: TypeSlots,
  suppress: boolean,
): number {
  if (!suppress) return get(vm, descr, obj, tp.typeObject);
  try {
    return get(vm, descr, obj, tp.typeObject);
  } catch (e) {
    if (e instanceof PyErrorClass && errorMatches(vm, e, E.AttributeError)) {
      clearError(vm, e as PyError);
      return 0;
    }
    throw e;
  }
}

/** PyObject_GenericGetAttr (object's tp_getattro). */
export function genericGetAttr(vm: Vm, obj: number, name: string): number {
  return genericGetAttrWithDict(vm, obj, name, false);
}

/**
 * PyObject_GenericSetAttr (value 0 deletes): a data descriptor on the type takes it; else the
 * instance's dict (made on first use); an object without one raises AttributeError.
 */
export function genericSetAttr(vm: Vm, obj: number, name: string, value: number): void {
  const tp = vm.typeOf(obj);
  const descr = typeLookup(vm, tp, name);
  if (descr !== 0) {
    const set = vm.typeOf(descr).descrSet;
    if (set !== null) return set(vm, descr, obj, value);
  }
  if (instanceSetAttr(vm, obj, name, value)) return;
  if (descr === 0)
    throw raiseFormat(vm, E.AttributeError, "'%.100s' object has no attribute '%U'", tp.name, name);
  throw raiseFormat(vm, E.AttributeError, "'%.50s' object attribute '%U' is read-only", tp.name, name);
}

/**
 * PyObject_GetAttr (LOAD_ATTR): the type's tp_getattro. An AttributeError is normalized at once
 * and given its name and obj (set_attribute_error_context, for the "Did you mean" hints).
 */
export function getAttr(vm: Vm, obj: number, name: string): number {
  const tp = vm.typeOf(obj);
  const f = tp.getattro;
  if (f === null) {
    const what = unmodelledAttribute(vm, obj, name);
    if (what !== null) throw new NotSupported(what);
    throw raiseFormat(vm, E.AttributeError, "'%.50s' object has no attribute '%U'", tp.name, name);
  }
  try {
    return f(vm, obj, name);
  } catch (e) {
    if (e instanceof PyErrorClass && errorMatches(vm, e, E.AttributeError)) {
      const what = unmodelledAttribute(vm, obj, name);
      if (what !== null) throw new NotSupported(what);
      setAttributeErrorContext(vm, e, obj, name, normalize);
    }
    throw e;
  }
}

/**
 * _PyObject_LookupAttr: the attribute or 0. Generic getattr skips making the AttributeError
 * altogether; any other getattro raises it and it is cleared (its objects made and freed).
 */
export function lookupAttr(vm: Vm, obj: number, name: string): number {
  const f = vm.typeOf(obj).getattro;
  if (f === genericGetAttr) return genericGetAttrWithDict(vm, obj, name, true);
  if (f === null) return getAttr(vm, obj, name);
  try {
    // tp_getattro itself, not PyObject_GetAttr: the error is cleared before anything normalizes
    // it (3.11's set_attribute_error_context runs in PyObject_GetAttr only), so no exception object
    return f(vm, obj, name);
  } catch (e) {
    if (e instanceof PyErrorClass && errorMatches(vm, e, E.AttributeError)) {
      const what = unmodelledAttribute(vm, obj, name);
      if (what !== null) throw new NotSupported(what);
      clearError(vm, e as PyError);
      return 0;
    }
    throw e;
  }
}

/** PyObject_SetAttr (STORE_ATTR); value borrowed, 0 deletes (DELETE_ATTR). */
export function setAttr(vm: Vm, obj: number, name: string, value: number): void {
  const tp = vm.typeOf(obj);
  const f = tp.setattro;
  if (f === null) {
    const has = tp.getattro !== null;
    throw raiseFormat(
      vm,
      E.AttributeError,
      has
        ? "'%.100s' object has only read-only attributes (%s .%U)"
        : "'%.100s' object has no attributes (%s .%U)",
      typeName(vm, obj),
      value === 0 ? 'del' : 'assign to',
      name,
    );
  }
  f(vm, obj, name, value);
}

/**
 * _PyObject_GetMethod (LOAD_METHOD): when the attribute is a method descriptor on the type
 * (Py_TPFLAGS_METHOD_DESCRIPTOR: Python functions, built-in methods) and the instance's dict
 * does not shadow it, the unbound callable comes back with `self` and no bound-method object is
 * made. Otherwise the attribute itself and self 0. `meth` is a new reference.
 */
export function getMethod(vm: Vm, obj: number, name: string): { meth: number; self: number } {
  const tp = vm.typeOf(obj);
  if (tp.getattro !== genericGetAttr) return { meth: getAttr(vm, obj, name), self: 0 };
  const descr = typeLookup(vm, tp, name);
  if (descr !== 0 && vm.typeOf(descr).flags & TpFlags.MethodDescriptor) {
    if (tp.dictoffset === 0 || instanceGetAttr(vm, obj, name) === 0) {
      vm.incref(descr);
      return { meth: descr, self: obj };
    }
  }
  return { meth: getAttr(vm, obj, name), self: 0 };
}

/** _PyObject_LookupSpecial: a dunder looked up on the type only, bound to the object (a new reference), or 0. */
export function lookupSpecial(vm: Vm, obj: number, name: string): number {
  const tp = vm.typeOf(obj);
  const descr = typeLookup(vm, tp, name);
  if (descr === 0) return 0;
  const get = vm.typeOf(descr).descrGet;
  if (get !== null) return get(vm, descr, obj, tp.typeObject);
  vm.incref(descr);
  return descr;
}
