import { typeError, valueError } from '../errors';
import { listSliceItems } from '../objects/list';
import { listSlice } from '../objects/listops';
import { tupleItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Interp } from './interp';
import { getIter, iterNext, listFromIterable } from './iterate';
import { typeName } from './repr';

/**
 * UNPACK_SEQUENCE n (consumes `v`): the items as new references, in order. Until the code is
 * quickened the generic instruction runs unpack_iterable, which iterates even a tuple (a 48-byte
 * tuple/list iterator); the specialized UNPACK_SEQUENCE_TWO_TUPLE/TUPLE/LIST read the items.
 */
export function unpack(it: Interp, v: number, n: number, specialized = true): Int32Array {
  const vm = it.vm;
  const t = vm.table;
  const type = t.type[v];
  if ((type === T.Tuple || type === T.List) && (specialized || t.n[v] !== n)) {
    const len = t.n[v];
    if (len !== n) {
      if (len < n) throw valueError(`not enough values to unpack (expected ${n}, got ${len})`);
      throw valueError(`too many values to unpack (expected ${n})`);
    }
    const items = type === T.Tuple ? tupleItems(vm, v) : listSliceItems(vm, v, 0, len);
    for (const x of items) vm.incref(x);
    vm.decref(v);
    return items;
  }
  // unpack_iterable
  let iter: number;
  try {
    iter = getIter(it, v);
  } catch {
    throw typeError(`cannot unpack non-iterable ${typeName(vm, v)} object`);
  }
  vm.decref(v);
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = iterNext(it, iter);
    if (!x) {
      for (let j = 0; j < i; j++) vm.decref(items[j]);
      vm.decref(iter);
      throw valueError(`not enough values to unpack (expected ${n}, got ${i})`);
    }
    items[i] = x;
  }
  const extra = iterNext(it, iter);
  if (extra) {
    vm.decref(extra);
    vm.decref(iter);
    for (const x of items) vm.decref(x);
    throw valueError(`too many values to unpack (expected ${n})`);
  }
  vm.decref(iter);
  return items;
}

/**
 * PySequence_Fast(v): a list or tuple is used as it is (borrowed items, no temporary); anything
 * else becomes a new list first (returned as `temp`, to release). `self` makes a copy first
 * (list_ass_slice's `a[i:j] = a`).
 */
export function sequenceItems(it: Interp, v: number, self = 0): [Int32Array, number] {
  const vm = it.vm;
  const t = vm.table;
  if (v === self) {
    const copy = listSlice(vm, v, 0, 1, t.n[v]);
    return [listSliceItems(vm, copy, 0, t.n[copy]), copy];
  }
  if (t.type[v] === T.List) return [listSliceItems(vm, v, 0, t.n[v]), 0];
  if (t.type[v] === T.Tuple) return [tupleItems(vm, v), 0];
  const l = listFromIterable(it, v);
  return [listSliceItems(vm, l, 0, t.n[l]), l];
}
