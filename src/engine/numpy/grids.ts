import { valueError } from '../python/abstract/errors';
import { PyError } from '../python/errors';
import { listNew, listPut } from '../python/objects/list';
import { strValue } from '../python/objects/str';
import type { Kwargs } from '../python/objects/types';
import { boolArg, isNone } from './args';
import type { NumpyRuntime } from './module';
import { iteratorBytes } from './nditer';
import { rawMalloc } from './alloc';

/** sizeof(PyArrayMultiIterObject) and sizeof(PyArrayIterObject) on Debian's build (measured). */
const MULTI_ITER_BYTES = 560;
const ITER_OBJECT_BYTES = 2632;

/**
 * np.meshgrid(*xi, copy=True, sparse=False, indexing='xy') as function_base.py (1.24.2) runs it:
 * each input through asanyarray, reshaped to a view with -1 on its own axis and 1 elsewhere (the
 * first two axes swapped for 'xy'); unless sparse, np.broadcast_arrays makes a read-only stride-0
 * view of each (its _broadcast_to nditer made and freed); with copy=True each output is copied (C
 * order: a full (ny, nx) buffer per input — the memory a meshgrid costs). A list comes back.
 * (broadcast_arrays' views stay writeable in 1.24, with a FutureWarning on write, not printed.)
 */
export function meshgrid(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  for (const k of kw.keys())
    if (!['copy', 'sparse', 'indexing'].includes(k))
      throw new PyError('TypeError', `meshgrid() got an unexpected keyword argument '${k}'`);
  const copy = boolArg(vm, kw.get('copy'), true);
  const sparse = boolArg(vm, kw.get('sparse'), false);
  const indexingH = kw.get('indexing');
  const indexing = isNone(vm, indexingH) ? 'xy' : strValue(vm, indexingH!);
  if (indexing !== 'xy' && indexing !== 'ij')
    throw valueError(vm, "Valid values for `indexing` are 'xy' and 'ij'.");
  const ndim = args.length;
  const made: number[] = [];
  const release = (hs: number[]): void => hs.forEach((h) => vm.decref(h));
  try {
    const xs = args.map((h) => {
      if (A.isArray(h)) {
        vm.incref(h);
        return h;
      }
      return rt.ctors.asArrayOrScalar(h);
    });
    made.push(...xs);
    // output = [np.asanyarray(x).reshape(s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    let output = xs.map((x, i) => {
      const shape = new Array<number>(ndim).fill(1);
      shape[i] = -1;
      if (indexing === 'xy' && ndim > 1) {
        if (i === 0) [shape[0], shape[1]] = [1, -1];
        if (i === 1) [shape[0], shape[1]] = [-1, 1];
      }
      return rt.views.newshape(x, shape);
    });
    release(made.splice(0));
    if (!sparse) {
      // np.broadcast_arrays(*output, subok=True): read-only stride-0 views of the common shape
      const shape = new Array<number>(ndim).fill(1);
      output.forEach((o) => A.shape(o).forEach((d, i) => d !== 1 && (shape[i] = d)));
      // _broadcast_shape: np.broadcast(*args), a PyArrayMultiIterObject (560 bytes) and one
      // PyArrayIterObject (2,632) per operand through the C library, freed with it (measured)
      const libc = A.alloc.libc;
      const multi = rawMalloc(libc, MULTI_ITER_BYTES);
      const iters = output.map(() => rawMalloc(libc, ITER_OBJECT_BYTES));
      iters.forEach((p) => p && libc.free(p));
      if (multi) libc.free(multi);
      const views = output.map((o) => {
        const bytes = iteratorBytes(ndim, 1, false);
        const it = vm.mem.malloc(bytes);
        if (it === 0) throw new PyError('MemoryError', '');
        vm.mem.touch(it, bytes);
        const st = A.strides(o).map((s, i) => (A.shape(o)[i] === 1 ? 0 : s));
        const v = A.newArray(A.dtype(o), shape, { view: { data: A.data(o), base: o, strides: st } });
        vm.mem.free(it);
        return v;
      });
      release(output);
      output = views;
    }
    if (copy) {
      const copies = output.map((o) => rt.views.copy(o, 'C'));
      release(output);
      output = copies;
    }
    const list = listNew(vm, output.length);
    output.forEach((o, i) => listPut(vm, list, i, o));
    return list;
  } catch (e) {
    release(made);
    throw e;
  }
}
