import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { listNew, listPut } from '../python/objects/list';
import { sliceNew } from '../python/objects/slice';
import type { Kwargs } from '../python/objects/types';
import { intArg, isNone, parseArgs, sequenceItems } from './args';
import { INT64 } from './dtypes';
import { valueAt } from './elements';
import type { NumpyRuntime } from './module';

/**
 * np.split / np.array_split (shape_base.py, 1.24.2). Sections: section_sizes as an intp array
 * and its cumsum (div_points); indices: a Python list. Then sary = swapaxes(ary, axis, 0) (a
 * view), and per part swapaxes(sary[st:end], axis, 0) (the slice view dropped once swapped). On
 * return the frame's locals go in co_varnames order: div_points, then sary. A list of views.
 * `cumsum` is ndarray.cumsum (methods.ts).
 */
export function npSplit(
  rt: NumpyRuntime,
  args: number[],
  kw: Kwargs,
  equal: boolean,
  cumsum: (h: number) => number,
): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const name = equal ? 'split' : 'array_split';
  const [aH, iosH, axisH] = parseArgs(vm, name, ['ary', 'indices_or_sections', 'axis'], 2, args, kw);
  if (!A.isArray(aH!)) throw new NotSupported(`np.${name} of a list (only arrays are modelled)`);
  const ary = aH!;
  const nd = A.nd(ary);
  const axis0 = isNone(vm, axisH) ? 0 : intArg(vm, axisH!, 'axis');
  const axis = axis0 < 0 ? axis0 + nd : axis0;
  if (nd === 0 || axis < 0 || axis >= nd) {
    if (nd === 0) throw new NotSupported(`np.${name} of a 0-d array`);
    throw new NotSupported(`np.${name} with an axis out of range`);
  }
  const nTotal = A.shape(ary)[axis];
  const indices = sequenceItems(vm, iosH!);
  let divPoints: number[];
  let divArray = 0;
  if (indices !== null) {
    divPoints = [0, ...indices.map((h) => intArg(vm, h, 'index')), nTotal];
  } else {
    const n = intArg(vm, iosH!, 'indices_or_sections');
    if (equal && n !== 0 && nTotal % n !== 0)
      throw valueError(vm, 'array split does not result in an equal division');
    if (n <= 0) throw valueError(vm, 'number sections must be larger than 0.');
    const each = Math.floor(nTotal / n);
    const extras = nTotal % n;
    const sizes = [
      0,
      ...new Array<number>(extras).fill(each + 1),
      ...new Array<number>(n - extras).fill(each),
    ];
    // _nx.array(section_sizes, dtype=intp).cumsum()
    const list = listNew(vm, sizes.length);
    sizes.forEach((s, i) => listPut(vm, list, i, fromLong(vm, s)));
    let sizesArray = 0;
    try {
      sizesArray = rt.fromList.fromObject(list, INT64, true);
      divArray = cumsum(sizesArray);
    } finally {
      if (sizesArray) vm.decref(sizesArray);
      vm.decref(list);
    }
    divPoints = Array.from({ length: sizes.length }, (_, i) => valueAt(A, divArray, i));
  }
  const parts = divPoints.length - 1;
  const out = listNew(vm, parts);
  let sary = 0;
  try {
    sary = rt.layout.swapaxes(ary, axis, 0);
    for (let i = 0; i < parts; i++) {
      // sary[st:end]: clamped as slice indices are
      const start = fromLong(vm, divPoints[i]);
      const stop = fromLong(vm, divPoints[i + 1]);
      const key = sliceNew(vm, start, stop, vm.s.None);
      vm.decref(start);
      vm.decref(stop);
      let piece: number;
      try {
        piece = rt.views.subscript(sary, key);
      } finally {
        vm.decref(key);
      }
      try {
        listPut(vm, out, i, rt.layout.swapaxes(piece, axis, 0));
      } finally {
        vm.decref(piece);
      }
    }
  } catch (e) {
    vm.decref(out);
    throw e;
  } finally {
    if (divArray) vm.decref(divArray);
    if (sary) vm.decref(sary);
  }
  return out;
}
