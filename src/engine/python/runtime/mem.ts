import type { Clock } from '../../kernel/clock';
import type { Kernel } from '../../kernel/kernel';
import type { Libc } from '../../libc/libc';
import { EventLimitReached, type EventLog } from '../../trace/eventLog';
import { FREE_CALL_NS, HOT_FREE_CALL_NS, HOT_MEM_CALL_NS, MEM_CALL_NS, RECENT_BLOCKS, REF_OP_NS } from './cwork';

/** Where an import's Python part's blocks pretend to live (Mem.accounted): far from heap and mmaps. */
const ACCOUNTED_BASE = 0x7e00_0000_0000;
const ACCOUNTED_END = 0x7f00_0000_0000;

/** pymalloc's per-class row and counters as sys._debugmallocstats() prints them (recorder schema). */
export interface PymallocClassStats {
  pools: number;
  blocks_in_use: number;
  avail: number;
}
export interface PymallocStatsLike {
  arenas_allocated_current: number;
  arenas_allocated_total: number;
  arenas_reclaimed: number;
  arenas_highwater_mark: number;
  classes: Record<string, PymallocClassStats>;
}

/** The pymalloc layer as the interpreter uses it (src/engine/pymalloc's Pymalloc has this shape). */
export interface PymallocLike {
  malloc(n: number): number;
  calloc(nelem: number, elsize: number): number;
  realloc(p: number, n: number): number;
  free(p: number): void;
  rawMalloc(n: number): number;
  rawCalloc(nelem: number, elsize: number): number;
  rawRealloc(p: number, n: number): number;
  rawFree(p: number): void;
  blockSize(p: number): number;
  stats(): PymallocStatsLike;
  readonly arenaBytes: number;
}

/**
 * The allocator entry points CPython's object code calls, with the writes the interpreter makes
 * into the memory it gets (kernel.touch: a page is resident once written).
 *   PyObject_Malloc/Calloc/Realloc/Free and PyMem_* → pymalloc (both domains are pymalloc in 3.11)
 *   PyMem_Raw*                                      → pymalloc's raw path (libc)
 * Every call checks the event log's limit afterwards, so a fine-stepped run stops right after
 * the N-th allocator event (EventLog.limit).
 */
/** The hooks tracemalloc installs over the three domains (PyMem_SetAllocator: objects/tracetables.ts). */
export interface AllocTracer {
  /** A block was allocated (ADD_TRACE after the allocator returned). */
  added(p: number, size: number): void;
  /** A block was freed (REMOVE_TRACE after the free). */
  removed(p: number): void;
  /** tracemalloc_realloc: the old trace dropped when the block moved, the new one added or updated. */
  moved(old: number, p: number, size: number): void;
}

export class Mem {
  /** When set, every call is appended as "m SIZE" / "c N SIZE" / "r SIZE" / "f SIZE" (tests compare it with real runs). */
  log: string[] | null = null;

  /** tracemalloc's hooks while it traces (null otherwise: one test per call, nothing more). */
  tracer: AllocTracer | null = null;

  constructor(
    readonly kernel: Kernel,
    readonly pymalloc: PymallocLike,
    readonly events: EventLog | null,
  ) {}

  // ---- the C work charged to the clock (cwork.ts) ----------------------------------------------

  /** The process's clock (null: nothing is charged, as in the engine's unit tests). */
  clock: Clock | null = null;
  /** Reference-count operations so far (Vm.decref & co.); those past `refOpsCharged` are not on the clock yet. */
  refOps = 0;
  private refOpsCharged = 0;
  /** PyObject_/PyMem_ calls so far. */
  calls = 0;

  /** Charge the work done since the last charge, and `ns` more, to the clock. */
  spend(ns: number): void {
    const c = this.clock;
    if (c === null) return;
    const ops = this.refOps - this.refOpsCharged;
    this.refOpsCharged = this.refOps;
    c.work(ops * REF_OP_NS + ns);
  }

  private chargeCall(): void {
    this.calls++;
    this.spend(MEM_CALL_NS);
  }
  /** A free: its object's tp_dealloc ran before it (a first read of memory not touched for long). */
  private chargeFree(): void {
    this.calls++;
    this.frees++;
    this.spend(FREE_CALL_NS);
  }

  /**
   * The blocks of the last RECENT_BLOCKS allocations and frees: pymalloc hands out a pool's most
   * recently freed block first (its freeblock list is LIFO), so a loop that drops one int and makes
   * the next reuses the same cache-hot block (cwork.ts HOT_MEM_CALL_NS, HOT_FREE_CALL_NS).
   */
  private readonly recentAllocs = new Float64Array(RECENT_BLOCKS);
  private readonly recentFrees = new Float64Array(RECENT_BLOCKS);
  private recentAt = 0;
  private recentFreeAt = 0;

  /** PyObject_Malloc's charge once it returned `p`: cheap if `p` was freed a few calls ago. */
  private chargeMalloc(p: number): void {
    this.calls++;
    const r = this.recentFrees;
    const hot = p !== 0 && (r[0] === p || r[1] === p || r[2] === p || r[3] === p);
    this.recentAllocs[this.recentAt++ & (RECENT_BLOCKS - 1)] = p;
    this.spend(hot ? HOT_MEM_CALL_NS : MEM_CALL_NS);
  }
  /** PyObject_Free's charge: cheap if `p` was handed out a few calls ago (the object and block hot). */
  private chargeFreeOf(p: number): void {
    this.calls++;
    this.frees++;
    const r = this.recentAllocs;
    const hot = r[0] === p || r[1] === p || r[2] === p || r[3] === p;
    this.recentFrees[this.recentFreeAt++ & (RECENT_BLOCKS - 1)] = p;
    this.spend(hot ? HOT_FREE_CALL_NS : FREE_CALL_NS);
  }
  /** The frees among `calls`. */
  frees = 0;

  /**
   * Set while a module's Python part runs at import (modules/pythonpart.ts): the memory it takes is
   * the import footprint's, already replayed, so its blocks get addresses outside the heap (like
   * static objects) and their frees, whenever they come, are no-ops.
   */
  accounted = false;
  private accountedNext = ACCOUNTED_BASE;
  private accountedBlock(n: number): number {
    const p = this.accountedNext;
    this.accountedNext += Math.max(16, Math.ceil(n / 16) * 16);
    return p;
  }
  /** Was `p` given out while `accounted` was set? */
  static isAccounted(p: number): boolean {
    return p >= ACCOUNTED_BASE && p < ACCOUNTED_END;
  }

  /** PyObject_Malloc / PyMem_Malloc. 0 = NULL. */
  malloc(n: number): number {
    if (this.accounted) return this.accountedBlock(n);
    const p = this.pymalloc.malloc(n);
    this.chargeMalloc(p);
    if (this.log) this.logCall(`m ${n}`, p, n);
    if (this.tracer !== null && p !== 0) this.tracer.added(p, n);
    this.check();
    return p;
  }
  calloc(nelem: number, elsize: number): number {
    if (this.accounted) return this.accountedBlock(nelem * elsize);
    this.chargeCall();
    const p = this.pymalloc.calloc(nelem, elsize);
    if (this.log) this.logCall(`c ${nelem} ${elsize}`, p, nelem * elsize);
    if (this.tracer !== null && p !== 0) this.tracer.added(p, nelem * elsize);
    this.check();
    return p;
  }
  realloc(p: number, n: number): number {
    // a block of an import's Python part moves into the heap (or stays accounted) as a new block
    if (Mem.isAccounted(p)) return this.malloc(n);
    if (this.accounted && p === 0) return this.accountedBlock(n);
    if (this.log) this.sizes.delete(p);
    this.chargeCall();
    const q = this.pymalloc.realloc(p, n);
    if (this.log) this.logCall(`r ${n}${p === 0 ? ' new' : ''}`, q, n);
    if (this.tracer !== null && q !== 0) this.tracer.moved(p, q, n);
    this.check();
    return q;
  }
  free(p: number): void {
    if (p === 0 || Mem.isAccounted(p)) return;
    if (this.log) {
      this.log.push(`f ${this.sizes.get(p) ?? '?'}`);
      this.sizes.delete(p);
    }
    this.chargeFreeOf(p);
    this.pymalloc.free(p);
    if (this.tracer !== null) this.tracer.removed(p);
    this.check();
  }

  private readonly sizes = new Map<number, number>();
  private logCall(text: string, p: number, n: number): void {
    this.log!.push(text);
    this.sizes.set(p, n);
  }
  rawMalloc(n: number): number {
    this.chargeCall();
    const p = this.pymalloc.rawMalloc(n);
    if (this.tracer !== null && p !== 0) this.tracer.added(p, n); // TRACE_RAW_MALLOC
    this.check();
    return p;
  }
  rawFree(p: number): void {
    if (p === 0) return;
    this.chargeFree();
    this.pymalloc.rawFree(p);
    if (this.tracer !== null) this.tracer.removed(p);
    this.check();
  }

  /**
   * A new object's fields are written: a pymalloc block's first word was already written as its
   * free-list link (pymalloc_pool_extend / pymalloc_free), so only a block that runs into the next
   * page adds a resident page; a libc chunk (over 512 bytes) is written whole.
   */
  wroteObject(p: number, size: number): void {
    // p % 4096 would be a call to fmod (addresses are doubles): the costliest line of every
    // object allocation.
    if (size <= 512 && p - Math.floor(p / 4096) * 4096 + size <= 4096) return;
    this.touch(p, size);
  }

  /** The page last written and the kernel's syscall count then: a later write to it needs no lookup. */
  private lastPage = -1;
  private lastEpoch = -1;

  /**
   * The interpreter writes [addr, addr+len): those pages become resident. Writes inside the page
   * written last are skipped while no system call happened since (only a system call — munmap,
   * madvise, brk — can take a page away again).
   */
  touch(addr: number, len: number): void {
    if (this.resident(addr, len)) return;
    this.kernel.touch(addr, len);
    this.lastPage = Math.floor((addr + len - 1) / 4096);
  }

  /**
   * The interpreter's C code reads [addr, addr+len) (memchr, memcmp, a hash, a memcpy's source): a
   * page never written (PyObject_Calloc's fresh mmap or fresh brk top: bytes(n)) faults in and counts
   * in RSS on this machine's kernel (Kernel.readAnon; measured: bytes(8_000_000).count(b'x') +7,812 KB
   * VmRSS). A written page is already resident, so the page last read or written is skipped while no
   * system call happened since, as touch does.
   */
  read(addr: number, len: number): void {
    if (this.resident(addr, len)) return;
    this.kernel.readAnon(addr, len);
    this.lastPage = Math.floor((addr + len - 1) / 4096);
  }

  /**
   * Nothing to do for [addr, addr+len): not in the heap or a mapping (NULL, an import's accounted
   * block), or within the page last read or written with no system call since (then the caller
   * records its last page; the epoch is noted here).
   */
  private resident(addr: number, len: number): boolean {
    if (addr === 0 || len <= 0 || Mem.isAccounted(addr)) return true;
    const page = Math.floor(addr / 4096);
    const epoch = this.kernel.log.length;
    if (page === this.lastPage && epoch === this.lastEpoch && Math.floor((addr + len - 1) / 4096) === page)
      return true;
    this.lastEpoch = epoch;
    return false;
  }

  private check(): void {
    const ev = this.events;
    if (ev !== null && ev.reachedLimit) throw new EventLimitReached(ev.length);
  }
}

/**
 * PYTHONMALLOC=malloc (_PyMem_SetupAllocators with PYMEM_ALLOCATOR_MALLOC): the PyMem and PyObject
 * domains both become _PyMem_RawMalloc & co., i.e. the C library's malloc straight away: every
 * object, small or big, is a chunk in the calling thread's arena. A request for 0 bytes asks for 1
 * (_PyMem_RawMalloc, _PyMem_RawCalloc). pymalloc is not used: its counters read 0, as the
 * recorder's `_debugmallocstats` reading is empty then.
 */
export class MallocDomain implements PymallocLike {
  constructor(private readonly libc: Libc) {}

  malloc(n: number): number {
    return this.libc.malloc(n === 0 ? 1 : n);
  }
  calloc(nelem: number, elsize: number): number {
    return nelem === 0 || elsize === 0 ? this.libc.calloc(1, 1) : this.libc.calloc(nelem, elsize);
  }
  realloc(p: number, n: number): number {
    return this.libc.realloc(p, n === 0 ? 1 : n);
  }
  free(p: number): void {
    this.libc.free(p);
  }
  rawMalloc(n: number): number {
    return this.malloc(n);
  }
  rawCalloc(nelem: number, elsize: number): number {
    return this.calloc(nelem, elsize);
  }
  rawRealloc(p: number, n: number): number {
    return this.realloc(p, n);
  }
  rawFree(p: number): void {
    this.libc.free(p);
  }
  blockSize(p: number): number {
    return this.libc.usableSize(p);
  }
  stats(): PymallocStatsLike {
    return {
      arenas_allocated_current: 0,
      arenas_allocated_total: 0,
      arenas_reclaimed: 0,
      arenas_highwater_mark: 0,
      classes: {},
    };
  }
  readonly arenaBytes = 0;
}
