/**
 * glibc 2.36 malloc constants for x86-64 (malloc/malloc.c, malloc-machine.h).
 * Sizes can exceed 2^31, so size arithmetic here uses plain numbers, never 32-bit bit operations.
 */
export const SIZE_SZ = 8;
export const MALLOC_ALIGNMENT = 16;
export const CHUNK_HDR_SZ = 16;
export const MINSIZE = 32;
/** sizeof(struct malloc_chunk): prev_size, size, fd, bk, fd_nextsize, bk_nextsize (mtrim skips it). */
export const MALLOC_CHUNK_STRUCT = 48;
export const PAGE = 4096;

export const NBINS = 128;
export const NSMALLBINS = 64;
export const MIN_LARGE_SIZE = 1024;
export const NFASTBINS = 10;
export const FASTBIN_CONSOLIDATION_THRESHOLD = 65536;
/** DEFAULT_MXFAST = 64 * SIZE_SZ / 4: chunks up to 128 bytes go to fastbins. */
export const DEFAULT_MXFAST = 128;

export const TCACHE_MAX_BINS = 64;
export const TCACHE_FILL_COUNT = 7;
/** sizeof(tcache_perthread_struct): uint16_t counts[64] + tcache_entry *entries[64]. */
export const TCACHE_STRUCT_SIZE = 64 * 2 + 64 * 8;

export const DEFAULT_TOP_PAD = 128 * 1024;
export const DEFAULT_TRIM_THRESHOLD = 128 * 1024;
export const DEFAULT_MMAP_THRESHOLD = 128 * 1024;
/** 4 MiB * sizeof(long): the dynamic threshold never rises past 32 MiB. */
export const DEFAULT_MMAP_THRESHOLD_MAX = 32 * 1024 * 1024;
export const DEFAULT_MMAP_MAX = 65536;
export const MAX_ITERS = 10000;
/** PTRDIFF_MAX: requests above it fail with ENOMEM (checked_request2size). */
export const PTRDIFF_MAX = 2 ** 63 - 1;

/** Below this, sizes fit 32-bit integer arithmetic (a mask or shift instead of a float division). */
const INT_SIZES = 0x3fff_0000;

/** request2size: the chunk size for a request of `req` bytes. */
export function request2size(req: number): number {
  if (req < INT_SIZES)
    return req + SIZE_SZ + MALLOC_ALIGNMENT - 1 < MINSIZE ? MINSIZE : (req + SIZE_SZ + 15) & ~15;
  return Math.floor((req + SIZE_SZ + 15) / 16) * 16;
}

export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;
export const alignDown = (n: number, a: number): number => Math.floor(n / a) * a;

/** csize2tidx: tcache bin of a chunk size (32 → 0 … 1040 → 63). */
export const csize2tidx = (size: number): number =>
  size < INT_SIZES
    ? (size - MINSIZE + MALLOC_ALIGNMENT - 1) >> 4
    : Math.floor((size - MINSIZE + MALLOC_ALIGNMENT - 1) / MALLOC_ALIGNMENT);
/** fastbin_index: (size >> 4) - 2. */
export const fastbinIndex = (size: number): number => (size >> 4) - 2;
export const inSmallbinRange = (size: number): boolean => size < MIN_LARGE_SIZE;
export const smallbinIndex = (size: number): number => size >> 4;

/** largebin_index_64. */
export function largebinIndex(size: number): number {
  if (size < INT_SIZES) {
    if (size >> 6 <= 48) return 48 + (size >> 6);
    if (size >> 9 <= 20) return 91 + (size >> 9);
    if (size >> 12 <= 10) return 110 + (size >> 12);
    if (size >> 15 <= 4) return 119 + (size >> 15);
    if (size >> 18 <= 2) return 124 + (size >> 18);
    return 126;
  }
  return 126; // ≥ 1 GiB: past every limit above
}

export const binIndex = (size: number): number =>
  inSmallbinRange(size) ? smallbinIndex(size) : largebinIndex(size);
