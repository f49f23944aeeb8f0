/**
 * The C library's allocator as the layers above see it: what CPython's PyMem_Raw* and pymalloc's
 * arena/radix allocations, and NumPy's default handler, call. glibc 2.36 (ptmalloc2), jemalloc 5.3
 * and mimalloc 2.x each implement it, so the same simulated process can run under each, as
 * LD_PRELOAD would run the real one (include/mimalloc/prim.h keeps the OS apart the same way:
 * the kernel model is the OS seam, this file is the allocator seam).
 *
 * Nothing here imports an implementation. Outside an implementation's own folder, only
 * libc/create.ts (the factory), explain/<impl>/ and tests import one (eslint enforces it).
 */
import type { EventSink } from '../trace/events';
import type { LibcSection, LibcUnitDetail } from './section';

/** Which implementation a process runs under. */
export type LibcKind = 'glibc' | 'jemalloc' | 'mimalloc';

/** The C allocation API. Pointers are simulated addresses; 0 is NULL (ENOMEM). */
export interface Libc {
  readonly kind: LibcKind;
  /** "glibc 2.36", "jemalloc 5.3.0", "mimalloc 2.0.9". */
  readonly version: string;
  malloc(n: number): number;
  calloc(nmemb: number, size: number): number;
  realloc(p: number, n: number): number;
  free(p: number): void;
  /** malloc_usable_size(p). */
  usableSize(p: number): number;
  /**
   * What the implementation's "give memory back now" call does and returns: glibc's
   * malloc_trim(pad) (1 if anything was released), jemalloc's arena.<i>.purge, mimalloc's
   * mi_collect(true). ctypes' `libc.malloc_trim(0)` reaches it.
   */
  trim(pad: number): number;
  /**
   * The thread the next calls come from (0 = the main thread; any other id is a thread, which
   * starts on its first call). Allocators with per-thread state (glibc's arena_get and tcache,
   * jemalloc's tcache and arena, mimalloc's thread heap) key on it.
   */
  setThread(tid: number): void;
  /** Thread `tid` ended (glibc tcache_thread_shutdown, jemalloc tsd cleanup, mimalloc heap abandon). */
  threadExit(tid: number): void;
  /** Every call above, as events (the timeline, --malloc-log). */
  sink: EventSink | null;
}

/** One counter of the implementation's own statistics, named as its API names it (mallinfo2.fordblks, stats.resident). */
export interface LibcStat {
  name: string;
  value: number;
  /** One line for the page's legend and glossary. */
  doc: string;
}

/** The figures every implementation can give, for the timeline, the report and the explain panel. */
export interface LibcCounters {
  /** Bytes the allocator holds from the kernel (heap(s) + mappings it owns). */
  mappedBytes: number;
  /** Bytes handed to the program (in use). */
  inUseBytes: number;
  /** Bytes free inside the allocator, still mapped (resident or not). */
  freeBytes: number;
  /** The brk heap's size (glibc main arena), 0 where the allocator does not use brk. */
  brkHeapBytes: number;
  /** Bytes in mappings the allocator made for single large blocks (glibc's mmapped chunks, jemalloc's huge extents). */
  largeMappedBytes: number;
}

/** struct mallinfo2, field for field (glibc's; the recorder reads it through ctypes under every allocator). */
export interface Mallinfo2 {
  arena: number;
  ordblks: number;
  smblks: number;
  hblks: number;
  hblkhd: number;
  usmblks: number;
  fsmblks: number;
  uordblks: number;
  fordblks: number;
  keepcost: number;
}

export const MALLINFO2_FIELDS = [
  'arena',
  'ordblks',
  'smblks',
  'hblks',
  'hblkhd',
  'usmblks',
  'fsmblks',
  'uordblks',
  'fordblks',
  'keepcost',
] as const satisfies readonly (keyof Mallinfo2)[];

/** The allocation behind a live pointer, as the views select it. */
export interface LibcAllocation {
  /** Where the allocator's unit starts (glibc: the chunk, 16 bytes before the pointer). */
  start: number;
  /** Its size in bytes (glibc: the chunk size, header included). */
  size: number;
  /** 'mapped': the block has a mapping of its own (glibc's mmapped chunk); 'heap': it shares one. */
  kind: 'heap' | 'mapped';
  /**
   * For an allocator with several arenas of heaps (glibc's thread arenas): the arena (its creation
   * index, 0 = main), the heap's place in that arena's chain (0 = first) and the heap's address.
   * Absent for the main arena's brk heap and for mapped blocks.
   */
  arena?: { index: number; heap: number; heapStart: number };
}

/**
 * An implementation as the readers see it (the page, explain, the report, the CLI, the timeline):
 * the C API plus statistics and a description of its memory. Readers never reach into an
 * implementation's private state; explain/<impl>/ is the one exception, by design.
 */
export interface LibcModel extends Libc {
  /** The implementation's own counters, as its API names them. */
  stats(): LibcStat[];
  /**
   * The common figures. Called after every event by the timeline, so it fills `into` when given
   * instead of allocating.
   */
  counters(into?: LibcCounters): LibcCounters;
  /**
   * What glibc's mallinfo2() returns in this process (the recorder calls it through ctypes). Under
   * an allocator that replaces malloc, that is the untouched glibc main arena's figures.
   */
  mallinfo2(): Mallinfo2;
  /** The allocation `ptr` points to, or null when it is not a live pointer of this allocator. */
  allocationAt(ptr: number): LibcAllocation | null;
  /** Everything the views draw of this allocator, as columns (transferred to the page). */
  snapshot(): LibcSection;
  /**
   * The blocks of the allocator's unit at `address` (a jemalloc slab, a mimalloc page), asked for
   * when the user opens one; null when no unit is there. glibc has no such unit (its chunks are
   * in the snapshot).
   */
  unitDetail?(address: number): LibcUnitDetail | null;
}

export const emptyCounters = (): LibcCounters => ({
  mappedBytes: 0,
  inUseBytes: 0,
  freeBytes: 0,
  brkHeapBytes: 0,
  largeMappedBytes: 0,
});
