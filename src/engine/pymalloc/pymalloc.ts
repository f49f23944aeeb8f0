import type { Libc } from '../libc/libc';
import type { Kernel } from '../kernel/kernel';
import { EventKind, type EventSink } from '../trace/events';
import { pymallocAlloc } from './alloc';
import {
  adoptBookkeeping,
  calibrate,
  type BookkeepingAdoption,
  type CalibrationResult,
  type CalibrationTarget,
} from './calibrate';
import { ARENA_SIZE, POOL_SIZE, index2size } from './constants';
import { blockPool, locateBlock, pymallocFree } from './free';
import { ObmallocState, poolId } from './state';
import {
  collectStats,
  formatDebugMallocStats,
  statsRecord,
  type PymallocStats,
  type PymallocStatsDetail,
} from './stats';
import { arenaColumns, blockStates, poolInfo, type PoolInfo, type PymallocArenaColumns } from './views';

/**
 * CPython 3.11's object allocator (Objects/obmalloc.c) on 64-bit Linux, over the simulated C library
 * and kernel. PyObject_* and PyMem_* are the same allocator in the default build, so one set of
 * entry points serves both; PyMem_Raw* go straight to the C library (Libc).
 *
 * Events (when a sink is set): PyAlloc (addr = block, size = request, aux = block size) for every
 * block pymalloc hands out; PyFree (addr, size = aux = block size) for every block it takes back;
 * PyRealloc (addr = result, size = request, aux = old pointer) for a realloc of a pymalloc block;
 * ArenaNew / ArenaFree (addr = arena, size = 1 MiB, aux = pools in it). Requests that fall through
 * to PyMem_Raw* show up as the C library's own events (Libc.sink).
 */
export class Pymalloc {
  readonly st: ObmallocState;
  private sinkRef: EventSink | null;

  constructor(
    readonly kernel: Kernel,
    readonly libc: Libc,
    sink: EventSink | null = null,
  ) {
    this.st = new ObmallocState(kernel, libc);
    this.sinkRef = sink;
    this.st.sink = sink;
  }

  get sink(): EventSink | null {
    return this.sinkRef;
  }
  set sink(s: EventSink | null) {
    this.sinkRef = s;
    this.st.sink = s;
  }

  /** _PyObject_Malloc (= PyObject_Malloc = PyMem_Malloc): pymalloc for 1..512 bytes, else PyMem_RawMalloc. */
  malloc(n: number): number {
    const p = pymallocAlloc(this.st, n);
    if (p !== 0) {
      if (this.sinkRef) this.sinkRef.record(EventKind.PyAlloc, p, n, index2size((n - 1) >> 4));
      return p;
    }
    const q = this.rawMalloc(n);
    if (q !== 0) this.st.rawAllocatedBlocks++;
    return q;
  }

  /** _PyObject_Calloc: a pymalloc block is memset over the n requested bytes; else PyMem_RawCalloc. */
  calloc(nelem: number, elsize: number): number {
    const nbytes = nelem * elsize;
    const p = pymallocAlloc(this.st, nbytes);
    if (p !== 0) {
      this.kernel.touch(p, nbytes);
      if (this.sinkRef) this.sinkRef.record(EventKind.PyAlloc, p, nbytes, index2size((nbytes - 1) >> 4));
      return p;
    }
    const q = this.rawCalloc(nelem, elsize);
    if (q !== 0) this.st.rawAllocatedBlocks++;
    return q;
  }

  /**
   * _PyObject_Realloc / pymalloc_realloc. NULL → malloc. A pointer that is not pymalloc's stays with
   * libc (PyMem_RawRealloc), whatever the new size. A pymalloc block of size S keeps its place when
   * n ≤ S and 4n > 3S; otherwise a new block (or libc chunk) is taken with _PyObject_Malloc, min(n, S)
   * bytes are copied, and the old block is freed after.
   */
  realloc(p: number, n: number): number {
    if (p === 0) return this.malloc(n);
    const block = locateBlock(this.st, p, 'realloc');
    if (block < 0) return this.rawRealloc(p, n);
    let size = index2size(this.st.szidx[blockPool(block)]);
    if (n <= size) {
      if (4 * n > 3 * size) {
        if (this.sinkRef) this.sinkRef.record(EventKind.PyRealloc, p, n, p);
        return p;
      }
      size = n;
    }
    const bp = this.malloc(n);
    if (bp !== 0) {
      this.kernel.touch(bp, size); // memcpy(bp, p, size)
      this.free(p);
    }
    if (this.sinkRef) this.sinkRef.record(EventKind.PyRealloc, bp, n, p);
    return bp;
  }

  /** _PyObject_Free: pymalloc_free, or PyMem_RawFree when the pointer is not in an arena. */
  free(p: number): void {
    if (p === 0) return;
    const bs = pymallocFree(this.st, p);
    if (bs !== 0) {
      if (this.sinkRef) this.sinkRef.record(EventKind.PyFree, p, bs, bs);
      return;
    }
    this.rawFree(p);
    this.st.rawAllocatedBlocks--;
  }

  /** _PyMem_RawMalloc: malloc(size || 1). */
  rawMalloc(n: number): number {
    return this.libc.malloc(n === 0 ? 1 : n);
  }
  /** _PyMem_RawCalloc: calloc(1, 1) when either argument is 0. */
  rawCalloc(nelem: number, elsize: number): number {
    if (nelem === 0 || elsize === 0) return this.libc.calloc(1, 1);
    return this.libc.calloc(nelem, elsize);
  }
  /** _PyMem_RawRealloc: realloc(ptr, size || 1). */
  rawRealloc(p: number, n: number): number {
    return this.libc.realloc(p, n === 0 ? 1 : n);
  }
  /** _PyMem_RawFree. */
  rawFree(p: number): void {
    this.libc.free(p);
  }

  /**
   * _PyObject_VirtualAlloc: an anonymous mmap through the arena allocator (CPython 3.11 takes its
   * 16 KiB frame data-stack chunks this way). Returns the address, or 0.
   */
  virtualAlloc(size: number, label = 'frame data stack'): number {
    const p = this.kernel.mmap(size, 'interpreter', label);
    return p < 0 ? 0 : p;
  }
  /** _PyObject_VirtualFree: munmap. */
  virtualFree(p: number, size: number): void {
    this.kernel.munmap(p, size);
  }

  /** The size of a live pymalloc block (its class), or 0 when p is not inside a pymalloc arena. */
  blockSize(p: number): number {
    // What poolInfo(p).blockSize says, without building the whole header: the boot asks this of
    // calibrated blocks while giving blocks back (through poolInfo, 8 of the boot's 58 ms).
    const st = this.st;
    const slot = st.radix.slotOf(p);
    if (slot < 0) return 0;
    const k = Math.floor((p - st.firstPool[slot]) / POOL_SIZE);
    if (k < 0 || k >= st.carved[slot]) return 0;
    return index2size(st.szidx[poolId(slot, k)]);
  }

  /** address_in_range(p): is p inside a live arena (the test _PyObject_Free makes)? */
  owns(p: number): boolean {
    return this.st.radix.isUsed(p);
  }

  /** Bytes of arenas currently mapped. */
  get arenaBytes(): number {
    return this.st.narenasCurrentlyAllocated * ARENA_SIZE;
  }

  /** _Py_GetAllocatedBlocks (sys.getallocatedblocks()): Σ ref.count plus blocks sent to libc. */
  allocatedBlocks(): number {
    const st = this.st;
    let n = st.rawAllocatedBlocks;
    for (let a = 0; a < st.maxarenas; a++) {
      if (st.address[a] === 0) continue;
      const p0 = poolId(a, 0);
      for (let k = 0; k < st.carved[a]; k++) n += st.ref[p0 + k];
    }
    return n;
  }

  /** The numbers sys._debugmallocstats() prints for pymalloc. */
  stats(): PymallocStats {
    const d = collectStats(this.st);
    return {
      arenas_allocated_current: d.arenas_allocated_current,
      arenas_allocated_total: d.arenas_allocated_total,
      arenas_reclaimed: d.arenas_reclaimed,
      arenas_highwater_mark: d.arenas_highwater_mark,
      classes: d.classes,
    };
  }
  /** stats() plus the byte accounting lines and radix-tree counts. */
  statsDetail(): PymallocStatsDetail {
    return collectStats(this.st);
  }
  /** Flat numbers for the snapshot (trace/snapshot ArenaSource). */
  statsRecord(): Record<string, number> {
    return statsRecord(this.st);
  }
  /** The exact text _PyObject_DebugMallocStats writes to stderr (without the per-type free-list lines). */
  debugMallocStats(): string {
    return formatDebugMallocStats(this.st);
  }

  /** Snapshot columns: live arenas in address order × 64 pools (trace/snapshot ArenaSource). */
  arenaColumns(): PymallocArenaColumns {
    return arenaColumns(this.st);
  }
  /** The header of the carved pool holding `address`, or null. */
  poolInfo(address: number): PoolInfo | null {
    return poolInfo(this.st, address);
  }
  /** Per block of the pool holding `address`: in use / free list / never carved, plus free-list order. */
  blockStates(address: number): { states: Uint8Array; freeOrder: Int16Array } | null {
    return blockStates(this.st, address);
  }

  /** Use an arenas[] vector and radix nodes that a replayed start-up already allocated from the C library. */
  adoptBookkeeping(a: BookkeepingAdoption): void {
    adoptBookkeeping(this, a);
  }
  /** Bring pymalloc to a recorded state (arenas, per-class pools and blocks) by real allocations. */
  calibrate(target: CalibrationTarget): CalibrationResult {
    return calibrate(this, target);
  }
}
