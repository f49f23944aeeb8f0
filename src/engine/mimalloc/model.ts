import type { Clock } from '../kernel/clock';
import type { Kernel } from '../kernel/kernel';
import type { LibcAllocation, LibcCounters, LibcModel, LibcStat, Mallinfo2 } from '../libc/libc';
import type { MimallocSection } from '../libc/section';
import { EventKind, type EventSink } from '../trace/events';
import { COMMIT_MASK_BITS, SLICE_SIZE } from './constants';
import { MimallocMalloc } from './mimalloc';
import type { MimallocOptions } from './options';
import { maskCount } from './os';

/**
 * mimalloc 2.0.9 behind the C-library seam. `trim` is what `malloc_trim(0)` does in a process that
 * preloads mimalloc: it does not export malloc_trim, so glibc's own runs on glibc's empty heap and
 * releases nothing (measured: RSS unchanged, returns 0). mimalloc's own is `purge()`, mi_collect(true).
 */
export class MimallocModel extends MimallocMalloc implements LibcModel {
  sink: EventSink | null = null;

  constructor(
    kernel: Kernel,
    clock: Clock,
    opts: Partial<MimallocOptions> = {},
    /** What the real library prints on stderr at start-up about its settings (bad values, deprecated names). */
    readonly startupMessages: readonly string[] = [],
  ) {
    super(kernel, clock, opts);
  }

  override malloc(n: number): number {
    const p = super.malloc(n);
    if (this.sink) this.sink.record(EventKind.Malloc, p, n, 0);
    return p;
  }
  override calloc(nmemb: number, size: number): number {
    const p = super.calloc(nmemb, size);
    if (this.sink) this.sink.record(EventKind.Calloc, p, nmemb * size, 0);
    return p;
  }
  override realloc(p: number, n: number): number {
    const q = super.realloc(p, n);
    if (this.sink) this.sink.record(EventKind.Realloc, q, n, p);
    return q;
  }
  override free(p: number): void {
    super.free(p);
    if (this.sink) this.sink.record(EventKind.Free, p, 0, 0);
  }
  override trim(pad: number): number {
    if (this.sink) this.sink.record(EventKind.MallocTrim, 0, pad, 0);
    return 0;
  }
  /** mi_collect(true). */
  purge(): number {
    return super.trim(0);
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

  /** glibc's mallinfo2 on its unused heap: mimalloc does not export mallinfo2. */
  mallinfo2(): Mallinfo2 {
    return {
      arena: 0,
      ordblks: 1,
      smblks: 0,
      hblks: 0,
      hblkhd: 0,
      usmblks: 0,
      fsmblks: 0,
      uordblks: 0,
      fordblks: 0,
      keepcost: 0,
    };
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
    const segs = [...this.heaps.values()].flatMap((h) => [...h.segments.all]).sort((a, b) => a.addr - b.addr);
    const pages: {
      addr: number;
      size: number;
      block: number;
      used: number;
      reserved: number;
      seg: number;
    }[] = [];
    const seg = {
      address: new Float64Array(segs.length),
      size: new Float64Array(segs.length),
      committed: new Float64Array(segs.length),
      decommitPending: new Float64Array(segs.length),
      decommitExpireMs: new Float64Array(segs.length),
    };
    segs.forEach((s, i) => {
      seg.address[i] = s.addr;
      seg.size[i] = s.size;
      seg.committed[i] = s.huge ? s.size : (maskCount(s.commit) * s.size) / COMMIT_MASK_BITS;
      seg.decommitPending[i] = maskCount(s.decommit) * SLICE_SIZE;
      seg.decommitExpireMs[i] = s.decommitExpire;
      for (const p of s.pageAt)
        if (p)
          pages.push({
            addr: p.start,
            size: p.sliceCount * SLICE_SIZE,
            block: p.blockSize,
            used: p.used,
            reserved: p.reserved,
            seg: i,
          });
    });
    const pg = {
      address: new Float64Array(pages.length),
      size: new Float64Array(pages.length),
      blockSize: new Float64Array(pages.length),
      used: new Uint32Array(pages.length),
      reserved: new Uint32Array(pages.length),
      segment: new Uint32Array(pages.length),
    };
    pages.forEach((p, i) => {
      pg.address[i] = p.addr;
      pg.size[i] = p.size;
      pg.blockSize[i] = p.block;
      pg.used[i] = p.used;
      pg.reserved[i] = p.reserved;
      pg.segment[i] = p.seg;
    });
    const st = super.readStats();
    let cached = 0;
    for (const c of this.cache) if (c) cached++;
    return {
      kind: 'mimalloc',
      version: this.version,
      commit: { current: st.currentCommit, peak: st.peakCommit },
      delays: { decommitMs: this.opts.decommitDelay, segmentDecommitMs: this.opts.segmentDecommitDelay },
      cachedSegments: cached,
      segments: seg,
      pages: pg,
    };
  }
}
