/**
 * The C library's allocator as the layers above see it: what CPython's PyMem_Raw* and pymalloc's
 * arena/radix allocations, and NumPy's default handler, call. glibc 2.36 (ptmalloc2), jemalloc 5.3
 * and mimalloc 2.x each implement it, so the same simulated process can run under each, as
 * LD_PRELOAD would run the real one (include/mimalloc/prim.h keeps the OS apart the same way:
 * the kernel model is the OS seam, this file is the allocator seam).
 *
 * Nothing here imports an implementation. Layers above import this file, never glibc/ jemalloc/
 * or mimalloc/ directly (eslint enforces it outside engine/simulate.ts and the implementations).
 *
 * DRAFT contract (session 2): the glibc helper makes GlibcMalloc implement it and moves the
 * readers over; the allocator helpers implement it for jemalloc and mimalloc. Widen it where a
 * reader needs more, never by exposing an implementation's private state.
 */
import type { EventSink } from '../trace/events';

/** What each implementation calls itself in reports and the page ("glibc 2.36", "jemalloc 5.3.0"). */
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
   * The thread the next calls come from (0 = main thread). Allocators with per-thread state
   * (glibc's arena_get and tcache, jemalloc's tcache and arena, mimalloc's thread heap) key on it.
   */
  setThread(tid: number): void;
  /** A thread ended (glibc tcache_thread_shutdown, jemalloc tsd cleanup, mimalloc heap abandon). */
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

/** What the page, explain, the report and the CLI read: statistics and a description of the memory. */
export interface LibcModel {
  readonly libc: Libc;
  stats(): LibcStat[];
  counters(): LibcCounters;
}
