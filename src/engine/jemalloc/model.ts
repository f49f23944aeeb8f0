import type { Clock } from '../kernel/clock';
import type { Kernel } from '../kernel/kernel';
import type { LibcAllocation, LibcCounters, LibcModel, LibcStat } from '../libc/libc';
import { Preloaded } from '../libc/preloaded';
import {
  UNIT_BLOCK,
  type JemallocDecayState,
  type JemallocSection,
  type LibcUnitDetail,
} from '../libc/section';
import type { Decay } from './decay';
import { ExtentState } from './extent';
import { JemallocMalloc } from './jemalloc';
import type { JemallocOptions } from './options';
import { BIN_INFO, NBINS } from './sizeClasses';

const STAT_DOCS: [keyof ReturnType<JemallocMalloc['readStats']>, string][] = [
  ['allocated', 'bytes the program holds (usable sizes, thread caches included)'],
  ['active', 'bytes of pages in active extents (slabs and large blocks)'],
  ['resident', 'estimate of resident bytes: active and dirty pages plus metadata'],
  ['mapped', 'bytes of extents that are active, dirty or muzzy, plus metadata blocks'],
  ['retained', 'address space kept after purging (opt.retain): mapped by the kernel, not resident'],
  ['metadata', "bytes of jemalloc's own bookkeeping"],
];

/**
 * jemalloc 5.3.0 behind the C-library seam. `trim` is what `malloc_trim(0)` does in a process that
 * preloads jemalloc: jemalloc does not export it, so the call reaches glibc's own malloc_trim on glibc's
 * empty heap, which releases nothing and returns 0 (measured under CPython 3.11 with ctypes). The
 * allocator's real "give memory back" is `purge()` (mallctl arena.<all>.purge).
 */
export class JemallocModel extends Preloaded(JemallocMalloc) implements LibcModel {
  constructor(
    kernel: Kernel,
    clock: Clock,
    opts: Partial<JemallocOptions> = {},
    /** What the real library prints on stderr at start-up about its settings (bad values, deprecated names). */
    readonly startupMessages: readonly string[] = [],
  ) {
    super(kernel, clock, opts);
  }

  stats(): LibcStat[] {
    const st = super.readStats();
    const out: LibcStat[] = STAT_DOCS.map(([k, doc]) => ({ name: `stats.${k}`, value: st[k], doc }));
    out.push(
      {
        name: 'stats.arenas.<all>.pdirty',
        value: st.pdirty,
        doc: 'dirty pages: freed, not yet purged (decay)',
      },
      {
        name: 'stats.arenas.<all>.pmuzzy',
        value: st.pmuzzy,
        doc: "muzzy pages: MADV_FREE'd, not yet purged",
      },
      {
        name: 'opt.dirty_decay_ms',
        value: this.opts.dirtyDecayMs,
        doc: 'how long dirty pages live (smoothstep decay)',
      },
      { name: 'opt.muzzy_decay_ms', value: this.opts.muzzyDecayMs, doc: 'how long muzzy pages live' },
    );
    const bg = this.background;
    if (bg)
      out.push(
        {
          name: 'stats.background_thread.num_threads',
          value: bg.running,
          doc: 'background threads purging on their own schedule (background_thread:true)',
        },
        {
          name: 'stats.background_thread.num_runs',
          value: bg.infos.reduce((n, i) => n + i.runs, 0),
          doc: 'turns the background threads took (each purges down to the decay curve, then sleeps)',
        },
      );
    return out;
  }

  counters(into?: LibcCounters): LibcCounters {
    const st = super.readStats();
    const c = into ?? { mappedBytes: 0, inUseBytes: 0, freeBytes: 0, brkHeapBytes: 0, largeMappedBytes: 0 };
    c.mappedBytes = st.mapped;
    c.inUseBytes = st.allocated;
    c.freeBytes = st.active - st.allocated + (st.pdirty + st.pmuzzy) * 4096;
    c.brkHeapBytes = 0;
    let huge = 0;
    const h = this.arenas[this.opts.narenas];
    if (h) for (const e of h.large) huge += e.size;
    c.largeMappedBytes = huge;
    return c;
  }

  allocationAt(ptr: number): LibcAllocation | null {
    const e = this.emap.lookup(ptr);
    if (!e) return null;
    if (e.isSlab) {
      const size = BIN_INFO[e.binIndex].regSize;
      const reg = Math.floor((ptr - e.addr) / size);
      if ((e.bitmap as Uint8Array)[reg] !== 1) return null;
      return { start: e.addr + reg * size, size, kind: 'heap' };
    }
    if (e.usize === 0 || ptr !== e.addr + e.randomOffset) return null;
    return { start: e.addr, size: e.size, kind: 'heap' };
  }

  snapshot(): JemallocSection {
    const rows: { addr: number; size: number; state: number; arena: number; bin: number; used: number }[] =
      [];
    for (const a of this.arenas) {
      if (!a) continue;
      for (const s of a.slabs)
        rows.push({
          addr: s.addr,
          size: s.size,
          state: 0,
          arena: a.index,
          bin: s.binIndex,
          used: BIN_INFO[s.binIndex].nregs - s.nfree,
        });
      for (const e of a.large)
        rows.push({ addr: e.addr, size: e.size, state: 1, arena: a.index, bin: -1, used: e.usize });
      for (const e of a.pac.inactiveExtents())
        rows.push({
          addr: e.addr,
          size: e.size,
          state: e.state === ExtentState.Dirty ? 2 : e.state === ExtentState.Muzzy ? 3 : 4,
          arena: a.index,
          bin: -1,
          used: 0,
        });
    }
    rows.sort((x, y) => x.addr - y.addr);
    const n = rows.length;
    const ext = {
      address: new Float64Array(n),
      size: new Float64Array(n),
      state: new Uint8Array(n),
      arena: new Uint16Array(n),
      bin: new Int16Array(n),
      used: new Float64Array(n),
    };
    rows.forEach((r, i) => {
      ext.address[i] = r.addr;
      ext.size[i] = r.size;
      ext.state[i] = r.state;
      ext.arena[i] = r.arena;
      ext.bin[i] = r.bin;
      ext.used[i] = r.used;
    });
    const tcacheCounts = new Uint16Array(NBINS);
    const main = this.threads.get(0);
    if (main?.tcache)
      for (let i = 0; i < NBINS && i < main.tcache.bins.length; i++)
        tcacheCounts[i] = main.tcache.bins[i].ncached;
    const st = super.readStats();
    return {
      kind: 'jemalloc',
      version: this.version,
      stats: {
        allocated: st.allocated,
        active: st.active,
        resident: st.resident,
        mapped: st.mapped,
        retained: st.retained,
        metadata: st.metadata,
      },
      decay: {
        dirtyMs: this.opts.dirtyDecayMs,
        muzzyMs: this.opts.muzzyDecayMs,
        backgroundThread: this.opts.backgroundThread,
      },
      oversizeThreshold: this.opts.oversizeThreshold,
      nowNs: this.clock.now(),
      extents: ext,
      arenas: this.arenas.flatMap((a) =>
        a
          ? [
              {
                index: a.index,
                huge: a.index === this.opts.narenas,
                threads: a.nthreads,
                activePages: a.pac.nactive,
                dirtyPages: a.pac.dirty.npages,
                muzzyPages: a.pac.muzzy.npages,
                retainedPages: a.pac.retained.npages,
                mappedBytes: a.pac.mappedBytes,
                purgedPages: a.pac.purgedPages,
                dirty: decayState(a.pac.decayDirty),
                muzzy: decayState(a.pac.decayMuzzy),
              },
            ]
          : [],
      ),
      tcacheCounts,
      threads: [...this.threads].map(([tid, t]) => ({
        tid,
        arena: t.arena.index,
        cached: t.tcache ? t.tcache.bins.reduce((n, b) => n + b.ncached, 0) : 0,
      })),
    };
  }

  /**
   * A slab's regions (bitmap_t: 1 allocated), with those a thread's cache holds told apart: jemalloc
   * counts them allocated, but no object lives there. The next allocations from the slab take the
   * lowest free region first (bitmap_sfu), so the free order is address order.
   */
  unitDetail(address: number): LibcUnitDetail | null {
    const e = this.emap.lookup(address);
    if (!e || !e.isSlab || !e.bitmap) return null;
    const info = BIN_INFO[e.binIndex];
    const cached = new Set<number>();
    for (const t of this.threads.values())
      if (t.tcache && e.binIndex < t.tcache.bins.length)
        for (const p of t.tcache.bins[e.binIndex].items) cached.add(p);
    const states = new Uint8Array(info.nregs);
    const free: number[] = [];
    for (let i = 0; i < info.nregs; i++) {
      if (e.bitmap[i] !== 1) {
        states[i] = UNIT_BLOCK.Free;
        free.push(i);
      } else states[i] = cached.has(e.addr + i * info.regSize) ? UNIT_BLOCK.ThreadCache : UNIT_BLOCK.InUse;
    }
    return {
      address: e.addr,
      size: e.size,
      blocksStart: e.addr,
      blockSize: info.regSize,
      label: `slab of ${info.regSize.toLocaleString('en-US')}-byte regions (bin ${e.binIndex}) in arena ${e.arenaIndex}`,
      states,
      freeOrder: Int32Array.from(free),
    };
  }
}

function decayState(d: Decay): JemallocDecayState {
  return {
    decayMs: d.timeMs,
    epochNs: d.epochNs,
    deadlineNs: d.deadlineNs,
    intervalNs: d.intervalNs,
    limitPages: d.npagesLimit,
    backlog: d.backlog.slice(),
  };
}
