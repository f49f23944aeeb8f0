/**
 * The C library's part of a snapshot: one variant per implementation, told apart by `kind`. Plain
 * data (typed-array columns and numbers) built by the implementation's `snapshot()`, transferred to
 * the page by the worker (libcSectionBuffers) and drawn by the page's views; nothing here imports
 * an implementation. A new implementation adds its variant to `LibcSection`; the functions at the
 * bottom find its columns by walking it.
 */
import type { Mallinfo2 } from './libc';

/**
 * glibc chunk states as the snapshot carries them (HeapColumns.state). glibc/chunkStore.ts's
 * ChunkState uses the same numbers (a test holds them equal).
 */
export const GLIBC_CHUNK_STATE = {
  InUse: 1,
  Tcache: 2,
  Fastbin: 3,
  Unsorted: 4,
  Smallbin: 5,
  Largebin: 6,
  Top: 7,
} as const;

/** 64 KiB: an 800 MB heap makes 12,800 buckets (400 KB), finer than a pixel at full view. */
export const BUCKET_BYTES = 65536;
export const BUCKET_STATES = 8;

/**
 * A glibc heap's chunks in address order, top (or the closing fencepost) last. Coordinate space:
 * granules of 16 bytes from the heap's start (the brk heap's start for the main arena).
 */
export interface HeapColumns {
  count: number;
  gran: Int32Array;
  sizeG: Int32Array;
  /** GLIBC_CHUNK_STATE per chunk. */
  state: Uint8Array;
  /** Residency of the heap's pages, one bit a page from its start. */
  residentWords: Uint32Array;
  /**
   * Level of detail, precomputed here so the page never walks a million chunks on its main thread:
   * bytes of each chunk state (BUCKET_STATES columns) in every BUCKET_BYTES of heap.
   */
  buckets: Float32Array;
}

/** glibc's mp_ (malloc_par) settings that the views and explain name. */
export interface GlibcParams {
  mmapThreshold: number;
  trimThreshold: number;
  topPad: number;
  tcacheCount: number;
}

/** One heap of a thread arena: a HEAP_MAX_SIZE (64 MiB) reservation, read-write up to mprotectSize. */
export interface GlibcHeapSection {
  /** Its address (64 MiB aligned): heap_info, then (the first heap) the malloc_state, then chunks. */
  start: number;
  /** h->size: the part in use; the rest of the read-write part was given back with MADV_DONTNEED. */
  size: number;
  /** h->mprotect_size: the read-write part; beyond it, up to 64 MiB, PROT_NONE. */
  mprotectSize: number;
  /** Its chunks (granules from `start`), the arena's top or the closing fenceposts last. */
  columns: HeapColumns;
}

/** A thread arena (malloc_state in its first heap). */
export interface GlibcArenaSection {
  /** Creation order (1 = the first thread arena; the main arena is 0 and is `heap` above). */
  index: number;
  systemMem: number;
  /** Threads attached to it now (0: on the free list, for the next new thread). */
  attachedThreads: number;
  heaps: GlibcHeapSection[];
}

/** A live thread as malloc sees it. */
export interface GlibcThreadSection {
  tid: number;
  /** Its arena's index (-1 before its first call). */
  arena: number;
  /** Its tcache: entries per bin (null before its first call). */
  tcacheCounts: Uint16Array | null;
}

export interface GlibcSection {
  kind: 'glibc';
  version: string;
  mallinfo: Mallinfo2;
  mp: GlibcParams;
  /** The main arena's brk heap. */
  heap: HeapColumns;
  /** The main thread's tcache: entries per bin (64 bins, 32 … 1040-byte chunks). */
  tcacheCounts: Uint16Array;
  /** Chunks with a mapping of their own, by address. */
  mmappedChunks: { address: Float64Array; size: Float64Array };
  /** Thread arenas, in creation order (empty in a process with one thread). */
  arenas: GlibcArenaSection[];
  /** Every live thread but the main one. */
  threads: GlibcThreadSection[];
}

/** jemalloc's extents in address order (state 0 slab, 1 large, 2 dirty, 3 muzzy, 4 retained). */
export interface JemallocExtents {
  address: Float64Array;
  size: Float64Array;
  state: Uint8Array;
  arena: Uint16Array;
  /** Small size class of a slab, −1 otherwise. */
  bin: Int16Array;
  /** Regions in use (slab) or usable bytes (large). */
  used: Float64Array;
}

/**
 * One decay curve (decay.c's decay_t) as it stands: the pages added in each of the last 200 epochs,
 * the limit the last epoch advance computed, and when the next advance may happen. With these the
 * page can say how many pages wait and when the allocator will purge them (on its next call after
 * each deadline: nothing purges on a timer unless a background thread runs).
 */
export interface JemallocDecayState {
  /** dirty_decay_ms / muzzy_decay_ms in force: 0 purges at once, −1 never. */
  decayMs: number;
  /** Start of the current epoch and the earliest time of the next advance (ns of the simulated clock). */
  epochNs: number;
  deadlineNs: number;
  /** decay_ms / 200 in ns (0 when the decay is not gradual). */
  intervalNs: number;
  /** Pages that may stay unpurged, as of the last epoch advance (npages_limit). */
  limitPages: number;
  /** Pages added in each of the last 200 epochs, oldest first (backlog). */
  backlog: Float64Array;
}

/** One arena: its pages by state and its two decay curves. */
export interface JemallocArenaSection {
  index: number;
  /** The arena made for huge allocations (≥ oversize_threshold), with decay 0. */
  huge: boolean;
  /** Threads attached to it. */
  threads: number;
  activePages: number;
  dirtyPages: number;
  muzzyPages: number;
  retainedPages: number;
  /** pac_mapped: bytes of its extents taken from the OS and not purged back. */
  mappedBytes: number;
  /** Pages purged so far (dirty_purged + muzzy_purged). */
  purgedPages: number;
  dirty: JemallocDecayState;
  muzzy: JemallocDecayState;
}

export interface JemallocSection {
  kind: 'jemalloc';
  version: string;
  /** The simulated clock when the snapshot was taken (ns). */
  nowNs: number;
  stats: {
    allocated: number;
    active: number;
    resident: number;
    mapped: number;
    retained: number;
    metadata: number;
  };
  decay: { dirtyMs: number; muzzyMs: number; backgroundThread: boolean };
  /** opt.oversize_threshold: extents this big are purged at once, whatever the decay. */
  oversizeThreshold: number;
  extents: JemallocExtents;
  arenas: JemallocArenaSection[];
  /** The main thread's cache: pointers held per class (small classes first, then large up to tcache_max). */
  tcacheCounts: Uint16Array;
  /** Every thread with its arena (tid 0 is the main thread). */
  threads: { tid: number; arena: number; cached: number }[];
}

/** Bits of `MimallocSection.slices`: one byte per 1/512th of a segment. */
export const MI_SLICE = {
  Committed: 1,
  /** Committed, and marked to be decommitted once decommitExpireMs has passed (the decommit mask). */
  DecommitPending: 2,
  /** Bits 2–3: what the slice holds. */
  KindShift: 2,
  KindInfo: 0,
  KindPage: 1,
  KindFree: 2,
  KindHuge: 3,
} as const;

export interface MimallocSection {
  kind: 'mimalloc';
  version: string;
  /** The simulated clock when the snapshot was taken (ms, as _mi_clock_now counts). */
  nowMs: number;
  commit: { current: number; peak: number };
  delays: { decommitMs: number; segmentDecommitMs: number };
  cachedSegments: number;
  /** Segments in address order: those of the threads' heaps and those in the segment cache. */
  segments: {
    address: Float64Array;
    size: Float64Array;
    committed: Float64Array;
    /** Bytes marked for decommit, and when (ms of the simulated clock) that may happen. */
    decommitPending: Float64Array;
    decommitExpireMs: Float64Array;
    /** The owning thread's heap (0 = main), or the cache. */
    thread: Uint32Array;
    huge: Uint8Array;
    /** 1: in the segment cache (freed, kept committed for segment_decommit_delay). */
    cached: Uint8Array;
  };
  /** 512 bytes per segment (MI_SLICE bits), each for 1/512th of it (a 64 KiB slice in a normal segment). */
  slices: Uint8Array;
  pages: {
    address: Float64Array;
    size: Float64Array;
    blockSize: Float64Array;
    used: Uint32Array;
    reserved: Uint32Array;
    segment: Uint32Array;
    /** Blocks carved so far (mi_page_extend_free adds 4 KiB worth at a time). */
    capacity: Uint32Array;
    /** Blocks on each of the page's three free lists. */
    free: Uint32Array;
    localFree: Uint32Array;
    threadFree: Uint32Array;
    /** 1: retired (empty, waiting a few collections before it is freed); 2: in the full queue. */
    flags: Uint8Array;
  };
}

/** Per block of a unit (a jemalloc slab, a mimalloc page): what it is now. */
export const UNIT_BLOCK = {
  /** Not carved yet (mimalloc: beyond the page's capacity). */
  Uncarved: 0,
  Free: 1,
  InUse: 2,
  /** Allocated from the slab's point of view, but cached by a thread (jemalloc's tcache). */
  ThreadCache: 3,
  /** mimalloc: freed by the owning thread, on local_free until `free` runs dry. */
  LocalFree: 4,
  /** mimalloc: freed by another thread, on thread_free until the owner collects it. */
  ThreadFree: 5,
} as const;

/** One slab's regions or one page's blocks, asked for when the user opens it (as a pymalloc pool). */
export interface LibcUnitDetail {
  address: number;
  size: number;
  /** Where block 0 starts (a mimalloc small page starts 384 bytes in). */
  blocksStart: number;
  blockSize: number;
  /** What it is, in the allocator's words ("slab of 896-byte regions (bin 23) in arena 0"). */
  label: string;
  states: Uint8Array;
  /** Free blocks in the order the next allocations take them. */
  freeOrder: Int32Array;
}

export type LibcSection = GlibcSection | JemallocSection | MimallocSection;

/** The section as glibc describes it, or null under another allocator. */
export const glibcSection = (s: LibcSection): GlibcSection | null => (s.kind === 'glibc' ? s : null);

/**
 * Every typed array of the section, for postMessage's transfer list: found by walking it, so a new
 * column needs no edit here.
 */
export function libcSectionBuffers(s: LibcSection): ArrayBufferView[] {
  const out: ArrayBufferView[] = [];
  const walk = (x: unknown): void => {
    if (ArrayBuffer.isView(x)) out.push(x);
    else if (Array.isArray(x)) for (const v of x) walk(v);
    else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) walk(v);
  };
  walk(s);
  return out;
}

/** A deep copy (its buffers can be transferred while the original stays as a checkpoint). */
export function cloneLibcSection(s: LibcSection): LibcSection {
  return structuredClone(s);
}
