import type { Kernel } from '../kernel/kernel';
import { IntMap } from '../util/intMap';
import { ChunkState, ChunkStore } from './chunkStore';
import { NFASTBINS, inSmallbinRange } from './constants';
import type { HeapInfo, Heaps } from './heap';
import type { MallocPar } from './par';

/** Granules of one thread heap in an arena's store: HEAP_MAX_SIZE (64 MiB) / 16. */
export const HEAP_GRANULES = 1 << 22;
export const HEAP_GRANULE_MASK = HEAP_GRANULES - 1;

/**
 * struct malloc_state: one arena. The main arena lives in the brk heap; every other arena in a
 * chain of heaps (heap_info), each an mmap aligned to HEAP_MAX_SIZE, the first one holding the
 * malloc_state itself. Bins, fastbins, the binmap, top and last_remainder are per arena; mp_ and
 * global_max_fast are the process's (MallocPar); tcaches are per thread (Tcache).
 *
 * Chunk addresses are granules in the arena's store (chunkStore.ts). The main arena's granules
 * count from the heap's start. A thread arena's heaps are laid side by side in granule space, heap
 * k at [k · 2^22, (k + 1) · 2^22) whatever its address, so one Int32 granule names any chunk.
 */
export class Arena {
  readonly store = new ChunkStore();
  /** The main arena (brk heap) or a thread arena (mmapped heaps). */
  readonly main: boolean;
  /** Where granule 0 is: the brk heap's start (main arena); unused for a thread arena. */
  readonly heapStart: number;

  /** av->top as a slot; -1 until the first sysmalloc (glibc's initial_top has size 0). */
  top = -1;
  /** av->last_remainder as a raw granule: glibc never clears it, so a stale match can happen. */
  lastRemainder = -1;
  readonly binmap = new Uint32Array(4);
  readonly fastHead = new Int32Array(NFASTBINS).fill(-1);
  haveFastchunks = false;
  systemMem = 0;
  maxSystemMem = 0;

  /** A thread arena's heaps, oldest first (the main arena has none: it has the brk heap). */
  readonly heapChain: HeapInfo[] = [];
  /** Address of heap k (its heap_info), by its place in granule space. */
  private readonly heapBase: number[] = [];

  // The arena list (main_arena.next, newest first after main), the free list, attached threads.
  next: Arena | null = null;
  nextFree: Arena | null = null;
  attachedThreads = 0;

  // Running totals for mallinfo2 (glibc walks the bins; a property test checks these against a walk).
  binChunks = 0;
  binBytes = 0;
  fastChunks = 0;
  fastBytes = 0;

  /** fd_nextsize / bk_nextsize of large-bin group leaders (absent = NULL). */
  readonly fdNext = new IntMap();
  readonly bkNext = new IntMap();

  constructor(
    readonly kernel: Kernel,
    readonly mp: MallocPar,
    /** The process's heaps (heap_for_ptr, new_heap, heap_trim) for a thread arena. */
    readonly heaps: Heaps,
    /** Creation order: 0 is the main arena. */
    readonly index: number,
  ) {
    this.main = index === 0;
    this.heapStart = kernel.heapStart;
  }

  // ---- addresses and sizes ----
  /**
   * Is mem inside the brk heap (the main arena's)? Asked before any lookup of the mmapped chunks:
   * mmaps never overlap [heap start, break), and a Map keyed by 47-bit addresses costs a boxed
   * number per lookup.
   */
  inHeap(mem: number): boolean {
    return mem > this.heapStart && mem < this.kernel.brk;
  }

  size(s: number): number {
    return this.store.sizeG[s] * 16;
  }
  /** Address of granule g. */
  addrOf(g: number): number {
    return this.main ? this.heapStart + g * 16 : this.heapBase[g >>> 22] + (g & HEAP_GRANULE_MASK) * 16;
  }
  /** Address of chunk s. */
  chunk(s: number): number {
    return this.addrOf(this.store.gran[s]);
  }
  /** User pointer of chunk s. */
  mem(s: number): number {
    const g = this.store.gran[s];
    return (
      (this.main ? this.heapStart + g * 16 : this.heapBase[g >>> 22] + (g & HEAP_GRANULE_MASK) * 16) + 16
    );
  }
  /**
   * Page-touch of an 8-byte write at byte `off` into chunk s (0 prev_size, 8 size, 16 fd, 24 bk,
   * 32/40 nextsize). Only writes that may reach a page not yet resident are touched: a chunk's
   * first 48 bytes stay resident once written (mtrim's MADV_DONTNEED starts past them, trims cut
   * only top's tail), so the header of every existing chunk, the fd/bk of a chunk in a bin and the
   * nextsize words of a group leader need no touch; a new chunk's header, the links of a chunk
   * entering a bin or cache, and a new leader's nextsize words do. (The native residency check
   * holds the model to the real page counts, page for page.) About two touches an op saved.
   */
  w(s: number, off: number): void {
    this.wg(this.store.gran[s] + (off >> 4));
  }
  /** Page-touch of a write at granule g (a header or footer word). */
  wg(g: number): void {
    if (this.main) this.kernel.touchHeapPage(g >> 8);
    else this.kernel.touchPageOf(this.heapChain[g >>> 22].bits!, (g & HEAP_GRANULE_MASK) >> 8);
  }

  /** Give heap h its place in granule space (the next free one: heaps come and go as a stack). */
  addHeap(h: HeapInfo): number {
    const k = this.heapChain.length;
    this.heapChain.push(h);
    this.heapBase[k] = h.addr;
    this.store.growPages((k + 1) * (HEAP_GRANULES >> 8));
    return k * HEAP_GRANULES;
  }
  /** The last heap went away (heap_trim unmapped it). */
  dropHeap(): void {
    this.heapChain.pop();
  }
  /** The heap holding granule g (a thread arena's). */
  heapOf(g: number): HeapInfo {
    return this.heapChain[g >>> 22];
  }

  // ---- inuse bits, as glibc stores them: in the next chunk's size field ----
  /** inuse(p): the PREV_INUSE bit of the chunk after p. */
  inuse(s: number): boolean {
    return this.store.prevInuse(this.store.nextPhys[s]);
  }
  setInuseBitAfter(s: number): void {
    this.store.setPrevInuse(this.store.nextPhys[s], true); // (a chunk's header page is resident: see w())
  }

  // ---- bins (slot i is bin i's head) ----
  markBin(i: number): void {
    this.binmap[i >> 5] |= 1 << (i & 31);
  }

  /** Put a free chunk at the head of the unsorted bin (fd side), as _int_free and the splits do. */
  insertUnsortedHead(s: number): void {
    const st = this.store;
    const fwd = st.fd[1];
    st.fd[s] = fwd;
    st.bk[s] = 1;
    st.bk[fwd] = s;
    st.fd[1] = s;
    st.setState(s, ChunkState.Unsorted);
    this.w(s, 16);
    if (!inSmallbinRange(this.size(s))) this.clearNextsize(s);
    this.binChunks++;
    this.binBytes += this.size(s);
  }

  /** unlink_chunk: take a free chunk out of whichever bin holds it (nextsize lists kept right). */
  unlinkChunk(p: number): void {
    const st = this.store;
    const fd = st.fd[p];
    const bk = st.bk[p];
    st.bk[fd] = bk;
    st.fd[bk] = fd;
    const pfn = inSmallbinRange(this.size(p)) ? -1 : this.fdNext.get(p);
    if (pfn >= 0) {
      const pbn = this.bkNext.get(p);
      // A bin head's "fd_nextsize" overlaps the next bin's fd, never NULL: treat it as set.
      if (fd >= 128 && this.fdNext.get(fd) < 0) {
        if (pfn === p) {
          this.fdNext.set(fd, fd);
          this.bkNext.set(fd, fd);
        } else {
          this.fdNext.set(fd, pfn);
          this.bkNext.set(fd, pbn);
          this.bkNext.set(pfn, fd);
          this.fdNext.set(pbn, fd);
        }
        this.w(fd, 32); // fd becomes a group leader: its nextsize words may be on a page never written
      } else {
        this.bkNext.set(pfn, pbn);
        this.fdNext.set(pbn, pfn);
      }
      this.fdNext.delete(p);
      this.bkNext.delete(p);
    }
    this.binChunks--;
    this.binBytes -= this.size(p);
  }

  clearNextsize(s: number): void {
    this.fdNext.delete(s);
    this.bkNext.delete(s);
    this.w(s, 32);
  }

  /** Sort a chunk taken off the unsorted list into its small or large bin (the tail of _int_malloc's scan). */
  placeInBin(victim: number, size: number, index: number): void {
    const st = this.store;
    let bck: number;
    let fwd: number;
    if (inSmallbinRange(size)) {
      bck = index;
      fwd = st.fd[bck];
      st.setState(victim, ChunkState.Smallbin);
    } else {
      bck = index;
      fwd = st.fd[bck];
      st.setState(victim, ChunkState.Largebin);
      if (fwd !== bck) {
        const smallest = st.bk[bck];
        if (size < this.size(smallest)) {
          // Smaller than everything: append at the tail, after the last group.
          fwd = bck;
          bck = smallest;
          const first = st.fd[fwd];
          const firstBk = this.bkNext.get(first);
          this.fdNext.set(victim, first);
          this.bkNext.set(victim, firstBk);
          this.bkNext.set(first, victim);
          this.fdNext.set(firstBk, victim);
          this.w(victim, 32);
        } else {
          while (size < this.size(fwd)) fwd = this.fdNext.get(fwd);
          if (size === this.size(fwd)) {
            fwd = st.fd[fwd]; // always insert in the second position of a size group
          } else {
            const fb = this.bkNext.get(fwd);
            this.fdNext.set(victim, fwd);
            this.bkNext.set(victim, fb);
            this.bkNext.set(fwd, victim);
            this.fdNext.set(fb, victim);
            this.w(victim, 32);
          }
          bck = st.bk[fwd];
        }
      } else {
        this.fdNext.set(victim, victim);
        this.bkNext.set(victim, victim);
        this.w(victim, 32);
      }
    }
    this.markBin(index);
    st.bk[victim] = bck;
    st.fd[victim] = fwd;
    st.bk[fwd] = victim;
    st.fd[bck] = victim;
    this.binChunks++;
    this.binBytes += size;
  }

  // ---- fastbins ----
  fastPush(s: number, idx: number): void {
    this.store.fd[s] = this.fastHead[idx];
    this.fastHead[idx] = s;
    this.store.setState(s, ChunkState.Fastbin);
    this.w(s, 16);
    this.fastChunks++;
    this.fastBytes += this.size(s);
  }

  fastPop(idx: number): number {
    const s = this.fastHead[idx];
    this.fastHead[idx] = this.store.fd[s];
    this.store.setState(s, ChunkState.InUse);
    this.fastChunks--;
    this.fastBytes -= this.size(s);
    return s;
  }
}
