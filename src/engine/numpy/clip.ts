import { typeError, valueError } from '../python/abstract/errors';
import { T, type Kwargs } from '../python/objects/types';
import { isNone, parseArgs } from './args';
import { FLOAT64, resultType, type DType, type PyScalar } from './dtypes';
import { readBroadcast, requireValues, valueAt, writeValues } from './elements';
import { castValue } from './values';
import { scalarOfValue } from './loops';
import type { NumpyRuntime } from './module';

/**
 * np.clip(a, a_min, a_max) and ndarray.clip(min=None, max=None) as 1.24.2's `_methods._clip`
 * runs them: a bound of None leaves `um.maximum(a, min)` or `um.minimum(a, max)`; both given
 * call the ternary `um.clip`, whose loop is `_NPY_MIN(_NPY_MAX(x, lo), hi)` (a NaN in x or in a
 * bound propagates). The trivial loop is modelled call by call (ternaryTrivial); other cases
 * (array bounds, non-contiguous input, a cast input) as maximum into a new result then minimum
 * in place into it: the same values and dtype (the value-based resolution of the three
 * operands) and one result buffer, without the ternary NpyIter's own allocations.
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
  // out= goes to the ufunc as its output operand (um.clip(a, min, max, out=out)): no result
  // array is made, the loop writes into out and the call returns it (a new reference)
  const out = isNone(vm, outH) ? 0 : outH!;
  if (out && !rt.arrays.isArray(out)) throw typeError(vm, 'return arrays must be of ArrayType');
  const noLo = isNone(vm, lo);
  const noHi = isNone(vm, hi);
  if (noLo && noHi) throw valueError(vm, 'One of max or min must be given');
  scalarNanCheck(rt, lo);
  scalarNanCheck(rt, hi);
  if (noLo) return U.call('minimum', [a, hi!], out);
  if (noHi) return U.call('maximum', [a, lo!], out);
  const direct = ternaryTrivial(rt, a, lo!, hi!, out);
  if (direct) return direct;
  const src = widened(rt, a, lo!, hi!);
  let r: number;
  try {
    r = U.call('maximum', [src, lo!], out);
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
 * _clip_dep_is_scalar_nan for one bound: `ndim(x)` (a number has no .ndim: asarray makes a 0-d
 * array and drops it; None too, as a 0-d object array), then for a 0-d bound `um.isnan(x)` (the
 * input's 0-d array, the 0-d result, both dropped when the bool scalar is returned; None's 0-d
 * object array fails the type resolution and is dropped). Arrays and NumPy scalars answer .ndim
 * themselves. Measured: "m 96, f 96, m 96, m 96, f 96, f 96" for a number bound, "m 96, f 96,
 * m 96, f 96" for None.
 */
function scalarNanCheck(rt: NumpyRuntime, h: number | undefined): void {
  const A = rt.arrays;
  const vm = rt.vm;
  const zeroD = (): number => {
    const z = A.newArray(FLOAT64, []);
    A.writeAll(z);
    return z;
  };
  if (isNone(vm, h)) {
    vm.decref(zeroD());
    vm.decref(zeroD());
    return;
  }
  const t = vm.table.type[h!];
  if (t !== T.Int && t !== T.Float && t !== T.Bool) return;
  vm.decref(zeroD());
  const input = zeroD();
  const result = zeroD();
  vm.decref(input);
  vm.decref(result);
}

/**
 * The ternary clip ufunc's trivial loop (a contiguous array of the loop's dtype, number bounds):
 * each bound a 0-d array, cast to the loop's dtype when it differs (a new 0-d array, the first
 * dropped), the result, the casts dropped — the sequence ufunc.ts makes for two operands,
 * measured the same for three ("m 96 ×3, f 96, m 96, f 96, m 96 + data, f 96 ×2" for int
 * bounds on float64). Null when the loop would need NpyIter (the composition then).
 */
function ternaryTrivial(rt: NumpyRuntime, a: number, lo: number, hi: number, out: number): number {
  const A = rt.arrays;
  const vm = rt.vm;
  if (!A.isArray(a) || A.nd(a) === 0 || !(A.cContiguous(a) || A.fContiguous(a))) return 0;
  // an out= of another dtype, shape or layout needs the iterator (the composition then)
  if (out && !sameLayout(A, a, out)) return 0;
  const d = A.dtype(a);
  if (d.kind === 'O' || d.kind === 'b') return 0;
  const bounds = [lo, hi].map((h) => (A.isArray(h) ? null : rt.ufuncs.scalarOf(h)));
  if (bounds.some((b) => b === null)) return 0;
  const loop = resultType(
    [d],
    bounds.map((b) => b!.py),
  );
  if (loop !== d) return 0;
  requireValues(A, a, 'np.clip');
  const zs = bounds.map((b) => {
    const z = A.newArray(b!.d, []);
    A.values.setConst(A.slot(z), b!.v);
    A.writeAll(z);
    return z;
  });
  for (let i = 0; i < zs.length; i++)
    if (A.dtype(zs[i]) !== loop) {
      const c = A.newArray(loop, []);
      A.values.setConst(A.slot(c), castValue(loop, bounds[i]!.v));
      A.writeAll(c);
      vm.decref(zs[i]);
      zs[i] = c;
    }
  const [l, h] = zs.map((z) => valueAt(A, z, 0));
  if (out && A.dtype(out) !== loop) {
    for (const z of zs) vm.decref(z);
    return 0;
  }
  const vals = readBroadcast(A, a, A.shape(a));
  if (out) {
    if (!A.writeable(out)) throw valueError(vm, 'output array is read-only');
    vm.incref(out);
  }
  const r = out || A.newArray(loop, A.shape(a));
  if (!out && A.fContiguous(a) && !A.cContiguous(a)) A.t.setShape(A.slot(r), A.shape(a), A.strides(a));
  // _NPY_MAX then _NPY_MIN: a NaN operand wins each comparison
  const max = (x: number, y: number): number => (x !== x || x > y ? x : y);
  const min = (x: number, y: number): number => (x !== x || x < y ? x : y);
  writeValues(A, r, (k) => min(max(vals[k], l), h));
  A.writeAll(r);
  for (const z of zs) vm.decref(z);
  return r;
}

/** out has a's shape and the same contiguity (the trivial loop's condition on every operand). */
function sameLayout(A: NumpyRuntime['arrays'], a: number, out: number): boolean {
  const sa = A.shape(a);
  const so = A.shape(out);
  if (sa.length !== so.length || sa.some((n, i) => n !== so[i])) return false;
  return A.cContiguous(a) ? A.cContiguous(out) : A.fContiguous(out);
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
