import { PAGE_SIZE } from '../kernel/constants';
import type { Kernel } from '../kernel/kernel';
import type { PageBits } from '../kernel/pageBits';
import type { Arena } from './arena';
import { ChunkState } from './chunkStore';
import { DEFAULT_MMAP_THRESHOLD_MAX, MINSIZE, alignDown, alignUp } from './constants';

/** HEAP_MAX_SIZE = 2 × DEFAULT_MMAP_THRESHOLD_MAX: every thread heap is an aligned 64 MiB reservation. */
export const HEAP_MAX_SIZE = 2 * DEFAULT_MMAP_THRESHOLD_MAX;
export const HEAP_MIN_SIZE = 32 * 1024;
/** sizeof(heap_info): ar_ptr, prev, size, mprotect_size, pagesize + 8 bytes of padding. */
export const HEAP_INFO_SIZE = 48;
/** sizeof(struct malloc_state) on x86-64 (measured: a new arena's first chunk sits at heap + 2256). */
export const MALLOC_STATE_SIZE = 2200;
/** Where a thread heap's mappings are tagged in the kernel's address space. */
export const HEAP_TAG = 'glibc-heap';

/** heap_info: one heap of a thread arena. */
export class HeapInfo {
  /** Where it sits in its arena's granule space (arena.ts). */
  g0 = 0;
  /** Residency of its read-write part (the kernel's Mapping from addr: the same object until unmapped). */
  bits: PageBits | null = null;
  constructor(
    /** Its address: HEAP_MAX_SIZE aligned. */
    readonly addr: number,
    /** h->size: bytes in use from addr (heap_info and malloc_state included); the rest is PROT_NONE or MADV_DONTNEED'd. */
    public size: number,
    /** h->mprotect_size: bytes made PROT_READ|PROT_WRITE so far (never lowered here: overcommit mode 0). */
    public mprotectSize: number,
    readonly arena: Arena,
    readonly prev: HeapInfo | null,
  ) {}
}

/** The process-wide part of arena.c: aligned_heap_area, and heap_for_ptr as a table. */
export class Heaps {
  /** aligned_heap_area: where the next heap may go (the upper half of an aligned double reservation). */
  alignedHeapArea = 0;
  private readonly byAddr = new Map<number, HeapInfo>();

  constructor(readonly kernel: Kernel) {}

  /**
   * heap_for_ptr(p)->… : the heap holding address p, or undefined. Keyed by address / 64 MiB, a
   * small integer (an address as a key would be a boxed double on every free).
   */
  forPtr(p: number): HeapInfo | undefined {
    return this.byAddr.get(Math.floor(p / HEAP_MAX_SIZE));
  }

  /**
   * new_heap (alloc_new_heap): a HEAP_MAX_SIZE-aligned reservation, PROT_NONE, found by mapping
   * twice the size and unmapping what is not aligned (or at aligned_heap_area, left by the previous
   * double mapping when it came out aligned); its first `size + top_pad` bytes, page rounded, made
   * read-write. Returns the address and size, or null.
   */
  newHeap(size: number, topPad: number, label: string): { addr: number; size: number } | null {
    const k = this.kernel;
    if (size + topPad < HEAP_MIN_SIZE) size = HEAP_MIN_SIZE;
    else if (size + topPad <= HEAP_MAX_SIZE) size += topPad;
    else if (size > HEAP_MAX_SIZE) return null;
    else size = HEAP_MAX_SIZE;
    size = alignUp(size, PAGE_SIZE);
    let p2 = -1;
    if (this.alignedHeapArea !== 0) {
      p2 = k.mmap(HEAP_MAX_SIZE, HEAP_TAG, label, { hint: this.alignedHeapArea, prot: 'none' });
      this.alignedHeapArea = 0;
      if (p2 >= 0 && p2 % HEAP_MAX_SIZE !== 0) {
        k.munmap(p2, HEAP_MAX_SIZE);
        p2 = -1;
      }
    }
    if (p2 < 0) {
      const p1 = k.mmap(2 * HEAP_MAX_SIZE, HEAP_TAG, label, { prot: 'none' });
      if (p1 >= 0) {
        p2 = alignUp(p1, HEAP_MAX_SIZE);
        const ul = p2 - p1;
        if (ul !== 0) k.munmap(p1, ul);
        else this.alignedHeapArea = p2 + HEAP_MAX_SIZE;
        k.munmap(p2 + HEAP_MAX_SIZE, HEAP_MAX_SIZE - ul);
      } else {
        // Try to take the chance that a mapping of only HEAP_MAX_SIZE is already aligned.
        p2 = k.mmap(HEAP_MAX_SIZE, HEAP_TAG, label, { prot: 'none' });
        if (p2 < 0) return null;
        if (p2 % HEAP_MAX_SIZE !== 0) {
          k.munmap(p2, HEAP_MAX_SIZE);
          return null;
        }
      }
    }
    k.mprotect(p2, size, 'rw');
    k.touch(p2, HEAP_INFO_SIZE); // h->size, h->mprotect_size, h->pagesize
    return { addr: p2, size };
  }

  register(h: HeapInfo): void {
    this.byAddr.set(h.addr / HEAP_MAX_SIZE, h);
    h.bits = this.kernel.mappingAt(h.addr)!.resident;
  }

  /** grow_heap: mprotect more of the reservation read-write. 0, or -1 past HEAP_MAX_SIZE. */
  growHeap(h: HeapInfo, diff: number): number {
    diff = alignUp(diff, PAGE_SIZE);
    const newSize = h.size + diff;
    if (newSize > HEAP_MAX_SIZE) return -1;
    if (newSize > h.mprotectSize) {
      this.kernel.mprotect(h.addr + h.mprotectSize, newSize - h.mprotectSize, 'rw');
      h.mprotectSize = newSize;
    }
    h.size = newSize;
    return 0;
  }

  /**
   * shrink_heap: MADV_DONTNEED the tail. The mapping stays read-write (check_may_shrink_heap is
   * false unless vm.overcommit_memory is 2; it is 0 here), so /proc/self/maps still shows it.
   */
  shrinkHeap(h: HeapInfo, diff: number): number {
    const newSize = h.size - diff;
    if (newSize < HEAP_INFO_SIZE) return -1;
    this.kernel.madviseDontneed(h.addr + newSize, diff);
    h.size = newSize;
    return 0;
  }

  /**
   * heap_trim(heap, pad): unmap the arena's last heaps while each holds nothing but top (never its
   * first, which holds the malloc_state), folding the fenceposts and a free chunk below them back
   * into top; then give back the top's whole pages above pad with shrink_heap when top reached
   * trim_threshold. Returns 1 if it shrank the heap.
   */
  heapTrim(heap: HeapInfo, pad: number): number {
    const av = heap.arena;
    const st = av.store;
    // Can this heap go away completely? (top starts right after its heap_info)
    while (st.gran[av.top] === heap.g0 + HEAP_INFO_SIZE / 16) {
      const prevHeap = heap.prev!;
      // The fenceposts at the end of the previous heap: B (size 0) and A (16 bytes) below it.
      const b = st.find(prevHeap.g0 + (prevHeap.size - 16) / 16);
      const a = st.prevPhys[b];
      let newSize = av.size(a) + (MINSIZE - 16);
      const freeBelow = !st.prevInuse(a);
      if (freeBelow) newSize += av.size(st.prevPhys[a]);
      if (newSize + (HEAP_MAX_SIZE - prevHeap.size) < pad + MINSIZE + PAGE_SIZE) break;
      av.systemMem -= heap.size;
      if (heap.addr + HEAP_MAX_SIZE === this.alignedHeapArea) this.alignedHeapArea = 0;
      this.kernel.munmap(heap.addr, HEAP_MAX_SIZE);
      this.byAddr.delete(heap.addr / HEAP_MAX_SIZE);
      st.unlinkAndRelease(av.top);
      av.dropHeap();
      heap = prevHeap;
      let p = a;
      if (freeBelow) {
        p = st.prevPhys[a];
        av.unlinkChunk(p);
        st.sizeG[p] = st.sizeG[p] + st.sizeG[a];
        st.unlinkAndRelease(a);
      }
      st.sizeG[p] = st.sizeG[p] + st.sizeG[b];
      st.unlinkAndRelease(b);
      st.setPrevInuse(p, true);
      st.setState(p, ChunkState.Top);
      av.top = p;
      av.w(p, 8);
    }

    // As systrim does for the main arena: keep top_pad, give back whole pages.
    const topSize = av.size(av.top);
    if (topSize < av.mp.trimThreshold) return 0;
    const topArea = topSize - MINSIZE - 1;
    if (topArea < 0 || topArea <= pad) return 0;
    const extra = alignDown(topArea - pad, PAGE_SIZE);
    if (extra === 0) return 0;
    if (this.shrinkHeap(heap, extra) !== 0) return 0;
    av.systemMem -= extra;
    st.sizeG[av.top] = st.sizeG[av.top] - extra / 16;
    av.w(av.top, 8);
    return 1;
  }
}
