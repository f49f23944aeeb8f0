import { listNew, listPut } from '../python/objects/list';
import type { Vm } from '../python/runtime/vm';

/**
 * PyArray_ToList's recursion (recursive_tolist): one PyList_New(n) per index of every axis but the
 * last, whose entries are the elements in C order, `item(k)` making the k-th (a new reference); a
 * 0-d array gives its one element itself. Numbers, strings and object arrays differ only in `item`.
 */
export function nestedLists(vm: Vm, shape: readonly number[], item: (k: number) => number): number {
  if (shape.length === 0) return item(0);
  let k = 0;
  const build = (axis: number): number => {
    const n = shape[axis];
    const l = listNew(vm, n);
    for (let i = 0; i < n; i++) listPut(vm, l, i, axis === shape.length - 1 ? item(k++) : build(axis + 1));
    return l;
  };
  return build(0);
}
