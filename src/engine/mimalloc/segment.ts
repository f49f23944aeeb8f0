import type { Clock } from '../kernel/clock';
import {
  COMMIT_MASK_BITS,
  COMMIT_SIZE,
  INFO_SLICES,
  MEDIUM_PAGE_SIZE,
  MAX_SLICE_OFFSET,
  MINIMAL_COMMIT_SIZE,
  SEGMENT_NEXT_OFFSET,
  SEGMENT_BIN_MAX,
  SEGMENT_SIZE,
  SLICES_OFFSET,
  SLICES_PER_SEGMENT,
  SLICE_ENTRY_SIZE,
  SLICE_SIZE,
  alignDown,
  alignUp,
  sliceBin,
} from './constants';
import { decommitMask, maskCount, randomShuffle, type CacheSlot, type MiMapping, type MiOs } from './os';
import type { MimallocOptions } from './options';
import type { Page } from './page';

/** A run of free slices in a segment, queued by size in its thread's span queues (mi_span_queue_t). */
export class Span {
  prev: Span | null = null;
  next: Span | null = null;
  constructor(
    readonly seg: Segment,
    readonly index: number,
    public count: number,
  ) {}
}

/**
 * A 32 MiB segment (segment.c): 512 slices of 64 KiB. Slice 0 holds the segment's own header; the rest
 * are free spans or pages. Its commit mask says which 64 KiB parts are committed; the decommit mask
 * which of those are waiting for decommit_expire.
 */
export class Segment {
  used = 0;
  /** The page starting at each slice, or the free span starting / ending there. */
  readonly pageAt: (Page | null)[];
  readonly spanStart: (Span | null)[];
  readonly spanEnd: (Span | null)[];
  readonly commit = new Uint8Array(COMMIT_MASK_BITS);
  readonly decommit = new Uint8Array(COMMIT_MASK_BITS);
  decommitExpire = 0;
  allowDecommit: boolean;
  threadId: number;

  constructor(
    readonly mapping: MiMapping,
    /** segment_slices: 512 for a normal segment, more for a huge one. */
    readonly slices: number,
    readonly huge: boolean,
    threadId: number,
    allowDecommit: boolean,
  ) {
    const entries = Math.min(slices, SLICES_PER_SEGMENT);
    this.pageAt = new Array<Page | null>(entries + 1).fill(null);
    this.spanStart = new Array<Span | null>(entries + 1).fill(null);
    this.spanEnd = new Array<Span | null>(entries + 1).fill(null);
    this.threadId = threadId;
    this.allowDecommit = allowDecommit;
  }
  get addr(): number {
    return this.mapping.addr;
  }
  get size(): number {
    return this.slices * SLICE_SIZE;
  }
  get sliceEntries(): number {
    return Math.min(this.slices, SLICES_PER_SEGMENT);
  }
}

/**
 * One thread's segments (mi_segments_tld_t): its span queues, and the segment cache shared by the
 * process (segment-cache.c). Decommit happens only inside calls: when a span is freed and the delay has
 * expired, when a page is allocated in a segment, when a segment goes to the cache (a few slots are
 * probed), and in mi_collect. Nothing runs on a timer.
 */
export class Segments {
  readonly queues: { first: Span | null; last: Span | null }[] = [];
  count = 0;
  readonly all = new Set<Segment>();

  constructor(
    readonly os: MiOs,
    readonly clock: Clock,
    readonly opts: MimallocOptions,
    readonly cache: (CacheSlot | null)[],
    readonly threadId: number,
    /** Touch the segment header where mimalloc writes a slice entry. */
    private readonly onWriteEntry: (seg: Segment, index: number) => void,
    /** _mi_current_thread_count: the threads with a heap now (the main thread's included). */
    private readonly threadCount: () => number = () => 1,
  ) {
    for (let i = 0; i <= SEGMENT_BIN_MAX; i++) this.queues.push({ first: null, last: null });
  }

  nowMs(): number {
    return Math.floor(this.clock.now() / 1e6);
  }

  // ---- span queues ----

  private push(span: Span): void {
    const q = this.queues[sliceBin(span.count)];
    span.prev = null;
    span.next = q.first;
    if (q.first) q.first.prev = span;
    else q.last = span;
    q.first = span;
  }
  private unqueue(span: Span): void {
    const q = this.queues[sliceBin(span.count)];
    if (span.prev) span.prev.next = span.next;
    else q.first = span.next;
    if (span.next) span.next.prev = span.prev;
    else q.last = span.prev;
    span.prev = span.next = null;
  }
  private forgetSpan(span: Span): void {
    const s = span.seg;
    s.spanStart[span.index] = null;
    s.spanEnd[span.index + span.count - 1] = null;
  }

  /** mi_segment_span_free: the slices become a free span (queued unless huge), maybe decommitting. */
  spanFree(seg: Segment, index: number, count: number, allowDecommit: boolean): void {
    if (count === 0) count = 1;
    const span = new Span(seg, index, count);
    seg.spanStart[index] = span;
    seg.spanEnd[Math.min(index + count, seg.sliceEntries) - 1] = span;
    this.onWriteEntry(seg, index);
    if (count > 1) this.onWriteEntry(seg, Math.min(index + count, seg.sliceEntries) - 1);
    if (allowDecommit) this.perhapsDecommit(seg, seg.addr + index * SLICE_SIZE, count * SLICE_SIZE);
    if (!seg.huge && seg.threadId !== 0) this.push(span);
  }

  /** mi_segment_span_free_coalesce: merge with the free spans right after and right before. */
  spanFreeCoalesce(seg: Segment, index: number, count: number): void {
    if (seg.huge) {
      seg.spanStart[index] = new Span(seg, index, count);
      return;
    }
    const next = index + count < seg.sliceEntries ? seg.spanStart[index + count] : null;
    if (next) {
      count += next.count;
      if (seg.threadId !== 0) this.unqueue(next);
      this.forgetSpan(next);
    }
    const prev = index > 0 ? seg.spanEnd[index - 1] : null;
    if (prev) {
      count += prev.count;
      if (seg.threadId !== 0) this.unqueue(prev);
      this.forgetSpan(prev);
      index = prev.index;
    }
    this.spanFree(seg, index, count, true);
  }

  // ---- commit and decommit ----

  /** mi_segment_commit_mask: the 64 KiB parts a range covers (conservative: only whole ones). */
  private commitRange(seg: Segment, conservative: boolean, p: number, size: number): [number, number] | null {
    if (size === 0 || size > SEGMENT_SIZE || seg.huge) return null;
    const segstart = INFO_SLICES * SLICE_SIZE;
    const segsize = seg.size;
    const pstart = p - seg.addr;
    if (pstart >= segsize) return null;
    let start: number;
    let end: number;
    if (conservative) {
      start = alignUp(pstart, COMMIT_SIZE);
      end = alignDown(pstart + size, COMMIT_SIZE);
    } else {
      start = alignDown(pstart, MINIMAL_COMMIT_SIZE);
      end = alignUp(pstart + size, MINIMAL_COMMIT_SIZE);
    }
    if (pstart >= segstart && start < segstart) start = segstart;
    if (end > segsize) end = segsize;
    if (end <= start) return null;
    return [start / COMMIT_SIZE, (end - start) / COMMIT_SIZE];
  }

  /** mi_segment_commitx. */
  commitx(seg: Segment, commit: boolean, p: number, size: number): void {
    const r = this.commitRange(seg, !commit, p, size);
    if (r === null) return;
    const [idx, n] = r;
    const os = this.os;
    let allSet = true;
    let anySet = false;
    let overlap = 0;
    for (let i = idx; i < idx + n; i++) {
      if (seg.commit[i]) {
        anySet = true;
        overlap++;
      } else allSet = false;
    }
    const start = seg.addr + idx * COMMIT_SIZE;
    const full = n * COMMIT_SIZE;
    if (commit && !allSet) {
      os.stat(-overlap * COMMIT_SIZE); // "adjust for overlap"
      os.commit(start, full);
      for (let i = idx; i < idx + n; i++) seg.commit[i] = 1;
    } else if (!commit && anySet) {
      os.stat(full - overlap * COMMIT_SIZE);
      if (seg.allowDecommit) os.decommit(start, full);
      else os.stat(-full);
      for (let i = idx; i < idx + n; i++) seg.commit[i] = 0;
    }
    let pending = false;
    for (let i = idx; i < idx + n; i++) if (seg.decommit[i]) pending = true;
    if (commit && pending) seg.decommitExpire = this.nowMs() + this.opts.decommitDelay;
    seg.decommit.fill(0, idx, idx + n);
  }

  /** mi_segment_ensure_committed. */
  ensureCommitted(seg: Segment, p: number, size: number): void {
    if (maskCount(seg.commit) === COMMIT_MASK_BITS && maskCount(seg.decommit) === 0) return;
    this.commitx(seg, true, p, size);
  }

  /** mi_segment_perhaps_decommit: mark for decommit after decommit_delay (or at once with delay 0). */
  perhapsDecommit(seg: Segment, p: number, size: number): void {
    if (!seg.allowDecommit) return;
    if (this.opts.decommitDelay === 0) {
      this.commitx(seg, false, p, size);
      return;
    }
    const r = this.commitRange(seg, true, p, size);
    if (r === null) return;
    const [idx, n] = r;
    for (let i = idx; i < idx + n; i++) if (seg.commit[i]) seg.decommit[i] = 1;
    const now = this.nowMs();
    if (seg.decommitExpire === 0) seg.decommitExpire = now + this.opts.decommitDelay;
    else if (seg.decommitExpire <= now) {
      if (seg.decommitExpire + this.opts.decommitExtendDelay <= now) this.delayedDecommit(seg, true);
      else seg.decommitExpire = now + this.opts.decommitExtendDelay;
    } else seg.decommitExpire += this.opts.decommitExtendDelay;
  }

  /** mi_segment_delayed_decommit: decommit what is marked, once its time has come (or now, forced). */
  delayedDecommit(seg: Segment, force: boolean): void {
    if (!seg.allowDecommit || maskCount(seg.decommit) === 0) return;
    if (!force && this.nowMs() < seg.decommitExpire) return;
    const mask = seg.decommit.slice();
    seg.decommitExpire = 0;
    seg.decommit.fill(0);
    let i = 0;
    while (i < COMMIT_MASK_BITS) {
      if (!mask[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < COMMIT_MASK_BITS && mask[j]) j++;
      this.commitx(seg, false, seg.addr + i * COMMIT_SIZE, (j - i) * COMMIT_SIZE);
      i = j;
    }
  }

  // ---- pages ----

  /** mi_segment_span_allocate: the slices become a page (committing them first). */
  private spanAllocate(seg: Segment, index: number, count: number): number {
    this.ensureCommitted(seg, seg.addr + index * SLICE_SIZE, count * SLICE_SIZE);
    // The page's entry, the back offsets of up to MAX_SLICE_OFFSET slices after it, and its last slice.
    let extra = Math.min(count - 1, MAX_SLICE_OFFSET);
    if (index + extra >= seg.sliceEntries) extra = seg.sliceEntries - index - 1;
    for (let i = 0; i <= extra; i++) this.onWriteEntry(seg, index + i);
    const last = Math.min(index + count, seg.sliceEntries) - 1;
    if (last > index + extra) this.onWriteEntry(seg, last);
    seg.used++;
    return index;
  }

  /**
   * mi_segments_page_alloc: a page of `required` bytes (64 KiB slices; 512 KiB granules past 512 KiB)
   * from the first fitting span, in a new segment if none fits. Returns [segment, slice index, slices].
   */
  pageAlloc(
    required: number,
    newSegment: () => void,
    reclaim: (needed: number) => 'page' | 'span' | null = () => null,
  ): [Segment, number, number] | null {
    const pageSize = alignUp(required, required > MEDIUM_PAGE_SIZE ? MEDIUM_PAGE_SIZE : SLICE_SIZE);
    const needed = pageSize / SLICE_SIZE;
    let reclaimed = false;
    for (let attempt = 0; attempt < 2; attempt++) {
      for (let b = sliceBin(needed); b <= SEGMENT_BIN_MAX; b++) {
        for (let span = this.queues[b].first; span; span = span.next) {
          if (span.count < needed) continue;
          const seg = span.seg;
          this.unqueue(span);
          this.forgetSpan(span);
          if (span.count > needed) this.spanFree(seg, span.index + needed, span.count - needed, false);
          const index = this.spanAllocate(seg, span.index, needed);
          this.delayedDecommit(seg, false);
          return [seg, index, needed];
        }
      }
      // mi_segment_reclaim_or_alloc: an abandoned segment first (mi_segment_try_reclaim), then a new one
      if (!reclaimed) {
        reclaimed = true;
        const got = reclaim(needed);
        if (got === 'page') return null; // a page with room went into the heap's queue: the caller retries
        if (got === 'span') {
          attempt--;
          continue;
        }
      }
      if (attempt === 0) {
        if (this.segmentAlloc(0) === null) return null;
        newSegment();
      }
    }
    return null;
  }

  /**
   * mi_segment_reclaim's first half: an abandoned segment becomes this thread's (its free spans go
   * into this thread's span queues); the caller takes over its pages.
   */
  adopt(seg: Segment): void {
    seg.threadId = this.threadId;
    this.count++;
    this.all.add(seg);
    for (let i = 0; i < seg.sliceEntries; i++) {
      const span = seg.spanStart[i];
      if (span === null || seg.huge) continue;
      span.prev = span.next = null;
      this.push(span);
    }
  }

  /** _mi_segment_page_free after mi_segment_page_clear: the page's slices are free again. */
  pageFree(seg: Segment, index: number, count: number): void {
    seg.pageAt[index] = null;
    this.spanFreeCoalesce(seg, index, count);
    seg.used--;
    if (seg.used === 0) this.segmentFree(seg);
  }

  // ---- segments ----

  /** mi_segment_alloc: a normal segment (required 0) from the cache or the OS, or a huge one holding `required`. */
  segmentAlloc(required: number): Segment | null {
    const infoSize = INFO_SLICES * SLICE_SIZE;
    const slices =
      required === 0 ? SLICES_PER_SEGMENT : alignUp(required + infoSize, SLICE_SIZE) / SLICE_SIZE;
    const size = slices * SLICE_SIZE;
    // mi_segment_alloc (2.0.9): while other threads run, a thread's first eager_commit_delay (1)
    // segments are reserved, not committed: pages commit (mprotect) as they are carved out. Measured
    // under LD_PRELOAD=libmimalloc.so.2, two workers counting words (h12_threads_lock_counts): +39 MiB
    // anon_mmap with both running, of which ~11 MiB their segments' committed parts (the model mapped
    // both 32 MiB segments read-write: +93 MiB)
    const eagerDelay = this.threadCount() > 1 && this.count < this.opts.eagerCommitDelay;
    const commit = (!eagerDelay && this.opts.eagerCommit !== 0) || required > 0;
    let commitMask: Uint8Array | null = null;
    let decommitMask: Uint8Array | null = null;
    let mapping: MiMapping | null = null;
    if (required === 0) {
      const slot = this.cachePop();
      if (slot) {
        mapping = slot.mapping;
        commitMask = slot.commit;
        decommitMask = slot.decommit;
      }
    }
    let fromCache = mapping !== null;
    if (mapping === null) {
      fromCache = false;
      mapping = this.os.allocAligned(size, SEGMENT_SIZE, commit);
      if (mapping === null) return null;
      commitMask = new Uint8Array(COMMIT_MASK_BITS).fill(commit ? 1 : 0);
      decommitMask = new Uint8Array(COMMIT_MASK_BITS);
    }
    const seg = new Segment(mapping, slices, required > 0, this.threadId, this.opts.allowDecommit !== 0);
    seg.commit.set(commitMask as Uint8Array);
    // The header's slices must be committed.
    let infoCommitted = true;
    for (let i = 0; i < INFO_SLICES; i++) if (!seg.commit[i]) infoCommitted = false;
    if (!infoCommitted) {
      this.os.commit(seg.addr, INFO_SLICES * COMMIT_SIZE);
      seg.commit.fill(1, 0, INFO_SLICES);
    }
    if (seg.allowDecommit) seg.decommit.set(decommitMask as Uint8Array);
    this.count++;
    this.all.add(seg);
    // The header is written: segment fields, then the info slices' entries (mi_segment_span_allocate).
    // Memory from the cache is not known to be zero: mi_segment_alloc clears the header from `next`
    // to the end of the slice entries (segment_slices + 1 of them).
    this.os.kernel.touch(seg.addr, SLICES_OFFSET);
    if (fromCache)
      this.os.kernel.touch(
        seg.addr + SEGMENT_NEXT_OFFSET,
        SLICES_OFFSET - SEGMENT_NEXT_OFFSET + SLICE_ENTRY_SIZE * (slices + 1),
      );
    this.spanAllocate(seg, 0, INFO_SLICES);
    seg.used = 0;
    if (!seg.huge) this.spanFree(seg, INFO_SLICES, seg.sliceEntries - INFO_SLICES, false);
    return seg;
  }

  /** The page slices of a huge segment (mi_segment_huge_page_alloc). */
  hugePage(seg: Segment): number {
    return this.spanAllocate(seg, INFO_SLICES, seg.slices - INFO_SLICES);
  }

  /** mi_segment_free → mi_segment_os_free: into the cache if it is a normal segment, else unmapped. */
  segmentFree(seg: Segment): void {
    for (let i = 0; i < seg.sliceEntries; i++) {
      const s = seg.spanStart[i];
      if (s && !seg.huge && seg.threadId !== 0) this.unqueue(s);
    }
    this.count--;
    this.all.delete(seg);
    seg.threadId = 0;
    if (seg.huge || seg.size !== SEGMENT_SIZE || !this.cachePush(seg)) {
      const csize = seg.huge ? seg.size : (maskCount(seg.commit) * SEGMENT_SIZE) / COMMIT_MASK_BITS;
      if (csize > 0) this.os.stat(-csize);
      this.os.free(seg.addr, seg.mapping.size, false);
    }
  }

  // ---- the segment cache (segment-cache.c) ----

  private cachePop(): CacheSlot | null {
    for (let i = 0; i < this.cache.length; i++) {
      const slot = this.cache[i];
      if (slot) {
        this.cache[i] = null;
        return slot;
      }
    }
    return null;
  }

  private cachePush(seg: Segment): boolean {
    this.cachePurge(false, false);
    let free = -1;
    for (let i = 0; i < this.cache.length; i++)
      if (this.cache[i] === null) {
        free = i;
        break;
      }
    if (free < 0) return false;
    const slot: CacheSlot = {
      mapping: seg.mapping,
      commit: seg.commit.slice(),
      decommit: seg.decommit.slice(),
      expire: 0,
    };
    this.cache[free] = slot;
    if (maskCount(slot.commit) > 0 && this.opts.allowDecommit !== 0) {
      if (this.opts.segmentDecommitDelay === 0) {
        decommitMask(this.os, slot.commit, slot.mapping.addr);
        slot.decommit.fill(0);
      } else slot.expire = this.nowMs() + this.opts.segmentDecommitDelay;
    }
    return true;
  }

  /** mi_segment_cache_purge: decommit cached segments whose delay expired (16 random probes, or all). */
  cachePurge(visitAll: boolean, force: boolean): void {
    if (this.opts.allowDecommit === 0) return;
    const now = this.nowMs();
    let purged = 0;
    const maxVisits = visitAll ? this.cache.length : 16;
    let idx = visitAll ? 0 : Number(randomShuffle(BigInt(now)) % BigInt(this.cache.length));
    for (let visited = 0; visited < maxVisits; visited++, idx++) {
      if (idx >= this.cache.length) idx = 0;
      const slot = this.cache[idx];
      if (!slot || slot.expire === 0 || !(force || now >= slot.expire)) continue;
      purged++;
      slot.expire = 0;
      decommitMask(this.os, slot.commit, slot.mapping.addr);
      slot.decommit.fill(0);
      if (!visitAll && purged > 4) break;
    }
  }

  /** _mi_segment_cache_free_all (mi_collect(true)): every cached segment is unmapped. */
  cacheFreeAll(): void {
    for (let i = 0; i < this.cache.length; i++) {
      const slot = this.cache[i];
      if (!slot) continue;
      this.cache[i] = null;
      const csize = (maskCount(slot.commit) * SEGMENT_SIZE) / COMMIT_MASK_BITS;
      if (csize > 0) this.os.stat(-csize);
      this.os.free(slot.mapping.addr, SEGMENT_SIZE, false);
    }
  }
}

export const SLICE_ENTRY = { offset: SLICES_OFFSET, size: SLICE_ENTRY_SIZE };
