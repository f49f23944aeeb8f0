import type { Kernel } from '../kernel/kernel';
import type { GlibcTunables } from '../libc/glibcTunables';
import type { LibcAllocation, LibcCounters, LibcModel, LibcStat, Mallinfo2 } from '../libc/libc';
import type { GlibcSection } from '../libc/section';
import { EventKind, type EventSink } from '../trace/events';
import type { Arena } from './arena';
import { Arenas, MallocThread } from './arenaGet';
import { ChunkState } from './chunkStore';
import { DEFAULT_MMAP_THRESHOLD_MAX, PTRDIFF_MAX, SIZE_SZ, csize2tidx, request2size } from './constants';
import { Heaps } from './heap';
import { GlibcAbort, doubleFreeMessage, intFree } from './intFree';
import { intMalloc } from './intMalloc';
import { countersOf, mallinfo2, statsOf } from './mallinfo';
import { mtrim } from './mtrim';
import { MallocPar } from './par';
import { intRealloc, mremapChunk } from './realloc';
import { glibcSection } from './section';
import { mmapChunk, munmapChunk } from './sysmalloc';
import type { Tcache } from './tcache';
import { arenaGetRetry, tcacheInit, tcacheThreadShutdown } from './threads';

export type { Mallinfo2 };

export interface GlibcOptions {
  /** CPUs the process sees (__get_nprocs_sched): the arena cap is 8 × this. */
  cpus?: number;
}

/** Where a user pointer's chunk lives (GlibcMalloc.locate). */
const MMAPPED = -2;
const NOWHERE = -1;

/**
 * glibc 2.36's malloc (ptmalloc2) as one process sees it: the public entry points __libc_malloc,
 * __libc_free, __libc_calloc, __libc_realloc, malloc_trim, malloc_usable_size and mallinfo2, for
 * whichever thread is running (setThread): its arena (arena_get, arena_get2) and its tcache
 * (tcache_init, tcache_thread_shutdown at threadExit). Addresses are real simulated addresses.
 */
export class GlibcMalloc implements LibcModel {
  readonly kind = 'glibc' as const;
  readonly version = 'glibc 2.36';
  readonly mp: MallocPar;
  readonly heaps: Heaps;
  readonly arenas: Arenas;
  /** Receives every public call (malloc, calloc, realloc, free, malloc_trim) after it returns. */
  sink: EventSink | null = null;
  private readonly threads = new Map<number, MallocThread>();
  private thread: MallocThread;
  /** !SINGLE_THREAD_P: once a second thread ran, never reset (glibc 2.36 keeps it false). */
  private multiThreaded = false;
  /** __malloc_initialized: ptmalloc_init ran (in the thread that called malloc first). */
  private initialized = false;
  /** The arena of the chunk GlibcMalloc.locate found last. */
  private located: Arena;

  constructor(
    readonly kernel: Kernel,
    tunables: GlibcTunables = {},
    opts: GlibcOptions = {},
  ) {
    this.mp = new MallocPar(tunables);
    this.heaps = new Heaps(kernel);
    this.arenas = new Arenas(kernel, this.mp, this.heaps, opts.cpus ?? 2);
    this.thread = new MallocThread(0);
    this.threads.set(0, this.thread);
    this.located = this.arenas.main;
  }

  /** The main arena (the brk heap). */
  get av(): Arena {
    return this.arenas.main;
  }

  malloc(bytes: number): number {
    const p = this.libcMalloc(bytes);
    if (this.sink) this.sink.record(EventKind.Malloc, p, bytes, 0);
    return p;
  }
  free(mem: number): void {
    this.libcFree(mem);
    if (this.sink) this.sink.record(EventKind.Free, mem, 0, 0);
  }
  calloc(nmemb: number, size: number): number {
    const p = this.libcCalloc(nmemb, size);
    if (this.sink) this.sink.record(EventKind.Calloc, p, nmemb * size, 0);
    return p;
  }
  realloc(mem: number, bytes: number): number {
    const p = this.libcRealloc(mem, bytes);
    if (this.sink) this.sink.record(EventKind.Realloc, p, bytes, mem);
    return p;
  }
  /** malloc_trim(pad): mtrim every arena, main first then newest to oldest. */
  trim(pad: number): number {
    if (!this.initialized) this.ptmallocInit();
    let r = 0;
    for (let av: Arena | null = this.arenas.main; av !== null; av = av.next) r |= mtrim(av, pad);
    if (this.sink) this.sink.record(EventKind.MallocTrim, 0, pad, r);
    return r;
  }

  /** The thread the next calls come from (0 = main). A new id is a new thread: no arena, no tcache yet. */
  setThread(tid: number): void {
    let t = this.threads.get(tid);
    if (t === undefined) {
      t = new MallocThread(tid);
      this.threads.set(tid, t);
      this.multiThreaded = true;
    }
    this.thread = t;
  }

  /**
   * Thread `tid` exits: __malloc_arena_thread_freeres, i.e. tcache_thread_shutdown (every cached
   * chunk, then the tcache itself, freed to its arena), then its arena joins the free list if no
   * thread is left on it. The main thread is running again afterwards if `tid` was.
   */
  threadExit(tid: number): void {
    if (tid === 0) throw new Error('the main thread cannot exit while the process runs');
    const t = this.threads.get(tid);
    if (t === undefined) return;
    const running = this.thread;
    this.thread = t;
    this.tcacheThreadShutdown(t);
    this.arenas.threadFreeres(t);
    this.threads.delete(tid);
    this.thread = running === t ? this.threads.get(0)! : running;
  }

  /**
   * ptmalloc_init, run by whichever thread calls malloc (calloc, realloc, malloc_trim) first: that
   * thread's thread_arena becomes the main arena. Any other thread, the main thread included when
   * it was not first, gets its arena from arena_get2 on its first call.
   */
  private ptmallocInit(): void {
    this.initialized = true;
    this.thread.arena = this.arenas.main;
  }

  /** __libc_malloc: tcache first, else _int_malloc in the thread's arena. Returns 0 for NULL (ENOMEM). */
  private libcMalloc(bytes: number): number {
    if (!this.initialized) this.ptmallocInit();
    if (bytes > PTRDIFF_MAX) return 0;
    const nb = request2size(bytes);
    const t = this.thread;
    if (t.tcache === null && !t.shuttingDown) this.tcacheInit(t);
    const tc = t.tcache;
    const tcIdx = csize2tidx(nb);
    if (tcIdx < this.mp.tcacheBins && tc !== null && tc.counts[tcIdx] > 0) return tc.get(tcIdx);
    if (!this.multiThreaded) return intMalloc(this.arenas.main, nb, tc);
    const av = t.arena ?? this.arenas.arenaGet2(t, bytes);
    if (av === null) return mmapChunk(this.arenas.main, nb); // sysmalloc(nb, NULL): mmap or nothing
    const p = intMalloc(av, nb, tc);
    if (p !== 0) return p;
    const retry = this.arenaGetRetry(t, av, bytes);
    return retry === null ? 0 : intMalloc(retry, nb, tc);
  }

  /** __libc_free: mmapped chunks raise the dynamic threshold and are unmapped; others go to their arena's _int_free. */
  private libcFree(mem: number): void {
    if (mem === 0) return;
    const mp = this.mp;
    const p = this.locate(mem);
    if (p === MMAPPED) {
      const chunk = mem - 16;
      const sizeWithFlag = mp.mmapped.get(chunk)! + 2; // chunksize_nomask keeps IS_MMAPPED
      if (
        !mp.noDynThreshold &&
        sizeWithFlag > mp.mmapThreshold &&
        sizeWithFlag <= DEFAULT_MMAP_THRESHOLD_MAX
      ) {
        mp.mmapThreshold = sizeWithFlag - 2;
        mp.trimThreshold = 2 * mp.mmapThreshold;
      }
      munmapChunk(this.arenas.main, chunk);
      return;
    }
    if (p === NOWHERE) throw new GlibcAbort('free(): invalid pointer');
    const av = this.located;
    const t = this.thread;
    if (t.tcache === null && !t.shuttingDown) this.tcacheInit(t);
    if (av.store.state(p) !== ChunkState.InUse) throw new GlibcAbort(doubleFreeMessage(av, p, t.tcache));
    intFree(av, p, t.tcache);
  }

  /** __libc_calloc: _int_malloc in the thread's arena; clears what is not known to be zero. */
  private libcCalloc(nmemb: number, size: number): number {
    const bytes = nmemb * size;
    if (!Number.isSafeInteger(bytes) || bytes > PTRDIFF_MAX) return 0;
    if (!this.initialized) this.ptmallocInit();
    const t = this.thread;
    if (t.tcache === null && !t.shuttingDown) this.tcacheInit(t);
    let av = this.multiThreaded ? (t.arena ?? this.arenas.arenaGet2(t, bytes)) : this.arenas.main;
    // MORECORE_CLEARS: only what was top before this call can hold old data. Linux builds glibc with
    // MORECORE_CLEARS=2 (sysdeps/unix/sysv/linux/Makefile), so the main arena does not widen that to
    // its high-water mark (tests/native/residency.test.ts measures it); a thread arena widens it to
    // the heap's read-write part, which may hold what a shrunk heap left.
    let oldTopAddr = -1;
    let oldTopSize = 0;
    if (av !== null && av.top >= 0) {
      oldTopAddr = av.chunk(av.top);
      oldTopSize = av.size(av.top);
      if (!av.main) {
        const h = av.heapOf(av.store.gran[av.top]);
        oldTopSize = Math.max(oldTopSize, h.addr + h.mprotectSize - oldTopAddr);
      }
    }
    const nb = request2size(bytes);
    let mem = av === null ? mmapChunk(this.arenas.main, nb) : intMalloc(av, nb, t.tcache);
    if (mem === 0 && av !== null && this.multiThreaded) {
      av = this.arenaGetRetry(t, av, bytes);
      if (av !== null) mem = intMalloc(av, nb, t.tcache);
    }
    if (mem === 0) return 0;
    const p = this.locate(mem);
    if (p === MMAPPED) return mem; // fresh mmap pages are zero
    let csz = this.located.size(p);
    if (mem - 16 === oldTopAddr && csz > oldTopSize) csz = oldTopSize;
    this.kernel.touch(mem, csz - SIZE_SZ);
    return mem;
  }

  /** __libc_realloc. */
  private libcRealloc(mem: number, bytes: number): number {
    if (bytes === 0 && mem !== 0) {
      this.libcFree(mem);
      return 0;
    }
    if (mem === 0) return this.libcMalloc(bytes);
    if (!this.initialized) this.ptmallocInit();
    const mp = this.mp;
    const p = this.locate(mem);
    if (p === MMAPPED) {
      const chunk = mem - 16;
      if (bytes > PTRDIFF_MAX) return 0;
      const nb = request2size(bytes);
      const moved = mremapChunk(this.arenas.main, chunk, nb);
      if (moved !== 0) return moved + 16;
      // mremap failed: keep it if it fits, else malloc, copy, munmap.
      const oldSize = mp.mmapped.get(chunk)!;
      if (oldSize - SIZE_SZ >= nb) return mem;
      const fresh = this.libcMalloc(bytes);
      if (fresh === 0) return 0;
      this.kernel.touch(fresh, oldSize - 16);
      munmapChunk(this.arenas.main, chunk);
      return fresh;
    }
    if (p === NOWHERE) throw new GlibcAbort('realloc(): invalid pointer');
    const av = this.located;
    const t = this.thread;
    if (t.tcache === null && !t.shuttingDown) this.tcacheInit(t);
    if (av.store.state(p) !== ChunkState.InUse)
      throw new GlibcAbort('realloc(): invalid pointer (the chunk is already free)');
    if (bytes > PTRDIFF_MAX) return 0;
    const oldSize = av.size(p);
    const newp = intRealloc(av, p, request2size(bytes), t.tcache);
    if (newp !== 0 || !this.multiThreaded) return newp;
    // Try harder in other arenas: malloc, copy, free the old chunk in its own arena.
    const fresh = this.libcMalloc(bytes);
    if (fresh !== 0) {
      this.kernel.touch(fresh, oldSize - SIZE_SZ);
      intFree(av, p, t.tcache);
    }
    return fresh;
  }

  /** arena_get_retry (threads.ts). */
  private arenaGetRetry(t: MallocThread, av: Arena, bytes: number): Arena | null {
    return arenaGetRetry(this.arenas, t, av, bytes);
  }

  private tcacheInit(t: MallocThread): void {
    tcacheInit(this.arenas, t);
  }

  private tcacheThreadShutdown(t: MallocThread): void {
    tcacheThreadShutdown(t, (mem) => this.libcFree(mem));
  }

  /**
   * The slot of the chunk behind user pointer `mem` (its arena in `located`), MMAPPED for a chunk
   * with its own mapping, or NOWHERE. The main arena's brk heap is asked first: mmaps never overlap
   * it, and a Map keyed by 47-bit addresses costs a boxed number per lookup.
   */
  private locate(mem: number): number {
    const main = this.arenas.main;
    const chunk = mem - 16;
    if (main.inHeap(mem)) {
      // A granule test without `%`: on a double (heap offsets pass 2^31) it is a call to fmod.
      const g = (chunk - main.heapStart) / 16;
      this.located = main;
      return Math.floor(g) === g ? main.store.find(g) : NOWHERE;
    }
    // A thread heap's 64 MiB reservation is one mapping, so no mmapped chunk lies inside it: ask the
    // heaps first (a small-integer key) and the mmapped chunks' Map (a boxed-double key) only outside.
    const h = this.heaps.forPtr(chunk);
    if (h === undefined) return this.mp.mmapped.has(chunk) ? MMAPPED : NOWHERE;
    const g = (chunk - h.addr) / 16;
    if (g < 0 || Math.floor(g) !== g || g >= h.size / 16) return NOWHERE;
    this.located = h.arena;
    return h.arena.store.find(h.g0 + g);
  }

  /** mallinfo2() over every arena. */
  /**
   * Every live thread other than main with a tcache: its id, its arena's index and what its tcache
   * holds (tcache bin i caches chunks of 32 + 16·i bytes). Read by explain/glibc/threads.ts.
   */
  threadTcaches(): { tid: number; arena: number; chunks: number; bytes: number }[] {
    const out: { tid: number; arena: number; chunks: number; bytes: number }[] = [];
    for (const t of this.threads.values()) {
      if (t.tid === 0 || t.tcache === null) continue;
      let chunks = 0;
      let bytes = 0;
      const counts = t.tcache.counts;
      for (let i = 0; i < counts.length; i++) {
        chunks += counts[i];
        bytes += counts[i] * (32 + 16 * i);
      }
      out.push({ tid: t.tid, arena: t.arena ? t.arena.index : 0, chunks, bytes });
    }
    return out;
  }

  mallinfo2(): Mallinfo2 {
    return mallinfo2(this.arenas, this.mp);
  }

  stats(): LibcStat[] {
    return statsOf(this.mallinfo2(), this.mp, this.arenas.narenas);
  }

  counters(into?: LibcCounters): LibcCounters {
    return countersOf(this.arenas, this.mp, this.kernel.brk - this.kernel.heapStart, into);
  }

  allocationAt(ptr: number): LibcAllocation | null {
    if (ptr <= 0 || this.usableSize(ptr) <= 0) return null;
    const p = this.locate(ptr);
    if (p === MMAPPED) return { start: ptr - 16, size: this.mp.mmapped.get(ptr - 16)!, kind: 'mapped' };
    const av = this.located;
    const a: LibcAllocation = { start: ptr - 16, size: av.size(p), kind: 'heap' };
    if (!av.main) {
      const h = av.heapOf(av.store.gran[p]);
      a.arena = { index: av.index, heap: av.heapChain.indexOf(h), heapStart: h.addr };
    }
    return a;
  }

  snapshot(): GlibcSection {
    return glibcSection(this);
  }

  /** malloc_usable_size. */
  usableSize(mem: number): number {
    const p = this.locate(mem);
    if (p === MMAPPED) return this.mp.mmapped.get(mem - 16)! - 16;
    if (p < 0) return 0;
    const av = this.located;
    return av.inuse(p) ? av.size(p) - SIZE_SZ : 0;
  }

  /** Is mem the user pointer of an mmapped chunk? */
  isMmapped(mem: number): boolean {
    return this.locate(mem) === MMAPPED;
  }

  /** The chunk size behind a live user pointer (heap or mmapped). */
  chunkSize(mem: number): number {
    const p = this.locate(mem);
    if (p === MMAPPED) return this.mp.mmapped.get(mem - 16)!;
    if (p < 0) throw new GlibcAbort('chunkSize(): invalid pointer');
    return this.located.size(p);
  }

  /** Break minus heap start. */
  get heapSize(): number {
    return this.kernel.brk - this.kernel.heapStart;
  }

  /** The main thread's tcache (null before its first call). */
  mainTcache(): Tcache | null {
    return this.threads.get(0)!.tcache;
  }

  /** Every live thread but the main one. */
  *threadStates(): Generator<MallocThread> {
    for (const [tid, t] of this.threads) if (tid !== 0) yield t;
  }

  /** Every live thread's tcache, by thread id. */
  *tcaches(): Generator<[number, Tcache]> {
    for (const [tid, t] of this.threads) if (t.tcache !== null) yield [tid, t.tcache];
  }

  /** The running thread's tcache (null before its first call, and after it exited). */
  get tcache(): Tcache | null {
    return this.thread.tcache;
  }
}

export { GlibcAbort };
