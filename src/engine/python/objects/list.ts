import { memoryError } from '../errors';
import { listRepr } from './containerrepr';
import { typeError } from '../abstract/errors';
import { getIter, iterNextMayDefer, lengthHint } from '../abstract/iter';
import { DEFERRED, defersCall, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';
import { genericAlloc, hashNotImplemented } from './object';
import { noKeywords } from './getargs';
import { tupleItem } from './tuple';
import { listIterNew } from './iter';
import { listExtendExact } from './listextendexact';
import { listExtendItems, listInplaceRepeat, listRepeat } from './listops';
import {
  LIST_METHODS,
  listAssItem,
  listAssSubscript,
  listConcatSlot,
  listContains,
  listInplaceConcat,
  listItemSlot,
  listRichcompare,
  listSubscript,
  listText,
} from './listmethods';
import { ItemPool } from './pool';
import { F_RLE } from './table';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots } from './types';

/**
 * list objects (Objects/listobject.c, 3.11). The header is a GC object of 16 + 40 bytes
 * (ob_size, ob_item, allocated); the item array is a separate PyMem block of allocated × 8 bytes.
 * Columns: n = ob_size, cap = allocated, ptr = ob_item's address; items live in the item pool
 * (ref = offset, pcap = capacity) or, for `[x] * n`, as a run (F_RLE, ref = the item).
 */
export const LIST_BASIC = 40;

/** Borrowed item i (no bounds check). */
export function listItem(vm: Vm, h: number, i: number): number {
  const t = vm.table;
  return t.flags[h] & F_RLE ? t.ref[h] : vm.pool.data[t.ref[h] + i];
}

/** Make sure the pool block can hold `need` items, turning a run into explicit items. */
export function listStore(vm: Vm, h: number, need: number): void {
  const t = vm.table;
  const pool = vm.pool;
  if (t.flags[h] & F_RLE) {
    const v = t.ref[h];
    const n = t.n[h];
    const cap = ItemPool.capacityFor(Math.max(need, n));
    const off = pool.alloc(cap);
    pool.data.fill(v, off, off + n);
    t.flags[h] &= ~F_RLE;
    t.ref[h] = off;
    t.pcap[h] = cap;
    return;
  }
  if (t.pcap[h] >= need) return;
  const cap = ItemPool.capacityFor(need);
  if (t.pcap[h] === 0) t.ref[h] = pool.alloc(cap);
  else t.ref[h] = pool.grow(t.ref[h], t.pcap[h], t.pcap[h], cap); // whole block: callers fill past n
  t.pcap[h] = cap;
}

function dropStore(vm: Vm, h: number): void {
  const t = vm.table;
  if (t.pcap[h] !== 0) vm.pool.release(t.ref[h], t.pcap[h]);
  t.pcap[h] = 0;
  t.ref[h] = 0;
  t.flags[h] &= ~F_RLE;
}

/** Set item i (a slot the list owns; steals `v`, does not release the old item). Writes 8 bytes. */
export function listPut(vm: Vm, h: number, i: number, v: number): void {
  const t = vm.table;
  if (t.flags[h] & F_RLE) {
    if ((t.ref[h] === v && i <= t.n[h]) || (t.ref[h] === 0 && t.n[h] === 1 && i === 0)) {
      t.ref[h] = v; // a run of v, or the one NULL slot of PyList_New(1) filled
      vm.mem.touch(t.ptr[h] + 8 * i, 8);
      return;
    }
    listStore(vm, h, Math.max(i + 1, t.n[h]));
  } else if (t.pcap[h] <= i) listStore(vm, h, i + 1);
  vm.pool.data[t.ref[h] + i] = v;
  vm.mem.touch(t.ptr[h] + 8 * i, 8);
}

/** PyList_New(size): header from the free list or PyObject_GC_New; items PyMem_Calloc(size, 8). */
export function listNew(vm: Vm, size: number): number {
  const f = vm.free.lists;
  const h = f.length ? vm.reuse(f.pop()!, T.List) : vm.newGcObject(T.List, LIST_BASIC);
  const t = vm.table;
  if (size > 0) {
    const p = vm.mem.calloc(size, 8);
    if (p === 0) throw memoryError();
    t.ptr[h] = p;
    if (size === 1) {
      t.flags[h] |= F_RLE; // one NULL item, kept as a run: `[x]` needs no item-pool block
      t.ref[h] = 0;
    } else {
      listStore(vm, h, size);
      vm.pool.data.fill(0, t.ref[h], t.ref[h] + size);
    }
  }
  t.n[h] = size;
  t.cap[h] = size;
  vm.gc.track(h);
  return h;
}

/** list_new_prealloc(size): PyList_New(0), then PyMem_Malloc(8 × size) with allocated = size. */
export function listNewPrealloc(vm: Vm, size: number): number {
  const h = listNew(vm, 0);
  const p = vm.mem.malloc(8 * size);
  if (p === 0) {
    vm.decref(h);
    throw memoryError();
  }
  vm.table.ptr[h] = p;
  vm.table.cap[h] = size;
  return h;
}

/**
 * list_resize: nothing when allocated/2 ≤ newsize ≤ allocated; else over-allocate
 * (newsize + newsize/8 + 6) & ~3, or exactly (newsize + 3) & ~3 when that is closer, and
 * PyMem_Realloc the items.
 */
export function listResize(vm: Vm, h: number, newsize: number): void {
  const t = vm.table;
  const allocated = t.cap[h];
  if (allocated >= newsize && newsize >= Math.floor(allocated / 2)) {
    t.n[h] = newsize;
    return;
  }
  let newAllocated = Math.floor((newsize + Math.floor(newsize / 8) + 6) / 4) * 4;
  if (newsize - t.n[h] > newAllocated - newsize) newAllocated = Math.floor((newsize + 3) / 4) * 4;
  if (newsize === 0) newAllocated = 0;
  const p = vm.mem.realloc(t.ptr[h], newAllocated * 8);
  if (p === 0 && newAllocated !== 0) throw memoryError();
  t.ptr[h] = p;
  if (newsize > t.n[h] && !(t.flags[h] & F_RLE)) listStore(vm, h, newsize);
  t.n[h] = newsize;
  t.cap[h] = newAllocated;
}

/** _PyList_AppendTakeRef / PyList_Append (steals `v`). */
export function listAppend(vm: Vm, h: number, v: number): void {
  const t = vm.table;
  const len = t.n[h];
  if (t.cap[h] > len) {
    listPut(vm, h, len, v);
    t.n[h] = len + 1;
    return;
  }
  if (t.flags[h] & F_RLE && t.ref[h] === v) {
    listResize(vm, h, len + 1);
    vm.mem.touch(t.ptr[h] + 8 * len, 8);
    return;
  }
  listResize(vm, h, len + 1);
  t.n[h] = len;
  listPut(vm, h, len, v);
  t.n[h] = len + 1;
}

/** list_dealloc: items released last to first, then the item array, then the header. */
export function listDealloc(vm: Vm, h: number): void {
  const t = vm.table;
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  if (t.ptr[h] !== 0) {
    releaseItems(vm, h, t.n[h]);
    vm.mem.free(t.ptr[h]);
  }
  dropStore(vm, h);
  t.ptr[h] = 0;
  const f = vm.free.lists;
  if (f.length < vm.py.freelists.list && vm.table.type[h] === T.List) {
    vm.park(h);
    f.push(h);
  } else vm.gcDel(h);
  vm.trashEnd();
}

/** Py_XDECREF of items n-1 … 0 ("do it backwards, for Christian Tismer"). */
function releaseItems(vm: Vm, h: number, n: number): void {
  const t = vm.table;
  if (n === 0) return;
  if (t.flags[h] & F_RLE) {
    if (t.ref[h] !== 0) vm.decrefN(t.ref[h], n);
    return;
  }
  // Deallocation never allocates pool storage, so the block stays where it is while items go.
  const off = t.ref[h];
  for (let i = n - 1; i >= 0; i--) {
    const v = vm.pool.data[off + i];
    if (v !== 0) vm.decref(v);
  }
}

/** _list_clear (list.clear(), tp_clear): empty first, then release items, then free the array. */
export function listClear(vm: Vm, h: number): void {
  const t = vm.table;
  const p = t.ptr[h];
  if (p === 0) return;
  const n = t.n[h];
  const rle = t.flags[h] & F_RLE;
  const items = rle ? null : vm.pool.data.slice(t.ref[h], t.ref[h] + n);
  const v = t.ref[h];
  dropStore(vm, h);
  t.n[h] = 0;
  t.ptr[h] = 0;
  t.cap[h] = 0;
  if (rle) {
    if (v !== 0) vm.decrefN(v, n);
  }
  else for (let i = n - 1; i >= 0; i--) if (items![i] !== 0) vm.decref(items![i]);
  vm.mem.free(p);
}

export function listTraverse(vm: Vm, h: number, visit: (ref: number, times?: number) => void): void {
  const t = vm.table;
  const n = t.n[h];
  if (n === 0) return;
  if (t.flags[h] & F_RLE) {
    if (t.ref[h] !== 0) visit(t.ref[h], n);
    return;
  }
  const d = vm.pool.data;
  const off = t.ref[h];
  for (let i = 0; i < n; i++) if (d[off + i] !== 0) visit(d[off + i]);
}

/** A list whose first `n` items are `items` (new references given by the caller), exactly sized. */
export function listFromItems(vm: Vm, items: ArrayLike<number>): number {
  const n = items.length;
  if (n === 0) return listNew(vm, 0);
  const h = listNewPrealloc(vm, n);
  const t = vm.table;
  listStore(vm, h, n);
  vm.pool.data.set(items as ArrayLike<number>, t.ref[h]);
  vm.mem.touch(t.ptr[h], 8 * n);
  t.n[h] = n;
  return h;
}

/** Items [lo, hi) as a fresh array of handles (borrowed). */
export function listSliceItems(vm: Vm, h: number, lo: number, hi: number): Int32Array {
  const t = vm.table;
  if (t.flags[h] & F_RLE) return new Int32Array(Math.max(0, hi - lo)).fill(t.ref[h]);
  return vm.pool.data.slice(t.ref[h] + lo, t.ref[h] + hi);
}

/**
 * list_extend(self, iterable): a list or tuple in one resize (PySequence_Fast); anything else
 * through its iterator, with room for the length hint first (exactly, when the list is empty),
 * items stored while they fit and appended after, and the surplus cut back at the end.
 * With `defer` (a deferring list(): runtime/deferred.ts) an iterator that calls Python (map,
 * filter) runs that call in the eval loop: DEFERRED returned, the loop going on in ExtendRest.
 */
export function listExtend(vm: Vm, l: number, iterable: number, defer = false): number {
  const t = vm.table;
  const type = t.type[iterable];
  if (type === T.List || type === T.Tuple) {
    const items =
      type === T.Tuple
        ? vm.pool.data.slice(t.ref[iterable], t.ref[iterable] + t.n[iterable])
        : listSliceItems(vm, iterable, 0, t.n[iterable]);
    listExtendItems(vm, l, items);
    return 0;
  }
  if (listExtendExact(vm, l, iterable)) return 0; // 3.13: sets, dicts and dict views in place
  const iter = getIter(vm, iterable);
  try {
    const n = lengthHint(vm, iterable, 8);
    const m = t.n[l];
    if (t.ptr[l] === 0) {
      if (n > 0) {
        const size = n + (n % 2); // list_preallocate_exact: (n + 1) & ~1, past 32 bits too (10**10)
        const p = vm.mem.malloc(8 * size);
        if (p === 0) throw memoryError();
        t.ptr[l] = p;
        t.cap[l] = size;
      }
    } else {
      listResize(vm, l, m + n);
      t.n[l] = m;
    }
  } catch (e) {
    vm.decref(iter);
    throw e;
  }
  return extendFrom(vm, l, iter, defer);
}

/** list_extend's iterator loop, from its next item on; the iterator released at the end. */
function extendFrom(vm: Vm, l: number, iter: number, defer: boolean): number {
  try {
    for (;;) {
      const v = iterNextMayDefer(vm, iter, defer);
      if (v === DEFERRED) {
        deferrer(vm)!.continueWith(new ExtendRest(l, iter));
        return DEFERRED;
      }
      if (!v) break;
      appendExtended(vm, l, v);
    }
  } catch (e) {
    vm.decref(iter);
    throw e;
  }
  return extendEnd(vm, l, iter);
}

/** list_extend after the iterator's end: the surplus of the hint cut back, the iterator released. */
function extendEnd(vm: Vm, l: number, iter: number): number {
  const t = vm.table;
  try {
    if (t.n[l] < t.cap[l]) listResize(vm, l, t.n[l]);
  } finally {
    vm.decref(iter);
  }
  return 0;
}

/** One item of list_extend's loop: stored while it fits the room made, appended past it. */
function appendExtended(vm: Vm, l: number, v: number): void {
  const t = vm.table;
  vm.eval.tick();
  const size = t.n[l];
  if (size < t.cap[l]) {
    listPut(vm, l, size, v);
    t.n[l] = size + 1;
  } else {
    listResize(vm, l, size + 1);
    t.n[l] = size;
    listPut(vm, l, size, v);
    t.n[l] = size + 1;
  }
}

/** list_extend's rest after an item the eval loop made: store it, then the loop goes on. */
class ExtendRest implements CallContinuation {
  constructor(
    private readonly l: number,
    private readonly iter: number,
  ) {}
  done(vm: Vm, v: number): number {
    // filter_next's search may end in its rest (NULL: the iterator is exhausted)
    if (v === 0) return extendEnd(vm, this.l, this.iter);
    try {
      appendExtended(vm, this.l, v);
    } catch (e) {
      vm.decref(this.iter);
      throw e;
    }
    return extendFrom(vm, this.l, this.iter, true);
  }
  fail(vm: Vm): void {
    vm.decref(this.iter);
  }
}

/**
 * list_vectorcall: PyType_GenericAlloc (a fresh 56-byte block, not the free list), then
 * list_extend (whose Python work may run in the calling loop: ListRest finishes the call).
 */
const listVectorcall = defersCall(function listVectorcall(
  vm: Vm,
  _type: number,
  args: readonly number[],
  kw: Kwargs | null,
): number {
  const defer = takeDefer(vm);
  if (kw !== null && kw.size) throw typeError(vm, 'list() takes no keyword arguments');
  if (args.length > 1) throw typeError(vm, 'list expected at most 1 argument, got %zd', args.length);
  const l = vm.newGcObject(T.List, LIST_BASIC);
  vm.gc.track(l);
  if (args.length) {
    let r: number;
    try {
      r = listExtend(vm, l, args[0], defer);
    } catch (e) {
      vm.decref(l);
      throw e;
    }
    if (r === DEFERRED) {
      deferrer(vm)!.continueWith(new ListRest(l));
      return DEFERRED;
    }
  }
  return l;
});

/** list_vectorcall's rest: the list is the result; released when the extension failed. */
class ListRest implements CallContinuation {
  constructor(private readonly l: number) {}
  done(): number {
    return this.l;
  }
  fail(vm: Vm): void {
    vm.decref(this.l);
  }
}

/** PyList_Type.tp_new is PyType_GenericNew: an empty list of the class (never the free list). */
const listTypeNew = (vm: Vm, type: TypeSlots): number => genericAlloc(vm, type, 0);

/** list___init__ (a class's instance; list(x) itself is list_vectorcall): emptied, then list_extend. */
function listInit(vm: Vm, self: number, args: number, kwargs: number): void {
  const own = vm.table.type[self] === T.List || vm.typeOf(self).new === listTypeNew;
  if (own) noKeywords(vm, 'list', kwargs);
  const n = vm.table.n[args];
  if (n > 1) throw typeError(vm, 'list expected at most 1 argument, got %zd', n);
  if (vm.table.ptr[self] !== 0) listClear(vm, self);
  if (n) listExtend(vm, self, tupleItem(vm, args, 0));
}

export const ListType = (): TypeSlots =>
  defineType({
    id: T.List,
    name: 'list',
    basicsize: LIST_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.ListSubclass | TpFlags.SequenceFlag,
    dealloc: listDealloc,
    traverse: listTraverse,
    new: listTypeNew,
    init: listInit,
    clear: listClear,
    // list___sizeof__: _PyObject_SIZE(Py_TYPE(self)) + allocated × 8 (a class's instance is bigger)
    sizeof: (vm, h) => vm.typeOf(h).basicsize + 8 * vm.table.cap[h],
    repr: listRepr,
    reprText: listText,
    hash: hashNotImplemented,
    richcompare: listRichcompare,
    sequence: {
      length: (vm, h) => vm.table.n[h],
      concat: listConcatSlot,
      repeat: (vm, h, n) => listRepeat(vm, h, n),
      item: listItemSlot,
      assItem: listAssItem,
      contains: listContains,
      inplaceConcat: listInplaceConcat,
      inplaceRepeat: (vm, h, n) => {
        listInplaceRepeat(vm, h, n);
        vm.incref(h);
        return h;
      },
    },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: listSubscript, assSubscript: listAssSubscript },
    iter: listIterNew,
    typeVectorcall: listVectorcall,
    methods: LIST_METHODS,
  });
