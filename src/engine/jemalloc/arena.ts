import type { Base } from './base';
import type { Decay, Prng } from './decay';
import type { ExtentMap } from './emap';
import { Extent, ExtentHeap } from './extent';
import { Eagerness, Pac, type EdataPool } from './pac';
import type { Pages } from './pages';
import { BIN_INFO, LARGE_PAD, NBINS, PAGE, sizeToIndex } from './sizeClasses';

const taken = (out: number[], from: number): number => out.length - from;

/** A small size class's bin (bin_t): the slab being filled, and the other slabs with free regions. */
class Bin {
  slabcur: Extent | null = null;
  /** slabs_nonfull, ordered by (sn, addr). Full slabs of auto arenas are not listed at all. */
  readonly nonfull = new ExtentHeap();
}

/** What an arena tells its background thread (backgroundThread.ts). */
export interface ArenaBackground {
  inactivityCheck(arena: Arena): void;
  maybeDoDeferredWork(arena: Arena, decay: Decay, npagesNew: number): void;
}

export interface ArenaOptions {
  dirtyDecayMs: number;
  muzzyDecayMs: number;
  oversizeThreshold: number;
  backgroundThread: boolean;
}

/**
 * One arena (arena.c): small allocations from per-class bins of slabs, large ones each in its own
 * extent, both backed by the arena's page allocator (Pac); its own base for metadata (arena 0 shares
 * b0).
 */
export class Arena {
  readonly bins: Bin[] = [];
  /** Regions handed out per bin, to thread caches or the program (bin stats curregs). */
  readonly curregs: number[] = new Array<number>(NBINS).fill(0);
  readonly pac: Pac;
  nthreads = 0;
  /** Live large extents and slabs (for views and checks; auto arenas keep no such lists in jemalloc). */
  readonly large = new Set<Extent>();
  readonly slabs = new Set<Extent>();

  constructor(
    readonly index: number,
    readonly base: Base,
    private readonly emap: ExtentMap,
    pages: Pages,
    edata: EdataPool,
    /** The calling thread's tsd prng (arena_cache_oblivious_randomize draws from it). */
    private readonly prng: () => Prng,
    private readonly now: () => number,
    readonly opts: ArenaOptions,
  ) {
    for (let i = 0; i < NBINS; i++) this.bins.push(new Bin());
    this.pac = new Pac(
      index,
      pages,
      emap,
      edata,
      now(),
      opts.dirtyDecayMs,
      opts.muzzyDecayMs,
      opts.oversizeThreshold,
    );
  }

  // ---- slabs ------------------------------------------------------------------------------------

  /** arena_slab_alloc: a fresh slab extent, every region free. */
  private slabAlloc(binIndex: number): Extent | null {
    const info = BIN_INFO[binIndex];
    const slab = this.pac.alloc(info.slabSize, PAGE, false);
    if (slab === null) return null;
    slab.binIndex = binIndex;
    slab.nfree = info.nregs;
    slab.bitmap = new Uint8Array(info.nregs);
    if (info.slabSize > 2 * PAGE) this.emap.registerInterior(slab);
    this.slabs.add(slab);
    return slab;
  }

  /** arena_slab_dalloc → pa_dalloc: the slab's pages become a dirty extent. */
  slabDalloc(slab: Extent): void {
    if (BIN_INFO[slab.binIndex].slabSize > 2 * PAGE) this.emap.deregisterInterior(slab);
    this.slabs.delete(slab);
    slab.binIndex = -1;
    slab.bitmap = null;
    this.pac.dalloc(slab);
  }

  /** arena_slab_reg_alloc_batch: the lowest free regions, in address order. */
  private regAllocBatch(slab: Extent, n: number, out: number[]): void {
    const n0 = out.length;
    const info = BIN_INFO[slab.binIndex];
    const bm = slab.bitmap as Uint8Array;
    let i = 0;
    while (n > 0) {
      if (bm[i] === 0) {
        bm[i] = 1;
        out.push(slab.addr + i * info.regSize);
        n--;
      }
      i++;
    }
    slab.nfree -= taken(out, n0);
    this.curregs[slab.binIndex] += taken(out, n0);
  }

  /** arena_bin_refill_slabcur_no_fresh_slab: true when no non-full slab is left. */
  private refillSlabcur(bin: Bin): boolean {
    bin.slabcur = bin.nonfull.removeFirst();
    return bin.slabcur === null;
  }

  /** arena_cache_bin_fill_small: up to `nfill` regions for a thread cache, lowest addresses first. */
  fillSmall(binIndex: number, nfill: number): number[] {
    const bin = this.bins[binIndex];
    const out: number[] = [];
    let fresh: Extent | null = null;
    let madeProgress = true;
    for (;;) {
      let retry = false;
      while (out.length < nfill) {
        const cur = bin.slabcur;
        if (cur !== null && cur.nfree > 0) {
          const cnt = Math.min(nfill - out.length, cur.nfree);
          this.regAllocBatch(cur, cnt, out);
          madeProgress = true;
          continue;
        }
        if (!this.refillSlabcur(bin)) continue;
        if (fresh !== null) {
          bin.slabcur = fresh;
          fresh = null;
          continue;
        }
        if (madeProgress) retry = true;
        break;
      }
      if (!retry) break;
      fresh = this.slabAlloc(binIndex);
      madeProgress = false;
    }
    if (fresh !== null) this.slabDalloc(fresh);
    this.decayTicks(1);
    return out;
  }

  /** arena_malloc_small (no thread cache). */
  mallocSmall(binIndex: number): number {
    const bin = this.bins[binIndex];
    const take = (): number => {
      const out: number[] = [];
      const cur = bin.slabcur as Extent;
      this.regAllocBatch(cur, 1, out);
      return out[0];
    };
    let ret: number;
    if ((bin.slabcur === null || bin.slabcur.nfree === 0) && this.refillSlabcur(bin)) {
      const fresh = this.slabAlloc(binIndex);
      if ((bin.slabcur === null || bin.slabcur.nfree === 0) && this.refillSlabcur(bin)) {
        if (fresh === null) return 0;
        bin.slabcur = fresh;
        ret = take();
      } else {
        ret = take();
        if (fresh) this.slabDalloc(fresh);
      }
    } else ret = take();
    this.decayTicks(1);
    return ret;
  }

  /**
   * arena_dalloc_bin_locked_step: free one region. Returns the slab when it became empty (the caller
   * gives it back after the batch, as tcache_bin_flush_impl does).
   */
  dallocRegion(slab: Extent, ptr: number): Extent | null {
    const info = BIN_INFO[slab.binIndex];
    const bin = this.bins[slab.binIndex];
    const reg = (ptr - slab.addr) / info.regSize;
    const bm = slab.bitmap as Uint8Array;
    if (bm[reg] !== 1) throw new Error(`jemalloc: double free or corruption of ${ptr}`);
    bm[reg] = 0;
    slab.nfree++;
    this.curregs[slab.binIndex]--;
    if (slab.nfree === info.nregs) {
      // arena_dissociate_bin_slab
      if (slab === bin.slabcur) bin.slabcur = null;
      else if (info.nregs !== 1) bin.nonfull.remove(slab);
      return slab;
    }
    if (slab.nfree === 1 && slab !== bin.slabcur) this.lowerSlab(bin, slab);
    return null;
  }

  /** arena_bin_lower_slab: the older of slabcur and this slab becomes slabcur. */
  private lowerSlab(bin: Bin, slab: Extent): void {
    const cur = bin.slabcur;
    if (cur !== null && (cur.sn !== slab.sn ? cur.sn > slab.sn : cur.addr > slab.addr)) {
      if (cur.nfree > 0) bin.nonfull.insert(cur);
      bin.slabcur = slab;
    } else bin.nonfull.insert(slab);
  }

  // ---- large ------------------------------------------------------------------------------------

  /** large_palloc → arena_extent_alloc_large: an extent of usize + one page, the pointer at a random cache line of the first page. */
  mallocLarge(usize: number, alignment: number, zero: boolean): Extent | null {
    const e = this.pac.alloc(usize + LARGE_PAD, Math.max(alignment, PAGE), zero);
    if (e === null) return null;
    e.usize = usize;
    if (alignment < PAGE) e.randomOffset = this.prng().lgRange(6) << 6; // arena_cache_oblivious_randomize
    this.large.add(e);
    this.decayTicks(1);
    return e;
  }

  /** large_dalloc: prep + finish + one tick. `tick` is false inside a tcache flush (ticked per batch). */
  dallocLarge(e: Extent, tick: boolean): void {
    this.large.delete(e);
    e.usize = 0;
    e.randomOffset = 0;
    this.pac.dalloc(e);
    if (tick) this.decayTicks(1);
  }

  /** large_ralloc_no_move: grow or shrink in place. False when it must move. */
  rallocNoMove(e: Extent, usizeMin: number, usizeMax: number, zero: boolean): boolean {
    const old = e.usize;
    if (usizeMax > old) {
      if (this.pac.expand(e, usizeMax + LARGE_PAD, zero)) {
        e.usize = usizeMax;
        this.decayTicks(1);
        return true;
      }
      if (usizeMin < usizeMax && usizeMin > old && this.pac.expand(e, usizeMin + LARGE_PAD, zero)) {
        e.usize = usizeMin;
        this.decayTicks(1);
        return true;
      }
    }
    if (old >= usizeMin && old <= usizeMax) {
      this.decayTicks(1);
      return true;
    }
    if (old > usizeMax) {
      this.pac.shrink(e, usizeMax + LARGE_PAD);
      this.handleDeferredWork();
      e.usize = usizeMax;
      this.decayTicks(1);
      return true;
    }
    return false;
  }

  // ---- decay ------------------------------------------------------------------------------------

  /** arena_handle_deferred_work, after pages went back to the dirty cache: with dirty_decay_ms 0 they are purged at once. */
  handleDeferredWork(): void {
    if (this.pac.decayDirty.timeMs === 0) this.decay(false, true);
    // arena_background_thread_inactivity_check: a background thread asleep for good is woken
    if (this.background) this.background.inactivityCheck(this);
  }

  /** The background threads (background_thread:true), set by the allocator; null when off. */
  background: ArenaBackground | null = null;

  /** Set by the allocator: the thread's decay ticker (arena_decay_ticks). */
  tickHook: ((arena: Arena, n: number) => void) | null = null;
  decayTicks(n: number): void {
    if (this.tickHook) this.tickHook(this, n);
  }

  /**
   * arena_decay: dirty then muzzy. `all` purges everything (arena.<i>.purge); otherwise the epoch
   * may advance and, on a tick, the excess over the curve is purged (a background thread purges on
   * every visit).
   */
  decay(isBackgroundThread: boolean, all: boolean): void {
    const pac = this.pac;
    if (all) {
      pac.decayAll(pac.decayDirty, pac.dirty, true);
      pac.decayAll(pac.decayMuzzy, pac.muzzy, true);
      return;
    }
    const eager = isBackgroundThread
      ? Eagerness.Always
      : this.opts.backgroundThread
        ? Eagerness.Never
        : Eagerness.OnEpochAdvance;
    // arena_decay_impl: an application thread that advanced an epoch tells the background thread
    // how many new pages the curve would let go before it wakes (arena_maybe_do_deferred_work).
    const bg = isBackgroundThread ? null : this.background;
    if (pac.maybeDecayPurge(pac.decayDirty, pac.dirty, this.now(), eager) && bg)
      bg.maybeDoDeferredWork(this, pac.decayDirty, pac.decayDirty.epochNpagesDelta);
    // pa_shard_dont_decay_muzzy: nothing muzzy and no muzzy decay time.
    if (pac.muzzy.npages > 0 || pac.decayMuzzy.timeMs > 0)
      if (pac.maybeDecayPurge(pac.decayMuzzy, pac.muzzy, this.now(), eager) && bg)
        bg.maybeDoDeferredWork(this, pac.decayMuzzy, pac.decayMuzzy.epochNpagesDelta);
  }

  sizeClassOf(size: number): number {
    return sizeToIndex(size);
  }
}
