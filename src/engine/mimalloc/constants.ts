/**
 * mimalloc 2.0.9's layout constants on x86-64 (include/mimalloc-types.h at v2.0.9), and the size bins
 * (page-queue.c mi_bin, with MI_ALIGN2W: 16-byte minimum alignment).
 */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const SLICE_SIZE = 64 * KiB; // MI_SEGMENT_SLICE_SIZE
export const SEGMENT_SIZE = 32 * MiB; // MI_SEGMENT_SIZE (9 + 16 bits)
export const SLICES_PER_SEGMENT = SEGMENT_SIZE / SLICE_SIZE; // 512
export const SMALL_PAGE_SIZE = SLICE_SIZE; // 64 KiB
export const MEDIUM_PAGE_SIZE = 8 * SLICE_SIZE; // 512 KiB
export const SMALL_OBJ_SIZE_MAX = SMALL_PAGE_SIZE / 4; // 8 KiB
export const MEDIUM_OBJ_SIZE_MAX = MEDIUM_PAGE_SIZE / 4; // 128 KiB
export const LARGE_OBJ_SIZE_MAX = SEGMENT_SIZE / 2; // 16 MiB
export const MEDIUM_OBJ_WSIZE_MAX = MEDIUM_OBJ_SIZE_MAX / 8;
/** Blocks of up to 1 KiB start 3 × 128 B into their page (_mi_segment_page_start_from_slice). */
export const SMALL_START_OFFSET = 3 * 128;
export const COMMIT_SIZE = SLICE_SIZE; // MI_COMMIT_SIZE
export const MINIMAL_COMMIT_SIZE = 16 * SLICE_SIZE; // 1 MiB, commit granularity
export const COMMIT_MASK_BITS = SEGMENT_SIZE / COMMIT_SIZE; // 512
export const BIN_HUGE = 73;
export const BIN_FULL = BIN_HUGE + 1;
export const SEGMENT_BIN_MAX = 35;
export const HUGE_BLOCK_SIZE = 2 * 1024 * MiB;
/** sizeof(mi_segment_t) rounds to one 64 KiB slice of segment info (513 slice entries of 80 B + the header). */
export const INFO_SLICES = 1;
/** Where the slice entries (mi_slice_t = mi_page_t, 80 B each) start in mi_segment_t (264 on x86-64). */
export const SLICES_OFFSET = 264;
/** offsetof(mi_segment_t, next): a segment from the cache is cleared from here to the slice entries' end. */
export const SEGMENT_NEXT_OFFSET = 184;
/** MI_MAX_SLICE_OFFSET: a page's first 255 slices after its start carry a back offset (MI_ALIGNMENT_MAX 16 MiB / 64 KiB − 1). */
export const MAX_SLICE_OFFSET = 255;
export const SLICE_ENTRY_SIZE = 80;
/** MI_MAX_EXTEND_SIZE / MI_MIN_EXTEND: a page's free list grows by 4 KiB of blocks (at least 4) at a time. */
export const MAX_EXTEND_SIZE = 4 * KiB;
export const MIN_EXTEND = 4;
export const RETIRE_CYCLES = 8;
export const MAX_RETIRE_SIZE = MEDIUM_OBJ_SIZE_MAX;
export const CACHE_MAX = 1024; // segment cache slots (MI_CACHE_FIELDS × 64)
export const CACHE_FIELDS = 16;
export const MAX_PURGE_PER_PUSH = 4;

const wsizeOf = (size: number): number => Math.ceil(size / 8);

/** mi_bin: the page queue of a request (1 … 72 for up to 128 KiB; BIN_HUGE above). */
export function bin(size: number): number {
  let w = wsizeOf(size);
  if (w <= 1) return 1;
  if (w <= 8) return (w + 1) & ~1;
  if (w > MEDIUM_OBJ_WSIZE_MAX) return BIN_HUGE;
  w--;
  const b = 31 - Math.clz32(w);
  return (b << 2) + ((w >> (b - 2)) & 3) - 3;
}

/** The block size of each bin: the largest request that maps to it (the heap's pages[bin].block_size). */
export const BIN_BLOCK_SIZE: number[] = (() => {
  const out = new Array<number>(BIN_FULL + 1).fill(0);
  for (let w = 1; w <= MEDIUM_OBJ_WSIZE_MAX; w++) out[bin(w * 8)] = w * 8;
  out[BIN_HUGE] = MEDIUM_OBJ_SIZE_MAX + 8;
  out[BIN_FULL] = MEDIUM_OBJ_SIZE_MAX + 16;
  return out;
})();

/** _mi_os_good_alloc_size: what large requests and OS allocations are rounded to. */
export function goodAllocSize(size: number): number {
  const align =
    size < 512 * KiB
      ? 4096
      : size < 2 * MiB
        ? 64 * KiB
        : size < 8 * MiB
          ? 256 * KiB
          : size < 32 * MiB
            ? MiB
            : 4 * MiB;
  return Math.ceil(size / align) * align;
}

/** mi_slice_bin8: the span queue of a run of free slices. */
export function sliceBin(count: number): number {
  if (count <= 1) return count;
  count--;
  const s = 31 - Math.clz32(count);
  if (s <= 2) return count + 1;
  return ((s << 2) | ((count >> (s - 2)) & 3)) - 4;
}

export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;
export const alignDown = (n: number, a: number): number => Math.floor(n / a) * a;
