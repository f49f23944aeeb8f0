import { indexError, typeError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { axisArg, isNone, parseArgs } from './args';
import { INT64, OBJECT } from './dtypes';
import { readBroadcast, valuesKnown, writeValues } from './elements';
import type { NumpyRuntime } from './module';

type TakeMode = 'raise' | 'wrap' | 'clip';

/** np.take(a, indices, axis=None, out=None, mode='raise') (fromnumeric.py: a.take(...)). */
export function npTake(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const [a, ind, axis, out, mode] = parseArgs(rt.vm, 'take', ['a', 'indices', 'axis', 'out', 'mode'], 2, args, kw);
  return rt.withArray(a!, (h) => takeFrom(rt, h, ind!, axis, out, mode));
}

/** ndarray.take(indices, axis=None, out=None, mode='raise'). */
export function arrayTake(rt: NumpyRuntime, self: number, args: readonly number[], kw: Kwargs): number {
  const [ind, axis, out, mode] = parseArgs(rt.vm, 'take', ['indices', 'axis', 'out', 'mode'], 1, args, kw);
  return takeFrom(rt, self, ind!, axis, out, mode);
}

/**
 * PyArray_TakeFrom (item_selection.c, NumPy 1.24), as it allocates:
 * - PyArray_CheckAxis(CARRAY_RO): no axis ravels the array (a view when C-contiguous, else a copy);
 *   an array that is not C-contiguous is copied; a C-contiguous one is only a new reference;
 * - PyArray_ContiguousFromAny(indices, NPY_INTP): a C-contiguous int64 array passes through, a
 *   list is discovered as intp (its floats truncated), a number is a 0-d array, another integer
 *   array is cast; a float array refuses the 'safe' cast;
 * - the result, shape a.shape[:axis] + indices.shape + a.shape[axis+1:], filled by npy_fasttake
 *   with no iterator and no mapiter (unlike a[:, idx], which builds a 1,424-byte mapiter).
 * The indices and the checked array are released before it returns.
 */
function takeFrom(
  rt: NumpyRuntime,
  a: number,
  indicesH: number,
  axisH: number | undefined,
  outH: number | undefined,
  modeH: number | undefined,
): number {
  const vm = rt.vm;
  const A = rt.arrays;
  if (!isNone(vm, outH)) throw new NotSupported('np.take with out=');
  const mode = takeMode(rt, modeH);
  if (A.dtype(a) === OBJECT) throw new NotSupported('np.take of an object array');
  const held: number[] = [];
  try {
    const axis0 = axisArg(vm, axisH);
    let src: number;
    if (axis0 === null) src = rt.views.ravel(a);
    else if (A.cContiguous(a)) src = (vm.incref(a), a);
    else src = rt.views.copy(a);
    held.push(src);
    const nd = A.nd(src);
    const axis = axis0 === null ? 0 : axis0 < 0 ? axis0 + nd : axis0;
    if (axis < 0 || axis >= nd) throw rt.errors.axis(axis0 ?? 0, nd);
    const idx = intpIndices(rt, indicesH);
    held.push(idx);
    const shape = A.shape(src);
    const n = shape[axis];
    const raw = Array.from(readBroadcast(A, idx, A.shape(idx)));
    if (n === 0 && raw.length > 0) throw indexError(vm, 'cannot do a non-empty take from an empty axes.');
    const picks = raw.map((i) => adjustIndex(rt, i, n, axis, mode));
    const inner = shape.slice(axis + 1).reduce((x, y) => x * y, 1);
    const outShape = [...shape.slice(0, axis), ...A.shape(idx), ...shape.slice(axis + 1)];
    const r = A.newArray(A.dtype(src), outShape);
    A.writeAll(r);
    if (!valuesKnown(A, src)) A.values.markLost(A.t.vslot[A.slot(r)]);
    else {
      const vals = readBroadcast(A, src, shape);
      const m = picks.length;
      writeValues(A, r, (k) => {
        const o = Math.floor(k / (m * inner));
        const rest = k % (m * inner);
        return vals[(o * n + picks[Math.floor(rest / inner)]) * inner + (rest % inner)];
      });
    }
    return r;
  } finally {
    for (const h of held.reverse()) vm.decref(h);
  }
}

/** mode= of take: PyArray_ClipmodeConverter (the first letter decides, as NumPy reads it). */
function takeMode(rt: NumpyRuntime, h: number | undefined): TakeMode {
  const vm = rt.vm;
  if (isNone(vm, h)) return 'raise';
  if (vm.table.type[h!] === T.Str) {
    const s = strValue(vm, h!);
    if (s.startsWith('r') || s.startsWith('R')) return 'raise';
    if (s.startsWith('w') || s.startsWith('W')) return 'wrap';
    if (s.startsWith('c') || s.startsWith('C')) return 'clip';
    throw typeError(vm, 'clipmode not understood');
  }
  throw new NotSupported('np.take mode= given as a number');
}

/** PyArray_ContiguousFromAny(indices, NPY_INTP, 0, 0): an int64 C-contiguous array or a new one. */
function intpIndices(rt: NumpyRuntime, h: number): number {
  const vm = rt.vm;
  const A = rt.arrays;
  if (A.isArray(h)) {
    const d = A.dtype(h);
    if (d.kind === 'f' || d === OBJECT)
      throw typeError(
        vm,
        `Cannot cast array data from dtype('${d.name}') to dtype('int64') according to the rule 'safe'`,
      );
    if (d === INT64 && A.cContiguous(h)) return (vm.incref(h), h);
    return rt.fromList.fromObject(h, INT64, true);
  }
  // a list or number is discovered straight into the requested intp type (floats truncate)
  const t = vm.table.type[h];
  if (t === T.List || t === T.Tuple) return rt.fromList.fromObject(h, INT64, false);
  return rt.ctors.asArrayOrScalar(h);
}

/** npy_fasttake's per-index rule: raise (check_and_adjust_index), wrap (modulo) or clip. */
function adjustIndex(rt: NumpyRuntime, i: number, n: number, axis: number, mode: TakeMode): number {
  if (mode === 'wrap') return ((i % n) + n) % n;
  if (mode === 'clip') return i < 0 ? 0 : i >= n ? n - 1 : i;
  if (i < -n || i >= n) throw indexError(rt.vm, `index ${i} is out of bounds for axis ${axis} with size ${n}`);
  return i < 0 ? i + n : i;
}
