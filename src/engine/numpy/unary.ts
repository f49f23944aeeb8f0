import { rawMalloc } from './alloc';
import { NotSupported, PyError } from '../python/errors';
import { NPY_MIN_ELIDE_BYTES } from './constants';
import { isCContiguous, type Arrays } from './ndarray';
import { bufferNever, iteratorBytes, type Ufuncs } from './ufunc';

const UNARY: Record<string, string> = { '-': 'negative', '+': 'positive', abs: 'absolute' };

/**
 * ndarray's unary number slots (number.c array_negative, array_positive, array_absolute, 1.24.2):
 * can_elide_temp_unary (refcount 1, owning, at least NPY_MIN_ELIDE_BYTES, check_callers) runs
 * the ufunc in place; otherwise the ufunc makes a new array: the trivial loop for 1-d or
 * contiguous operands, else the buffered iterator (NIT_SIZEOF_ITERATOR with nop = 2, and a
 * buffer when the operand's strides do not chain). unary +, which NumPy 1.24 also sends to the
 * `positive` ufunc, is a copy, not the same object.
 */
export function unaryOp(u: Ufuncs, op: string, a: number): number {
  const A: Arrays = u.arrays;
  if (!UNARY[op]) throw new NotSupported(`unary ${op} on numpy arrays`);
  const st = A.state(a);
  const vm = A.vm;
  if (vm.table.refcnt[a] === 1 && st.own && A.nbytes(a) >= NPY_MIN_ELIDE_BYTES && u.checkCallers()) {
    A.writeAll(a);
    vm.incref(a);
    return a;
  }
  if (st.shape.length <= 1 || isCContiguous(st)) {
    const r = A.newArray(st.dtype, st.shape);
    A.writeAll(r);
    return r;
  }
  const libc = A.alloc.libc;
  const bytes = iteratorBytes(st.shape.length, 2);
  const iter = rawMalloc(libc, bytes);
  if (iter === 0) throw new PyError('MemoryError', '');
  vm.mem.touch(iter, bytes);
  let buffer = 0;
  try {
    const r = A.newArray(st.dtype, st.shape);
    if (!bufferNever(st.shape, st.strides, st.shape)) {
      const len = Math.min(8192, A.nbytes(a) / st.dtype.itemsize) * st.dtype.itemsize;
      buffer = rawMalloc(libc, len);
      if (buffer) vm.mem.touch(buffer, len);
    }
    A.writeAll(r);
    return r;
  } finally {
    if (buffer) libc.free(buffer);
    libc.free(iter);
  }
}
