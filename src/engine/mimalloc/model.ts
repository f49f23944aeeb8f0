import type { Clock } from '../kernel/clock';
import type { Kernel } from '../kernel/kernel';
import type { LibcAllocation, LibcCounters, LibcModel, LibcStat } from '../libc/libc';
import { Preloaded } from '../libc/preloaded';
import { MI_SLICE, UNIT_BLOCK, type LibcUnitDetail, type MimallocSection } from '../libc/section';
import { COMMIT_MASK_BITS, INFO_SLICES, SLICE_SIZE } from './constants';
import { MimallocMalloc } from './mimalloc';
import type { MimallocOptions } from './options';
import { maskCount, type CacheSlot } from './os';
import type { Page } from './page';
import type { Segment } from './segment';

/**
 * mimalloc 2.0.9 behind the C-library seam. `trim` is what `malloc_trim(0)` does in a process that
 * preloads mimalloc: it does not export malloc_trim, so glibc's own runs on glibc's empty heap and
 * releases nothing (measured: RSS unchanged, returns 0). mimalloc's own is `purge()`, mi_collect(true).
 */
export class MimallocModel extends Preloaded(MimallocMalloc) implements LibcModel {
  constructor(
    kernel: Kernel,
    clock: Clock,
    opts: Partial<MimallocOptions> = {},
    /** What the real library prints on stderr at start-up about its settings (bad values, deprecated names). */
    readonly startupMessages: readonly string[] = [],
  ) {
    super(kernel, clock, opts);
  }

  stats(): LibcStat[] {
    const st = super.readStats();
    return [
      {
        name: 'current_commit',
        value: st.currentCommit,
        doc: "bytes committed (mi_process_info; never decreased by a segment's rounding)",
      },
      { name: 'peak_commit', value: st.peakCommit, doc: 'most bytes ever committed' },
      { name: 'segments', value: st.segments, doc: '32 MiB segments in use (huge blocks get their own)' },
      { name: 'pages', value: st.pages, doc: "pages in the heaps' queues" },
      {
        name: 'option.decommit_delay',
        value: this.opts.decommitDelay,
        doc: 'ms a freed span waits before MADV_DONTNEED, checked only in later calls',
      },
      {
        name: 'option.segment_decommit_delay',
        value: this.opts.segmentDecommitDelay,
        doc: 'ms an empty cached segment stays committed',
      },
    ];
  }

  counters(into?: LibcCounters): LibcCounters {
    const st = super.readStats();
    const c = into ?? { mappedBytes: 0, inUseBytes: 0, freeBytes: 0, brkHeapBytes: 0, largeMappedBytes: 0 };
    let mapped = 0;
    let huge = 0;
    for (const m of this.os.mappings.values()) {
      mapped += m.size;
      if (m.size !== 32 * 1024 * 1024) huge += m.size;
    }
    c.mappedBytes = mapped;
    c.inUseBytes = st.inUse;
    c.freeBytes = Math.max(0, st.currentCommit - st.inUse);
    c.brkHeapBytes = 0;
    c.largeMappedBytes = huge;
    return c;
  }

  allocationAt(ptr: number): LibcAllocation | null {
    let size: number;
    try {
      size = this.usableSize(ptr);
    } catch {
      return null;
    }
    return { start: ptr, size, kind: size > 16 * 1024 * 1024 ? 'mapped' : 'heap' };
  }

  snapshot(): MimallocSection {
    const live = [...this.heaps.values()].flatMap((h) => [...h.segments.all]);
    for (const a of this.abandoned) if (!live.includes(a)) live.push(a);
    const cached = this.cache.filter((c): c is CacheSlot => c !== null);
    type Row = { addr: number; seg: Segment | null; slot: CacheSlot | null };
    const rows: Row[] = [
      ...live.map((seg) => ({ addr: seg.addr, seg, slot: null })),
      ...cached.map((slot) => ({ addr: slot.mapping.addr, seg: null, slot })),
    ].sort((a, b) => a.addr - b.addr);
    const n = rows.length;
    const seg = {
      address: new Float64Array(n),
      size: new Float64Array(n),
      committed: new Float64Array(n),
      decommitPending: new Float64Array(n),
      decommitExpireMs: new Float64Array(n),
      thread: new Uint32Array(n),
      huge: new Uint8Array(n),
      cached: new Uint8Array(n),
    };
    const slices = new Uint8Array(n * COMMIT_MASK_BITS);
    const pages: Page[] = [];
    const pageSeg: number[] = [];
    rows.forEach((r, i) => {
      const size = r.seg ? r.seg.size : r.slot!.mapping.size;
      const commit = r.seg ? r.seg.commit : r.slot!.commit;
      const decommit = r.seg ? r.seg.decommit : r.slot!.decommit;
      seg.address[i] = r.addr;
      seg.size[i] = size;
      seg.committed[i] = r.seg?.huge ? size : (maskCount(commit) * size) / COMMIT_MASK_BITS;
      seg.decommitPending[i] = (maskCount(decommit) * size) / COMMIT_MASK_BITS;
      seg.decommitExpireMs[i] = r.seg ? r.seg.decommitExpire : r.slot!.expire;
      seg.thread[i] = r.seg ? r.seg.threadId - 1 : 0;
      seg.huge[i] = r.seg?.huge ? 1 : 0;
      seg.cached[i] = r.slot ? 1 : 0;
      const cells = slices.subarray(i * COMMIT_MASK_BITS, (i + 1) * COMMIT_MASK_BITS);
      for (let c = 0; c < COMMIT_MASK_BITS; c++) {
        // A huge segment's block is committed whole; its masks stay empty (os.ts).
        const committed = r.seg?.huge || commit[c] === 1;
        cells[c] =
          (committed ? MI_SLICE.Committed : 0) |
          (decommit[c] === 1 ? MI_SLICE.DecommitPending : 0) |
          ((r.slot ? MI_SLICE.KindFree : MI_SLICE.KindInfo) << MI_SLICE.KindShift);
      }
      if (!r.seg) return;
      const s = r.seg;
      if (s.huge) {
        for (let c = 1; c < COMMIT_MASK_BITS; c++)
          cells[c] = (cells[c] & 3) | (MI_SLICE.KindHuge << MI_SLICE.KindShift);
      } else
        for (let c = INFO_SLICES; c < s.sliceEntries;) {
          const p = s.pageAt[c];
          const span = s.spanStart[c];
          const count = p ? p.sliceCount : span ? span.count : 1;
          const kind = p ? MI_SLICE.KindPage : span ? MI_SLICE.KindFree : MI_SLICE.KindInfo;
          for (let k = c; k < c + count && k < COMMIT_MASK_BITS; k++)
            cells[k] = (cells[k] & 3) | (kind << MI_SLICE.KindShift);
          c += count;
        }
      for (const p of s.pageAt)
        if (p) {
          pages.push(p);
          pageSeg.push(i);
        }
    });
    const m = pages.length;
    const pg = {
      address: new Float64Array(m),
      size: new Float64Array(m),
      blockSize: new Float64Array(m),
      used: new Uint32Array(m),
      reserved: new Uint32Array(m),
      segment: Uint32Array.from(pageSeg),
      capacity: new Uint32Array(m),
      free: new Uint32Array(m),
      localFree: new Uint32Array(m),
      threadFree: new Uint32Array(m),
      flags: new Uint8Array(m),
    };
    pages.forEach((p, i) => {
      pg.address[i] = p.start;
      pg.size[i] = p.sliceCount * SLICE_SIZE;
      pg.blockSize[i] = p.blockSize;
      pg.used[i] = p.used;
      pg.reserved[i] = p.reserved;
      pg.capacity[i] = p.capacity;
      pg.free[i] = p.free.length;
      pg.localFree[i] = p.localFree.length;
      pg.threadFree[i] = p.threadFree.length;
      pg.flags[i] = (p.retireExpire > 0 ? 1 : 0) | (p.inFull ? 2 : 0);
    });
    const st = super.readStats();
    return {
      kind: 'mimalloc',
      version: this.version,
      nowMs: Math.floor(this.clock.now() / 1e6),
      commit: { current: st.currentCommit, peak: st.peakCommit },
      delays: { decommitMs: this.opts.decommitDelay, segmentDecommitMs: this.opts.segmentDecommitDelay },
      cachedSegments: cached.length,
      segments: seg,
      slices,
      pages: pg,
    };
  }

  /**
   * A page's blocks: carved or not (capacity), and which of its three free lists each free block is
   * on. The next allocations pop `free` from its end; `local_free` becomes `free` once that is empty.
   */
  unitDetail(address: number): LibcUnitDetail | null {
    let p: Page;
    try {
      p = this.pageOf(address);
    } catch {
      return null;
    }
    const pageStart = p.seg.addr + p.index * SLICE_SIZE;
    if (address < pageStart || address >= pageStart + p.sliceCount * SLICE_SIZE) return null;
    const states = new Uint8Array(p.reserved);
    states.fill(UNIT_BLOCK.InUse, 0, p.capacity);
    const index = (ptr: number): number => Math.floor((ptr - p.start) / p.blockSize);
    for (const b of p.free) states[index(b)] = UNIT_BLOCK.Free;
    for (const b of p.localFree) states[index(b)] = UNIT_BLOCK.LocalFree;
    for (const b of p.threadFree) states[index(b)] = UNIT_BLOCK.ThreadFree;
    const order = [...p.free]
      .reverse()
      .concat([...p.localFree].reverse())
      .map(index);
    const kind = p.sliceCount === 1 ? 'small' : p.blockSize <= 128 * 1024 ? 'medium' : 'large';
    return {
      address: pageStart,
      size: p.sliceCount * SLICE_SIZE,
      blocksStart: p.start,
      blockSize: p.blockSize,
      label: `${kind} page of ${p.blockSize.toLocaleString('en-US')}-byte blocks (thread ${p.thread}'s heap)`,
      states,
      freeOrder: Int32Array.from(order),
    };
  }
}
