import { MALLOC_CHUNK_STRUCT, MINSIZE, PAGE, alignDown, alignUp } from './constants';
import { mallocConsolidate } from './intFree';
import { HEAP_GRANULE_MASK, type Arena } from './arena';
import { systrim } from './sysmalloc';

/** bin_index(4096) = 99: the smaller bins cannot hold a whole free page. */
const FIRST_PAGE_BIN = 99;

/**
 * The whole free pages mtrim would MADV_DONTNEED, bin by bin as it walks them (the unsorted bin,
 * then bins 99..127, each from its tail): for every chunk bigger than a page plus
 * sizeof(struct malloc_chunk), the pages past its first 48 bytes. `visit(start, length)`.
 */
export function forEachTrimmableRange(
  av: Arena,
  visit: ((start: number, length: number) => void) | null,
): number {
  const st = av.store;
  // In granules (16 B, 256 a page) from a page-aligned base: a thread heap is 64 MiB aligned, the
  // brk heap starts on a page. Integer shifts instead of alignUp/alignDown's float divisions on
  // 47-bit addresses (malloc_trim visits every big free chunk: 8% of the bench's mixed trace).
  const main = av.main;
  if (main && av.heapStart % PAGE !== 0) return forEachTrimmableRangeAnyBase(av, visit);
  let n = 0;
  for (let i = 1; i < 128; i++) {
    if (i !== 1 && i < FIRST_PAGE_BIN) continue;
    for (let p = st.bk[i]; p !== i; p = st.bk[p]) {
      const sizeG = st.sizeG[p];
      if (sizeG <= MIN_TRIM_SIZE_G) continue; // size <= PAGE - 1 + MALLOC_CHUNK_STRUCT
      const g = st.gran[p];
      const off = main ? g : g & HEAP_GRANULE_MASK;
      // the first page boundary at or past the chunk's first 48 bytes, in granules from the base
      const alignedG = ((off + MALLOC_CHUNK_STRUCT / 16 + GRANULES_PER_PAGE - 1) >>> 8) * GRANULES_PER_PAGE;
      const restG = sizeG - (alignedG - off);
      if (restG < GRANULES_PER_PAGE) continue; // rest <= PAGE - 1
      n++;
      const start = av.addrOf(g - off + alignedG);
      const length = (restG >>> 8) * PAGE;
      // visit = null: mtrim's own madvise, without a closure on every malloc_trim.
      if (visit === null) av.kernel.madviseDontneed(start, length);
      else visit(start, length);
    }
  }
  return n;
}

/** Granules of a page, and the largest chunk (in granules) with no whole page past its first 48 bytes. */
const GRANULES_PER_PAGE = PAGE / 16;
const MIN_TRIM_SIZE_G = Math.floor((PAGE - 1 + MALLOC_CHUNK_STRUCT) / 16);

/** forEachTrimmableRange for a brk heap that does not start on a page (a test's kernel may say so). */
function forEachTrimmableRangeAnyBase(
  av: Arena,
  visit: ((start: number, length: number) => void) | null,
): number {
  const st = av.store;
  let n = 0;
  for (let i = 1; i < 128; i++) {
    if (i !== 1 && i < FIRST_PAGE_BIN) continue;
    for (let p = st.bk[i]; p !== i; p = st.bk[p]) {
      const size = av.size(p);
      if (size <= PAGE - 1 + MALLOC_CHUNK_STRUCT) continue;
      const chunkAddr = av.chunk(p);
      const aligned = alignUp(chunkAddr + MALLOC_CHUNK_STRUCT, PAGE);
      const rest = size - (aligned - chunkAddr);
      if (rest <= PAGE - 1) continue;
      n++;
      if (visit === null) av.kernel.madviseDontneed(aligned, alignDown(rest, PAGE));
      else visit(aligned, alignDown(rest, PAGE));
    }
  }
  return n;
}

/**
 * mtrim(av, pad): consolidate, give back the whole free pages inside free chunks, then systrim
 * (the main arena only: a thread arena's heaps shrink through heap_trim, from free()).
 */
export function mtrim(av: Arena, pad: number): number {
  if (av.top < 0) return 0;
  mallocConsolidate(av);
  const result = forEachTrimmableRange(av, null) > 0 ? 1 : 0;
  return result | (av.main ? systrim(av, pad) : 0);
}

/**
 * How many resident bytes malloc_trim(0) would give back now, summed as mtrim does: the whole free
 * pages inside binned free chunks, and what systrim(0) then takes off the top (all of top but
 * MINSIZE + 1 bytes, in whole pages). Only resident pages count: that is what RSS loses. Fastbin
 * chunks would first be consolidated; they are left out (at most 128 B each, they add little).
 */
export function trimWouldRelease(av: Arena): { madvised: number; trimmed: number } {
  if (av.top < 0) return { madvised: 0, trimmed: 0 };
  const kernel = av.kernel;
  let madvised = 0;
  forEachTrimmableRange(av, (start, length) => {
    madvised += kernel.residentBytes(start, length);
  });
  const topArea = av.size(av.top) - MINSIZE - 1;
  const extra = topArea > 0 ? alignDown(topArea, PAGE) : 0;
  const trimmed = extra > 0 ? kernel.residentBytes(kernel.brk - extra, extra) : 0;
  return { madvised, trimmed };
}
