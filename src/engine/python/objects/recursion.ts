import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';

/**
 * _Py_EnterRecursiveCall / _Py_LeaveRecursiveCall for C code that recurses (the JSON encoder and
 * decoder on nested containers, pickle, repr of nested containers): past the recursion limit
 * (sys.getrecursionlimit(), 1000) a RecursionError "maximum recursion depth exceeded<where>".
 * Counted per process from the C code's own nesting; the Python frames below it are not added
 * (the tree-walker keeps no shared counter).
 */
const depthOf = new WeakMap<Vm, number>();
export const DEFAULT_RECURSION_LIMIT = 1000;

export function withRecursionCheck<R>(vm: Vm, where: string, fn: () => R): R {
  const depth = (depthOf.get(vm) ?? 0) + 1;
  if (depth > DEFAULT_RECURSION_LIMIT)
    throw raiseString(vm, E.RecursionError, `maximum recursion depth exceeded${where}`);
  depthOf.set(vm, depth);
  try {
    return fn();
  } finally {
    depthOf.set(vm, depth - 1);
  }
}
