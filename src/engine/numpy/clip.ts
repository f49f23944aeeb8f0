import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import type { Kwargs } from '../python/objects/types';
import { isNone, parseArgs } from './args';
import { resultType, type DType, type PyScalar } from './dtypes';
import { readBroadcast, valueAt, writeValues } from './elements';
import { scalarOfValue } from './loops';
import type { NumpyRuntime } from './module';

/**
 * np.clip(a, a_min, a_max) and ndarray.clip(min=None, max=None) as 1.24.2's `_methods._clip`
 * runs them: a bound of None leaves `um.maximum(a, min)` or `um.minimum(a, max)`; both given
 * call the ternary `um.clip`, whose loop is `_NPY_MIN(_NPY_MAX(x, lo), hi)` (a NaN in x or in a
 * bound propagates) — modelled as maximum into a new result then minimum in place into it: the
 * same values and dtype (the ufuncs' value-based resolution of the three operands), and one
 * result buffer as the ternary ufunc makes. Not modelled: the 0-d arrays `_clip_dep_is_scalar_nan`
 * makes and drops for a number bound (small: NumPy's data cache) and the ternary iterator.
 */
export function clip(
  rt: NumpyRuntime,
  a: number,
  lo: number | undefined,
  hi: number | undefined,
  outH: number | undefined,
): number {
  const vm = rt.vm;
  const U = rt.ufuncs;
  if (!isNone(vm, outH)) throw new NotSupported('clip(out=)');
  const noLo = isNone(vm, lo);
  const noHi = isNone(vm, hi);
  if (noLo && noHi) throw valueError(vm, 'One of max or min must be given');
  if (noLo) return U.call('minimum', [a, hi!], 0);
  if (noHi) return U.call('maximum', [a, lo!], 0);
  const src = widened(rt, a, lo!, hi!);
  let r: number;
  try {
    r = U.call('maximum', [src, lo!], 0);
  } finally {
    if (src !== a) vm.decref(src);
  }
  if (!rt.arrays.isArray(r)) {
    try {
      return U.call('minimum', [r, hi!], 0);
    } finally {
      vm.decref(r);
    }
  }
  try {
    vm.decref(U.call('minimum', [r, hi!], r));
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}

/**
 * The ternary loop's dtype is resolved over the three operands at once (value-based for number
 * bounds: uint8 clipped to 300 is uint16); when maximum(a, lo) alone would resolve narrower, `a`
 * is cast first (a copy the ternary ufunc does not make: its buffered iterator casts in chunks).
 */
function widened(rt: NumpyRuntime, a: number, lo: number, hi: number): number {
  const A = rt.arrays;
  const arrays: DType[] = [];
  const scalars: PyScalar[] = [];
  const pair: DType[] = [];
  const pairScalars: PyScalar[] = [];
  for (const [i, h] of [a, lo, hi].entries()) {
    const s = A.isArray(h) ? null : rt.ufuncs.scalarOf(h);
    if (A.isArray(h) && A.nd(h) > 0) {
      arrays.push(A.dtype(h));
      if (i < 2) pair.push(A.dtype(h));
    } else if (s !== null || A.isArray(h)) {
      const py = s ? s.py : scalarOfValue(A.dtype(h), valueAt(A, h, 0));
      scalars.push(py);
      if (i < 2) pairScalars.push(py);
    } else return a;
  }
  const joint = resultType(arrays, scalars);
  if (!A.isArray(a) || A.nd(a) === 0 || joint === resultType(pair, pairScalars) || joint.kind === 'O')
    return a;
  const c = A.newArray(joint, A.shape(a));
  const vals = readBroadcast(A, a, A.shape(a));
  writeValues(A, c, (k) => vals[k]);
  A.writeAll(c);
  return c;
}

/** np.clip(a, a_min, a_max, out=None): fromnumeric's _wrapfunc → a.clip. */
export function clipFunction(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const [a, lo, hi, out] = parseArgs(rt.vm, 'clip', ['a', 'a_min', 'a_max', 'out'], 3, args, kw);
  const A = rt.arrays;
  if (A.isArray(a!)) return clip(rt, a!, lo, hi, out);
  const arr = rt.ctors.asArrayOrScalar(a!);
  try {
    return clip(rt, arr, lo, hi, out);
  } finally {
    rt.vm.decref(arr);
  }
}

/** ndarray.clip(min=None, max=None, out=None). */
export function clipMethod(
  rt: NumpyRuntime,
  self: number,
  args: readonly number[],
  kw: Kwargs | null,
): number {
  const [lo, hi, out] = parseArgs(rt.vm, 'clip', ['min', 'max', 'out'], 0, args, kw);
  return clip(rt, self, lo, hi, out);
}
