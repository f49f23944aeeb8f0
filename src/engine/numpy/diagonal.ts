import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import type { Kwargs } from '../python/objects/types';
import { intArg, isNone, parseArgs } from './args';
import { AF } from './arrayTable';
import type { NumpyRuntime } from './module';

/**
 * PyArray_Diagonal (item_selection.c, 1.24): a read-only view of `a` without axis1 and axis2
 * and with the diagonal as its last dimension (stride: the two axes' strides added; start:
 * offset · stride of axis2, or −offset · stride of axis1), `base` collapsed as every view's.
 * A new reference.
 */
export function diagonalView(rt: NumpyRuntime, a: number, offset: number, axis1In: number, axis2In: number): number {
  const A = rt.arrays;
  const vm = rt.vm;
  const shape = A.shape(a);
  const strides = A.strides(a);
  const nd = shape.length;
  if (nd < 2) throw valueError(vm, 'diag requires an array of at least two dimensions');
  // check_and_adjust_axis_msg: axis1 first, then axis2, each named in the AxisError
  const norm = (ax: number, name: string): number => {
    if (ax < -nd || ax >= nd)
      throw rt.errors.raise(rt.errors.axisError, `${name}: axis ${ax} is out of bounds for array of dimension ${nd}`);
    return ax < 0 ? ax + nd : ax;
  };
  const axis1 = norm(axis1In, 'axis1');
  const axis2 = norm(axis2In, 'axis2');
  if (axis1 === axis2) throw valueError(vm, 'axis1 and axis2 cannot be the same');
  const d1 = shape[axis1];
  const d2 = shape[axis2];
  let start = 0;
  let len: number;
  if (offset >= 0) {
    len = Math.max(0, Math.min(d1, d2 - offset));
    if (len > 0) start = offset * strides[axis2];
  } else {
    len = Math.max(0, Math.min(d1 + offset, d2));
    if (len > 0) start = -offset * strides[axis1];
  }
  const keep = shape.map((_, i) => i).filter((i) => i !== axis1 && i !== axis2);
  const view = A.newArray(A.dtype(a), [...keep.map((i) => shape[i]), len], {
    view: {
      data: A.data(a) + start,
      base: a,
      strides: [...keep.map((i) => strides[i]), strides[axis1] + strides[axis2]],
    },
  });
  // 1.24 returns the diagonal read-only (a FutureWarning-free NPY_ARRAY_WRITEABLE clear)
  A.t.flags[A.slot(view)] &= ~AF.Writeable;
  return view;
}

function diagonalArgs(rt: NumpyRuntime, args: readonly number[], kw: Kwargs | null, names: string[], min: number) {
  return parseArgs(rt.vm, names[0], names.slice(1), min, [...args], kw ?? new Map());
}

const intOr = (rt: NumpyRuntime, h: number | undefined, dflt: number, what: string): number =>
  isNone(rt.vm, h) ? dflt : intArg(rt.vm, h!, what);

/** np.diagonal(a, offset=0, axis1=0, axis2=1) / ndarray.diagonal(offset=0, axis1=0, axis2=1). */
export function diagonal(rt: NumpyRuntime, self: number, args: readonly number[], kw: Kwargs | null): number {
  const list = self ? ['diagonal', 'offset', 'axis1', 'axis2'] : ['diagonal', 'a', 'offset', 'axis1', 'axis2'];
  const got = diagonalArgs(rt, args, kw, list, self ? 0 : 1);
  const [aH, offH, a1H, a2H] = self ? [self, ...got] : got;
  const off = intOr(rt, offH, 0, 'offset');
  const ax1 = intOr(rt, a1H, 0, 'axis1');
  const ax2 = intOr(rt, a2H, 1, 'axis2');
  return rt.withArray(aH!, (h) => diagonalView(rt, h, off, ax1, ax2));
}

/**
 * np.trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None) / ndarray.trace: PyArray_Trace
 * is PyArray_Diagonal, then add.reduce over the diagonal's last axis (PyArray_GenericReduceFunction,
 * axis −1, the dtype), the diagonal view dropped; a 0-d sum becomes a scalar.
 */
export function trace(rt: NumpyRuntime, self: number, args: readonly number[], kw: Kwargs | null): number {
  const vm = rt.vm;
  const list = self
    ? ['trace', 'offset', 'axis1', 'axis2', 'dtype', 'out']
    : ['trace', 'a', 'offset', 'axis1', 'axis2', 'dtype', 'out'];
  const got = diagonalArgs(rt, args, kw, list, self ? 0 : 1);
  const [aH, offH, a1H, a2H, dtH, outH] = self ? [self, ...got] : got;
  if (!isNone(vm, outH)) throw new NotSupported('np.trace(out=)');
  const off = intOr(rt, offH, 0, 'offset');
  const ax1 = intOr(rt, a1H, 0, 'axis1');
  const ax2 = intOr(rt, a2H, 1, 'axis2');
  const dtype = isNone(vm, dtH) ? null : rt.dtypes.convert(dtH!, null);
  return rt.withArray(aH!, (h) => {
    const diag = diagonalView(rt, h, off, ax1, ax2);
    try {
      return rt.reductions.reduce('add', diag, -1, dtype);
    } finally {
      vm.decref(diag);
    }
  });
}
