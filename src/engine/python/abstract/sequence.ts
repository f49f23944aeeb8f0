import { PyError } from '../errors';
import { listExtend, listNew, listSliceItems } from '../objects/list';
import { listSlice } from '../objects/listops';
import { tupleAlloc, tupleFromItems, tupleItems, tupleResize } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { clearError, errorMatches, raiseString, typeError, valueError } from './errors';
import { E } from '../objects/exctypes';
import { getIter, iterNext, lengthHint } from './iter';
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

/**
 * PySequence_Tuple: a tuple is itself, a list's items are copied (PyList_AsTuple); anything else
 * goes into a tuple sized by its length hint (10 by default), grown by 10 + 25% when full and
 * cut back to what it got at the end (_PyTuple_Resize, a realloc).
 */
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
  const it = getIter(vm, v);
  let result = 0;
  try {
    let n = lengthHint(vm, v, 10);
    result = n > 0 ? tupleNew(vm, n) : vm.s.emptyTuple;
    let j = 0;
    for (let item = iterNext(vm, it); item !== 0; item = iterNext(vm, it), j++) {
      if (j >= n) {
        n += 10;
        n += n >> 2;
        result = tupleResize(vm, result, n);
      }
      vm.pool.data[t.ref[result] + j] = item;
      vm.eval.tick();
    }
    if (j < n) result = tupleResize(vm, result, j);
    return result;
  } catch (e) {
    if (result) vm.decref(result);
    throw e;
  } finally {
    vm.decref(it);
  }
}

/** PyTuple_New(n): n NULL items, tracked. */
function tupleNew(vm: Vm, n: number): number {
  const h = tupleAlloc(vm, n);
  vm.pool.data.fill(0, vm.table.ref[h], vm.table.ref[h] + n);
  vm.gc.track(h);
  return h;
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
