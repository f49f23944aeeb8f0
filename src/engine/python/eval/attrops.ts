import { getAttr, getMethod, setAttr } from '../abstract/attr';
import { dictSetItem } from '../objects/dict';
import type { Vm } from '../runtime/vm';
import { isStop } from './calls';
import type { CodeRt } from './code';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { nameText, storeName } from './names';

/**
 * ceval.c's attribute and name-store instructions (their generic forms; loop.ts dispatches). Each
 * pops its operands with their slots cleared, so that when the operation raises the unwinder,
 * which still counts those slots, does not release them a second time (operandops.ts); the
 * operands are released after the operation, or as its error passes (not for a simulator stop:
 * no allocator event after it). Each returns the new stack pointer.
 */

function pop(s: Int32Array, at: number): number {
  const v = s[at];
  s[at] = 0;
  return v;
}

/** LOAD_ATTR (PyObject_GetAttr): the owner replaced by the attribute. */
export function loadAttr(it: Interpreter, code: CodeRt, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const owner = pop(s, sp - 1);
  let res: number;
  try {
    res = getAttr(vm, owner, nameText(vm, code, oparg));
  } catch (e) {
    if (!isStop(e)) vm.decref(owner);
    throw e;
  }
  vm.decref(owner);
  s[sp - 1] = res;
  return sp;
}

/** STORE_ATTR (PyObject_SetAttr): the value, then the owner released. */
export function storeAttr(it: Interpreter, code: CodeRt, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const owner = pop(s, sp - 1);
  const v = pop(s, sp - 2);
  try {
    setAttr(vm, owner, nameText(vm, code, oparg), v);
  } catch (e) {
    if (!isStop(e)) releaseBoth(vm, v, owner);
    throw e;
  }
  releaseBoth(vm, v, owner);
  return sp - 2;
}

function releaseBoth(vm: Vm, a: number, b: number): void {
  vm.decref(a);
  vm.decref(b);
}

/**
 * LOAD_METHOD (_PyObject_GetMethod): a function found on the type is pushed unbound, the owner
 * above it as self; anything else is pushed with NULL under it, the owner released.
 */
export function loadMethod(it: Interpreter, code: CodeRt, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const obj = s[sp - 1];
  const m = getMethod(vm, obj, nameText(vm, code, oparg));
  if (m.self !== 0) {
    s[sp - 1] = m.meth;
    s[sp] = obj;
  } else {
    s[sp - 1] = 0;
    vm.decref(obj);
    s[sp] = m.meth;
  }
  return sp + 1;
}

/** STORE_NAME (the frame's locals mapping, names.ts): the value released after. */
export function storeNameInstr(it: Interpreter, f: Frame, s: Int32Array, sp: number, name: number): number {
  const v = pop(s, sp - 1);
  try {
    storeName(it, f, name, v);
  } catch (e) {
    if (!isStop(e)) it.vm.decref(v);
    throw e;
  }
  it.vm.decref(v);
  return sp - 1;
}

/** STORE_GLOBAL (PyDict_SetItem on the frame's globals): the value released after. */
export function storeGlobal(it: Interpreter, f: Frame, s: Int32Array, sp: number, name: number): number {
  const v = pop(s, sp - 1);
  try {
    dictSetItem(it.vm, f.globals, name, v);
  } catch (e) {
    if (!isStop(e)) it.vm.decref(v);
    throw e;
  }
  it.vm.decref(v);
  return sp - 1;
}
