import { indexError, typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { NPY_BUFSIZE } from './constants';
import { INT64, OBJECT, type DType } from './dtypes';
import { flatAddress, readBroadcast, requireValues, valueAt, writeAt } from './elements';
import { kernel, resolveUnary, unaryKernel, type UfuncName, type UnaryName } from './loops';
import type { NumpyRuntime } from './module';
import { iteratorBytes } from './nditer';
import { broadcastsTo } from './reshape';
import { castValue } from './values';

/** sizeof(PyArrayMapIterObject) (PyArray_malloc(1424), measured) and PyArrayIterObject (2,632). */
const MAPITER_BYTES = 1424;
const ARRAY_ITER_BYTES = 2632;
/** The mapiter's outer NpyIter over one index array, and MapIterCheckIndices' casting one (measured: 376). */
const INDEX_ITER_BYTES = 376;

/**
 * ufunc.at(a, indices, b=None) as ufunc_at (ufunc_object.c, 1.24.2) runs it, unbuffered: every
 * selected element is updated in index order, so a repeated index accumulates (`np.add.at(h, i,
 * 1)` counts, where `h[i] += 1` would add once). Its allocations, measured on Debian's NumPy
 * (`np.add.at(a, idx, 1)`, int32 indices, a list index, an array of weights):
 *  - `b` through PyArray_FromAny (a 0-d array for a number); a list index becomes an intp array;
 *  - PyArray_MapIterArrayCopyIfOverlap: the mapiter (PyArray_malloc 1,424), its outer NpyIter
 *    (376), `mit->ait` = PyArray_IterNew(a) (2,632); an index array that is not intp is checked
 *    through a casting iterator (376 + a buffer of min(8192, n) intp, freed) and the outer iterator
 *    keeps a cast buffer as big (allocated at PyArray_MapIterReset: 65,536 bytes for 300,000 int32
 *    indices, measured through the heap's growth);
 *  - PyArray_BroadcastToShape(b) (2,632); the type resolution (value-based for a 0-d `b`: the
 *    legacy resolver's tuple of Nones); one 1-element array per operand (new_array_op: 96 bytes
 *    each, dims from the cache); the buffered NpyIter over them (776 for three operands), and a
 *    one-item buffer for each operand cast to the loop's dtype (allocated at the first reset);
 *  - released: the buffers and the iterator, the mapiter (ait, index arrays it converted, outer
 *    buffers, outer, itself), `b`'s array, its iterator, the operand arrays.
 */
export function ufuncAt(
  rt: NumpyRuntime,
  name: UfuncName | UnaryName,
  nin: number,
  args: readonly number[],
): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const libc = A.alloc.libc;
  if (args.length < 2 || args.length > 3)
    throw typeError(
      vm,
      'at() takes %s (%d given)',
      args.length < 2 ? 'at least 2 arguments' : 'at most 3 arguments',
      args.length,
    );
  const [op1, idx, op2In] = args;
  if (nin === 2 && op2In === undefined) throw valueError(vm, 'second operand needed for ufunc');
  if (nin === 1 && op2In !== undefined) throw valueError(vm, 'second operand provided when ufunc is unary');
  if (!A.isArray(op1)) throw typeError(vm, 'first operand must be array');
  if (A.dtype(op1) === OBJECT) throw new NotSupported('ufunc.at on an object array');
  if (!A.writeable(op1)) throw valueError(vm, 'assignment destination is read-only');
  const temps: number[] = [];
  const release = (h: number): void => {
    const i = temps.indexOf(h);
    if (i >= 0) temps.splice(i, 1);
    vm.decref(h);
  };
  try {
    // PyArray_FromAny(op2): a number becomes a 0-d array
    let op2 = 0;
    if (op2In !== undefined) {
      op2 = A.isArray(op2In) ? op2In : rt.fromList.fromObject(op2In, null, false);
      if (op2 !== op2In) temps.push(op2);
      if (A.dtype(op2) === OBJECT) throw new NotSupported('ufunc.at with an object array operand');
    }
    // prepare_index: a list (or tuple of lists) of indices becomes intp arrays
    const F = rt.views.fancy;
    const items = rt.views.items(idx).map((x) => {
      if (x.kind !== 'fancy') return x;
      const c = F.indexArray(x.h);
      if (c.temp) temps.push(c.h);
      return { kind: 'fancy' as const, h: c.h };
    });
    const fancy = items.filter((x) => x.kind === 'fancy').map((x) => x.h);
    if (fancy.length === 0) throw new NotSupported('ufunc.at with an index of only ints and slices');
    const { shape, picks } = F.select(op1, items);
    // the mapiter: itself, its outer iterator over the index arrays, `ait`
    const mit = libc.malloc(MAPITER_BYTES);
    if (mit) vm.mem.touch(mit, MAPITER_BYTES);
    const outer = vm.mem.malloc(INDEX_ITER_BYTES);
    vm.mem.touch(outer, INDEX_ITER_BYTES);
    const ait = libc.malloc(ARRAY_ITER_BYTES);
    if (ait) vm.mem.touch(ait, ARRAY_ITER_BYTES);
    const outerBuffers: number[] = [];
    let iter2 = 0;
    const arrayOps: number[] = [];
    let iterBuffer = 0;
    const buffers: number[] = [];
    try {
      // PyArray_MapIterCheckIndices: a non-intp index is cast through a buffered iterator
      const casts = fancy.filter((h) => A.dtype(h) !== INT64 && A.dtype(h).kind !== 'b');
      for (const h of casts) {
        const it = vm.mem.malloc(INDEX_ITER_BYTES);
        const buf = libc.malloc(Math.min(NPY_BUFSIZE, A.size(h)) * 8);
        for (let k = 0; k < A.size(h); k++) checkIndex(rt, op1, items, h, k);
        if (buf) libc.free(buf);
        vm.mem.free(it);
      }
      // PyArray_MapIterReset: the outer iterator's cast buffers
      for (const h of casts) {
        const buf = libc.malloc(Math.min(NPY_BUFSIZE, A.size(h)) * 8);
        if (buf) {
          vm.mem.touch(buf, Math.min(NPY_BUFSIZE, A.size(h)) * 8);
          outerBuffers.push(buf);
        }
      }
      if (op2) {
        const bs = A.shape(op2);
        if (!broadcastsTo(bs, shape)) throw valueError(vm, 'array is not broadcastable to correct shape');
        iter2 = libc.malloc(ARRAY_ITER_BYTES);
        if (iter2) vm.mem.touch(iter2, ARRAY_ITER_BYTES);
      }
      const { loop, out, apply } = resolveAt(rt, name, nin, op1, op2);
      // new_array_op: a 1-element array over each operand's current item
      const operandArrays = op2 ? [op1, op2, op1] : [op1, op1];
      // (their base is a (the real ones have none: only a's data pointer or b's), so b's array is
      // released when ufunc_at drops it, not with them)
      for (const h of operandArrays)
        arrayOps.push(
          A.newArray(A.dtype(h), [1], { view: { data: A.data(h), base: op1 }, subtype: rt.ndarrayType.id }),
        );
      const nop = operandArrays.length;
      const iterBytes = iteratorBytes(1, nop);
      iterBuffer = vm.mem.malloc(iterBytes);
      vm.mem.touch(iterBuffer, iterBytes);
      if (picks.length > 0) {
        // NPY_ITER_DELAY_BUFALLOC: the first reset allocates a one-item buffer per cast operand
        const dts: DType[] = op2 ? [A.dtype(op1), A.dtype(op2), A.dtype(op1)] : [A.dtype(op1), A.dtype(op1)];
        const want: DType[] = op2 ? [loop, loop, out] : [loop, out];
        for (let i = 0; i < nop; i++)
          if (dts[i] !== want[i]) {
            const b = libc.malloc(want[i].itemsize);
            if (b) buffers.push(b);
          }
      }
      requireValues(A, op1, `np.${name}.at`);
      if (op2) requireValues(A, op2, `np.${name}.at`);
      const vals = op2 ? readBroadcast(A, op2, shape) : null;
      const d1 = A.dtype(op1);
      for (let k = 0; k < picks.length; k++) {
        const addr = flatAddress(A, op1, picks[k]);
        const x = valueAt(A, op1, picks[k]);
        A.alloc.write(addr, d1.itemsize);
        writeAt(A, op1, addr, castValue(d1, apply(x, vals ? vals[k] : 0)));
      }
      return (vm.incref(vm.s.None), vm.s.None);
    } finally {
      for (const b of buffers) libc.free(b);
      if (iterBuffer) vm.mem.free(iterBuffer);
      // mapiter_dealloc: ait, the index arrays it made, the outer iterator (its buffers), itself
      if (ait) libc.free(ait);
      for (const h of [...temps]) if (fancy.includes(h)) release(h);
      for (const b of outerBuffers) libc.free(b);
      vm.mem.free(outer);
      if (mit) libc.free(mit);
      if (op2 && temps.includes(op2)) release(op2);
      if (iter2) libc.free(iter2);
      for (const h of arrayOps) vm.decref(h);
    }
  } finally {
    for (const h of temps) vm.decref(h);
  }
}

/** An index out of range raises as the mapiter's check words it (the first axis the index array covers). */
function checkIndex(
  rt: NumpyRuntime,
  a: number,
  items: readonly { kind: string; h?: number }[],
  h: number,
  k: number,
): void {
  const A = rt.arrays;
  const axis = items.findIndex((x) => x.kind === 'fancy' && x.h === h);
  const n = A.shape(a)[axis];
  const i = valueAt(A, h, k);
  if (i < -n || i >= n)
    throw indexError(rt.vm, `index ${i} is out of bounds for axis ${axis} with size ${n}`);
}

/** The loop: a binary ufunc resolved over (a, b) (value-based for a 0-d b), a unary one over a. */
function resolveAt(
  rt: NumpyRuntime,
  name: UfuncName | UnaryName,
  nin: number,
  a: number,
  b: number,
): { loop: DType; out: DType; apply: (x: number, y: number) => number } {
  const A = rt.arrays;
  if (nin === 1) {
    const res = resolveUnary(name as UnaryName, A.dtype(a));
    if ('error' in res) throw typeError(rt.vm, '%s', res.error);
    const k = unaryKernel(name as UnaryName, res.loop);
    return { ...res, apply: (x) => castValue(res.out, k(castValue(res.loop, x))) };
  }
  const res = rt.ufuncs.resolve(name as UfuncName, [a, b]);
  const k = kernel(name as UfuncName, res.loop);
  return {
    ...res,
    apply: (x, y) => castValue(res.out, k(castValue(res.loop, x), castValue(res.loop, y))),
  };
}
