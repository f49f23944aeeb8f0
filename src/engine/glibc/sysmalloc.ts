import { PAGE_SIZE } from '../kernel/constants';
import { ChunkState } from './chunkStore';
import { MINSIZE, SIZE_SZ, alignDown, alignUp } from './constants';
import { splitTop } from './intMalloc';
import type { MallocState } from './state';

/**
 * sysmalloc(nb, av) for the main arena: mmap the chunk when nb ≥ mmap_threshold (and fewer than
 * mmap_max chunks are mapped), else grow the brk heap by ALIGN_UP(nb + top_pad + MINSIZE - top, 4096)
 * and carve nb from the grown top. Returns the user pointer, or 0.
 */
export function sysmalloc(av: MallocState, nb: number): number {
  if (nb >= av.mmapThreshold && av.nMmaps < av.nMmapsMax) {
    const mem = mmapChunk(av, nb);
    if (mem !== 0) return mem;
  }

  const st = av.store;
  const kernel = av.kernel;
  const oldTop = av.top;
  const oldSize = oldTop >= 0 ? av.size(oldTop) : 0;
  // MORECORE_CONTIGUOUS: what is left in top is merged with the new space, so ask for less.
  const size = alignUp(nb + av.topPad + MINSIZE - oldSize, PAGE_SIZE);
  const brk = kernel.sbrk(size);
  if (brk < 0) {
    // glibc would now try mmap as a non-contiguous backup of at least 1 MiB; with the same commit
    // limit that mmap fails too (the simulated kernel refuses sizes past the limit), so: ENOMEM.
    return 0;
  }
  av.sbrkBase = av.sbrkBase || brk;
  av.systemMem += size;
  if (oldTop >= 0) {
    // brk == old_end: top simply grows.
    st.sizeG[oldTop] += size / 16;
    av.w(oldTop, 8);
  } else {
    // First call: top = [brk, brk + size). The heap start is page aligned, so no correction.
    const g = (brk - av.heapStart) / 16;
    const top = st.alloc(g, size / 16, ChunkState.Top, true);
    st.growPages(Math.floor((brk + size - av.heapStart) / PAGE_SIZE) + 1);
    st.linkAfter(-1, top);
    av.top = top;
    av.w(top, 8);
  }
  st.growPages(Math.ceil((kernel.brk - av.heapStart) / PAGE_SIZE) + 1);
  if (av.systemMem > av.maxSystemMem) av.maxSystemMem = av.systemMem;

  if (av.size(av.top) >= nb + MINSIZE) return av.mem(splitTop(av, nb));
  return 0;
}

/** sysmalloc_mmap: a chunk of its own, ALIGN_UP(nb + 8, 4096) bytes; glibc writes its 16-byte header. */
export function mmapChunk(av: MallocState, nb: number): number {
  const size = alignUp(nb + SIZE_SZ, PAGE_SIZE);
  if (size <= nb) return 0;
  const base = av.kernel.mmap(size, 'glibc-mmap', 'glibc mmapped chunk');
  if (base < 0) return 0;
  av.kernel.touch(base, 16);
  av.mmapped.set(base, size);
  av.nMmaps++;
  if (av.nMmaps > av.maxNMmaps) av.maxNMmaps = av.nMmaps;
  av.mmappedMem += size;
  if (av.mmappedMem > av.maxMmappedMem) av.maxMmappedMem = av.mmappedMem;
  return base + 16;
}

/** munmap_chunk. */
export function munmapChunk(av: MallocState, chunk: number): void {
  const size = av.mmapped.get(chunk)!;
  av.mmapped.delete(chunk);
  av.nMmaps--;
  av.mmappedMem -= size;
  av.kernel.munmap(chunk, size);
}

/**
 * systrim(pad): give back whole pages above top_pad from the top of the heap (sbrk(-extra)).
 * Reproduces glibc's signed/unsigned arithmetic: with a 32-byte top, top_area is -1, which as an
 * unsigned long exceeds any pad, and "releasing" the negative extra grows the heap instead.
 */
export function systrim(av: MallocState, pad: number): number {
  if (av.top < 0) return 0;
  const topSize = av.size(av.top);
  const topArea = topSize - MINSIZE - 1;
  let delta: number; // what glibc passes to sbrk: -extra
  if (topArea >= 0) {
    if (topArea <= pad) return 0;
    const extra = alignDown(topArea - pad, PAGE_SIZE);
    if (extra === 0) return 0;
    delta = -extra;
  } else {
    // (unsigned)(top_area - pad) rounded down to a page, read back as a long: a small negative number.
    delta = alignUp(pad - topArea, PAGE_SIZE);
  }
  const kernel = av.kernel;
  const current = kernel.brk;
  if (current !== av.heapStart + (av.store.gran[av.top] + av.store.sizeG[av.top]) * 16) return 0;
  kernel.sbrk(delta);
  const released = current - kernel.brk;
  if (released === 0) return 0;
  av.systemMem -= released;
  av.store.sizeG[av.top] -= released / 16;
  if (released < 0) av.store.growPages(Math.ceil((kernel.brk - av.heapStart) / PAGE_SIZE) + 1);
  av.w(av.top, 8);
  return 1;
}
