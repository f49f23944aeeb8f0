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

/** request2size: the chunk size for a request of `req` bytes. */
export function request2size(req: number): number {
  return req + SIZE_SZ + MALLOC_ALIGNMENT - 1 < MINSIZE
    ? MINSIZE
    : Math.floor((req + SIZE_SZ + 15) / 16) * 16;
}

export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;
export const alignDown = (n: number, a: number): number => Math.floor(n / a) * a;

/** csize2tidx: tcache bin of a chunk size (32 → 0 … 1040 → 63). */
export const csize2tidx = (size: number): number =>
  Math.floor((size - MINSIZE + MALLOC_ALIGNMENT - 1) / MALLOC_ALIGNMENT);
/** fastbin_index: (size >> 4) - 2. */
export const fastbinIndex = (size: number): number => (size >> 4) - 2;
export const inSmallbinRange = (size: number): boolean => size < MIN_LARGE_SIZE;
export const smallbinIndex = (size: number): number => size >> 4;

/** largebin_index_64. */
export function largebinIndex(size: number): number {
  const s6 = Math.floor(size / 64);
  if (s6 <= 48) return 48 + s6;
  const s9 = Math.floor(size / 512);
  if (s9 <= 20) return 91 + s9;
  const s12 = Math.floor(size / 4096);
  if (s12 <= 10) return 110 + s12;
  const s15 = Math.floor(size / 32768);
  if (s15 <= 4) return 119 + s15;
  const s18 = Math.floor(size / 262144);
  if (s18 <= 2) return 124 + s18;
  return 126;
}

export const binIndex = (size: number): number =>
  inSmallbinRange(size) ? smallbinIndex(size) : largebinIndex(size);
