import type { Clock } from '../kernel/clock';
import type { Kernel } from '../kernel/kernel';
import {
  BIN_FULL,
  BIN_HUGE,
  BIN_BLOCK_SIZE,
  LARGE_OBJ_SIZE_MAX,
  MAX_RETIRE_SIZE,
  MEDIUM_OBJ_SIZE_MAX,
  MEDIUM_PAGE_SIZE,
  RETIRE_CYCLES,
  SEGMENT_SIZE,
  SLICES_OFFSET,
  SLICE_ENTRY_SIZE,
  SLICE_SIZE,
  SMALL_OBJ_SIZE_MAX,
  bin,
  goodAllocSize,
} from './constants';
import { defaultMimallocOptions, type MimallocOptions } from './options';
import { MiOs, type CacheSlot, type MiOsListener } from './os';
import { Page } from './page';
import { Segments, type Segment } from './segment';

interface Queue {
  first: Page | null;
  last: Page | null;
}

/** A thread's heap (mi_heap_t): one page queue per size bin, plus the full queue; its segments. */
class Heap {
  readonly queues: Queue[] = [];
  retiredMin = BIN_FULL;
  retiredMax = 0;
  constructor(
    readonly thread: number,
    readonly segments: Segments,
  ) {
    for (let i = 0; i <= BIN_FULL; i++) this.queues.push({ first: null, last: null });
  }
}

export interface MimallocStats {
  /** _mi_stats_main.committed.current / .peak, as mi_process_info reports them. */
  currentCommit: number;
  peakCommit: number;
  segments: number;
  pages: number;
  /** Bytes in blocks handed out (used × block size). */
  inUse: number;
}

/**
 * mimalloc 2.0.9 as LD_PRELOADed under CPython (Debian's libmimalloc2.0, release build): malloc, calloc,
 * realloc, free, malloc_usable_size and mi_collect(true), over segments, slices and pages (segment.c,
 * page.c, alloc.c, heap.c). Per-thread heaps; the segment cache is shared.
 */
export class MimallocMalloc {
  readonly kind = 'mimalloc' as const;
  readonly version = 'mimalloc 2.0.9';
  readonly opts: MimallocOptions;
  readonly os: MiOs;
  readonly cache: (CacheSlot | null)[] = new Array<CacheSlot | null>(1024).fill(null);
  private readonly segmentsByAddr = new Map<number, Segment>();
  readonly heaps = new Map<number, Heap>();
  private heap!: Heap;
  /** Segments whose thread ended with pages still in use (mi_segment_abandon), reclaimed by the next thread that needs one. */
  protected readonly abandoned: Segment[] = [];

  constructor(
    readonly kernel: Kernel,
    readonly clock: Clock,
    opts: Partial<MimallocOptions> = {},
    osListener: MiOsListener | null = null,
  ) {
    this.opts = { ...defaultMimallocOptions(), ...opts };
    this.os = new MiOs(kernel, osListener);
    this.setThread(0);
  }

  setThread(tid: number): void {
    let h = this.heaps.get(tid);
    if (!h) {
      const segs = new Segments(
        this.os,
        this.clock,
        this.opts,
        this.cache,
        tid + 1,
        (seg, index) =>
          this.kernel.touch(seg.addr + SLICES_OFFSET + index * SLICE_ENTRY_SIZE, SLICE_ENTRY_SIZE),
        () => this.heaps.size,
      );
      h = new Heap(tid, segs);
      this.heaps.set(tid, h);
    }
    this.heap = h;
  }

  /** mi_thread_done → heap collect(MI_ABANDON): empty pages are freed, the others' segments abandoned. */
  threadExit(tid: number): void {
    const h = this.heaps.get(tid);
    if (!h) return;
    const prev = this.heap;
    this.heap = h;
    this.collectRetired(h, true);
    for (const q of h.queues)
      for (let p = q.first; p;) {
        const next = p.next;
        p.collect(true);
        if (p.allFree) this.pageFree(p);
        p = next;
      }
    for (const seg of [...h.segments.all]) {
      seg.threadId = 0;
      this.abandoned.push(seg);
    }
    this.heaps.delete(tid);
    this.heap = prev === h ? (this.heaps.values().next().value as Heap) : prev;
  }

  private get segs(): Segments {
    return this.heap.segments;
  }

  // ---- queues (page-queue.c) ----

  private qpush(q: Queue, p: Page, index: number): void {
    p.queue = index;
    p.inFull = index === BIN_FULL;
    p.prev = null;
    p.next = q.first;
    if (q.first) q.first.prev = p;
    else q.last = p;
    q.first = p;
  }
  private qremove(q: Queue, p: Page): void {
    if (p.prev) p.prev.next = p.next;
    else q.first = p.next;
    if (p.next) p.next.prev = p.prev;
    else q.last = p.prev;
    p.prev = p.next = null;
  }
  /** mi_page_queue_enqueue_from: to the end of another queue. */
  private qmove(to: number, p: Page): void {
    const h = this.heap;
    this.qremove(h.queues[p.queue], p);
    const q = h.queues[to];
    p.queue = to;
    p.inFull = to === BIN_FULL;
    p.prev = q.last;
    p.next = null;
    if (q.last) q.last.next = p;
    else q.first = p;
    q.last = p;
  }

  // ---- pages ----

  /** mi_page_fresh_alloc: a new page in the heap's segments, its free list started, first in its queue. */
  private freshPage(queueIndex: number, blockSize: number): Page | null {
    const segs = this.segs;
    let placed: [Segment, number, number] | null;
    let page: Page;
    if (blockSize <= LARGE_OBJ_SIZE_MAX) {
      const required =
        blockSize <= SMALL_OBJ_SIZE_MAX
          ? blockSize
          : blockSize <= MEDIUM_OBJ_SIZE_MAX
            ? MEDIUM_PAGE_SIZE
            : blockSize;
      placed = segs.pageAlloc(
        required,
        () => this.trackSegments(),
        (needed) => this.tryReclaim(needed, blockSize <= MEDIUM_OBJ_SIZE_MAX ? blockSize : 0),
      );
      if (placed === null) return null;
      const [seg, index, count] = placed;
      page = new Page(seg, index, count, queueIndex === BIN_HUGE ? 0 : blockSize, this.heap.thread);
      seg.pageAt[index] = page;
    } else {
      const seg = segs.segmentAlloc(blockSize);
      if (seg === null) return null;
      this.trackSegments();
      const index = segs.hugePage(seg);
      page = new Page(seg, index, seg.slices - index, 0, this.heap.thread);
      seg.pageAt[index] = page;
    }
    this.extend(page);
    this.qpush(this.heap.queues[queueIndex], page, queueIndex);
    return page;
  }

  /** Abandoned segments looked at and left (mi_abandoned_visited_push): they go back once `abandoned` runs dry. */
  private readonly visited: Segment[] = [];
  private readonly visits = new Map<Segment, number>();

  /**
   * mi_segment_try_reclaim (2.0.9), when the thread's own spans have no room for `needed` slices:
   * up to 8 abandoned segments (mi_option_max_segment_reclaim), the last abandoned first
   * (mi_abandoned_pop; the visited ones once none is left). Each has its pages' frees from other
   * threads collected and its empty pages cleared (mi_segment_check_free); it is taken over if it
   * is now empty (and so freed), has a free span of `needed` slices or a page of `blockSize` with
   * room, or was passed over 3 times before. Measured (PYTHONMALLOC=malloc, LD_PRELOAD mimalloc
   * 2.0.9, threads started one after another's join, each keeping 1 in 100 of 50,000 bytearrays):
   * the second thread maps a third segment (96 MiB reserved: the first one's exit comes after its
   * join), the third maps none (96 MiB still) and reclaims an abandoned one.
   * Returns 'page' when a page of `blockSize` with room joined the heap, 'span' when a free span
   * of `needed` slices did, null when nothing was taken that fits.
   */
  private tryReclaim(needed: number, blockSize: number): 'page' | 'span' | null {
    for (let tries = 8; tries > 0; tries--) {
      if (this.abandoned.length === 0) this.abandoned.push(...this.visited.splice(0).reverse());
      const seg = this.abandoned.pop();
      if (seg === undefined) return null;
      const visits = (this.visits.get(seg) ?? 0) + 1;
      this.visits.set(seg, visits);
      let fits = false;
      for (let i = 0; i < seg.sliceEntries; i++) {
        const p = seg.pageAt[i];
        if (p !== null) {
          p.collect(false);
          if (!p.allFree && p.blockSize === blockSize && p.free.length + p.localFree.length > 0) fits = true;
        } else if ((seg.spanStart[i]?.count ?? 0) >= needed) fits = true;
        // an empty page is cleared here: its slices (with their neighbours) become a span
        if (p !== null && p.allFree && p.sliceCount >= needed) fits = true;
      }
      if (seg.used === 0 || fits || visits > 3) {
        const page = this.reclaim(seg, blockSize);
        if (fits && page) return 'page';
        if (fits) return 'span';
      } else this.visited.push(seg);
    }
    return null;
  }

  /**
   * mi_segment_reclaim: the segment joins this thread's heap; its empty pages are freed (the
   * segment with them when none is left), the others go to the heap's page queues. True when one of
   * them is a page of `blockSize` with room.
   */
  private reclaim(seg: Segment, blockSize: number): boolean {
    this.visits.delete(seg);
    this.segs.adopt(seg);
    this.segmentsByAddr.set(seg.addr, seg);
    let right = false;
    for (let i = 0; i < seg.sliceEntries; i++) {
      const p = seg.pageAt[i];
      if (p === null) continue;
      p.thread = this.heap.thread;
      p.collect(false);
      if (p.allFree) {
        p.queue = -1;
        this.segs.pageFree(seg, p.index, p.sliceCount);
        continue;
      }
      const qi = p.blockSize > MEDIUM_OBJ_SIZE_MAX ? BIN_HUGE : bin(p.blockSize);
      this.qpush(this.heap.queues[qi], p, qi);
      if (p.blockSize === blockSize && p.free.length + p.localFree.length > 0) right = true;
    }
    if (!this.segs.all.has(seg)) this.segmentsByAddr.delete(seg.addr);
    return right;
  }

  private trackSegments(): void {
    for (const s of this.segs.all) this.segmentsByAddr.set(s.addr, s);
  }

  /** mi_page_extend_free, and the next pointers it writes. */
  private extend(p: Page): void {
    const r = p.extend();
    if (r === null) return;
    const [from, to] = r;
    for (let a = from; a < to; a += p.blockSize) this.kernel.touch(a, 8);
  }

  /** mi_page_queue_find_free_ex. */
  private findFreeEx(qi: number, firstTry: boolean): Page | null {
    const h = this.heap;
    let page = h.queues[qi].first;
    while (page !== null) {
      const next = page.next;
      page.collect(false);
      if (page.available) break;
      if (page.capacity < page.reserved) {
        this.extend(page);
        break;
      }
      this.qmove(BIN_FULL, page); // mi_page_to_full
      page.collect(false);
      page = next;
    }
    if (page === null) {
      this.collectRetired(h, false);
      page = this.freshPage(qi, BIN_BLOCK_SIZE[qi]);
      if (page === null && firstTry) page = this.findFreeEx(qi, false);
    } else page.retireExpire = 0;
    return page;
  }

  /** _mi_malloc_generic → mi_find_page. */
  private findPage(size: number): Page | null {
    if (size > MEDIUM_OBJ_SIZE_MAX) {
      // mi_large_huge_page_alloc: always a fresh page, in the huge queue.
      return this.freshPage(BIN_HUGE, goodAllocSize(size));
    }
    const qi = bin(size);
    const page = this.heap.queues[qi].first;
    if (page !== null) {
      page.collect(false);
      if (page.available) {
        page.retireExpire = 0;
        return page;
      }
    }
    return this.findFreeEx(qi, true);
  }

  /** _mi_page_retire: an empty page that is alone in its queue waits a few collections; others are freed. */
  private retire(p: Page): void {
    const qi = p.queue;
    const q = this.heap.queues[qi];
    if (p.blockSize <= MAX_RETIRE_SIZE && qi < BIN_HUGE) {
      if (q.first === p && q.last === p) {
        p.retireExpire = 1 + (p.blockSize <= SMALL_OBJ_SIZE_MAX ? RETIRE_CYCLES : RETIRE_CYCLES / 4);
        if (qi < this.heap.retiredMin) this.heap.retiredMin = qi;
        if (qi > this.heap.retiredMax) this.heap.retiredMax = qi;
        return;
      }
    }
    this.pageFree(p);
  }

  /** _mi_heap_collect_retired. */
  private collectRetired(h: Heap, force: boolean): void {
    let min = BIN_FULL;
    let max = 0;
    for (let b = h.retiredMin; b <= h.retiredMax; b++) {
      const p = h.queues[b].first;
      if (p === null || p.retireExpire === 0) continue;
      if (p.allFree) {
        p.retireExpire--;
        if (force || p.retireExpire === 0) this.pageFree(p);
        else {
          if (b < min) min = b;
          if (b > max) max = b;
        }
      } else p.retireExpire = 0;
    }
    h.retiredMin = min;
    h.retiredMax = max;
  }

  /** _mi_page_free: out of its queue, its slices back to the segment (which may go to the cache). */
  private pageFree(p: Page): void {
    this.qremove(this.heap.queues[p.queue], p);
    p.queue = -1;
    // mi_segment_page_clear: with page_reset the page's memory is MADV_FREE'd first.
    if (this.opts.pageReset !== 0) this.os.reset(p.start, p.pageSize);
    const seg = p.seg;
    this.segs.pageFree(seg, p.index, p.sliceCount);
    if (!this.segs.all.has(seg)) this.segmentsByAddr.delete(seg.addr);
  }

  // ---- the C API ----

  malloc(size: number): number {
    this.clock.call();
    return this.alloc(size, false);
  }

  calloc(nmemb: number, size: number): number {
    this.clock.call();
    const n = nmemb * size;
    if (size !== 0 && n / size !== nmemb) return 0;
    return this.alloc(n, true);
  }

  private alloc(size: number, zero: boolean): number {
    if (size > Number.MAX_SAFE_INTEGER / 2) return 0;
    const page = this.findPage(size === 0 ? 8 : size);
    if (page === null) return 0;
    const block = page.free.pop() as number;
    page.used++;
    // _mi_page_malloc: page->is_zero is never set in 2.0.9 (is_zero_init stays false), so calloc
    // clears the whole block, touching every page of it, even memory fresh from the OS.
    if (zero) this.kernel.touch(block, page.blockSize);
    return block;
  }

  free(ptr: number): void {
    this.clock.call();
    this.release(ptr);
  }

  private release(ptr: number): void {
    if (ptr === 0) return;
    const page = this.pageOf(ptr);
    if (page.thread !== this.heap.thread) {
      page.threadFree.push(ptr); // _mi_free_block_mt
      return;
    }
    // _mi_free_block: onto local_free (the next pointer is written into the block).
    this.kernel.touch(ptr, 8);
    page.localFree.push(ptr);
    page.used--;
    if (page.allFree) this.retire(page);
    else if (page.inFull) this.qmove(bin(page.blockSize), page); // _mi_page_unfull
  }

  /** _mi_heap_realloc_zero: in place if it fits and wastes at most half, else malloc, copy, free. */
  realloc(ptr: number, size: number): number {
    this.clock.call();
    const old = ptr === 0 ? 0 : this.usableSize(ptr);
    if (size <= old && size >= old / 2 && size > 0) return ptr;
    const q = this.alloc(size, false);
    if (q !== 0 && ptr !== 0) {
      this.kernel.touch(q, Math.min(old, size));
      this.release(ptr);
    }
    return q;
  }

  usableSize(ptr: number): number {
    return this.pageOf(ptr).blockSize;
  }

  /** mi_collect(true): free every empty page, every retired one, and unmap the cached segments. */
  trim(_pad: number): number {
    const h = this.heap;
    const before = this.os.committed;
    this.collectRetired(h, true);
    for (const q of h.queues)
      for (let p = q.first; p;) {
        const next = p.next;
        p.collect(true);
        if (p.allFree) this.pageFree(p);
        p = next;
      }
    this.segs.cacheFreeAll();
    return this.os.committed < before ? 1 : 0;
  }

  protected pageOf(ptr: number): Page {
    const base = Math.floor(ptr / SEGMENT_SIZE) * SEGMENT_SIZE;
    const seg = this.segmentsByAddr.get(base) ?? this.findSegment(base);
    if (!seg) throw new Error(`mimalloc: free of a pointer it does not own: 0x${ptr.toString(16)}`);
    let i = Math.min(Math.floor((ptr - seg.addr) / SLICE_SIZE), seg.sliceEntries - 1);
    while (i > 0 && seg.pageAt[i] === null) i--;
    const p = seg.pageAt[i];
    if (!p) throw new Error(`mimalloc: 0x${ptr.toString(16)} is in no page`);
    return p;
  }

  private findSegment(base: number): Segment | undefined {
    for (const h of this.heaps.values())
      for (const s of h.segments.all) {
        this.segmentsByAddr.set(s.addr, s);
        if (s.addr === base) return s;
      }
    return this.abandoned.find((s) => s.addr === base);
  }

  readStats(): MimallocStats {
    let pages = 0;
    let inUse = 0;
    let segments = 0;
    for (const h of this.heaps.values()) {
      segments += h.segments.all.size;
      for (const q of h.queues)
        for (let p = q.first; p; p = p.next) {
          pages++;
          inUse += p.used * p.blockSize;
        }
    }
    return { currentCommit: this.os.committed, peakCommit: this.os.peakCommitted, segments, pages, inUse };
  }
}
