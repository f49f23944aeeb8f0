import { memoryError } from '../errors';
import { indexError, valueError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import {
  listAppend,
  listClear,
  listFromItems,
  listItem,
  listNew,
  listNewPrealloc,
  listPut,
  listResize,
  listSliceItems,
  listStore,
} from './list';
import { F_RLE } from './table';

/** list_repeat: list_new_prealloc(n·len), one item shared n times (a run) or the items copied. */
export function listRepeat(vm: Vm, a: number, times: number): number {
  const t = vm.table;
  const len = t.n[a];
  const n = Math.max(0, times);
  const size = len * n;
  if (size === 0) return listNew(vm, 0);
  if (size > 2 ** 60 / 8) throw memoryError();
  const h = listNewPrealloc(vm, size);
  if (len === 1 || (t.flags[a] & F_RLE && len > 0)) {
    const elem = listItem(vm, a, 0);
    vm.increfN(elem, size);
    t.flags[h] |= F_RLE;
    t.ref[h] = elem;
  } else {
    const src = listSliceItems(vm, a, 0, len);
    listStore(vm, h, size);
    const d = vm.pool.data;
    const off = t.ref[h];
    for (let r = 0; r < n; r++) d.set(src, off + r * len);
    for (let i = 0; i < len; i++) vm.increfN(src[i], n);
  }
  vm.mem.touch(t.ptr[h], 8 * size);
  t.n[h] = size;
  return h;
}

/** list_concat: an exactly sized new list of a's items then b's. */
export function listConcat(vm: Vm, a: number, b: number): number {
  const na = vm.table.n[a];
  const nb = vm.table.n[b];
  if (na + nb === 0) return listNew(vm, 0);
  const items = new Int32Array(na + nb);
  items.set(listSliceItems(vm, a, 0, na));
  items.set(listSliceItems(vm, b, 0, nb), na);
  for (const it of items) vm.incref(it);
  return listFromItems(vm, items);
}

/** list_slice / list_subscript with a step: list_new_prealloc(length) and the items copied. */
export function listSlice(vm: Vm, h: number, start: number, step: number, length: number): number {
  if (length <= 0) return listNew(vm, 0);
  const t = vm.table;
  if (t.flags[h] & F_RLE) {
    const r = listNewPrealloc(vm, length);
    const v = t.ref[h];
    vm.increfN(v, length);
    t.flags[r] |= F_RLE;
    t.ref[r] = v;
    t.n[r] = length;
    vm.mem.touch(t.ptr[r], 8 * length);
    return r;
  }
  const items = new Int32Array(length);
  for (let i = 0, cur = start; i < length; i++, cur += step) {
    items[i] = listItem(vm, h, cur);
    vm.incref(items[i]);
  }
  return listFromItems(vm, items);
}

/** list_extend for a list or tuple argument (PySequence_Fast): one resize, exactly sized when empty. */
export function listExtendItems(vm: Vm, h: number, items: Int32Array): void {
  const t = vm.table;
  const n = items.length;
  if (n === 0) return;
  const m = t.n[h];
  for (const it of items) vm.incref(it);
  if (t.ptr[h] === 0) {
    // list_preallocate_exact: rounds up to an even number of slots (16-byte granularity).
    const size = (n + 1) & ~1;
    const p = vm.mem.malloc(8 * size);
    if (p === 0) throw memoryError();
    t.ptr[h] = p;
    t.cap[h] = size;
  } else listResize(vm, h, m + n);
  t.n[h] = m;
  for (let i = 0; i < n; i++) listPut(vm, h, m + i, items[i]);
  t.n[h] = m + n;
}

/** ins1 (list.insert): resize by one, shift the tail, store. */
export function listInsert(vm: Vm, h: number, where: number, v: number): void {
  const t = vm.table;
  const n = t.n[h];
  listResize(vm, h, n + 1);
  t.n[h] = n;
  if (where < 0) where = Math.max(0, where + n);
  if (where > n) where = n;
  vm.incref(v);
  if (t.flags[h] & F_RLE && t.ref[h] === v) {
    t.n[h] = n + 1;
  } else {
    listStore(vm, h, n + 1);
    const d = vm.pool.data;
    const off = t.ref[h];
    d.copyWithin(off + where + 1, off + where, off + n);
    d[off + where] = v;
    t.n[h] = n + 1;
  }
  vm.mem.touch(t.ptr[h] + 8 * where, 8 * (n + 1 - where));
}

/** list.pop(i): the last item just shrinks the list (list_resize), others go through list_ass_slice. */
export function listPop(vm: Vm, h: number, index: number): number {
  const t = vm.table;
  const n = t.n[h];
  if (n === 0) throw indexError(vm, 'pop from empty list');
  if (index < 0) index += n;
  if (index < 0 || index >= n) throw indexError(vm, 'pop index out of range');
  const v = listItem(vm, h, index);
  if (index === n - 1) {
    listResize(vm, h, n - 1);
    return v;
  }
  vm.incref(v);
  listAssSlice(vm, h, index, index + 1, null);
  return v;
}

/**
 * list_ass_slice(a, lo, hi, items): `recycle` holds the removed items (PyMem_Malloc when more than
 * 8), the list is resized, new items stored, then the removed ones released last to first.
 */
export function listAssSlice(vm: Vm, h: number, lo: number, hi: number, items: Int32Array | null): void {
  const t = vm.table;
  const size = t.n[h];
  lo = Math.min(Math.max(lo, 0), size);
  hi = Math.min(Math.max(hi, lo), size);
  const n = items ? items.length : 0;
  const norig = hi - lo;
  const d = n - norig;
  if (size + d === 0) {
    listClear(vm, h);
    return;
  }
  const recycle = listSliceItems(vm, h, lo, hi);
  const recycleBlock = norig > 8 ? vm.mem.malloc(8 * norig) : 0;
  if (norig > 8 && recycleBlock === 0) throw memoryError();
  if (recycleBlock) vm.mem.touch(recycleBlock, 8 * norig);
  if (t.flags[h] & F_RLE && n > 0) listStore(vm, h, size + Math.max(d, 0));
  if (d < 0) {
    if (!(t.flags[h] & F_RLE)) vm.pool.data.copyWithin(t.ref[h] + hi + d, t.ref[h] + hi, t.ref[h] + size);
    vm.mem.touch(t.ptr[h] + 8 * (hi + d), 8 * (size - hi));
    listResize(vm, h, size + d);
  } else if (d > 0) {
    listResize(vm, h, size + d);
    listStore(vm, h, size + d);
    vm.pool.data.copyWithin(t.ref[h] + hi + d, t.ref[h] + hi, t.ref[h] + size);
    vm.mem.touch(t.ptr[h] + 8 * (hi + d), 8 * (size - hi));
  }
  for (let k = 0; k < n; k++) {
    vm.incref(items![k]);
    listPut(vm, h, lo + k, items![k]);
  }
  for (let k = norig - 1; k >= 0; k--) if (recycle[k] !== 0) vm.decref(recycle[k]);
  if (recycleBlock) vm.mem.free(recycleBlock);
}

/** del a[start:stop:step] with step ≠ 1 (list_ass_subscript): a `garbage` array, one resize. */
export function listDelExtended(vm: Vm, h: number, start: number, step: number, length: number): void {
  if (length <= 0) return;
  const t = vm.table;
  if (step < 0) {
    start = start + step * (length - 1);
    step = -step;
  }
  const garbage = vm.mem.malloc(8 * length);
  if (garbage === 0) throw memoryError();
  vm.mem.touch(garbage, 8 * length);
  const size = t.n[h];
  const removed = new Int32Array(length);
  const keep: number[] = [];
  for (let i = 0, j = 0; i < size; i++) {
    if (j < length && i === start + j * step) removed[j++] = listItem(vm, h, i);
    else keep.push(listItem(vm, h, i));
  }
  if (!(t.flags[h] & F_RLE)) vm.pool.data.set(keep, t.ref[h]);
  vm.mem.touch(t.ptr[h] + 8 * start, 8 * Math.max(0, keep.length - start));
  t.n[h] = size - length;
  listResize(vm, h, size - length);
  for (let i = 0; i < length; i++) vm.decref(removed[i]);
  vm.mem.free(garbage);
}

/**
 * list_ass_subscript's extended-slice store (step != 1): the sequence (already PySequence_Fast'd by
 * the caller) must have exactly `length` items; the replaced items go to a PyMem_Malloc'd
 * garbage array of length·8 bytes and are released only after every slot holds its new item.
 */
export function listAssExtended(
  vm: Vm,
  h: number,
  start: number,
  step: number,
  length: number,
  items: Int32Array,
): void {
  if (items.length !== length)
    throw valueError(
      vm,
      'attempt to assign sequence of size %zd to extended slice of size %zd',
      items.length,
      length,
    );
  if (length === 0) return;
  const garbage = vm.mem.malloc(8 * length);
  if (garbage === 0) throw memoryError();
  vm.mem.touch(garbage, 8 * length);
  const old = new Int32Array(length);
  for (let i = 0, cur = start; i < length; i++, cur += step) {
    old[i] = listItem(vm, h, cur);
    vm.incref(items[i]);
    listPut(vm, h, cur, items[i]);
  }
  for (let i = 0; i < length; i++) vm.decref(old[i]);
  vm.mem.free(garbage);
}

/** list_inplace_repeat (a *= n). */
export function listInplaceRepeat(vm: Vm, h: number, times: number): void {
  const t = vm.table;
  const size = t.n[h];
  if (size === 0 || times === 1) return;
  if (times < 1) {
    listClear(vm, h);
    return;
  }
  const src = listSliceItems(vm, h, 0, size);
  listResize(vm, h, size * times);
  t.n[h] = size;
  for (let r = 1; r < times; r++) {
    for (let j = 0; j < size; j++) {
      vm.incref(src[j]);
      listAppend(vm, h, src[j]);
    }
  }
}
