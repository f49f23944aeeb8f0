import { PyError } from '../errors';
import { listExtend, listNew, listSliceItems } from '../objects/list';
import { listSlice } from '../objects/listops';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { clearError, errorMatches, raiseString, typeError, valueError } from './errors';
import { E } from '../objects/exctypes';
import { getIter, iterNext } from './iter';
import { typeName } from './object';

/** PySequence_List / list(iterable): list_new + list_extend. A new reference. */
export function sequenceList(vm: Vm, iterable: number): number {
  const l = listNew(vm, 0);
  try {
    listExtend(vm, l, iterable);
  } catch (e) {
    vm.decref(l);
    throw e;
  }
  return l;
}

/** PySequence_Tuple: a tuple as is, a list's items copied, anything else collected through its iterator. */
export function sequenceTuple(vm: Vm, v: number): number {
  const t = vm.table;
  if (t.type[v] === T.Tuple) {
    vm.incref(v);
    return v;
  }
  if (t.type[v] === T.List) {
    const items = listSliceItems(vm, v, 0, t.n[v]);
    for (const x of items) vm.incref(x);
    return tupleFromItems(vm, items);
  }
  const out: number[] = [];
  const it = getIter(vm, v);
  try {
    for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
      out.push(x);
      vm.eval.tick();
    }
  } catch (e) {
    for (const x of out) vm.decref(x);
    throw e;
  } finally {
    vm.decref(it);
  }
  return tupleFromItems(vm, out);
}

/**
 * PySequence_Fast(v, message): a list's or tuple's items as they are (borrowed, no temporary);
 * anything else becomes a list first, returned as `temp` for the caller to release. `self`
 * makes a copy first (list_ass_slice's `a[i:j] = a`).
 */
export function sequenceFast(
  vm: Vm,
  v: number,
  message: string | null = null,
  self = 0,
): [Int32Array, number] {
  const t = vm.table;
  if (v === self && self !== 0) {
    const copy = listSlice(vm, v, 0, 1, t.n[v]);
    return [listSliceItems(vm, copy, 0, t.n[copy]), copy];
  }
  if (t.type[v] === T.List) return [listSliceItems(vm, v, 0, t.n[v]), 0];
  if (t.type[v] === T.Tuple) return [tupleItems(vm, v), 0];
  if (message !== null && vm.typeOf(v).iter === null) throw typeError(vm, '%s', message);
  const l = sequenceList(vm, v);
  return [listSliceItems(vm, l, 0, t.n[l]), l];
}

/**
 * UNPACK_SEQUENCE n (consumes `v`): the items as new references, in order. Until the code is
 * quickened the generic instruction runs unpack_iterable, which iterates even a tuple (a 48-byte
 * tuple/list iterator); the specialized UNPACK_SEQUENCE_TWO_TUPLE/TUPLE/LIST read the items.
 */
export function unpackSequence(vm: Vm, v: number, n: number, specialized = true): Int32Array {
  const t = vm.table;
  const type = t.type[v];
  if ((type === T.Tuple || type === T.List) && (specialized || t.n[v] !== n)) {
    const len = t.n[v];
    if (len !== n) {
      vm.decref(v);
      if (len < n) throw valueError(vm, 'not enough values to unpack (expected %d, got %zd)', n, len);
      throw valueError(vm, 'too many values to unpack (expected %d)', n);
    }
    const items = type === T.Tuple ? tupleItems(vm, v) : listSliceItems(vm, v, 0, len);
    for (const x of items) vm.incref(x);
    vm.decref(v);
    return items;
  }
  // unpack_iterable
  let iter: number;
  try {
    iter = getIter(vm, v);
  } catch (e) {
    if (e instanceof PyError && errorMatches(vm, e, E.TypeError) && vm.typeOf(v).iter === null) {
      clearError(vm, e);
      const name = typeName(vm, v);
      vm.decref(v);
      throw raiseString(vm, E.TypeError, `cannot unpack non-iterable ${name} object`);
    }
    throw e;
  }
  vm.decref(v);
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = iterNext(vm, iter);
    if (!x) {
      for (let j = 0; j < i; j++) vm.decref(items[j]);
      vm.decref(iter);
      throw valueError(vm, 'not enough values to unpack (expected %d, got %d)', n, i);
    }
    items[i] = x;
  }
  const extra = iterNext(vm, iter);
  if (extra) {
    vm.decref(extra);
    vm.decref(iter);
    for (const x of items) vm.decref(x);
    throw valueError(vm, 'too many values to unpack (expected %d)', n);
  }
  vm.decref(iter);
  return items;
}
