/** A memoryview's items: indexing, slicing (init_slice), item assignment (pack_single, copy_single), == (memory_richcompare). */
import { NotSupported, memoryError } from '../errors';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { TYPECODES, rawGet, rawSet, type ArrayState } from './arrayobject';
import {
  bufferByte,
  bufferBytes,
  bufferWrite,
  getBuffer,
  hasBuffer,
  releaseBuffer,
  type BufferView,
} from './buffer';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromLong, fromSsize, intValue } from './int';
import { sliceIndices } from './slice';
import { tupleItems } from './tuple';
import { Cmp, T } from './types';
import { gatherBytes, isContiguous, itemOffsets, shapeLen, type ViewShape } from './memoryshape';

import { addView, isMemoryview, live, mbufOf, mvOf } from './memoryview';

const scratch = new DataView(new ArrayBuffer(8));

/** The item at byte offset `off` of the view: its value as its format reads it (unpack_single without the boxing). */
export function rawItem(vm: Vm, v: BufferView, off: number): number | bigint {
  const at = v.offset + off;
  if (v.format === 'B') return bufferByte(vm, v.obj, at);
  for (let k = 0; k < v.itemsize; k++) scratch.setUint8(k, bufferByte(vm, v.obj, at + k));
  return rawGet({ descr: TYPECODES[v.format], bytes: scratch } as ArrayState, 0);
}

/** unpack_single: the item at byte offset `off` as its format makes it (small ints for 'B'). */
export function item(vm: Vm, v: BufferView, off: number): number {
  if (v.format === 'B') return fromSsize(vm, rawItem(vm, v, off) as number);
  const x = rawItem(vm, v, off);
  if (v.format === 'd' || v.format === 'f') return fromDouble(vm, x as number);
  return fromLong(vm, typeof x === 'bigint' && x >= -(2n ** 53n) && x <= 2n ** 53n ? Number(x) : x);
}

/** lookup_dimension: the byte offset of index `key` along dimension `dim`. */
function dimOffset(vm: Vm, sh: ViewShape, dim: number, key: number): number {
  const n = sh.shape[dim];
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw raiseString(vm, E.IndexError, `index out of bounds on dimension ${dim + 1}`);
  return i * sh.strides[dim];
}

const notImplemented = (vm: Vm, what: string): never => {
  throw raiseString(vm, E.NotImplementedError, what);
};

/**
 * memory_subscript: an index unpacks one item of a 1-D view (memory_item), a tuple of indices one
 * item of an n-D view (memory_item_multi); a slice is a new view on the same buffer whose first
 * dimension starts at `start` and steps `step` items (init_slice): nothing copied.
 */
export function subscript(vm: Vm, h: number, key: number): number {
  const v = live(vm, h);
  const sh = mvOf(vm, h);
  const ndim = sh.shape.length;
  if (hasIndex(vm, key)) {
    const off = dimOffset(vm, sh, 0, key);
    if (ndim > 1) notImplemented(vm, 'multi-dimensional sub-views are not implemented');
    return item(vm, v, off);
  }
  if (vm.table.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, sh.shape[0]);
    const out = addView(vm, vm.table.ref[h], v, sh);
    const nv = mvOf(vm, out);
    nv.view.offset = v.offset + sl.start * sh.strides[0];
    nv.shape[0] = sl.length;
    nv.strides[0] = sh.strides[0] * sl.step;
    nv.view.len = shapeLen(nv.shape, v.itemsize);
    return out;
  }
  if (vm.table.type[key] === T.Tuple) {
    const keys = Array.from(tupleItems(vm, key));
    if (keys.every((k) => hasIndex(vm, k))) {
      if (keys.length < ndim) notImplemented(vm, 'sub-views are not implemented');
      if (keys.length > ndim)
        throw typeError(vm, 'cannot index %zd-dimension view with %zd-element tuple', ndim, keys.length);
      let off = 0;
      keys.forEach((k, dim) => (off += dimOffset(vm, sh, dim, k)));
      return item(vm, v, off);
    }
    if (keys.length && keys.every((k) => vm.table.type[k] === T.Slice))
      notImplemented(vm, 'multi-dimensional slicing is not implemented');
  }
  throw typeError(vm, 'memoryview: invalid slice key');
}

/**
 * memory_ass_sub: an index packs one item (pack_single: the format's range and type checked); a
 * slice, stepped or not, copies a buffer of the same format and length into the exporter's
 * memory (copy_single): bytearray, array.array, BytesIO views.
 */
export function assSubscript(vm: Vm, h: number, key: number, value: number): void {
  const v = live(vm, h);
  if (v.readonly) throw typeError(vm, 'cannot modify read-only memory');
  if (value === 0) throw typeError(vm, 'cannot delete memory');
  const sh = mvOf(vm, h);
  if (sh.shape.length !== 1) throw new NotSupported('assignment into a multi-dimensional memoryview');
  const stride = sh.strides[0];
  if (vm.table.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, sh.shape[0]);
    const mv = isMemoryview(vm, value);
    if (!hasBuffer(vm, value) && !mv)
      throw typeError(vm, "a bytes-like object is required, not '%.200s'", typeName(vm, value));
    const src = mv ? live(vm, value) : getBuffer(vm, value);
    try {
      if (src.len / src.itemsize !== sl.length || src.format !== v.format || src.itemsize !== v.itemsize)
        throw valueError(vm, 'memoryview assignment: lvalue and rvalue have different structures');
      const bytes = mv ? gatherBytes(vm, src, mvOf(vm, value)) : bufferBytes(vm, src, 0, src.len);
      const size = v.itemsize;
      const contiguous =
        stride * sl.step === size && (!mv || isContiguous(mvOf(vm, value), size, src.len, 'C'));
      if (contiguous) bufferWrite(vm, v, sl.start * stride, bytes);
      else {
        // copy_single: a strided destination goes through a PyMem_Malloc'd bounce buffer
        const tmp = vm.mem.malloc(sl.length * size);
        if (tmp === 0 && sl.length * size > 0) throw memoryError();
        for (let k = 0; k < sl.length; k++)
          bufferWrite(vm, v, (sl.start + k * sl.step) * stride, bytes.subarray(k * size, (k + 1) * size));
        vm.mem.free(tmp);
      }
    } finally {
      if (!mv) releaseBuffer(vm, src);
    }
    return;
  }
  if (!hasIndex(vm, key)) throw typeError(vm, 'memoryview: invalid slice key');
  bufferWrite(vm, v, dimOffset(vm, sh, 0, key), packSingle(vm, v.format, value));
}

/** pack_single: one item's bytes in the view's format (little-endian: x86-64's native order). */
function packSingle(vm: Vm, format: string, value: number): Uint8Array {
  const descr = TYPECODES[format];
  if (descr === undefined || descr.kind === 'unicode')
    throw new NotSupported(`memoryview item assignment with format '${format}'`);
  const s = { descr, bytes: new DataView(new ArrayBuffer(8)) } as ArrayState;
  const invalid = (what: string): never => {
    throw (what === 'type' ? typeError : valueError)(
      vm,
      `memoryview: invalid ${what} for format '${format}'`,
    );
  };
  const t = vm.table.type[value];
  if (descr.kind === 'float') {
    if (t === T.Float) rawSet(s, 0, vm.table.num[value]);
    else if (hasIndex(vm, value)) rawSet(s, 0, Number(intValue(vm, value)));
    else invalid('type');
  } else {
    if (!hasIndex(vm, value)) invalid('type');
    const x = BigInt(t === T.Int || t === T.Bool ? intValue(vm, value) : asSsize(vm, value, 0));
    const bits = BigInt(descr.itemsize * 8);
    const [lo, hi] =
      descr.kind === 'uint' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
    if (x < lo || x > hi) invalid('value');
    rawSet(s, 0, descr.itemsize === 8 ? x : Number(x));
  }
  return new Uint8Array(s.bytes.buffer, 0, descr.itemsize);
}

/**
 * memory_richcompare: == and != only. Equal when the other side exports a buffer (a bytes, a
 * bytearray, an array, another view) with as many items and each item unpacks equal: the same
 * bytes when the formats agree; a released view equals only itself.
 */
export function memoryRichcompare(vm: Vm, v: number, w: number, op: Cmp): number {
  if (op !== Cmp.EQ && op !== Cmp.NE) return vm.s.NotImplemented;
  const equal = v === w || viewsEqual(vm, v, w);
  if (equal === null) return vm.s.NotImplemented;
  return vm.s.bool(equal === (op === Cmp.EQ));
}

function viewsEqual(vm: Vm, v: number, w: number): boolean | null {
  for (const h of [v, w])
    if (isMemoryview(vm, h) && (mvOf(vm, h).released || mbufOf(vm, vm.table.ref[h]).released)) return false;
  const views: BufferView[] = [];
  const shapes: ViewShape[] = [];
  const taken: BufferView[] = [];
  try {
    for (const h of [v, w]) {
      if (isMemoryview(vm, h)) {
        views.push(live(vm, h));
        shapes.push(mvOf(vm, h));
      } else if (hasBuffer(vm, h)) {
        const b = getBuffer(vm, h);
        taken.push(b);
        views.push(b);
        shapes.push({ shape: [b.len / b.itemsize], strides: [b.itemsize] });
      } else return null;
    }
    const [a, b] = views;
    // equiv_shape: the same number of dimensions and extents
    const [sa, sb] = shapes;
    if (sa.shape.length !== sb.shape.length || sa.shape.some((n, i) => n !== sb.shape[i])) return false;
    const oa = itemOffsets(sa);
    const ob = itemOffsets(sb);
    for (let i = 0; i < oa.length; i++) {
      const x = rawItem(vm, a, oa[i]);
      const y = rawItem(vm, b, ob[i]);
      // loose: a bigint and a number of the same value are equal items
      if (x != y) return false;
    }
    return true;
  } finally {
    for (const b of taken) releaseBuffer(vm, b);
  }
}
