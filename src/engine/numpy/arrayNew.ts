import { raiseString, typeError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { E } from '../python/objects/exctypes';
import { kwargsEntries } from '../python/objects/getargs';
import { tupleItems } from '../python/objects/tuple';
import type { Kwargs, TypeSlots } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { intArg, isInt, isNone, orderArg, parseArgs, sequenceItems, shapeArg } from './args';
import { FLOAT64 } from './dtypes';
import type { NumpyRuntime } from './module';

/**
 * array_new (arrayobject.c): `np.ndarray(shape, dtype=float, buffer=None, offset=0, strides=None,
 * order=None)` without a buffer is PyArray_NewFromDescr_int of the shape (the IntpConverter's dims
 * block around it) — what np.empty allocates; format.py's read_array makes its result so. A buffer
 * (a view on another object's memory) and subclasses are not modelled.
 */
export function arrayNew(rt: NumpyRuntime, type: TypeSlots, args: number, kwargs: number): number {
  const vm = rt.vm;
  if (type !== rt.ndarrayType) throw new NotSupported('subclasses of np.ndarray');
  const kw = kwargsOf(vm, kwargs);
  const [shapeH, dt, buffer, , strides, order] = parseArgs(
    vm,
    'ndarray',
    ['shape', 'dtype', 'buffer', 'offset', 'strides', 'order'],
    1,
    Array.from(tupleItems(vm, args)),
    kw,
  );
  if (!isNone(vm, buffer)) throw new NotSupported('np.ndarray(shape, buffer=...)');
  if (!isNone(vm, strides)) throw new NotSupported('np.ndarray(shape, strides=...) without a buffer');
  const { shape, tempLen } = shapeArg(vm, shapeH!);
  return rt.ctors.emptyShaped(rt.dtypes.convert(dt, FLOAT64), shape, orderArg(vm, order), tempLen);
}

function kwargsOf(vm: Vm, kwargs: number): Kwargs | null {
  if (kwargs === 0 || vm.table.n[kwargs] === 0) return null;
  return new Map(kwargsEntries(vm, kwargs));
}

/**
 * array_shape_set (getset.c): PyArray_Reshape makes a view (a copy when the strides cannot be
 * kept, which is refused: its data is not the array's); the array then takes the view's shape and
 * strides in place: npy_free_cache_dim of its dims block, npy_alloc_cache_dim(2·nd) for the new
 * one; the view is dropped. `a.shape = …` never copies and keeps `a` its data's owner.
 */
export function setShape(rt: NumpyRuntime, h: number, value: number): void {
  const vm = rt.vm;
  const A = rt.arrays;
  if (value === 0) throw raiseString(vm, E.AttributeError, 'Cannot delete array shape');
  const items = isInt(vm, value) ? [value] : sequenceItems(vm, value);
  if (items === null) throw typeError(vm, 'expected a sequence of integers or a single integer');
  const view = rt.views.newshape(
    h,
    items.map((x) => intArg(vm, x, 'shape')),
  );
  try {
    if (A.data(view) !== A.data(h))
      throw raiseString(
        vm,
        E.AttributeError,
        'Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.',
      );
    A.replaceShape(h, A.shape(view), A.strides(view));
  } finally {
    vm.decref(view);
  }
}
