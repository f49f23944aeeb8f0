import { HandleStates } from './handlestates';
import type { Kernel } from '../../kernel/kernel';
import { memoryError, type PyError } from '../errors';
import { ItemPool } from '../objects/pool';
import { DictTableSlabs } from '../objects/dicttables';
import { StrBytes } from '../objects/strbytes';
import {
  F_FREELISTED,
  F_IMMORTAL,
  F_RLE,
  F_TRACKED,
  F_WEAKREFD,
  Layout,
  ObjectTable,
} from '../objects/table';
import { T, TpFlags, type Kwargs, type TypeSlots, type Visit } from '../objects/types';
import { EventKind } from '../../trace/events';
import { FreeLists } from './freelists';
import { Gc, type GcHost } from './gc';
import { HostMemory, sizeWords } from './hostmem';
import { GC_EDGE_NS, GC_OBJECT_NS } from './cwork';
import type { Mem } from './mem';
import { Singletons } from './singletons';
import { ThreadState } from './threadstate';
import { debugHandlesEnabled, installDebugHandles } from './debughandles';
import { cpythonVersion, type CPythonVersion } from '../versions';

/**
 * What runs Python code (the interpreter: PEP 523's eval-frame function, in spirit). The object
 * layer calls it when a Python function is called from C code (a key function, __eq__, a class's
 * __init__) and to count work against the run's budget.
 */
export interface Evaluator {
  /** _PyFunction_Vectorcall from C code: arguments borrowed (the frame takes its own references). */
  callFunction(fn: number, args: readonly number[], kw: Kwargs | null): number;
  /** One unit of work done in C code (an item of list(range(n))): the step budget. */
  tick(): void;
  /** PyErr_WriteUnraisable: an error nobody can catch (from __del__), printed and dropped. */
  writeUnraisable(err: PyError, context: string): void;
  /**
   * The running thread's recursion counters (objects/recursion.ts): _Py_EnterRecursiveCall for C
   * code (`where` ends the message), and a frame of Python code the object layer models natively
   * (copy.deepcopy's). Absent without an interpreter.
   */
  enterRecursiveCall?(where: string): void;
  leaveRecursiveCall?(): void;
  enterPythonFrame?(): void;
  leavePythonFrame?(): void;
  /** tstate->recursion_headroom moved by `delta`: while it is up the checks do not raise. */
  recursionHeadroom?(delta: number): void;
}

const NO_EVALUATOR: Evaluator = {
  callFunction: () => {
    throw new Error('internal: no interpreter to run a Python function');
  },
  tick: () => {},
  writeUnraisable: () => {},
};

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
  /** Dict tables' indices and entries (objects/dicttables.ts). */
  readonly dictTables = new DictTableSlabs();
  /** Characters of mid-sized strs (objects/strbytes.ts). */
  readonly strBytes = new StrBytes();
  readonly free = new FreeLists();
  readonly gc: Gc;
  readonly s: Singletons;
  /** The type registry: every type's slot table by id (objects/registry.ts installs the built-in ones). */
  readonly types: TypeSlots[] = [];
  /**
   * Bytes in front of the PyObject in its allocation, by type id: the PyGC_Head (16) of GC types
   * and the managed-dict pre-header (16) of classes' instances. Also the collector's "is a GC
   * type" test (non-zero), read in its hot loops.
   */
  preHeader = new Uint8Array(T.FirstDynamic);
  /** The interpreter (set by interp/ when it starts). */
  eval: Evaluator = NO_EVALUATOR;
  /**
   * What instances of classes keep beyond their base's layout (their __dict__ or values array,
   * __slots__ members), by handle: the base's own data may already hold the `side` column.
   */
  readonly heapState = new HandleStates<unknown>();
  /** Interned identifiers (static strs, objects/str.ts intern). */
  readonly interned = new Map<string, number>();
  /** The running thread's exception state (sys.exc_info()'s stack); eval/threads.ts switches it. */
  thread = new ThreadState();
  private readonly freeTypeIds: number[] = [];
  private nextTypeId: number = T.FirstDynamic;
  private staticNext = STATIC_BASE;
  private trashNesting = 0;
  private readonly trashLater: number[] = [];
  /** The instance whose built-in base dealloc subtype_dealloc is calling (its trashcan is off). */
  private trashBaseOf = -1;
  /** Per open trashcan (innermost last): 1 when it counted in the nesting, 0 when it was off. */
  private readonly trashOpen = new Uint8Array(1 << 16);
  private trashDepth = 0;
  /** The simulator's own memory budget (runtime/hostmem.ts); the process replaces it with the host's. */
  hostMem = new HostMemory();

  /**
   * @param py the CPython version this process runs as (python/versions/): the layouts, free
   * lists, thresholds and behaviours that differ between releases are read from it.
   */
  constructor(
    readonly mem: Mem,
    readonly py: CPythonVersion = cpythonVersion(),
  ) {
    this.pool.beforeGrow = (bytes) =>
      this.hostMem.grow(this.table, this.pool, bytes, `${sizeWords(bytes)} more of list and tuple items`);
    this.dictTables.beforeGrow = (bytes) => {
      this.hostMem.grow(this.table, this.pool, bytes, `${sizeWords(bytes)} more of dict tables`);
      this.hostMem.dictTableBytes += bytes;
    };
    // Exact ints, floats, bools, strs and tuples get narrow handles (objects/table.ts, Layout).
    const layout = this.table.layoutOf;
    layout[T.Int] = layout[T.Float] = layout[T.Bool] = Layout.Scalar;
    layout[T.Str] = Layout.Str;
    layout[T.Tuple] = Layout.Tuple;
    this.gc = new Gc(this, () => this.newStatic(T.GcHead));
    this.gc.threshold.splice(0, 3, ...py.gc.thresholds);
    this.s = new Singletons(this);
    if (debugHandlesEnabled()) installDebugHandles(this);
  }

  /**
   * invoke_gc_callback: from 3.12 the phase name is made as a str (PyUnicode_FromString) before it
   * looks at the callbacks, so every collection makes and frees 'start' and 'stop' (measured on
   * 3.12.1 and 3.13.0: 46 and 45 bytes); 3.11 returns first when there are no callbacks.
   */
  phase(name: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void {
    if (this.py.gcPhaseStrings) {
      const p = this.mem.malloc(this.py.sizes.strAscii + name.length + 1);
      this.mem.free(p);
    }
    this.gcCallbacks?.(name, generation, collected, uncollectable);
  }

  /** GcHost.walked: the collection's walks cost the clock (cwork.ts). */
  walked(objects: number, edges: number): void {
    this.mem.spend(objects * GC_OBJECT_NS + edges * GC_EDGE_NS);
  }

  /** gc.callbacks called around each collection (modules/gccallbacks.ts; set when gc is loaded). */
  gcCallbacks:
    ((name: 'start' | 'stop', generation: number, collected: number, uncollectable: number) => void) | null =
    null;

  get kernel(): Kernel {
    return this.mem.kernel;
  }

  // ---- reference counting -------------------------------------------------------------

  incref(h: number): void {
    if (!(this.table.flags[h] & F_IMMORTAL)) this.table.refcnt[h]++;
  }

  decref(h: number): void {
    const t = this.table;
    this.mem.refOps++; // the clock's C work (cwork.ts)
    if (t.flags[h] & F_IMMORTAL) return;
    if (--t.refcnt[h] === 0) this.dealloc(h);
  }

  xdecref(h: number): void {
    if (h !== 0) this.decref(h);
  }

  /** Drop `k` references at once (list_repeat's shared item); the last one may deallocate. */
  decrefN(h: number, k: number): void {
    if (k > 0) this.mem.refOps += k - 1; // decref counts the last
    if (k <= 0 || this.table.flags[h] & F_IMMORTAL) return;
    const t = this.table;
    t.refcnt[h] -= k - 1;
    this.decref(h);
  }

  increfN(h: number, k: number): void {
    this.mem.refOps += k;
    if (!(this.table.flags[h] & F_IMMORTAL)) this.table.refcnt[h] += k;
  }

  /** tp_dealloc, through the type's slot table (weak references to the object cleared first). */
  dealloc(h: number): void {
    if (this.table.flags[h] & F_WEAKREFD && this.clearWeakRefs !== null) this.clearWeakRefs(h);
    this.types[this.table.type[h]].dealloc(this, h);
  }

  /** PyObject_ClearWeakRefs, installed by objects/weaklist.ts once a weak reference exists. */
  clearWeakRefs: ((h: number) => void) | null = null;
  /** handle_weakrefs for the collector (objects/weaklist.ts): the unreachable objects, and whether one is among them. */
  handleWeakrefs: ((unreachable: number[], collecting: (h: number) => boolean) => number) | null = null;
  /** The collector's finalize_garbage call (objects/typenew.ts, once a class exists): true when a __del__ ran. */
  finalizeForGc: ((h: number) => boolean) | null = null;

  /**
   * Py_TRASHCAN_BEGIN(op, dealloc): true when the deallocation is deferred (nesting too deep).
   * _PyTrash_cond holds only when `dealloc` is the object's own tp_dealloc: a built-in base's
   * dealloc running for a class instance (subtype_dealloc → list_dealloc) has its trashcan off.
   */
  trashBegin(h: number): boolean {
    if (h === this.trashBaseOf) {
      this.trashBaseOf = -1;
      this.trashOpen[this.trashDepth++] = 0;
      return false;
    }
    if (this.trashNesting >= TRASH_UNWIND_LEVEL) {
      this.trashLater.push(h);
      return true;
    }
    this.trashNesting++;
    this.trashOpen[this.trashDepth++] = 1;
    return false;
  }

  /** subtype_dealloc is about to call the built-in base's tp_dealloc for `h` (its trashcan is off). */
  deallocBaseOf(h: number): void {
    this.trashBaseOf = h;
  }

  /** Py_TRASHCAN_END: run deferred deallocations once back at the top (_PyTrash_thread_destroy_chain). */
  trashEnd(): void {
    if (this.trashOpen[--this.trashDepth] === 0) return;
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
    t.clearFields(h);
    // No touch: a free-listed object's memory was written when it was made and stays resident.
    return h;
  }

  /** Park a dead object on a free list (its memory stays allocated). */
  park(h: number): void {
    this.table.flags[h] = F_FREELISTED;
  }

  /**
   * tp_free of a built-in type's object: PyObject_Free, and the handle is gone. The same dealloc
   * running for a class's instance (int_dealloc under subtype_dealloc) frees with PyObject_GC_Del.
   */
  objectFree(h: number): void {
    if (this.preHeader[this.table.type[h]] >= GC_HEAD) return this.gcDel(h);
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

  /** id(obj): the PyObject address (after the GC head and pre-header). */
  id(h: number): number {
    return this.table.addr[h] + (this.isImmortal(h) ? 0 : this.preHeader[this.table.type[h]]);
  }

  /** Py_TPFLAGS_HAVE_GC of the type. */
  isGcType(type: number): boolean {
    // GC head (16) alone, or with the managed dict/weakref pointers (32): those need Py_TPFLAGS_HAVE_GC
    return this.preHeader[type] >= GC_HEAD;
  }

  // ---- the type registry --------------------------------------------------------------

  /** Install a type's slot table under its id (PyType_Ready's bookkeeping: the pre-header size). */
  registerType(slots: TypeSlots): void {
    const id = slots.id;
    if (id >= this.preHeader.length) {
      const p = new Uint8Array(Math.max(id + 1, this.preHeader.length * 2));
      p.set(this.preHeader);
      this.preHeader = p;
    }
    this.types[id] = slots;
    this.preHeader[id] =
      (slots.flags & TpFlags.HaveGc ? GC_HEAD : 0) +
      (slots.flags & (TpFlags.ManagedDict | TpFlags.ManagedWeakref) ? 16 : 0);
  }

  /** A type id for a type made at run time: a dead type's id first (ids are 16 bits). */
  newTypeId(): number {
    if (this.freeTypeIds.length) return this.freeTypeIds.pop()!;
    if (this.nextTypeId > 0xffff) throw new Error('internal: more than 65,280 types alive at once');
    return this.nextTypeId++;
  }

  /** The type is gone (its last instance and the type object itself): its id may be reused. */
  releaseTypeId(id: number): void {
    this.preHeader[id] = 0;
    this.freeTypeIds.push(id);
  }

  /** The slot table of a type object (a handle of type `type`, or of a metaclass). */
  slotsOf(typeObject: number): TypeSlots {
    return this.table.side[typeObject] as TypeSlots;
  }

  /** type(h)'s slot table. */
  typeOf(h: number): TypeSlots {
    return this.types[this.table.type[h]];
  }

  // ---- GcHost -------------------------------------------------------------------------

  traverse(h: number, visit: Visit): void {
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
    const traverse = this.types[t.type[h]].traverse;
    if (traverse !== null) traverse(this, h, visit);
  }

  clear(h: number): void {
    const clear = this.types[this.table.type[h]].clear;
    if (clear !== null) clear(this, h);
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

  /** handle_weakrefs: weak references to the unreachable objects cleared, reachable ones' callbacks called. */
  weakrefsOfUnreachable(unreachable: number[], collecting: (h: number) => boolean): number {
    return this.handleWeakrefs === null ? 0 : this.handleWeakrefs(unreachable, collecting);
  }

  finalize(h: number): boolean {
    return this.finalizeForGc !== null && this.finalizeForGc(h);
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
  // the imports' objects on the lists (importWalks.ts) go too; their blocks, which the model
  // cannot tell from the footprints' other live blocks, stay
  f.imported.clear();
}
