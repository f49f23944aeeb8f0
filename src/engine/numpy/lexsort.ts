import { typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import type { Kwargs } from '../python/objects/types';
import { intArg, isNone, parseArgs, sequenceItems } from './args';
import { rawMalloc } from './alloc';
import { INT64 } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import { stableArgsort } from './stableSort';
import type { NumpyRuntime } from './module';

/**
 * np.lexsort(keys, axis=-1) (PyArray_LexSort, item_selection.c): the array of key arrays and
 * their iterators' table (two PyArray_malloc blocks of n pointers), each key as an array
 * (PyArray_FROM_O: a list becomes an array; a 2-d key array gives its rows as views), one
 * PyArray_IterAllButAxis object per key, the intp result and its iterator; the keys are
 * mergesorted (stable) from the first to the last, so the last key is the primary one.
 */
export function lexsort(rt: NumpyRuntime, args: number[], kw: Kwargs): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const libc = A.alloc.libc;
  const [keysH, axisH] = parseArgs(vm, 'lexsort', ['keys', 'axis'], 1, args, kw);
  let items = sequenceItems(vm, keysH!);
  const rows: number[] = [];
  if (items === null && A.isArray(keysH!)) {
    // PySequence_GetItem on an array: the rows (views)
    const shape = A.shape(keysH!);
    if (shape.length === 0) throw typeError(vm, 'need sequence of keys with len > 0 in lexsort');
    items = [];
    for (let i = 0; i < shape[0]; i++) {
      const view = A.newArray(A.dtype(keysH!), shape.slice(1), {
        view: {
          data: A.data(keysH!) + i * A.strides(keysH!)[0],
          base: keysH!,
          strides: A.strides(keysH!).slice(1),
        },
      });
      rows.push(view);
      items.push(view);
    }
  }
  if (items === null) throw typeError(vm, 'need sequence of keys with len > 0 in lexsort');
  const n = items.length;
  if (n === 0) throw typeError(vm, 'need sequence of keys with len > 0 in lexsort');
  const mps = rawMalloc(libc, n * 8);
  const its = rawMalloc(libc, n * 8);
  const keys: number[] = [];
  const iters: number[] = [];
  try {
    for (const k of items) {
      const a = A.isArray(k) ? (vm.incref(k), k) : rt.fromList.fromObject(k, null, false);
      keys.push(a);
      if (A.dtype(a).kind === 'O') throw new NotSupported('np.lexsort of object arrays');
      if (keys.length > 1 && A.shape(a).join() !== A.shape(keys[0]).join())
        throw valueError(vm, 'all keys need to be the same shape');
    }
    const shape = A.shape(keys[0]);
    const nd = shape.length;
    if (nd > 1) throw new NotSupported('np.lexsort of keys with more than one dimension');
    if (!isNone(vm, axisH)) {
      const ax = intArg(vm, axisH!, 'axis');
      if (nd === 0 ? ax !== 0 && ax !== -1 : ax < -nd || ax >= nd) throw rt.errors.axis(ax, Math.max(nd, 1));
    }
    for (let i = 0; i < n; i++) iters.push(rt.sorting.iterObject());
    const len = nd === 0 ? 1 : shape[0];
    const r = A.newArray(INT64, shape);
    const rit = rt.sorting.iterObject();
    for (const a of keys) requireValues(A, a, 'np.lexsort');
    const vals = keys.map((a) => readBroadcast(A, a, [len]));
    const order = Array.from({ length: len }, (_, i) => i);
    // needcopy: a key not contiguous along the axis sorts through a value buffer and an index
    // buffer (PyDataMem_NEW), with the byte-swap flags' int array (malloc(n * sizeof(int)))
    const needcopy = nd === 1 && keys.some((a) => A.strides(a)[0] !== A.dtype(a).itemsize);
    let valbuffer = 0;
    let indbuffer = 0;
    let swaps = 0;
    if (needcopy) {
      const maxel = Math.max(...keys.map((a) => A.dtype(a).itemsize));
      valbuffer = rawMalloc(libc, len * maxel);
      indbuffer = rawMalloc(libc, len * 8);
      swaps = rawMalloc(libc, n * 4);
    }
    // each key's stable argsort from the first to the last: the last key orders first
    for (let k = 0; k < n; k++)
      stableArgsort(libc, vals[k], order, A.dtype(keys[k]).itemsize, (p, len) => A.vm.mem.touch(p, len));
    for (const p of [valbuffer, indbuffer, swaps]) if (p) libc.free(p);
    writeValues(A, r, (k) => order[k]);
    A.writeAll(r);
    if (rit) libc.free(rit);
    return r;
  } finally {
    for (const it of iters) if (it) libc.free(it);
    for (const a of keys) vm.decref(a);
    if (mps) libc.free(mps);
    if (its) libc.free(its);
    for (const v of rows) vm.decref(v);
  }
}
