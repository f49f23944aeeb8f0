import type { Clock } from '../kernel/clock';
import type { Kernel } from '../kernel/kernel';
import { Arena } from './arena';
import { BackgroundThreads } from './backgroundThread';
import { Base } from './base';
import { Prng } from './decay';
import { ExtentMap } from './emap';
import type { Extent } from './extent';
import { defaultJemallocOptions, type JemallocOptions } from './options';
import { EdataPool } from './pac';
import { Pages, type OsListener } from './pages';
import {
  BIN_INFO,
  INDEX_TO_SIZE,
  LARGE_MAXCLASS,
  NBINS,
  PAGE,
  SMALL_MAXCLASS,
  sizeToIndex,
  sizeToUsable,
} from './sizeClasses';
import { ThreadEvents, Tcache, type TcacheOptions } from './tcache';
import {
  B0_BOOT_BYTES,
  B0_BYTES_PER_ARENA,
  B0_BOOT_RESIDENT_PAGES,
  BASE_STRUCT,
  ARENA_STRUCT,
  RTREE_LEAF_BYTES,
  TICKS_PER_UPDATE,
  STDCXX_EMERGENCY_POOL,
  DEFAULT_OVERSIZE,
  TICKER_GEOM_TABLE,
} from './boot';

/** A thread as jemalloc's tsd sees it. */
export interface ThreadState {
  arena: Arena;
  tcache: Tcache | null;
  alloc: ThreadEvents;
  dalloc: ThreadEvents;
  /** ticker_geom for arena decay, with the tsd's prng (seeded from the tsd address in jemalloc). */
  tick: number;
  prng: Prng;
}

export interface JemallocStats {
  allocated: number;
  active: number;
  resident: number;
  mapped: number;
  retained: number;
  metadata: number;
  pactive: number;
  pdirty: number;
  pmuzzy: number;
  base: number;
  internal: number;
}

/**
 * jemalloc 5.3.0 as LD_PRELOADed under CPython (Debian's libjemalloc2): the public malloc, calloc,
 * realloc, free, malloc_usable_size, plus arena.<all>.purge and the stats mallctl gives. One process;
 * threads select their tsd with setThread.
 */
export class JemallocMalloc {
  readonly kind = 'jemalloc' as const;
  readonly version = 'jemalloc 5.3.0';
  readonly opts: JemallocOptions;
  readonly emap = new ExtentMap();
  readonly pages: Pages;
  readonly b0: Base;
  readonly arenas: (Arena | null)[] = [];
  private readonly edata: EdataPool;
  private readonly leaves = new Map<number, number>();
  readonly threads = new Map<number, ThreadState>();
  private thread!: ThreadState;
  private readonly tcacheOpts: TcacheOptions;
  private readonly nhbins: number;
  private internalBytes = 0;
  /** Blocks the process holds from start-up on: each thread cache's stacks, libstdc++'s pool. */
  readonly startupPointers: number[] = [];
  private hugeEnabled = true;
  /** The oversize threshold arenas other than arena 0 get (see the constructor). */
  private lateOversize: number;
  /** background_thread:true: the purging threads (null when off, the default). */
  readonly background: BackgroundThreads | null;

  constructor(
    readonly kernel: Kernel,
    readonly clock: Clock,
    opts: Partial<JemallocOptions> = {},
    osListener: OsListener | null = null,
  ) {
    this.opts = { ...defaultJemallocOptions(), ...opts };
    // arena_init_huge: a threshold outside [LARGE_MINCLASS, LARGE_MAXCLASS] turns the huge arena off,
    // and arenas made later purge nothing eagerly. Arena 0 exists before arena_init_huge runs, so it
    // keeps the built-in 8 MiB whatever MALLOC_CONF says (arena.c: oversize_threshold is read by
    // arena_new, and only updated afterwards).
    this.lateOversize = this.opts.oversizeThreshold;
    if (this.opts.oversizeThreshold < 16384 || this.opts.oversizeThreshold > LARGE_MAXCLASS) {
      this.hugeEnabled = false;
      this.lateOversize = LARGE_MAXCLASS + PAGE;
    }
    if (!this.opts.retain) throw new Error('not supported by Highwater yet: jemalloc with retain:false');
    this.pages = new Pages(kernel, osListener);
    // malloc_init_hard: base b0 (its first 2 MiB block), then arena 0 inside it.
    const slots = this.opts.narenas + (this.hugeEnabled ? 1 : 0);
    this.b0 = new Base(this.pages, 0, BASE_STRUCT);
    this.b0.alloc(B0_BOOT_BYTES + B0_BYTES_PER_ARENA * slots, 16);
    const [b0Addr] = this.b0.blocks[0];
    kernel.touch(b0Addr, (B0_BOOT_RESIDENT_PAGES + slots) * PAGE);
    this.edata = new EdataPool(this.b0);
    this.emap.onWrite = (page) => this.rtreeWrite(page);
    this.tcacheOpts = {
      tcacheMax: this.opts.tcacheMax,
      nslotsSmallMin: 20,
      nslotsSmallMax: 200,
      nslotsLarge: 20,
      lgNslotsMul: 1,
      gcIncrBytes: 65536,
      lgFlushSmallDiv: 1,
      lgFlushLargeDiv: 1,
    };
    this.nhbins = this.opts.tcache ? sizeToIndex(sizeToUsable(Math.max(this.opts.tcacheMax, 1))) + 1 : 0;
    for (let i = 0; i <= this.opts.narenas; i++) this.arenas.push(null);
    this.background = this.opts.backgroundThread ? new BackgroundThreads(clock, this.arenas) : null;
    this.arenas[0] = this.newArena(0, this.b0);
    this.setThread(0);
    // libjemalloc.so.2 needs libstdc++, whose start-up allocates its emergency exception pool
    // (eh_alloc.cc: 72,704 B on x86-64, usable 81,920) in every process that preloads it.
    this.startupPointers.push(this.alloc(STDCXX_EMERGENCY_POOL, false)); // before main: no clock charge
  }

  // ---- threads and arenas -----------------------------------------------------------------------

  private newArena(index: number, base: Base | null): Arena {
    const b = base ?? new Base(this.pages, index, BASE_STRUCT);
    if (base === null) b.touchMetadata(b.alloc(ARENA_STRUCT, 64), ARENA_STRUCT);
    const huge = index === this.opts.narenas;
    const arena = new Arena(
      index,
      b,
      this.emap,
      this.pages,
      this.edata,
      () => this.thread.prng,
      // a background thread's turn runs at its own wake-up time
      () => this.background?.runningAt ?? this.clock.now(),
      {
        dirtyDecayMs: huge && this.opts.dirtyDecayMs > 0 ? 0 : this.opts.dirtyDecayMs,
        muzzyDecayMs: huge && this.opts.muzzyDecayMs > 0 ? 0 : this.opts.muzzyDecayMs,
        oversizeThreshold: index === 0 ? DEFAULT_OVERSIZE : this.lateOversize,
        backgroundThread: this.opts.backgroundThread,
      },
    );
    arena.tickHook = (a, n) => this.decayTicks(a, n);
    if (this.background) {
      arena.background = this.background;
      this.background.arenaCreated(index);
    }
    return arena;
  }

  /** The thread the next calls come from (tsd_fetch; arena_choose_hard on its first call). */
  setThread(tid: number): void {
    let t = this.threads.get(tid);
    if (!t) {
      const arena = this.chooseArena();
      arena.nthreads++;
      t = {
        arena,
        tcache: null,
        alloc: new ThreadEvents(this.tcacheOpts.gcIncrBytes),
        dalloc: new ThreadEvents(this.tcacheOpts.gcIncrBytes),
        tick: TICKS_PER_UPDATE,
        prng: new Prng(BigInt(0x7f0000001000 + tid * 0x1000)),
      };
      this.threads.set(tid, t);
      this.thread = t;
      if (this.nhbins > 0) {
        // tsd_tcache_data_init: the stacks of every cache bin, one internal page-aligned allocation
        // from arena 0 (28,672 B usable with the default 41 bins).
        const bytes = Tcache.stackBytes(this.nhbins, this.tcacheOpts);
        const usize = sizeToUsable(bytes);
        const stack = this.arena0.mallocLarge(usize, PAGE, true);
        if (stack === null) throw new Error('jemalloc: cannot allocate a thread cache');
        this.internalBytes += usize;
        this.startupPointers.push(stack.addr + stack.randomOffset);
        t.tcache = new Tcache(this.nhbins, this.tcacheOpts, arena.index);
        t.tcache.stackBase = stack.addr;
        // cache_bin_preincrement / postincrement write a junk word before and after the stacks.
        this.kernel.touch(stack.addr, 8);
        this.kernel.touch(stack.addr + bytes - 8, 8);
      }
    }
    this.thread = t;
  }

  /**
   * Start the current thread's random state from given values: the tsd prng_state and decay ticker a
   * real process had (alloc_replay prints them), so cache-line offsets and decay ticks fall the same.
   * Without it the seed is fixed (jemalloc seeds with the tsd's address, which ASLR changes each run).
   */
  setThreadRandom(prngState: bigint, tick: number): void {
    this.thread.prng.state = BigInt.asUintN(64, prngState);
    this.thread.tick = tick;
  }

  /** A thread ended: tcache_destroy flushes every bin back to the arenas; the thread leaves its arena. */
  threadExit(tid: number): void {
    const t = this.threads.get(tid);
    if (!t) return;
    const prev = this.thread;
    this.thread = t;
    if (t.tcache) for (let i = 0; i < t.tcache.bins.length; i++) this.flush(t.tcache, i, 0);
    t.arena.nthreads--;
    this.threads.delete(tid);
    this.thread = prev === t ? (this.threads.values().next().value as ThreadState) : prev;
  }

  private get arena0(): Arena {
    return this.arenas[0] as Arena;
  }

  /** arena_choose_hard: an unused initialized arena, else the next uninitialized one, else the least loaded. */
  private chooseArena(): Arena {
    const n = this.opts.narenas;
    let firstNull = -1;
    let best: Arena | null = null;
    for (let i = 0; i < n; i++) {
      const a = this.arenas[i];
      if (a === null) {
        if (firstNull < 0) firstNull = i;
        continue;
      }
      if (best === null || a.nthreads < best.nthreads) best = a;
    }
    if (best !== null && best.nthreads === 0) return best;
    if (firstNull >= 0) return (this.arenas[firstNull] = this.newArena(firstNull, null));
    return best as Arena;
  }

  /** arena_choose_huge: requests ≥ oversize_threshold go to a dedicated arena, made on first use. */
  private hugeArena(): Arena {
    const i = this.opts.narenas;
    return this.arenas[i] ?? (this.arenas[i] = this.newArena(i, null));
  }

  /** rtree_leaf_elm_write: the leaf for this page (allocated from b0 on first use) gets written. */
  private rtreeWrite(page: number): void {
    const key = Math.floor(page / 2 ** 18);
    let leaf = this.leaves.get(key);
    if (leaf === undefined) {
      leaf = this.b0.alloc(RTREE_LEAF_BYTES, 64);
      this.leaves.set(key, leaf);
    }
    this.kernel.touch(leaf + (page % 2 ** 18) * 8, 8);
  }

  /** arena_decay_ticks with the thread's geometric ticker. */
  private decayTicks(arena: Arena, n: number): void {
    const t = this.thread;
    t.tick -= n;
    if (t.tick >= 0) return;
    const idx = t.prng.lgRange(6);
    t.tick = Math.floor((TICKS_PER_UPDATE * TICKER_GEOM_TABLE[idx]) / 61);
    arena.decay(false, false);
  }

  // ---- the C API --------------------------------------------------------------------------------

  malloc(size: number): number {
    this.clock.call();
    this.background?.catchUp();
    return this.alloc(size, false);
  }

  calloc(nmemb: number, size: number): number {
    this.clock.call();
    this.background?.catchUp();
    const n = nmemb * size;
    if (size !== 0 && n / size !== nmemb) return 0;
    return this.alloc(n, true);
  }

  private alloc(size: number, zero: boolean): number {
    if (size > LARGE_MAXCLASS) return 0;
    const ind = sizeToIndex(size);
    const usize = INDEX_TO_SIZE[ind];
    const p = this.allocUsize(ind, usize, zero, size);
    if (p !== 0 && this.thread.alloc.add(usize)) this.tcacheEvent();
    return p;
  }

  /**
   * `request` is what the caller asked for: arena_malloc_hard picks the huge arena by it
   * (arena_choose_maybe_huge(size)), not by the usable size, so a 7.2 MB calloc whose class is the
   * 8 MiB threshold itself stays in the thread's arena.
   */
  private allocUsize(ind: number, usize: number, zero: boolean, request: number): number {
    const t = this.thread;
    const tc = t.tcache;
    if (tc !== null && ind < tc.nhbins) {
      const bin = tc.bins[ind];
      let p = bin.pop();
      if (p === 0) {
        if (ind < NBINS) {
          // tcache_alloc_small_hard: fill ncached_max >> lg_fill_div from the arena.
          const nfill = bin.ncachedMax >> tc.lgFillDiv[ind];
          bin.fill(t.arena.fillSmall(ind, nfill));
          this.stackWritten(tc, ind);
          tc.refilled[ind] = true;
          p = bin.pop();
          if (p === 0) return 0;
        } else {
          const e = t.arena.mallocLarge(usize, 64, zero);
          return e === null ? 0 : e.addr + e.randomOffset;
        }
      }
      if (zero) this.kernel.touch(p, usize);
      return p;
    }
    if (ind < NBINS) {
      const p = t.arena.mallocSmall(ind);
      if (p !== 0 && zero) this.kernel.touch(p, usize);
      return p;
    }
    const arena = this.hugeEnabled && request >= this.opts.oversizeThreshold ? this.hugeArena() : t.arena;
    const e = arena.mallocLarge(usize, 64, zero);
    return e === null ? 0 : e.addr + e.randomOffset;
  }

  free(ptr: number): void {
    this.clock.call();
    this.background?.catchUp();
    if (ptr === 0) return;
    const usize = this.dalloc(ptr);
    if (this.thread.dalloc.add(usize)) this.tcacheEvent();
  }

  /** ifree: into the thread cache when the class is cached (flushing half when full), else to the arena. */
  private dalloc(ptr: number): number {
    const e = this.extentOf(ptr);
    const t = this.thread;
    const tc = t.tcache;
    const ind = e.isSlab ? e.binIndex : sizeToIndex(e.usize);
    const usize = INDEX_TO_SIZE[ind];
    if (tc !== null && ind < tc.nhbins) {
      const bin = tc.bins[ind];
      if (!bin.push(ptr)) {
        const remain =
          bin.ncachedMax >> (ind < NBINS ? this.tcacheOpts.lgFlushSmallDiv : this.tcacheOpts.lgFlushLargeDiv);
        this.flush(tc, ind, remain);
        bin.push(ptr);
      }
      this.stackWritten(tc, ind);
      return usize;
    }
    const arena = this.arenas[e.arenaIndex] as Arena;
    if (e.isSlab) {
      const empty = arena.dallocRegion(e, ptr);
      if (empty) arena.slabDalloc(empty);
      this.afterDalloc(arena, empty !== null);
      arena.decayTicks(1);
    } else {
      arena.dallocLarge(e, false);
      this.afterDalloc(arena, true);
      arena.decayTicks(1);
    }
    return usize;
  }

  /** Pointers written deeper into a bin's stack than before touch its memory. */
  private stackWritten(tc: Tcache, ind: number): void {
    const w = tc.written(ind);
    if (w) this.kernel.touch(w[0], w[1]);
  }

  /** arena_handle_deferred_work: with dirty_decay_ms 0 every page freed to the arena is purged at once. */
  private afterDalloc(arena: Arena, paDalloc: boolean): void {
    if (paDalloc) arena.handleDeferredWork();
  }

  /** tcache_bin_flush_small / _large: give all but `remain` items back, oldest first. */
  private flush(tc: Tcache, ind: number, remain: number): void {
    const bin = tc.bins[ind];
    const n = bin.ncached - remain;
    if (n <= 0) return;
    const ptrs = bin.takeOldest(n);
    const small = ind < NBINS;
    const emptied: Extent[] = [];
    const touched = new Set<Arena>();
    for (const p of ptrs) {
      const e = this.extentOf(p);
      const arena = this.arenas[e.arenaIndex] as Arena;
      touched.add(arena);
      if (small) {
        const empty = arena.dallocRegion(e, p);
        if (empty) emptied.push(empty);
      } else {
        arena.dallocLarge(e, false);
        this.afterDalloc(arena, true);
      }
    }
    for (const a of touched) a.decayTicks(n);
    for (const slab of emptied) {
      const arena = this.arenas[slab.arenaIndex] as Arena;
      arena.slabDalloc(slab);
      this.afterDalloc(arena, true);
    }
  }

  /** tcache_event: one GC step on the next bin in turn. */
  private tcacheEvent(): void {
    const tc = this.thread.tcache;
    if (tc === null) return;
    const ind = tc.nextGcBin;
    const bin = tc.bins[ind];
    const low = bin.lowWater;
    if (low > 0) {
      if (ind < NBINS) {
        const nflush = low - (low >> 2);
        this.flush(tc, ind, bin.ncached - nflush);
        if (bin.ncachedMax >> (tc.lgFillDiv[ind] + 1) >= 1) tc.lgFillDiv[ind]++;
      } else this.flush(tc, ind, bin.ncached - low + (low >> 2));
    } else if (ind < NBINS && tc.refilled[ind]) {
      if (tc.lgFillDiv[ind] > 1) tc.lgFillDiv[ind]--;
      tc.refilled[ind] = false;
    }
    bin.lowWater = bin.ncached;
    tc.nextGcBin = (ind + 1) % tc.nhbins;
  }

  realloc(ptr: number, size: number): number {
    this.clock.call();
    this.background?.catchUp();
    if (ptr === 0) return this.alloc(size, false);
    if (size === 0) {
      // opt.zero_realloc "free" (5.3 default): realloc(p, 0) frees and returns NULL.
      const usize = this.dalloc(ptr);
      if (this.thread.dalloc.add(usize)) this.tcacheEvent();
      return 0;
    }
    if (size > LARGE_MAXCLASS) return 0;
    const e = this.extentOf(ptr);
    const oldUsize = e.isSlab ? BIN_INFO[e.binIndex].regSize : e.usize;
    const usize = sizeToUsable(size);
    let ret = 0;
    // arena_ralloc: small to small within the same class stays; large to large may grow/shrink in place.
    if (usize <= SMALL_MAXCLASS && oldUsize <= SMALL_MAXCLASS) {
      if (!(
        (usize > SMALL_MAXCLASS || sizeToIndex(usize) !== sizeToIndex(oldUsize)) &&
        (usize > oldUsize || usize < oldUsize)
      )) {
        (this.arenas[e.arenaIndex] as Arena).decayTicks(1);
        ret = ptr;
      }
    } else if (oldUsize >= 16384 && usize >= 16384) {
      if ((this.arenas[e.arenaIndex] as Arena).rallocNoMove(e, usize, usize, false)) ret = ptr;
    }
    if (ret === 0) {
      const ind = sizeToIndex(usize);
      if (oldUsize >= 16384 && usize >= 16384) {
        // large_ralloc_move_helper → large_malloc: straight to an arena, never through the cache.
        const arena =
          this.hugeEnabled && usize >= this.opts.oversizeThreshold ? this.hugeArena() : this.thread.arena;
        const moved = arena.mallocLarge(usize, 64, false);
        ret = moved === null ? 0 : moved.addr + moved.randomOffset;
      } else ret = this.allocUsize(ind, usize, false, usize);
      if (ret === 0) return 0;
      this.kernel.touch(ret, Math.min(oldUsize, usize));
      this.dalloc(ptr);
    }
    if (this.thread.alloc.add(usize)) this.tcacheEvent();
    if (this.thread.dalloc.add(oldUsize)) this.tcacheEvent();
    return ret;
  }

  usableSize(ptr: number): number {
    const e = this.extentOf(ptr);
    return e.isSlab ? BIN_INFO[e.binIndex].regSize : e.usize;
  }

  /** arena.<MALLCTL_ARENAS_ALL>.purge: every arena's dirty and muzzy pages, now. Returns 1 if any was purged. */
  trim(_pad: number): number {
    let before = 0;
    let after = 0;
    for (const a of this.arenas) {
      if (!a) continue;
      before += a.pac.dirty.npages + a.pac.muzzy.npages;
      a.decay(false, true);
      after += a.pac.dirty.npages + a.pac.muzzy.npages;
    }
    return before > after ? 1 : 0;
  }

  private extentOf(ptr: number): Extent {
    const e = this.emap.lookup(ptr);
    if (!e || (!e.isSlab && e.usize === 0))
      throw new Error(`jemalloc: free of a pointer it does not own: 0x${ptr.toString(16)}`);
    return e;
  }

  /** What mallctl("stats.*") reads after an epoch. */
  readStats(): JemallocStats {
    let allocated = 0;
    let pactive = 0;
    let pdirty = 0;
    let pmuzzy = 0;
    let retained = 0;
    let mapped = 0;
    let base = 0;
    let baseResident = 0;
    for (const a of this.arenas) {
      if (!a) continue;
      pactive += a.pac.nactive;
      pdirty += a.pac.dirty.npages;
      pmuzzy += a.pac.muzzy.npages;
      retained += a.pac.retained.npages * PAGE;
      mapped += a.pac.mappedBytes;
      for (let i = 0; i < NBINS; i++) allocated += this.binAllocated(a, i);
      for (const e of a.large) allocated += e.usize;
      if (a.base !== this.b0 || a.index === 0) {
        base += a.base.allocated;
        baseResident += a.base.resident;
        mapped += a.base.mapped;
      }
    }
    return {
      allocated,
      active: pactive * PAGE,
      resident: baseResident + (pactive + pdirty) * PAGE,
      mapped,
      retained,
      metadata: base + this.internalBytes,
      pactive,
      pdirty,
      pmuzzy,
      base,
      internal: this.internalBytes,
    };
  }

  private binAllocated(a: Arena, i: number): number {
    return a.curregs[i] * BIN_INFO[i].regSize;
  }
}
