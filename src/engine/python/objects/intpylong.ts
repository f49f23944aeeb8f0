import { getAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { interpOf } from '../modules/host';
import type { Vm } from '../runtime/vm';
import { strNew } from './str';
import { tupleItem } from './tuple';

/**
 * longobject.c's hand-offs to Lib/_pylong.py on 3.12+ (WITH_PYLONG_MODULE): the quadratic C
 * conversions and x_divrem are replaced past a size by Python code (modules/pylongSource.ts), so a
 * big str(), int() or `//` first imports _pylong (with decimal and re: 22 modules, ~1.7 MiB of
 * RSS measured on 3.12.1) and then runs Python, whose temporaries are ints, Decimals and dicts.
 */

/** Does the version hand str() of an int of `sizeA` digits to _pylong (long_to_decimal_string_internal)? */
export const pylongToStr = (vm: Vm, sizeA: number): boolean =>
  vm.py.pylong !== null && sizeA > vm.py.pylong.toStrDigits;

/** …int() of `digits` decimal digits (long_from_string_base, base 10 only)? */
export const pylongFromStr = (vm: Vm, digits: number): boolean =>
  vm.py.pylong !== null && digits > vm.py.pylong.fromStrDigits;

/** …`//` or divmod() of a dividend of `sizeV` digits by a divisor of `sizeW` (l_divmod)? */
export const pylongDivmod = (vm: Vm, sizeV: number, sizeW: number): boolean =>
  vm.py.pylong !== null && sizeW > vm.py.pylong.divisorDigits && sizeV - sizeW > vm.py.pylong.extraDigits;

/**
 * PyImport_ImportModule("_pylong") then PyObject_CallMethod(mod, name, "O", arg): the method's
 * name made from the C string (PyObject_GetAttrString: a str, freed after the lookup), the
 * function called with one argument on a small C stack (_Py_VaBuildStack: no tuple). A new reference.
 */
export function callPylong(vm: Vm, name: string, args: readonly number[]): number {
  const mod = interpOf(vm).loadModule('_pylong');
  const key = strNew(vm, name);
  let fn: number;
  try {
    fn = getAttr(vm, mod, name);
  } finally {
    vm.decref(key);
  }
  try {
    return call(vm, fn, args, null);
  } finally {
    vm.decref(fn);
  }
}

/** pylong_int_divmod: _pylong.int_divmod(v, w)'s tuple ("OO") unpacked into (q, r), new references; the tuple freed. */
export function pylongIntDivmod(vm: Vm, v: number, w: number): [number, number] {
  const t = callPylong(vm, 'int_divmod', [v, w]);
  const q = tupleItem(vm, t, 0);
  const r = tupleItem(vm, t, 1);
  vm.incref(q);
  vm.incref(r);
  vm.decref(t);
  return [q, r];
}
