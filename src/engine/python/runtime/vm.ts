import type { Kernel } from '../../kernel/kernel';
import { memoryError } from '../errors';
import { ItemPool } from '../objects/pool';
import { F_FREELISTED, F_IMMORTAL, F_RLE, F_TRACKED, ObjectTable } from '../objects/table';
import { T, type ExtensionType } from '../objects/types';
import { EventKind } from '../../trace/events';
import { FreeLists } from './freelists';
import { Gc, type GcHost } from './gc';
import type { Mem } from './mem';
import { clearObject, deallocObject, traverseObject } from './dispatch';
import { Singletons } from './singletons';

export interface ObjectHooks {
  dealloc(h: number): void;
  traverse(h: number, visit: (ref: number, times?: number) => void): void;
  clear(h: number): void;
}

/** sizeof(PyGC_Head): two words in front of every GC object, in the same allocation. */
export const GC_HEAD = 16;
/** Where static objects (small ints, None, builtins...) pretend to live: the binary's .data. */
const STATIC_BASE = 0x5555_5540_0000;
/** _PyTrash_UNWIND_LEVEL: deeper container deallocations are deferred (Py_TRASHCAN_BEGIN). */
const TRASH_UNWIND_LEVEL = 50;

/**
 * The object world of one simulated CPython 3.11 process: the handle table, reference counting
 * and deallocation, the allocation helpers every type uses (PyObject_New, PyObject_GC_New...),
 * the collector and the free lists. The interpreter (interp/) runs on top of it.
 */
export class Vm implements GcHost {
  readonly table = new ObjectTable();
  readonly pool = new ItemPool();
  readonly free = new FreeLists();
  readonly gc: Gc;
  readonly s: Singletons;
  readonly extensions: (ExtensionType | undefined)[] = [];
  /** The interpreter's own object kinds (generators, ctypes objects): set by interp/. */
  hooks: ObjectHooks = {
    dealloc: () => {
      throw new Error('internal: no interpreter hooks');
    },
    traverse: () => {},
    clear: () => {},
  };
  private staticNext = STATIC_BASE;
  private trashNesting = 0;
  private readonly trashLater: number[] = [];

  constructor(readonly mem: Mem) {
    this.gc = new Gc(this, () => this.newStatic(T.GcHead));
    this.s = new Singletons(this);
  }

  get kernel(): Kernel {
    return this.mem.kernel;
  }

  // ---- reference counting -------------------------------------------------------------

  incref(h: number): void {
    if (!(this.table.flags[h] & F_IMMORTAL)) this.table.refcnt[h]++;
  }

  decref(h: number): void {
    const t = this.table;
    if (t.flags[h] & F_IMMORTAL) return;
    if (--t.refcnt[h] === 0) this.dealloc(h);
  }

  xdecref(h: number): void {
    if (h !== 0) this.decref(h);
  }

  /** Drop `k` references at once (list_repeat's shared item); the last one may deallocate. */
  decrefN(h: number, k: number): void {
    if (k <= 0 || this.table.flags[h] & F_IMMORTAL) return;
    const t = this.table;
    t.refcnt[h] -= k - 1;
    this.decref(h);
  }

  increfN(h: number, k: number): void {
    if (!(this.table.flags[h] & F_IMMORTAL)) this.table.refcnt[h] += k;
  }

  /** tp_dealloc. */
  dealloc(h: number): void {
    deallocObject(this, h);
  }

  /** Py_TRASHCAN_BEGIN: true when the deallocation is deferred (nesting too deep). */
  trashBegin(h: number): boolean {
    if (this.trashNesting >= TRASH_UNWIND_LEVEL) {
      this.trashLater.push(h);
      return true;
    }
    this.trashNesting++;
    return false;
  }

  /** Py_TRASHCAN_END: run deferred deallocations once back at the top (_PyTrash_thread_destroy_chain). */
  trashEnd(): void {
    this.trashNesting--;
    if (this.trashLater.length && this.trashNesting <= 0) {
      this.trashNesting++;
      while (this.trashLater.length) this.dealloc(this.trashLater.pop()!);
      this.trashNesting--;
    }
  }

  // ---- allocation helpers -------------------------------------------------------------

  /** PyObject_Malloc(size) for a new object of `type`, its header written. Throws MemoryError. */
  newObject(type: number, size: number): number {
    const p = this.mem.malloc(size);
    if (p === 0) throw memoryError();
    this.mem.wroteObject(p, size);
    const h = this.table.newHandle(type);
    this.table.addr[h] = p;
    return h;
  }

  /**
   * PyObject_GC_New / GC_NewVar (gc_alloc): PyObject_Malloc(16 + size), then _PyObject_GC_Link,
   * which may run a collection right here, before the object exists. Not tracked yet.
   */
  newGcObject(type: number, size: number): number {
    const p = this.mem.malloc(GC_HEAD + size);
    if (p === 0) throw memoryError();
    this.mem.wroteObject(p, GC_HEAD + size);
    this.gc.linked();
    const h = this.table.newHandle(type);
    this.table.addr[h] = p;
    return h;
  }

  /** Take a dead object off a free list: same handle and memory, a fresh reference. */
  reuse(h: number, type: number): number {
    const t = this.table;
    t.flags[h] = 0;
    t.type[h] = type;
    t.refcnt[h] = 1;
    t.n[h] = 0;
    t.cap[h] = 0;
    t.ptr[h] = 0;
    t.num[h] = 0;
    t.ref[h] = 0;
    t.pcap[h] = 0;
    // No touch: a free-listed object's memory was written when it was made and stays resident.
    return h;
  }

  /** Park a dead object on a free list (its memory stays allocated). */
  park(h: number): void {
    this.table.flags[h] = F_FREELISTED;
  }

  /** PyObject_Free of a non-GC object, and the handle is gone. */
  objectFree(h: number): void {
    this.mem.free(this.table.addr[h]);
    this.table.release(h);
  }

  /** PyObject_GC_Del: untracked already; gen-0 count goes down, memory back to pymalloc. */
  gcDel(h: number): void {
    if (this.table.flags[h] & F_TRACKED) this.gc.untrack(h);
    this.gc.deleted();
    this.mem.free(this.table.addr[h]);
    this.table.release(h);
  }

  /** A static object (in the binary or made at start-up): no allocation, never freed. */
  newStatic(type: number): number {
    const h = this.table.newHandle(type);
    this.table.flags[h] = F_IMMORTAL;
    this.table.addr[h] = this.staticNext;
    this.staticNext += 64;
    return h;
  }

  isImmortal(h: number): boolean {
    return (this.table.flags[h] & F_IMMORTAL) !== 0;
  }

  /** id(obj): the PyObject address (after the GC head for GC types). */
  id(h: number): number {
    return this.table.addr[h] + (this.isGcType(this.table.type[h]) && !this.isImmortal(h) ? GC_HEAD : 0);
  }

  isGcType(type: number): boolean {
    switch (type) {
      case T.List:
      case T.Tuple:
      case T.Dict:
      case T.Set:
      case T.FrozenSet:
      case T.ListIter:
      case T.TupleIter:
      case T.Function:
      case T.Generator:
      case T.Slice:
      case T.DictView:
      case T.DictIter:
      case T.SetIter:
      case T.BoundBuiltin:
      case T.Cell:
      case T.Module:
      case T.Type:
      case T.CDLL:
      case T.CFunc:
      case T.StrIter:
      case T.Enumerate:
      case T.Zip:
      case T.ListRevIter:
        return true;
      default:
        return type >= T.FirstExtension ? (this.extensions[type]?.gc ?? false) : false;
    }
  }

  registerType(ext: ExtensionType): void {
    this.extensions[ext.id] = ext;
  }

  // ---- GcHost -------------------------------------------------------------------------

  traverse(h: number, visit: (ref: number, times?: number) => void): void {
    const t = this.table;
    if (t.type[h] === T.List) {
      // the collector's hot path: lists inline (listTraverse)
      const n = t.n[h];
      if (n === 0) return;
      if (t.flags[h] & F_RLE) {
        if (t.ref[h] !== 0) visit(t.ref[h], n);
        return;
      }
      const d = this.pool.data;
      for (let i = t.ref[h], end = i + n; i < end; i++) if (d[i] !== 0) visit(d[i]);
      return;
    }
    traverseObject(this, h, visit);
  }

  clear(h: number): void {
    clearObject(this, h);
  }

  mayBeTracked(h: number): boolean {
    const type = this.table.type[h];
    if (!this.isGcType(type)) return false;
    if (type === T.Tuple) return this.gc.isTracked(h);
    return true;
  }

  clearFreeLists(): void {
    clearFreeLists(this);
  }

  /** Every collection goes to the event log (size = generation, aux = unreachable objects found). */
  onCollect(generation: number, collected: number): void {
    this.mem.events?.record(EventKind.GcCollect, 0, generation, collected);
  }
}

/** clear_freelists (gcmodule.c): tuples, floats, lists, then dicts and dict keys. */
function clearFreeLists(vm: Vm): void {
  const f = vm.free;
  for (const stack of f.tuples) while (stack.length) vm.gcDel(stack.pop()!);
  while (f.floats.length) vm.objectFree(f.floats.pop()!);
  while (f.lists.length) vm.gcDel(f.lists.pop()!);
  while (f.dicts.length) vm.gcDel(f.dicts.pop()!);
  while (f.dictKeys.length) vm.mem.free(f.dictKeys.pop()!);
}
