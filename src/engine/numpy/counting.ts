import { typeError, valueError } from '../python/abstract/errors';
import type { Kwargs } from '../python/objects/types';
import { intArg, isNone, parseArgs } from './args';
import { canCastSafely, FLOAT64, INT64, type DType } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { NumpyRuntime } from './module';

/**
 * np.bincount (arr_bincount, compiled_base.c): the input through PyArray_ContiguousFromAny(list,
 * NPY_INTP, 1, 1) — an int64 C-contiguous array passes as is, another integer array is cast into
 * a new one (safe casting only: floats are the TypeError), a list is discovered as intp —, then
 * PyArray_ZEROS(max + 1 or minlength) of intp (double with weights, which are taken the same way
 * as NPY_DOUBLE), counted in input order.
 */
export function bincount(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const [listH, wH, minH] = parseArgs(vm, 'bincount', ['x', 'weights', 'minlength'], 1, args, kw);
  const minlength = isNone(vm, minH) ? 0 : intArg(vm, minH!, 'minlength');
  if (minlength < 0) throw valueError(vm, "'minlength' must not be negative");
  const lst = contiguous1d(rt, listH!, INT64);
  let wts = 0;
  try {
    const n = A.size(lst);
    const xs = readBroadcast(A, lst, [n]);
    let mx = -1;
    for (let i = 0; i < n; i++) {
      if (xs[i] < 0) throw valueError(vm, "'list' argument must have no negative elements");
      if (xs[i] > mx) mx = xs[i];
    }
    const size = Math.max(mx + 1, minlength);
    if (!isNone(vm, wH)) {
      wts = contiguous1d(rt, wH!, FLOAT64);
      if (A.size(wts) !== n) throw valueError(vm, "The weights and list don't have the same length.");
      const ws = readBroadcast(A, wts, [n]);
      const acc = new Float64Array(size);
      for (let i = 0; i < n; i++) acc[xs[i]] += ws[i];
      const ans = A.newArray(FLOAT64, [size], { zeroed: true });
      writeValues(A, ans, (k) => acc[k]);
      A.writeAll(ans);
      return ans;
    }
    const counts = new Float64Array(size);
    for (let i = 0; i < n; i++) counts[xs[i]]++;
    const ans = A.newArray(INT64, [size], { zeroed: true });
    writeValues(A, ans, (k) => counts[k]);
    A.writeAll(ans);
    return ans;
  } finally {
    if (wts) vm.decref(wts);
    vm.decref(lst);
  }
}

/** PyArray_ContiguousFromAny(obj, type, 1, 1): a new reference to a 1-d C-contiguous array of `type`. */
function contiguous1d(rt: NumpyRuntime, h: number, type: DType): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const a = A.isArray(h) ? (vm.incref(h), h) : rt.fromList.fromObject(h, type, false);
  try {
    const nd = A.nd(a);
    if (nd < 1) throw valueError(vm, 'object of too small depth for desired array');
    if (nd > 1) throw valueError(vm, 'object too deep for desired array');
    const d = A.dtype(a);
    if (d === type && A.cContiguous(a)) {
      vm.incref(a);
      return a;
    }
    if (!canCastSafely(d, type))
      throw typeError(
        vm,
        "Cannot cast array data from dtype('%s') to dtype('%s') according to the rule 'safe'",
        d.name,
        type.name,
      );
    requireValues(A, a, 'np.bincount');
    const n = A.size(a);
    const vals = readBroadcast(A, a, [n]);
    const c = A.newArray(type, [n]);
    writeValues(A, c, (k) => vals[k]);
    A.writeAll(c);
    return c;
  } finally {
    vm.decref(a);
  }
}
