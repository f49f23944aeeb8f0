import type { Vm } from '../python/runtime/vm';
import { NotSupported } from '../python/errors';
import { forEachOffset, formulaOf, valueAt, writeValues } from './elements';
import { OBJECT } from './dtypes';
import type { Arrays } from './ndarray';

/**
 * The slots of dtype=object arrays (arraytypes.c.src OBJECT_getitem/OBJECT_setitem, refcount.c).
 * Each 8-byte slot holds a PyObject pointer or NULL; the model keeps the handle (0 for NULL) in
 * the owner's Int32Array (ValueStore.handles). Storing takes a reference, replacing or freeing
 * the array drops one: an object array keeps every object it holds alive, and since NumPy's
 * ndarray has no tp_traverse, a cycle through one is never collected.
 */

/** PyArray_XDECREF (array_dealloc): one reference dropped per non-NULL slot, in buffer order. */
export function releaseItems(vm: Vm, handles: Int32Array): void {
  for (let i = 0; i < handles.length; i++) {
    const o = handles[i];
    if (o !== 0) {
      handles[i] = 0;
      vm.decref(o);
    }
  }
}

/** The owner slot and the index of the item at byte address `addr` of `h`'s buffer. */
function locate(A: Arrays, h: number, addr: number): { items: Int32Array; i: number } {
  const owner = A.t.vslot[A.slot(h)];
  return { items: A.values.handles(owner), i: (addr - A.t.data[owner]) / 8 };
}

/** OBJECT_getitem: the stored object (a new reference); a NULL slot reads as None. */
export function itemAt(A: Arrays, h: number, addr: number): number {
  const { items, i } = locate(A, h, addr);
  const o = items[i] || A.vm.s.None;
  A.vm.incref(o);
  return o;
}

/** OBJECT_setitem: Py_INCREF(new), store, Py_XDECREF(old) (the old object may go right here). */
export function setItemAt(A: Arrays, h: number, addr: number, o: number): void {
  const { items, i } = locate(A, h, addr);
  A.vm.incref(o);
  const old = items[i];
  items[i] = o;
  A.alloc.write(addr, 8);
  if (old !== 0) A.vm.decref(old);
}

/** The handles of `h`'s elements in C order (0 for NULL), borrowed. */
export function itemHandles(A: Arrays, h: number): Int32Array {
  const s = A.slot(h);
  const t = A.t;
  const owner = t.vslot[s];
  const items = A.values.handles(owner);
  const out = new Int32Array(t.size(s));
  forEachOffset(t.shape(s), t.strides(s), t.data[s] - t.data[owner], (o, k) => (out[k] = items[o / 8]));
  return out;
}

/**
 * Every element of `h` set to `get(k)` (C order, borrowed handles; each stored one referenced),
 * as a fill or a copy into an object array does it element by element.
 */
export function storeItems(A: Arrays, h: number, get: (k: number) => number): void {
  const s = A.slot(h);
  const t = A.t;
  const owner = t.vslot[s];
  const items = A.values.handles(owner);
  const vm = A.vm;
  forEachOffset(t.shape(s), t.strides(s), t.data[s] - t.data[owner], (o, k) => {
    const v = get(k);
    vm.incref(v);
    const old = items[o / 8];
    items[o / 8] = v;
    if (old !== 0) vm.decref(old);
  });
  A.writeAll(h);
}

/**
 * Element-by-element copy of `src` into `dest` (same size, C order): numbers as the dtypes cast
 * them, or, between object arrays, the same objects with one more reference each
 * (OBJECT_to_OBJECT / PyArray_AssignArray's reference-counting copy).
 */
export function copyElements(A: Arrays, dest: number, src: number): void {
  const o1 = A.dtype(dest) === OBJECT;
  const o2 = A.dtype(src) === OBJECT;
  if (!o1 && !o2) return writeValues(A, dest, (k) => valueAt(A, src, k), formulaOf(A, src));
  if (!o1 || !o2) throw new NotSupported('casting between object arrays and numeric arrays here');
  const items = itemHandles(A, src);
  storeItems(A, dest, (k) => items[k] || A.vm.s.None);
}
