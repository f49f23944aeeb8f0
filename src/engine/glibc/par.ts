import type { GlibcTunables } from '../libc/glibcTunables';
import {
  DEFAULT_MMAP_MAX,
  DEFAULT_MMAP_THRESHOLD,
  DEFAULT_MXFAST,
  DEFAULT_TOP_PAD,
  DEFAULT_TRIM_THRESHOLD,
  TCACHE_FILL_COUNT,
  TCACHE_MAX_BINS,
  csize2tidx,
  request2size,
} from './constants';

/** NARENAS_FROM_NCORES(1) on 64-bit: arenas made before the cap of 8 × cores is computed. */
export const DEFAULT_ARENA_TEST = 8;

/**
 * malloc_par (mp_) and the other process-wide settings of malloc.c: thresholds, tcache limits,
 * global_max_fast, the mmapped-chunk statistics and sbrk_base. One per process, shared by every
 * arena and thread.
 */
export class MallocPar {
  mmapThreshold: number;
  trimThreshold: number;
  topPad: number;
  nMmapsMax: number;
  /** Set once any of the four settings above is given: free() no longer raises the mmap threshold. */
  noDynThreshold: boolean;
  tcacheCount: number;
  tcacheBins: number;
  /** mp_.tcache_unsorted_limit: 0 = sort the whole unsorted list before returning a cached chunk. */
  tcacheUnsortedLimit: number;
  /** global_max_fast: the largest chunk size fastbins take. */
  maxFast: number;
  /** mp_.arena_max (0 = unset: 8 × cores) and mp_.arena_test. */
  arenaMax: number;
  arenaTest: number;
  nMmaps = 0;
  maxNMmaps = 0;
  mmappedMem = 0;
  maxMmappedMem = 0;
  /** mmapped chunks: chunk address → chunk size (the whole mapping; prev_size offset is always 0 here). */
  readonly mmapped = new Map<number, number>();
  /** mp_.sbrk_base: the break at the first successful sbrk (0 before). */
  sbrkBase = 0;

  constructor(t: GlibcTunables = {}) {
    this.mmapThreshold = t.mmapThreshold ?? DEFAULT_MMAP_THRESHOLD;
    this.trimThreshold = t.trimThreshold ?? DEFAULT_TRIM_THRESHOLD;
    this.topPad = t.topPad ?? DEFAULT_TOP_PAD;
    this.nMmapsMax = t.mmapMax ?? DEFAULT_MMAP_MAX;
    // Setting any of these four turns the dynamic threshold off (do_set_* in malloc.c).
    this.noDynThreshold =
      t.mmapThreshold !== undefined ||
      t.trimThreshold !== undefined ||
      t.topPad !== undefined ||
      t.mmapMax !== undefined;
    this.tcacheCount = t.tcacheCount ?? TCACHE_FILL_COUNT;
    // do_set_tcache_max: the bins up to the one of the largest request kept.
    this.tcacheBins = t.tcacheMax === undefined ? TCACHE_MAX_BINS : csize2tidx(request2size(t.tcacheMax)) + 1;
    this.tcacheUnsortedLimit = t.tcacheUnsortedLimit ?? 0;
    // set_max_fast: (s + SIZE_SZ) & ~MALLOC_ALIGN_MASK, or 16 when s is 0.
    const mx = t.mxfast ?? DEFAULT_MXFAST;
    this.maxFast = mx === 0 ? 16 : (mx + 8) & ~15;
    this.arenaMax = t.arenaMax ?? 0;
    this.arenaTest = t.arenaTest ?? DEFAULT_ARENA_TEST;
  }
}
