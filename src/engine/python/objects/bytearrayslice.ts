import { raiseString, typeError, valueError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { bufferString, checkResizable, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import {
  bytearrayFromObject,
  bytearrayFromString,
  bytearrayResize,
  bytearraySet,
  bytearrayStart,
  byteValue,
} from './bytearray';
import { byteString, latin1Text, type ByteContent } from './bytes';
import { contentBytes, contentCopy, contentFromBytes, isUniform, writeContent } from './bytestore';
import { E } from './exctypes';
import { isMemoryview, memoryviewBuffer } from './memoryview';
import { sliceIndices } from './slice';
import { T, TpFlags } from './types';

/**
 * Changing a bytearray's length in the middle (Objects/bytearrayobject.c, 3.11):
 * bytearray_setslice_linear (b[i:j] = x, del b[i:j], del b[i], insert at a slice), the
 * extended-slice paths of bytearray_ass_subscript, and bytearray_setslice (extend from a buffer).
 * A cut that starts at 0 advances ob_start (no memmove; PyByteArray_Resize then keeps the block
 * unless under half of it is left): the streaming parser's `del buf[:n]` allocates nothing until
 * the buffer is mostly consumed.
 */

/** `c` with [lo, hi) replaced by `ins`; a uniform fill stays a fill when only cut. */
function spliced(c: ByteContent, lo: number, hi: number, ins: string): ByteContent {
  if (typeof c !== 'string' && isUniform(c) && ins.length === 0)
    return { fill: c.fill, length: c.length - (hi - lo) };
  const len = typeof c === 'string' ? c.length : c.length;
  const insBytes = Uint8Array.from(ins, (ch) => ch.charCodeAt(0));
  // same length: the bytes overwritten in place (a store stays paged, however big)
  if (ins.length === hi - lo) return writeContent(c, lo, insBytes);
  if (typeof c === 'string') return c.slice(0, lo) + ins + c.slice(hi);
  const out = new Uint8Array(len - (hi - lo) + ins.length);
  out.set(contentBytes(c, 0, lo));
  out.set(insBytes, lo);
  out.set(contentBytes(c, hi, len), lo + ins.length);
  return contentFromBytes(out);
}

/** bytearray_setslice_linear: [lo, hi) becomes `bytes` (already a JS string of the new bytes). */
export function setsliceLinear(vm: Vm, h: number, lo: number, hi: number, bytes: string): void {
  const t = vm.table;
  const size = t.n[h];
  const growth = bytes.length - (hi - lo);
  const content = spliced(t.side[h] as ByteContent, lo, hi, bytes);
  if (growth < 0) {
    checkResizable(vm, h);
    if (lo === 0)
      t.num[h] -= growth; // ob_start moves past the cut bytes
    else vm.mem.touch(bytearrayStart(vm, h) + lo + bytes.length, size - hi); // memmove of the tail
    try {
      bytearrayResize(vm, h, size + growth);
    } catch (e) {
      if (lo === 0) t.num[h] += growth;
      throw e;
    }
  } else if (growth > 0) {
    bytearrayResize(vm, h, size + growth);
    vm.mem.touch(bytearrayStart(vm, h) + lo + bytes.length, size - hi); // memmove
  }
  if (bytes.length > 0) vm.mem.touch(bytearrayStart(vm, h) + lo, bytes.length);
  t.side[h] = content;
}

/**
 * bytearray_setslice (bytearray.extend of a buffer, the end of extend from an iterable): the
 * bytearray itself is copied first (PyByteArray_FromStringAndSize), else its buffer is taken.
 */
export function setsliceFromBuffer(vm: Vm, h: number, lo: number, hi: number, values: number): void {
  if (values === h) {
    const copy = bytearrayFromString(vm, contentCopy(vm.table.side[h] as ByteContent));
    try {
      setsliceFromBuffer(vm, h, lo, hi, copy);
    } finally {
      vm.decref(copy);
    }
    return;
  }
  if (!hasBuffer(vm, values) && !isMemoryview(vm, values))
    throw typeError(vm, "can't set bytearray slice from %.100s", typeName(vm, values));
  const view = isMemoryview(vm, values) ? memoryviewBuffer(vm, values) : getBuffer(vm, values);
  try {
    const size = vm.table.n[h];
    const l = Math.max(lo, 0);
    setsliceLinear(vm, h, l, Math.min(Math.max(hi, l), size), bufferString(vm, view));
  } finally {
    if (!isMemoryview(vm, values)) releaseBuffer(vm, view);
  }
}

const isNumber = (vm: Vm, v: number): boolean => {
  const nb = vm.typeOf(v).number;
  return nb != null && (nb.index !== undefined || nb.int !== undefined || nb.float !== undefined);
};

/**
 * bytearray_ass_subscript: b[i] = v writes one byte; del b[i] and slices go through
 * setslice_linear (step 1) or the extended-slice loops. A value that is not a bytearray (bytes,
 * a list of ints, a memoryview) is first made one with PyByteArray_FromObject: the temporary
 * 56-byte object and its buffer are the allocations `b[i:j] = b'...'` makes.
 */
export function bytearrayAssSubscript(vm: Vm, h: number, key: number, values: number): void {
  const t = vm.table;
  let start: number;
  let stop: number;
  let step: number;
  let slicelen: number;
  if (hasIndex(vm, key) && t.type[key] !== T.Slice) {
    let i = asSsize(vm, key, E.IndexError);
    if (i < 0) i += t.n[h];
    if (i < 0 || i >= t.n[h]) throw raiseString(vm, E.IndexError, 'bytearray index out of range');
    if (values !== 0) return bytearraySet(vm, h, i, byteValue(vm, values));
    [start, stop, step, slicelen] = [i, i + 1, 1, 1];
  } else if (t.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, t.n[h]);
    [start, stop, step, slicelen] = [sl.start, sl.stop, sl.step, sl.length];
  } else throw typeError(vm, 'bytearray indices must be integers or slices, not %.200s', typeName(vm, key));

  let bytes = '';
  if (values !== 0) {
    if (values === h || t.type[values] !== T.ByteArray) {
      if (
        isNumber(vm, values) ||
        t.type[values] === T.Str ||
        vm.typeOf(values).flags & TpFlags.UnicodeSubclass
      )
        throw raiseString(
          vm,
          E.TypeError,
          'can assign only bytes, buffers, or iterables of ints in range(0, 256)',
        );
      const copy = bytearrayFromObject(vm, values);
      try {
        bytearrayAssSubscript(vm, h, key, copy);
      } finally {
        vm.decref(copy);
      }
      return;
    }
    const s = byteString(t.side[values] as ByteContent);
    if (s === null) throw new NotSupported('assigning a bytearray of over 64 MiB to a slice');
    bytes = s;
  }
  // b[5:2] = ... inserts before 5
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step === 1) return setsliceLinear(vm, h, start, stop, bytes);
  if (bytes.length === 0) return deleteExtended(vm, h, start, step, slicelen);
  if (bytes.length !== slicelen)
    throw valueError(
      vm,
      'attempt to assign bytes of size %zd to extended slice of size %zd',
      bytes.length,
      slicelen,
    );
  // bytearray_ass_subscript's extended-slice loop: one byte per `step`, each store touching its page;
  // the new contents made in one pass (bytearraySet per byte re-spliced the whole string each time)
  const text = t.side[h] as ByteContent;
  if (typeof text !== 'string') {
    // a paged store: each byte written in its page
    for (let k = 0, cur = start; k < slicelen; k++, cur += step)
      bytearraySet(vm, h, cur, bytes.charCodeAt(k));
    return;
  }
  const u8 = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) u8[i] = text.charCodeAt(i);
  const base = bytearrayStart(vm, h);
  for (let k = 0, cur = start; k < slicelen; k++, cur += step) {
    u8[cur] = bytes.charCodeAt(k);
    vm.mem.touch(base + cur, 1);
  }
  t.side[h] = latin1Text(u8);
}

/** del b[i:j:k]: the kept bytes moved down run by run, then PyByteArray_Resize(size − slicelen). */
function deleteExtended(vm: Vm, h: number, start: number, step: number, slicelen: number): void {
  checkResizable(vm, h);
  if (slicelen === 0) return;
  if (step < 0) {
    const stop = start + 1;
    start = stop + step * (slicelen - 1) - 1;
    step = -step;
  }
  const t = vm.table;
  const text = byteString(t.side[h] as ByteContent);
  if (text === null) throw new NotSupported('deleting an extended slice of a bytearray over 64 MiB');
  let kept = '';
  let from = 0;
  for (let k = 0, cur = start; k < slicelen; k++, cur += step) {
    kept += text.slice(from, cur);
    from = cur + 1;
  }
  kept += text.slice(from);
  vm.mem.touch(bytearrayStart(vm, h) + start, t.n[h] - start); // the memmoves
  bytearrayResize(vm, h, t.n[h] - slicelen);
  t.side[h] = kept.length ? kept : { fill: 0, length: 0 };
}
