import type { Vm } from '../runtime/vm';
import { bufferByte, type BufferView } from './buffer';

/**
 * A memoryview's shape and strides (Objects/memoryobject.c, 3.11): each view keeps its own
 * ob_array of 3·ndim words (shape, strides, suboffsets) after a 144-byte body, so a 1-D view is
 * 16 + 144 + 24 = 184 bytes and a cast to (4, 6) 16 + 144 + 48 = 208. A slice with a step
 * multiplies the first stride (init_slice); nothing is copied until tobytes/hex/tolist read the
 * items in C order.
 */
export interface ViewShape {
  shape: number[];
  /** Byte distance between neighbours in each dimension (negative for a reversed slice). */
  strides: number[];
}

/** memory_alloc(ndim)'s basicsize: the 144-byte body and its 3·ndim words (at least one dimension). */
export const viewSize = (ndim: number): number => 144 + 24 * Math.max(1, ndim);

/** init_len: product(shape) · itemsize. */
export const shapeLen = (shape: readonly number[], itemsize: number): number =>
  shape.reduce((a, b) => a * b, 1) * itemsize;

/** init_strides_from_shape: C-order strides of a contiguous array. */
export function cStrides(shape: readonly number[], itemsize: number): number[] {
  const out = new Array<number>(shape.length);
  let sd = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    out[i] = sd;
    sd *= shape[i];
  }
  return out;
}

/**
 * init_flags: a 1-D view is contiguous (C and Fortran) when it has one item or its stride is the
 * itemsize (MV_CONTIGUOUS_NDIM1); an n-D view is tested per order (PyBuffer_IsContiguous: a
 * dimension of extent 1 may have any stride, an empty view is contiguous).
 */
export function isContiguous(s: ViewShape, itemsize: number, len: number, order: 'C' | 'F'): boolean {
  const n = s.shape.length;
  if (n === 1) return s.shape[0] === 1 || s.strides[0] === itemsize;
  if (len === 0) return true;
  let sd = itemsize;
  for (let k = 0; k < n; k++) {
    const i = order === 'C' ? n - 1 - k : k;
    if (s.shape[i] > 1 && s.strides[i] !== sd) return false;
    sd *= s.shape[i];
  }
  return true;
}

/** The byte offsets (from the view's start) of its items in C order (or Fortran order: the first index fastest). */
export function itemOffsets(s: ViewShape, order: 'C' | 'F' = 'C'): number[] {
  const out: number[] = [];
  const n = s.shape.length;
  const walk = (k: number, at: number): void => {
    if (k === n) {
      out.push(at);
      return;
    }
    const dim = order === 'C' ? k : n - 1 - k;
    for (let i = 0; i < s.shape[dim]; i++) walk(k + 1, at + i * s.strides[dim]);
  };
  walk(0, 0);
  return out;
}

/** The view's bytes in C order (what buffer_to_contiguous writes). */
export function gatherBytes(vm: Vm, v: BufferView, s: ViewShape, order: 'C' | 'F' = 'C'): Uint8Array {
  const offs = itemOffsets(s, order);
  const out = new Uint8Array(offs.length * v.itemsize);
  for (let k = 0; k < offs.length; k++)
    for (let b = 0; b < v.itemsize; b++)
      out[k * v.itemsize + b] = bufferByte(vm, v.obj, v.offset + offs[k] + b);
  return out;
}

/**
 * PyBuffer_ToContiguous's allocations for a view that is not C-contiguous: a Py_buffer_full
 * (an 80-byte Py_buffer, one array word, 3·ndim words), buffer_to_contiguous's C strides
 * (ndim words), and copy_buffer's bounce buffer of one last-dimension row when the last dimension
 * is strided (last_dim_is_contiguous); freed in the reverse order.
 */
export function toContiguousAllocations(
  vm: Vm,
  s: ViewShape,
  itemsize: number,
  order: 'C' | 'F' = 'C',
): void {
  const ndim = s.shape.length;
  const fb = vm.mem.malloc(88 + 24 * ndim);
  const strides = vm.mem.malloc(8 * ndim);
  // the destination's last stride (init_fortran_strides_from_shape: every extent but the last's product)
  const destLast = order === 'C' ? itemsize : itemsize * s.shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const lastStrided = s.strides[ndim - 1] !== itemsize || destLast !== itemsize;
  const mem = lastStrided ? vm.mem.malloc(s.shape[ndim - 1] * itemsize) : 0;
  if (mem) vm.mem.free(mem);
  vm.mem.free(strides);
  vm.mem.free(fb);
}
