/**
 * jemalloc 5.3.0's size classes as sc.c computes them for x86-64 (LG_QUANTUM 4, LG_PAGE 12,
 * SC_LG_NGROUP 2, SC_LG_TINY_MIN 3): 8, then 4 classes per doubling from 16 B up. Classes below
 * 16 KiB (4 pages × 4) are "bins", carved from slabs whose size is the smallest page multiple that
 * the region size divides (sc.c slab_size); the rest are large. "psz" classes are the page multiples,
 * the sizes extents are quantized to (sz.c). Checked against malloc_stats_print of Debian's 5.3.0:
 * 36 bin classes, 196 large classes.
 */
export const LG_PAGE = 12;
export const PAGE = 4096;
export const HUGEPAGE = 2 * 1024 * 1024;
export const QUANTUM = 16;
/** config.cache_oblivious (true in Debian's build): large extents get one extra page (sz_large_pad). */
export const LARGE_PAD = PAGE;
const LG_NGROUP = 2;
const PTR_BITS = 64;

export interface BinInfo {
  regSize: number;
  slabSize: number;
  nregs: number;
}

/** index → usable size, for every class (sz_index2size_tab). */
export const INDEX_TO_SIZE: number[] = [];
/** The page-multiple classes (sz_pind2sz_tab), plus the sentinel SC_LARGE_MAXCLASS + PAGE. */
export const PIND_TO_SIZE: number[] = [];
export const BIN_INFO: BinInfo[] = [];

/** sc.c slab_size: the least common multiple of the page and the region size, in pages. */
function slabPages(regSize: number): number {
  let pages = 1;
  while ((pages * PAGE) % regSize !== 0) pages++;
  return pages;
}

(function computeClasses(): void {
  const add = (size: number): void => {
    INDEX_TO_SIZE.push(size);
    if (size % PAGE === 0) PIND_TO_SIZE.push(size);
    if (size < 1 << (LG_PAGE + LG_NGROUP)) {
      const pages = slabPages(size);
      BIN_INFO.push({ regSize: size, slabSize: pages * PAGE, nregs: (pages * PAGE) / size });
    }
  };
  add(8); // the one tiny class
  for (let s = 16; s <= 64; s += 16) add(s); // the first (pseudo) group: quantum spacing
  // Every later group: 4 classes between 2^lg and 2^(lg+1), spaced 2^(lg-2). The last group stops
  // one short so the largest class stays below 2^63 (sc.c's ndelta_limit).
  for (let lg = 6; lg < PTR_BITS - 1; lg++) {
    const limit = lg === PTR_BITS - 2 ? 3 : 4;
    for (let n = 1; n <= limit; n++) {
      const size = 2 ** lg + n * 2 ** (lg - 2);
      if (size > Number.MAX_SAFE_INTEGER) return;
      add(size);
    }
  }
})();

export const NBINS = BIN_INFO.length; // 36
export const SMALL_MAXCLASS = BIN_INFO[NBINS - 1].regSize; // 14336
export const LARGE_MINCLASS = 16384;
/** Largest size we handle: far above any simulated request (the real limit is 2^63 − 2^61 ...). */
export const LARGE_MAXCLASS = INDEX_TO_SIZE[INDEX_TO_SIZE.length - 1];

/** Smallest index whose size is ≥ `size` (sz_size2index); size 0 is class 0. */
export function sizeToIndex(size: number): number {
  if (size <= 8) return 0;
  let lo = 0;
  let hi = INDEX_TO_SIZE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (INDEX_TO_SIZE[mid] >= size) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Usable size of a request (sz_s2u). */
export function sizeToUsable(size: number): number {
  return INDEX_TO_SIZE[sizeToIndex(size)];
}

/** sz_psz2ind: the smallest page class ≥ psz (PIND_TO_SIZE.length for "too large"). */
export function pszToIndex(psz: number): number {
  let lo = 0;
  let hi = PIND_TO_SIZE.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (PIND_TO_SIZE[mid] >= psz) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function pindToSize(pind: number): number {
  return pind < PIND_TO_SIZE.length ? PIND_TO_SIZE[pind] : LARGE_MAXCLASS + PAGE;
}

/** sz_psz2u: round a page count up to its page size class. */
export function pszToUsable(psz: number): number {
  return pindToSize(pszToIndex(psz));
}

/** sz_psz_quantize_floor: the page class an extent of `size` bytes is filed under. */
export function pszQuantizeFloor(size: number): number {
  const pind = pszToIndex(size - LARGE_PAD + 1);
  if (pind === 0) return size;
  return pindToSize(pind - 1) + LARGE_PAD;
}

/** sz_psz_quantize_ceil: the smallest class every extent filed at or above it can hold `size`. */
export function pszQuantizeCeil(size: number): number {
  let ret = pszQuantizeFloor(size);
  if (ret < size) ret = pindToSize(pszToIndex(ret - LARGE_PAD + 1)) + LARGE_PAD;
  return ret;
}

export const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;
export const pageCeil = (n: number): number => alignUp(n, PAGE);
