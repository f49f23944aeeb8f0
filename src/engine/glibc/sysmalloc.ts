import { PAGE_SIZE } from '../kernel/constants';
import type { Arena } from './arena';
import { ChunkState } from './chunkStore';
import { MINSIZE, SIZE_SZ, alignDown, alignUp } from './constants';
import { HEAP_INFO_SIZE, HeapInfo } from './heap';
import { intFree } from './intFree';
import { splitTop } from './intMalloc';
import type { Tcache } from './tcache';

/**
 * sysmalloc(nb, av): mmap the chunk when nb ≥ mmap_threshold (and fewer than mmap_max chunks are
 * mapped); else the main arena grows the brk heap by ALIGN_UP(nb + top_pad + MINSIZE - top, 4096),
 * and a thread arena grows its heap (grow_heap) or chains a new one (new_heap), fenceposting the
 * old top; then nb is carved from top. Returns the user pointer, or 0.
 */
export function sysmalloc(av: Arena, nb: number, tc: Tcache | null): number {
  const mp = av.mp;
  let triedMmap = false;
  if (nb >= mp.mmapThreshold && mp.nMmaps < mp.nMmapsMax) {
    const mem = mmapChunk(av, nb);
    if (mem !== 0) return mem;
    triedMmap = true;
  }
  if (av.main) {
    if (!growBrkHeap(av, nb)) return 0;
  } else if (!growThreadHeap(av, nb, tc)) {
    // new_heap failed: at least try mmap (if not tried above).
    return triedMmap ? 0 : mmapChunk(av, nb);
  }
  if (av.systemMem > av.maxSystemMem) av.maxSystemMem = av.systemMem;
  if (av.size(av.top) >= nb + MINSIZE) return av.mem(splitTop(av, nb));
  return 0;
}

/** The main arena: sbrk, top grows in place (MORECORE_CONTIGUOUS). False when the kernel refuses. */
function growBrkHeap(av: Arena, nb: number): boolean {
  const st = av.store;
  const kernel = av.kernel;
  const mp = av.mp;
  const oldTop = av.top;
  const oldSize = oldTop >= 0 ? av.size(oldTop) : 0;
  // MORECORE_CONTIGUOUS: what is left in top is merged with the new space, so ask for less.
  const size = alignUp(nb + mp.topPad + MINSIZE - oldSize, PAGE_SIZE);
  const brk = kernel.sbrk(size);
  if (brk < 0) {
    // glibc would now try mmap as a non-contiguous backup of at least 1 MiB; with the same commit
    // limit that mmap fails too (the simulated kernel refuses sizes past the limit), so: ENOMEM.
    return false;
  }
  mp.sbrkBase = mp.sbrkBase || brk;
  av.systemMem += size;
  if (oldTop >= 0) {
    // brk == old_end: top simply grows.
    st.sizeG[oldTop] = st.sizeG[oldTop] + size / 16;
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
  return true;
}

/**
 * A thread arena: grow_heap the heap holding top by what nb lacks; else new_heap one big enough
 * for nb, chained after it (heap->prev), top moving there. The old top then ends in two
 * fenceposts, a 16-byte in-use chunk and a "chunk" of size 0, and what is left of it is freed
 * (_int_free: to this thread's tcache, a fastbin or the unsorted bin). False when both fail.
 */
function growThreadHeap(av: Arena, nb: number, tc: Tcache | null): boolean {
  const st = av.store;
  const mp = av.mp;
  const heaps = av.heaps;
  const oldTop = av.top;
  const oldSize = av.size(oldTop);
  const oldHeap = av.heapOf(st.gran[oldTop]);
  const oldHeapSize = oldHeap.size;
  if (MINSIZE + nb - oldSize > 0 && heaps.growHeap(oldHeap, MINSIZE + nb - oldSize) === 0) {
    av.systemMem += oldHeap.size - oldHeapSize;
    st.sizeG[oldTop] = oldHeap.g0 + oldHeap.size / 16 - st.gran[oldTop];
    av.w(oldTop, 8);
    return true;
  }
  const got = heaps.newHeap(
    nb + MINSIZE + HEAP_INFO_SIZE,
    mp.topPad,
    `glibc arena ${av.index} heap ${av.heapChain.length}`,
  );
  if (got === null) return false;
  const heap = new HeapInfo(got.addr, got.size, got.size, av, oldHeap);
  heaps.register(heap);
  heap.g0 = av.addHeap(heap);
  av.systemMem += heap.size;
  const top = st.alloc(
    heap.g0 + HEAP_INFO_SIZE / 16,
    (heap.size - HEAP_INFO_SIZE) / 16,
    ChunkState.Top,
    true,
  );
  st.linkAfter(-1, top);
  av.top = top;
  av.w(top, 8);

  // Fenceposts: the old top's last 32 bytes (its size is a multiple of 16: (old_size - MINSIZE) & ~15).
  const g = st.gran[oldTop];
  const keptG = (oldSize - MINSIZE) / 16;
  const b = st.alloc(g + keptG + 1, 1, ChunkState.InUse, true); // size 0 | PREV_INUSE
  av.wg(g + keptG + 1);
  if (keptG * 16 >= MINSIZE) {
    const a = st.alloc(g + keptG, 1, ChunkState.InUse, true); // CHUNK_HDR_SZ | PREV_INUSE, footer set
    st.sizeG[oldTop] = keptG;
    st.linkAfter(oldTop, a);
    st.linkAfter(a, b);
    av.wg(g + keptG);
    st.setState(oldTop, ChunkState.InUse);
    av.w(oldTop, 8);
    intFree(av, oldTop, tc);
  } else {
    st.sizeG[oldTop] = keptG + 1;
    st.linkAfter(oldTop, b);
    st.setState(oldTop, ChunkState.InUse);
    av.w(oldTop, 8);
  }
  return true;
}

/** sysmalloc_mmap: a chunk of its own, ALIGN_UP(nb + 8, 4096) bytes; glibc writes its 16-byte header. */
export function mmapChunk(av: Arena, nb: number): number {
  const mp = av.mp;
  const size = alignUp(nb + SIZE_SZ, PAGE_SIZE);
  if (size <= nb) return 0;
  const base = av.kernel.mmap(size, 'glibc-mmap', 'glibc mmapped chunk');
  if (base < 0) return 0;
  av.kernel.touch(base, 16);
  mp.mmapped.set(base, size);
  mp.nMmaps++;
  if (mp.nMmaps > mp.maxNMmaps) mp.maxNMmaps = mp.nMmaps;
  mp.mmappedMem += size;
  if (mp.mmappedMem > mp.maxMmappedMem) mp.maxMmappedMem = mp.mmappedMem;
  return base + 16;
}

/** munmap_chunk. */
export function munmapChunk(av: Arena, chunk: number): void {
  const mp = av.mp;
  const size = mp.mmapped.get(chunk)!;
  mp.mmapped.delete(chunk);
  mp.nMmaps--;
  mp.mmappedMem -= size;
  av.kernel.munmap(chunk, size);
}

/**
 * systrim(pad): give back whole pages above top_pad from the top of the brk heap (sbrk(-extra)).
 * Reproduces glibc's signed/unsigned arithmetic: with a 32-byte top, top_area is -1, which as an
 * unsigned long exceeds any pad, and "releasing" the negative extra grows the heap instead.
 */
export function systrim(av: Arena, pad: number): number {
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
  av.store.sizeG[av.top] = av.store.sizeG[av.top] - released / 16;
  if (released < 0) av.store.growPages(Math.ceil((kernel.brk - av.heapStart) / PAGE_SIZE) + 1);
  av.w(av.top, 8);
  return 1;
}
