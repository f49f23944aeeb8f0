/**
 * The C library's part of a snapshot: one variant per implementation, told apart by `kind`. Plain
 * data (typed-array columns and numbers) built by the implementation's `snapshot()`, transferred to
 * the page by the worker (libcSectionBuffers) and drawn by the page's views; nothing here imports
 * an implementation. A new implementation adds its variant to `LibcSection` and its columns to
 * the two functions at the bottom.
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

export interface JemallocSection {
  kind: 'jemalloc';
  version: string;
  stats: {
    allocated: number;
    active: number;
    resident: number;
    mapped: number;
    retained: number;
    metadata: number;
  };
  decay: { dirtyMs: number; muzzyMs: number; backgroundThread: boolean };
  extents: JemallocExtents;
  /** The main thread's cache: pointers held per small class. */
  tcacheCounts: Uint16Array;
}

export interface MimallocSection {
  kind: 'mimalloc';
  version: string;
  commit: { current: number; peak: number };
  delays: { decommitMs: number; segmentDecommitMs: number };
  cachedSegments: number;
  segments: {
    address: Float64Array;
    size: Float64Array;
    committed: Float64Array;
    /** Bytes marked for decommit, and when (ms of the simulated clock) that may happen. */
    decommitPending: Float64Array;
    decommitExpireMs: Float64Array;
  };
  pages: {
    address: Float64Array;
    size: Float64Array;
    blockSize: Float64Array;
    used: Uint32Array;
    reserved: Uint32Array;
    segment: Uint32Array;
  };
}

export type LibcSection = GlibcSection | JemallocSection | MimallocSection;

/** The section as glibc describes it, or null under another allocator. */
export const glibcSection = (s: LibcSection): GlibcSection | null => (s.kind === 'glibc' ? s : null);

const heapBuffers = (h: HeapColumns): ArrayBufferView[] => [
  h.gran,
  h.sizeG,
  h.state,
  h.residentWords,
  h.buckets,
];

const cloneHeap = (h: HeapColumns): HeapColumns => ({
  count: h.count,
  gran: h.gran.slice(),
  sizeG: h.sizeG.slice(),
  state: h.state.slice(),
  residentWords: h.residentWords.slice(),
  buckets: h.buckets.slice(),
});

/** Every typed array of the section, for postMessage's transfer list. */
export function libcSectionBuffers(s: LibcSection): ArrayBufferView[] {
  switch (s.kind) {
    case 'glibc':
      return [
        ...heapBuffers(s.heap),
        s.tcacheCounts,
        s.mmappedChunks.address,
        s.mmappedChunks.size,
        ...s.arenas.flatMap((a) => a.heaps.flatMap((h) => heapBuffers(h.columns))),
        ...s.threads.flatMap((t) => (t.tcacheCounts ? [t.tcacheCounts] : [])),
      ];
    case 'jemalloc':
      return [...Object.values(s.extents), s.tcacheCounts];
    case 'mimalloc':
      return [...Object.values(s.segments), ...Object.values(s.pages)];
  }
}

/** A deep copy (its buffers can be transferred while the original stays as a checkpoint). */
export function cloneLibcSection(s: LibcSection): LibcSection {
  switch (s.kind) {
    case 'glibc':
      return {
        ...s,
        mallinfo: { ...s.mallinfo },
        mp: { ...s.mp },
        heap: cloneHeap(s.heap),
        tcacheCounts: s.tcacheCounts.slice(),
        mmappedChunks: { address: s.mmappedChunks.address.slice(), size: s.mmappedChunks.size.slice() },
        arenas: s.arenas.map((a) => ({
          ...a,
          heaps: a.heaps.map((h) => ({ ...h, columns: cloneHeap(h.columns) })),
        })),
        threads: s.threads.map((t) => ({
          ...t,
          tcacheCounts: t.tcacheCounts ? t.tcacheCounts.slice() : null,
        })),
      };
    case 'jemalloc':
      return {
        ...s,
        stats: { ...s.stats },
        decay: { ...s.decay },
        extents: {
          address: s.extents.address.slice(),
          size: s.extents.size.slice(),
          state: s.extents.state.slice(),
          arena: s.extents.arena.slice(),
          bin: s.extents.bin.slice(),
          used: s.extents.used.slice(),
        },
        tcacheCounts: s.tcacheCounts.slice(),
      };
    case 'mimalloc':
      return {
        ...s,
        commit: { ...s.commit },
        delays: { ...s.delays },
        segments: {
          address: s.segments.address.slice(),
          size: s.segments.size.slice(),
          committed: s.segments.committed.slice(),
          decommitPending: s.segments.decommitPending.slice(),
          decommitExpireMs: s.segments.decommitExpireMs.slice(),
        },
        pages: {
          address: s.pages.address.slice(),
          size: s.pages.size.slice(),
          blockSize: s.pages.blockSize.slice(),
          used: s.pages.used.slice(),
          reserved: s.pages.reserved.slice(),
          segment: s.pages.segment.slice(),
        },
      };
  }
}
