import type { Kernel } from '../kernel/kernel';
import { ChunkState, ChunkStore } from './chunkStore';
import { IntMap } from '../util/intMap';
import {
  DEFAULT_MMAP_MAX,
  DEFAULT_MMAP_THRESHOLD,
  DEFAULT_MXFAST,
  DEFAULT_TOP_PAD,
  DEFAULT_TRIM_THRESHOLD,
  NFASTBINS,
  TCACHE_FILL_COUNT,
  TCACHE_MAX_BINS,
  csize2tidx,
  inSmallbinRange,
  request2size,
} from './constants';
import type { GlibcTunables } from '../libc/glibcTunables';

/**
 * malloc_state of the main arena plus malloc_par (mp_) and the thread's tcache: everything
 * glibc keeps outside the chunks themselves. One thread, one arena.
 */
export class MallocState {
  readonly store = new ChunkStore();
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
  /** mp_.sbrk_base as a flag: set by the first successful sbrk. */
  sbrkBase = 0;

  // tcache_perthread_struct
  tcacheReady = false;
  /** Granule of the tcache struct's chunk (its counts/entries are written on every put and get). */
  tcacheGran = -1;
  readonly tcacheHead = new Int32Array(TCACHE_MAX_BINS).fill(-1);
  readonly tcacheCounts = new Uint16Array(TCACHE_MAX_BINS);

  // malloc_par
  mmapThreshold: number;
  trimThreshold: number;
  topPad: number;
  nMmapsMax: number;
  noDynThreshold: boolean;
  tcacheCount: number;
  tcacheBins: number;
  /** mp_.tcache_unsorted_limit: 0 = sort the whole unsorted list before returning a cached chunk. */
  tcacheUnsortedLimit: number;
  maxFast: number;
  nMmaps = 0;
  maxNMmaps = 0;
  mmappedMem = 0;
  maxMmappedMem = 0;
  /** mmapped chunks: chunk address → chunk size (the whole mapping; prev_size offset is always 0 here). */
  readonly mmapped = new Map<number, number>();

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
    t: GlibcTunables = {},
  ) {
    this.heapStart = kernel.heapStart;
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
  }

  // ---- addresses and sizes ----
  /**
   * Is mem inside the brk heap? Asked before any lookup of the mmapped chunks: mmaps never overlap
   * [heap start, break), and a Map keyed by 47-bit addresses costs a boxed number per lookup.
   */
  inHeap(mem: number): boolean {
    return mem > this.heapStart && mem < this.kernel.brk;
  }

  size(s: number): number {
    return this.store.sizeG[s] * 16;
  }
  /** User pointer of a heap chunk slot. */
  mem(s: number): number {
    return this.heapStart + this.store.gran[s] * 16 + 16;
  }
  /** Page-touch of an 8-byte write at byte `off` into chunk s (0 prev_size, 8 size, 16 fd, 24 bk, 32/40 nextsize). */
  w(s: number, off: number): void {
    this.kernel.touchHeapPage((this.store.gran[s] + (off >> 4)) >> 8);
  }
  /** Page-touch of a write at granule g (a header or footer word). */
  wg(g: number): void {
    this.kernel.touchHeapPage(g >> 8);
  }

  // ---- inuse bits, as glibc stores them: in the next chunk's size field ----
  /** inuse(p): the PREV_INUSE bit of the chunk after p. */
  inuse(s: number): boolean {
    return this.store.prevInuse(this.store.nextPhys[s]);
  }
  setInuseBitAfter(s: number): void {
    const n = this.store.nextPhys[s];
    this.store.setPrevInuse(n, true);
    this.w(n, 8);
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
    if (fwd >= 128) this.w(fwd, 24);
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
    if (fd >= 128) this.w(fd, 24);
    if (bk >= 128) this.w(bk, 16);
    if (!inSmallbinRange(this.size(p)) && this.fdNext.has(p)) {
      const pfn = this.fdNext.get(p);
      const pbn = this.bkNext.get(p);
      // A bin head's "fd_nextsize" overlaps the next bin's fd, never NULL: treat it as set.
      if (fd >= 128 && !this.fdNext.has(fd)) {
        if (pfn === p) {
          this.fdNext.set(fd, fd);
          this.bkNext.set(fd, fd);
        } else {
          this.fdNext.set(fd, pfn);
          this.bkNext.set(fd, pbn);
          this.bkNext.set(pfn, fd);
          this.fdNext.set(pbn, fd);
          this.w(pfn, 40);
          this.w(pbn, 32);
        }
        this.w(fd, 32);
      } else {
        this.bkNext.set(pfn, pbn);
        this.fdNext.set(pbn, pfn);
        this.w(pfn, 40);
        this.w(pbn, 32);
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
          this.w(first, 40);
          this.w(firstBk, 32);
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
            this.w(fwd, 40);
            this.w(fb, 32);
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
    this.w(victim, 16);
    if (fwd >= 128) this.w(fwd, 24);
    if (bck >= 128) this.w(bck, 16);
    this.binChunks++;
    this.binBytes += size;
  }

  // ---- tcache ----
  tcachePut(s: number, idx: number): void {
    const st = this.store;
    st.fd[s] = this.tcacheHead[idx];
    this.tcacheHead[idx] = s;
    this.tcacheCounts[idx]++;
    st.setState(s, ChunkState.Tcache);
    this.w(s, 16);
    this.wg(this.tcacheGran + 1);
  }

  tcacheGet(idx: number): number {
    const s = this.tcacheHead[idx];
    this.tcacheHead[idx] = this.store.fd[s];
    this.tcacheCounts[idx]--;
    this.store.setState(s, ChunkState.InUse);
    this.w(s, 24); // e->key = NULL
    this.wg(this.tcacheGran + 1);
    return s;
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
