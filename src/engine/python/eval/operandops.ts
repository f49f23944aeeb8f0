import { delItem, getItem, setItem } from '../abstract/item';
import { binaryOp, inplaceOp, unaryOp } from '../abstract/number';
import { contains, isTrue } from '../abstract/object';
import { setAttr } from '../abstract/attr';
import { getIter } from '../abstract/iter';
import { dictSetItem } from '../objects/dict';
import { setAdd } from '../objects/set';
import type { Vm } from '../runtime/vm';
import { isStop } from './calls';
import type { Interpreter } from './interpreter';

/**
 * Instructions of ceval.c that call one abstract operation on their operands and release them
 * (after the result, or as the error passes: a simulator stop leaves everything as it is, no
 * allocator event after it). Each takes the stack and its pointer and returns the new pointer.
 */

/**
 * Pop one operand, its slot cleared: when the operation raises, the loop's stack pointer still
 * counts the slots this function popped (it returns the new pointer only on success), and the
 * unwinder's releaseStack skips cleared slots — else it released the operands a second time
 * (`b[0] = 300` caught, then the next `b[0] = ...` read a freed handle: stack-15's move out of loop.ts).
 */
function pop(s: Int32Array, at: number): number {
  const v = s[at];
  s[at] = 0;
  return v;
}

/** Release the operands, unless the error is a simulator stop. */
function releaseOnError(vm: Vm, e: unknown, a: number, b = 0, c = 0): void {
  if (isStop(e)) return;
  vm.decref(a);
  if (b !== 0) vm.decref(b);
  if (c !== 0) vm.decref(c);
}

/** UNARY_POSITIVE / UNARY_NEGATIVE / UNARY_INVERT: the operand replaced by the result. */
export function unaryInstr(it: Interpreter, s: Int32Array, sp: number, sign: '+' | '-' | '~'): void {
  const vm = it.vm;
  const v = s[sp - 1];
  s[sp - 1] = 0;
  let res: number;
  try {
    res = unaryOp(vm, sign, v);
  } catch (e) {
    releaseOnError(vm, e, v);
    throw e;
  }
  vm.decref(v);
  s[sp - 1] = res;
}

/** UNARY_NOT: the operand's truth, negated (a bool singleton). */
export function unaryNot(it: Interpreter, s: Int32Array, sp: number): void {
  const vm = it.vm;
  const v = s[sp - 1];
  s[sp - 1] = 0;
  let b: boolean;
  try {
    b = isTrue(vm, v);
  } catch (e) {
    releaseOnError(vm, e, v);
    throw e;
  }
  vm.decref(v);
  s[sp - 1] = b ? vm.s.False : vm.s.True;
}

/** CONTAINS_OP: `lhs in rhs` (oparg 1: not in). */
export function containsOp(it: Interpreter, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const rhs = pop(s, --sp);
  const lhs = pop(s, --sp);
  let b: boolean;
  try {
    b = contains(vm, rhs, lhs);
  } catch (e) {
    releaseOnError(vm, e, lhs, rhs);
    throw e;
  }
  vm.decref(lhs);
  vm.decref(rhs);
  s[sp++] = b !== (oparg === 1) ? vm.s.True : vm.s.False;
  return sp;
}

/** STORE_SUBSCR: container[sub] = v (the value released first). */
export function storeSubscr(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const sub = pop(s, --sp);
  const container = pop(s, --sp);
  const v = pop(s, --sp);
  try {
    setItem(vm, container, sub, v);
  } catch (e) {
    releaseOnError(vm, e, v, container, sub);
    throw e;
  }
  vm.decref(v);
  vm.decref(container);
  vm.decref(sub);
  return sp;
}

/** DELETE_SUBSCR: del container[sub]. */
export function deleteSubscr(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const sub = pop(s, --sp);
  const container = pop(s, --sp);
  try {
    delItem(vm, container, sub);
  } catch (e) {
    releaseOnError(vm, e, container, sub);
    throw e;
  }
  vm.decref(container);
  vm.decref(sub);
  return sp;
}

/** GET_ITER: the iterable replaced by its iterator. */
export function getIterInstr(it: Interpreter, s: Int32Array, sp: number): void {
  const vm = it.vm;
  const v = s[sp - 1];
  s[sp - 1] = 0;
  let r: number;
  try {
    r = getIter(vm, v);
  } catch (e) {
    releaseOnError(vm, e, v);
    throw e;
  }
  vm.decref(v);
  s[sp - 1] = r;
}

/** SET_ADD: the value added to the set `oparg` deep (a comprehension's). */
export function setAddInstr(it: Interpreter, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const v = pop(s, --sp);
  try {
    setAdd(vm, s[sp - oparg], v);
  } catch (e) {
    releaseOnError(vm, e, v);
    throw e;
  }
  vm.decref(v);
  return sp;
}

/** MAP_ADD: key and value stored in the dict `oparg` deep (a comprehension's). */
export function mapAddInstr(it: Interpreter, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const v = pop(s, --sp);
  const k = pop(s, --sp);
  try {
    dictSetItem(vm, s[sp - oparg], k, v);
  } catch (e) {
    releaseOnError(vm, e, k, v);
    throw e;
  }
  vm.decref(k);
  vm.decref(v);
  return sp;
}

/** DELETE_ATTR: del owner.name. */
export function deleteAttr(it: Interpreter, s: Int32Array, sp: number, name: string): number {
  const vm = it.vm;
  const owner = pop(s, --sp);
  try {
    setAttr(vm, owner, name, 0);
  } catch (e) {
    releaseOnError(vm, e, owner);
    throw e;
  }
  vm.decref(owner);
  return sp;
}

/** BINARY_OP's generic form (binary_op1, or the in-place slot from oparg 13 on): the result replaces both. */
export function binaryOpInstr(it: Interpreter, s: Int32Array, sp: number, oparg: number): number {
  const vm = it.vm;
  const rhs = pop(s, sp - 1);
  const lhs = pop(s, sp - 2);
  let res: number;
  try {
    res = oparg < 13 ? binaryOp(vm, oparg, lhs, rhs) : inplaceOp(vm, oparg - 13, lhs, rhs);
  } catch (e) {
    releaseOnError(vm, e, lhs, rhs);
    throw e;
  }
  vm.decref(lhs);
  vm.decref(rhs);
  s[sp - 2] = res;
  return sp - 1;
}

/** BINARY_SUBSCR's generic form (PyObject_GetItem): the container, then the key released. */
export function binarySubscr(it: Interpreter, s: Int32Array, sp: number): number {
  const vm = it.vm;
  const sub = pop(s, sp - 1);
  const container = pop(s, sp - 2);
  let res: number;
  try {
    res = getItem(vm, container, sub);
  } catch (e) {
    releaseOnError(vm, e, container, sub);
    throw e;
  }
  vm.decref(container);
  vm.decref(sub);
  s[sp - 2] = res;
  return sp - 1;
}

/** PyObject_IsTrue of a popped operand (POP_JUMP_IF_*'s non-bool value), the operand released after. */
export function truthReleased(it: Interpreter, v: number): boolean {
  const vm = it.vm;
  let b: boolean;
  try {
    b = isTrue(vm, v);
  } catch (e) {
    releaseOnError(vm, e, v);
    throw e;
  }
  vm.decref(v);
  return b;
}
