import type { Kernel } from '../kernel/kernel';
import type { GlibcTunables } from '../libc/glibcTunables';
import type { LibcAllocation, LibcCounters, LibcModel, LibcStat, Mallinfo2 } from '../libc/libc';
import type { GlibcSection } from '../libc/section';
import { EventKind, type EventSink } from '../trace/events';
import { ChunkState } from './chunkStore';
import {
  DEFAULT_MMAP_THRESHOLD_MAX,
  PTRDIFF_MAX,
  SIZE_SZ,
  TCACHE_STRUCT_SIZE,
  csize2tidx,
  request2size,
} from './constants';
import { GlibcAbort, intFree } from './intFree';
import { intMalloc } from './intMalloc';
import { mtrim } from './mtrim';
import { intRealloc, mremapChunk } from './realloc';
import { glibcSection } from './section';
import { MallocState } from './state';
import { munmapChunk } from './sysmalloc';

export type { Mallinfo2 };

export interface GlibcOptions {
  /** CPUs the process sees (__get_nprocs_sched): the arena cap is 8 × this. */
  cpus?: number;
}

/**
 * glibc 2.36's malloc (ptmalloc2) as one process sees it: the public entry points __libc_malloc,
 * __libc_free, __libc_calloc, __libc_realloc, malloc_trim, malloc_usable_size and mallinfo2.
 * Addresses are real simulated addresses (heap start + offset, or inside an mmap).
 */
export class GlibcMalloc implements LibcModel {
  readonly kind = 'glibc' as const;
  readonly version = 'glibc 2.36';
  readonly av: MallocState;
  readonly cpus: number;
  /** Receives every public call (malloc, calloc, realloc, free, malloc_trim) after it returns. */
  sink: EventSink | null = null;

  constructor(
    readonly kernel: Kernel,
    tunables: GlibcTunables = {},
    opts: GlibcOptions = {},
  ) {
    this.av = new MallocState(kernel, tunables);
    this.cpus = opts.cpus ?? 2;
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
  /** malloc_trim(pad). */
  trim(pad: number): number {
    const r = mtrim(this.av, pad);
    if (this.sink) this.sink.record(EventKind.MallocTrim, 0, pad, r);
    return r;
  }

  /** __libc_malloc: tcache first, else _int_malloc. Returns 0 for NULL (ENOMEM). */
  private libcMalloc(bytes: number): number {
    if (bytes > PTRDIFF_MAX) return 0;
    const nb = request2size(bytes);
    this.maybeInitTcache();
    const av = this.av;
    const tcIdx = csize2tidx(nb);
    if (tcIdx < av.tcacheBins && av.tcacheCounts[tcIdx] > 0) return av.mem(av.tcacheGet(tcIdx));
    return intMalloc(av, nb);
  }

  /** __libc_free: mmapped chunks raise the dynamic threshold and are unmapped; others go to _int_free. */
  private libcFree(mem: number): void {
    if (mem === 0) return;
    const av = this.av;
    const chunk = mem - 16;
    if (!av.inHeap(mem) && av.mmapped.has(chunk)) {
      const sizeWithFlag = av.mmapped.get(chunk)! + 2; // chunksize_nomask keeps IS_MMAPPED
      if (
        !av.noDynThreshold &&
        sizeWithFlag > av.mmapThreshold &&
        sizeWithFlag <= DEFAULT_MMAP_THRESHOLD_MAX
      ) {
        av.mmapThreshold = sizeWithFlag - 2;
        av.trimThreshold = 2 * av.mmapThreshold;
      }
      munmapChunk(av, chunk);
      return;
    }
    const p = this.heapChunk(mem, 'free');
    this.maybeInitTcache();
    if (av.store.state(p) !== ChunkState.InUse) throw new GlibcAbort(doubleFreeMessage(av, p));
    intFree(av, p);
  }

  /** __libc_calloc: _int_malloc without tcache; clears what is not known to be zero. */
  private libcCalloc(nmemb: number, size: number): number {
    const bytes = nmemb * size;
    if (!Number.isSafeInteger(bytes) || bytes > PTRDIFF_MAX) return 0;
    this.maybeInitTcache();
    const av = this.av;
    const oldTop = av.top;
    const oldTopSize = oldTop >= 0 ? av.size(oldTop) : 0;
    const mem = intMalloc(av, request2size(bytes));
    if (mem === 0) return 0;
    if (!av.inHeap(mem)) return mem; // an mmapped chunk: fresh mmap pages are zero
    const p = av.store.find((mem - 16 - av.heapStart) / 16);
    let csz = av.size(p);
    // MORECORE_CLEARS: only the part that was top before this call can hold old data. Linux builds
    // glibc with MORECORE_CLEARS=2 (sysdeps/unix/sysv/linux/Makefile), so the main arena does not
    // widen that to its high-water mark (max_system_mem): tests/native/residency.test.ts measures it.
    if (p === oldTop && csz > oldTopSize) csz = oldTopSize;
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
    const av = this.av;
    const chunk = mem - 16;
    if (!av.inHeap(mem) && av.mmapped.has(chunk)) {
      if (bytes > PTRDIFF_MAX) return 0;
      const nb = request2size(bytes);
      const moved = mremapChunk(av, chunk, nb);
      if (moved !== 0) return moved + 16;
      // mremap failed: keep it if it fits, else malloc, copy, munmap.
      const oldSize = av.mmapped.get(chunk)!;
      if (oldSize - SIZE_SZ >= nb) return mem;
      const fresh = this.libcMalloc(bytes);
      if (fresh === 0) return 0;
      this.kernel.touch(fresh, oldSize - 16);
      munmapChunk(av, chunk);
      return fresh;
    }
    const p = this.heapChunk(mem, 'realloc');
    this.maybeInitTcache();
    if (av.store.state(p) !== ChunkState.InUse)
      throw new GlibcAbort('realloc(): invalid pointer (the chunk is already free)');
    if (bytes > PTRDIFF_MAX) return 0;
    return intRealloc(av, p, request2size(bytes));
  }

  /** The thread the next calls come from. One thread for now: the main thread's arena and tcache. */
  setThread(tid: number): void {
    if (tid !== 0)
      throw new Error(`not supported by Highwater yet: glibc malloc from thread ${tid} (threads' arenas)`);
  }

  threadExit(tid: number): void {
    if (tid !== 0)
      throw new Error(`not supported by Highwater yet: glibc malloc from thread ${tid} (threads' arenas)`);
  }

  /** mallinfo2(), computed from running totals (tests check them against a walk of the bins). */
  mallinfo2(): Mallinfo2 {
    const av = this.av;
    const topSize = av.top >= 0 ? av.size(av.top) : 0;
    const avail = topSize + av.fastBytes + av.binBytes;
    return {
      arena: av.systemMem,
      ordblks: 1 + av.binChunks,
      smblks: av.fastChunks,
      hblks: av.nMmaps,
      hblkhd: av.mmappedMem,
      usmblks: 0,
      fsmblks: av.fastBytes,
      uordblks: av.systemMem - avail,
      fordblks: avail,
      keepcost: topSize,
    };
  }

  stats(): LibcStat[] {
    const mi = this.mallinfo2();
    const av = this.av;
    return [
      ...MALLINFO_DOCS.map(([name, doc]) => ({ name: `mallinfo2.${name}`, value: mi[name], doc })),
      { name: 'mp_.mmap_threshold', value: av.mmapThreshold, doc: 'requests this big get their own mmap' },
      {
        name: 'mp_.trim_threshold',
        value: av.trimThreshold,
        doc: 'free() trims the heap once top is this big',
      },
      { name: 'mp_.top_pad', value: av.topPad, doc: 'extra bytes asked for at every heap growth' },
      { name: 'mp_.tcache_count', value: av.tcacheCount, doc: 'freed chunks each tcache bin keeps' },
    ];
  }

  counters(into?: LibcCounters): LibcCounters {
    const av = this.av;
    const c = into ?? { mappedBytes: 0, inUseBytes: 0, freeBytes: 0, brkHeapBytes: 0, largeMappedBytes: 0 };
    const topSize = av.top >= 0 ? av.size(av.top) : 0;
    const free = topSize + av.fastBytes + av.binBytes;
    c.mappedBytes = av.systemMem + av.mmappedMem;
    c.inUseBytes = av.systemMem - free + av.mmappedMem;
    c.freeBytes = free;
    c.brkHeapBytes = this.kernel.brk - this.kernel.heapStart;
    c.largeMappedBytes = av.mmappedMem;
    return c;
  }

  allocationAt(ptr: number): LibcAllocation | null {
    if (ptr <= 0 || this.usableSize(ptr) <= 0) return null;
    return { start: ptr - 16, size: this.chunkSize(ptr), kind: this.isMmapped(ptr) ? 'mapped' : 'heap' };
  }

  snapshot(): GlibcSection {
    return glibcSection(this);
  }

  /** malloc_usable_size. */
  usableSize(mem: number): number {
    const av = this.av;
    const mm = av.inHeap(mem) ? undefined : av.mmapped.get(mem - 16);
    if (mm !== undefined) return mm - 16;
    const p = av.store.find((mem - 16 - av.heapStart) / 16);
    return p >= 0 && av.inuse(p) ? av.size(p) - SIZE_SZ : 0;
  }

  /** Is mem the user pointer of an mmapped chunk? */
  isMmapped(mem: number): boolean {
    return !this.av.inHeap(mem) && this.av.mmapped.has(mem - 16);
  }

  /** The chunk size behind a live user pointer (heap or mmapped). */
  chunkSize(mem: number): number {
    const mm = this.av.inHeap(mem) ? undefined : this.av.mmapped.get(mem - 16);
    if (mm !== undefined) return mm;
    return this.av.size(this.heapChunk(mem, 'chunkSize'));
  }

  /** Break minus heap start. */
  get heapSize(): number {
    return this.kernel.brk - this.kernel.heapStart;
  }

  /** tcache_init: the first call allocates the 640-byte tcache_perthread_struct and zeroes it. */
  private maybeInitTcache(): void {
    const av = this.av;
    if (av.tcacheReady) return;
    const mem = intMalloc(av, request2size(TCACHE_STRUCT_SIZE));
    if (mem === 0) return;
    av.tcacheGran = (mem - 16 - av.heapStart) / 16;
    this.kernel.touch(mem, TCACHE_STRUCT_SIZE);
    av.tcacheReady = true;
  }

  /** The slot of the in-use heap chunk behind `mem`, or glibc's abort for a pointer it never gave out. */
  private heapChunk(mem: number, fn: string): number {
    const av = this.av;
    // A granule test without `%`: on a double (heap offsets pass 2^31) it is a call to fmod, and
    // every free() comes through here.
    const g = (mem - 16 - av.heapStart) / 16;
    const p = g >= 0 && Math.floor(g) === g ? av.store.find(g) : -1;
    if (p < 0) throw new GlibcAbort(`${fn}(): invalid pointer`);
    return p;
  }
}

/**
 * What glibc says when free() gets a chunk that is not in use, following _int_free's own checks in
 * order; where glibc would not notice (it would corrupt its lists) the simulation stops all the same.
 */
function doubleFreeMessage(av: MallocState, p: number): string {
  const st = av.store;
  const size = av.size(p);
  const undetected = 'free(): double free that glibc 2.36 does not detect (it would corrupt its free lists)';
  const tcIdx = csize2tidx(size);
  if (av.tcacheReady && tcIdx < av.tcacheBins) {
    if (st.state(p) === ChunkState.Tcache) return 'free(): double free detected in tcache 2';
    if (av.tcacheCounts[tcIdx] < av.tcacheCount) return undetected;
  }
  if (size <= av.maxFast)
    return av.fastHead[(size >> 4) - 2] === p ? 'double free or corruption (fasttop)' : undetected;
  if (p === av.top) return 'double free or corruption (top)';
  if (!st.prevInuse(st.nextPhys[p])) return 'double free or corruption (!prev)';
  return undetected;
}

export { GlibcAbort };

const MALLINFO_DOCS: [keyof Mallinfo2, string][] = [
  ['arena', 'bytes of the arenas (brk heap and thread heaps)'],
  ['ordblks', "free chunks in bins, plus each arena's top"],
  ['smblks', 'free chunks in fastbins'],
  ['hblks', 'mmapped chunks'],
  ['hblkhd', 'bytes in mmapped chunks'],
  ['usmblks', 'always 0'],
  ['fsmblks', 'bytes in fastbins'],
  ['uordblks', 'bytes in use (tcache counts as in use)'],
  ['fordblks', 'bytes free in the arenas, top included'],
  ['keepcost', "the main arena's top chunk: what malloc_trim could give back at most"],
];
