import type { Base } from './base';
import { Decay } from './decay';
import type { ExtentMap } from './emap';
import { Extent, ExtentState } from './extent';
import { ExtentSet } from './eset';
import type { Pages } from './pages';
import {
  HUGEPAGE,
  LARGE_MAXCLASS,
  LARGE_MINCLASS,
  PAGE,
  alignUp,
  pindToSize,
  pszToIndex,
} from './sizeClasses';

/** opt.lg_extent_max_active_fit: a dirty/muzzy extent at most 64× too big may be split for a request. */
const LG_EXTENT_MAX_ACTIVE_FIT = 6;
const EDATA_SIZE = 128;

/** Shared by the arenas: the edata_t pool (edata_cache) drawn from base b0 as extents come to exist. */
export class EdataPool {
  live = 0;
  /** edata_t ever allocated from the base (they are cached, never given back). */
  capacity = 0;
  constructor(private readonly base: Base) {}
  /** edata_cache_get. */
  get(): void {
    if (this.live === this.capacity) {
      const at = this.base.alloc(EDATA_SIZE, EDATA_SIZE);
      this.base.touchMetadata(at, EDATA_SIZE);
      this.capacity++;
    }
    this.live++;
  }
  /** edata_cache_put. */
  put(): void {
    this.live--;
  }
}

/** ARENA_DEFERRED_PURGE_NPAGES_THRESHOLD (arena_externs.h): below it a background thread sleeps the whole curve. */
export const DEFERRED_PURGE_NPAGES_THRESHOLD = 1024;

export const enum Eagerness {
  Always = 0,
  Never = 1,
  OnEpochAdvance = 2,
}

/**
 * One arena's page allocator (pac.c + extent.c with the default hooks and opt.retain): three extent
 * caches (dirty, muzzy, retained), the exponential growth of new mappings, and the decay of dirty
 * and muzzy pages.
 */
export class Pac {
  readonly dirty = new ExtentSet(ExtentState.Dirty);
  readonly muzzy = new ExtentSet(ExtentState.Muzzy);
  readonly retained = new ExtentSet(ExtentState.Retained);
  readonly decayDirty: Decay;
  readonly decayMuzzy: Decay;
  /** exp_grow: the page class of the next mapping (starts at 2 MiB). */
  private growNext = pszToIndex(HUGEPAGE);
  private readonly growLimit = pszToIndex(LARGE_MAXCLASS);
  private snNext = 0;
  /** stats: pac_mapped (bytes of extents ever taken from retained, less those purged back). */
  mappedBytes = 0;
  /** pa_shard nactive, in pages. */
  nactive = 0;
  /** Every mapping this arena grew, [addr, size] (extents tile them). */
  readonly mappings: [number, number][] = [];
  /** Pages purged, madvise calls (stats.arenas.<i>.dirty_purged …). */
  purgedPages = 0;
  nmadvise = 0;

  constructor(
    readonly arenaIndex: number,
    private readonly pages: Pages,
    private readonly emap: ExtentMap,
    private readonly edata: EdataPool,
    nowNs: number,
    dirtyDecayMs: number,
    muzzyDecayMs: number,
    public oversizeThreshold: number,
  ) {
    this.decayDirty = new Decay(nowNs, dirtyDecayMs, BigInt(0x1000 + arenaIndex * 2));
    this.decayMuzzy = new Decay(nowNs, muzzyDecayMs, BigInt(0x1001 + arenaIndex * 2));
  }

  private setFor(state: ExtentState): ExtentSet {
    return state === ExtentState.Dirty
      ? this.dirty
      : state === ExtentState.Muzzy
        ? this.muzzy
        : this.retained;
  }

  /** pac_alloc_real: dirty first, then muzzy (only if muzzy decay is on), then retained or a new mapping. */
  alloc(size: number, alignment: number, zero: boolean): Extent | null {
    let e = this.recycle(this.dirty, size, alignment, zero);
    if (e === null && this.decayMuzzy.timeMs !== 0) e = this.recycle(this.muzzy, size, alignment, zero);
    if (e === null) {
      e = this.recycle(this.retained, size, alignment, zero) ?? this.growRetained(size, alignment, zero);
      if (e !== null) this.mappedBytes += size;
    }
    if (e !== null) this.nactive += size / PAGE;
    return e;
  }

  /** pa_dalloc → ecache_dalloc(dirty). */
  dalloc(e: Extent): void {
    this.nactive -= e.size / PAGE;
    e.zeroed = false;
    this.record(this.dirty, e);
  }

  /** pac_expand_impl: grow `e` in place by taking the extent right above it (dirty, muzzy, retained). */
  expand(e: Extent, newSize: number, zero: boolean): boolean {
    const amount = newSize - e.size;
    let trail = this.recycleNeighbor(this.dirty, e, amount, zero);
    if (trail === null) trail = this.recycleNeighbor(this.muzzy, e, amount, zero);
    let mappedAdd = 0;
    if (trail === null) {
      trail = this.recycleNeighbor(this.retained, e, amount, zero);
      mappedAdd = amount;
    }
    if (trail === null) return false;
    this.merge(e, trail);
    this.mappedBytes += mappedAdd;
    this.nactive += amount / PAGE;
    return true;
  }

  /** pac_shrink_impl: cut the tail off an active extent and return it as dirty. */
  shrink(e: Extent, newSize: number): void {
    const trail = this.split(e, newSize);
    this.nactive -= trail.size / PAGE;
    trail.zeroed = false;
    this.record(this.dirty, trail);
  }

  // ---- extent.c ---------------------------------------------------------------------------------

  /** extent_recycle: fit, take it out, split off what is not needed, zero if asked. */
  private recycle(set: ExtentSet, size: number, alignment: number, zero: boolean): Extent | null {
    const delayCoalesce = set !== this.retained;
    const e = set.fit(size, alignment, delayCoalesce ? LG_EXTENT_MAX_ACTIVE_FIT : 64);
    if (e === null) return null;
    set.remove(e);
    e.state = ExtentState.Active;
    const got = this.splitInterior(e, size, alignment, (part) => this.deactivate(set, part));
    this.commitZero(got, zero);
    return got;
  }

  /** extent_recycle with expand_edata: only the neighbour right above, if it is big enough. */
  private recycleNeighbor(set: ExtentSet, e: Extent, size: number, zero: boolean): Extent | null {
    const n = this.emap.after(e);
    if (!n || !this.canAcquire(e, n, set.state, true, true) || n.size < size) return null;
    set.remove(n);
    n.state = ExtentState.Active;
    const got = this.splitInterior(n, size, PAGE, (part) => this.deactivate(set, part));
    this.commitZero(got, zero);
    return got;
  }

  /** extent_commit_zero: a request for zeroed memory on pages that may be dirty purges them first (ehooks_default_zero_impl). */
  private commitZero(e: Extent, zero: boolean): void {
    if (zero && !e.zeroed) this.pages.purge(e.addr, e.size);
  }

  /** extent_split_interior: lead and trail go back (to the cache they came from, or to retained). */
  private splitInterior(
    e: Extent,
    size: number,
    alignment: number,
    giveBack: (part: Extent) => void,
  ): Extent {
    const lead = alignUp(e.addr, alignUp(alignment, PAGE)) - e.addr;
    const trailSize = e.size - lead - size;
    let lead_: Extent | null = null;
    if (lead !== 0) {
      lead_ = e;
      e = this.split(lead_, lead);
    }
    let trail: Extent | null = null;
    if (trailSize !== 0) trail = this.split(e, size);
    if (lead_) giveBack(lead_);
    if (trail) giveBack(trail);
    return e;
  }

  /** extent_split_impl: `e` keeps the first `sizeA` bytes; the rest is a new extent (not a head). */
  private split(e: Extent, sizeA: number): Extent {
    this.edata.get();
    const trail = new Extent(e.addr + sizeA, e.size - sizeA, e.sn, e.state, false, e.arenaIndex);
    trail.zeroed = e.zeroed;
    trail.committed = e.committed;
    this.emap.deregisterBoundary(e);
    e.size = sizeA;
    this.emap.registerBoundary(e);
    this.emap.registerBoundary(trail);
    return trail;
  }

  /** extent_merge_impl: `a` (lower) absorbs `b`; the older serial number wins. */
  private merge(a: Extent, b: Extent): void {
    this.emap.deregisterBoundary(a);
    this.emap.deregisterBoundary(b);
    a.size += b.size;
    a.sn = Math.min(a.sn, b.sn);
    a.zeroed = a.zeroed && b.zeroed;
    this.emap.registerBoundary(a);
    this.edata.put();
  }

  /** extent_can_acquire_neighbor: same state, and never merge into a head from below. */
  private canAcquire(
    e: Extent,
    n: Extent,
    state: ExtentState,
    forward: boolean,
    expanding: boolean,
  ): boolean {
    if (n.state !== state) return false;
    if (forward ? n.isHead : e.isHead) return false;
    return expanding || e.committed === n.committed;
  }

  /** extent_grow_retained: map the next size class up (or more), carve the request, keep the rest as retained. */
  private growRetained(size: number, alignment: number, zero: boolean): Extent | null {
    const allocMin = size + alignUp(alignment, PAGE) - PAGE;
    let skip = 0;
    while (pindToSize(this.growNext + skip) < allocMin) {
      skip++;
      if (this.growNext + skip >= this.growLimit) return null;
    }
    const allocSize = pindToSize(this.growNext + skip);
    this.edata.get();
    const addr = this.pages.map(allocSize, PAGE, 'jemalloc-extents', `jemalloc arena ${this.arenaIndex}`);
    if (addr === 0) {
      this.edata.put();
      return null;
    }
    this.mappings.push([addr, allocSize]);
    const e = new Extent(addr, allocSize, this.snNext++, ExtentState.Active, true, this.arenaIndex);
    e.zeroed = true; // fresh anonymous memory
    this.emap.registerBoundary(e);
    const got = this.splitInterior(e, size, alignment, (part) => this.record(this.retained, part));
    this.growNext = Math.min(this.growNext + skip + 1, this.growLimit);
    void zero; // a fresh mapping is already zero
    return got;
  }

  /** extent_record: coalesce (fully for retained; large extents only, for dirty/muzzy), purge oversize ones at once. */
  record(set: ExtentSet, e: Extent): void {
    if (set === this.retained) e = this.coalesce(set, e, false)[0];
    else if (e.size >= LARGE_MINCLASS) {
      let coalesced: boolean;
      do [e, coalesced] = this.coalesce(set, e, true);
      while (coalesced);
      if (
        e.size >= this.oversizeThreshold &&
        this.decayDirty.timeMs !== -1 &&
        this.decayMuzzy.timeMs !== -1
      ) {
        // extent_maximally_purge (extent.c 5.3.0 l. 940–947): past the oversize threshold, no decay.
        this.purgedPages += e.size / PAGE;
        this.nmadvise++;
        this.mappedBytes -= e.size;
        this.dallocWrapper(e);
        return;
      }
    }
    this.deactivate(set, e);
  }

  private deactivate(set: ExtentSet, e: Extent): void {
    e.state = set.state;
    set.insert(e);
  }

  /**
   * extent_try_coalesce_impl: merge with the free neighbours of the same state, above then below.
   * With delay_coalesce (dirty, muzzy) it stops after one merge; the caller loops.
   */
  private coalesce(set: ExtentSet, e: Extent, delay: boolean): [Extent, boolean] {
    let coalesced = false;
    let again: boolean;
    do {
      again = false;
      const next = this.emap.after(e);
      if (next && this.canAcquire(e, next, set.state, true, false)) {
        set.remove(next);
        this.merge(e, next);
        coalesced = true;
        if (delay) return [e, true];
        again = true;
      }
      const prev = this.emap.before(e);
      if (prev && this.canAcquire(e, prev, set.state, false, false)) {
        set.remove(prev);
        this.merge(prev, e);
        e = prev;
        coalesced = true;
        if (delay) return [e, true];
        again = true;
      }
    } while (again);
    return [e, coalesced];
  }

  /**
   * extent_dalloc_wrapper with opt.retain: munmap is declined and decommit is a no-op under
   * overcommit, so the pages are purged (MADV_DONTNEED) and the extent is kept as retained.
   */
  private dallocWrapper(e: Extent): void {
    this.pages.purge(e.addr, e.size);
    e.zeroed = true;
    e.state = ExtentState.Active;
    this.record(this.retained, e);
  }

  // ---- decay (pac.c) ----------------------------------------------------------------------------

  /** pac_maybe_decay_purge. Returns whether the epoch advanced. */
  maybeDecayPurge(decay: Decay, set: ExtentSet, nowNs: number, eagerness: Eagerness): boolean {
    if (decay.timeMs <= 0) {
      if (decay.timeMs === 0) this.decayToLimit(decay, set, false, 0, set.npages);
      return false;
    }
    const current = set.npages;
    const advanced = decay.maybeAdvanceEpoch(nowNs, current);
    if (eagerness === Eagerness.Always || (advanced && eagerness === Eagerness.OnEpochAdvance)) {
      const limit = decay.npagesLimit;
      if (current > limit) this.decayToLimit(decay, set, false, limit, current - limit);
    }
    return advanced;
  }

  /**
   * pac_time_until_deferred_work: the sooner of dirty's and muzzy's decay_ns_until_purge with
   * ARENA_DEFERRED_PURGE_NPAGES_THRESHOLD (1,024 pages); Infinity for DECAY_UNBOUNDED_TIME_TO_PURGE.
   */
  timeUntilDeferredWork(): number {
    const ns = (d: Decay, set: ExtentSet): number => {
      const t = d.nsUntilPurge(set.npages, DEFERRED_PURGE_NPAGES_THRESHOLD);
      return t < 0 ? Infinity : t;
    };
    return Math.min(ns(this.decayDirty, this.dirty), ns(this.decayMuzzy, this.muzzy));
  }

  /** pac_decay_all (arena.<i>.purge): everything, dirty straight to retained. */
  decayAll(decay: Decay, set: ExtentSet, fully: boolean): void {
    this.decayToLimit(decay, set, fully, 0, set.npages);
  }

  /** pac_decay_to_limit: evict the least recently used extents down to `limit` pages, then purge them. */
  private decayToLimit(decay: Decay, set: ExtentSet, fully: boolean, limit: number, max: number): void {
    if (decay.purging || max === 0) return;
    decay.purging = true;
    const stash: Extent[] = [];
    let nstashed = 0;
    while (nstashed < max) {
      const e = this.evict(set, limit);
      if (e === null) break;
      stash.push(e);
      nstashed += e.size / PAGE;
    }
    const tryMuzzy = !fully && this.decayMuzzy.timeMs !== 0;
    for (const e of stash) {
      this.nmadvise++;
      this.purgedPages += e.size / PAGE;
      if (set === this.dirty && tryMuzzy) {
        // extent_purge_lazy (MADV_FREE), then into the muzzy cache.
        this.pages.purgeLazy(e.addr, e.size);
        e.zeroed = false;
        this.record(this.muzzy, e);
        continue;
      }
      this.mappedBytes -= e.size;
      this.dallocWrapper(e);
    }
    decay.purging = false;
  }

  /** ecache_evict: the LRU's first extent, after any delayed coalescing it can still do. */
  private evict(set: ExtentSet, npagesMin: number): Extent | null {
    for (;;) {
      const e = set.lruFirst();
      if (e === null || set.npages <= npagesMin) return null;
      set.remove(e);
      e.state = ExtentState.Active;
      const [merged, coalesced] = this.coalesce(set, e, true);
      if (!coalesced) return merged;
      merged.state = set.state;
      set.insert(merged);
    }
  }

  /** Every extent this arena knows, with its state (checks and views). */
  *inactiveExtents(): IterableIterator<Extent> {
    yield* this.dirty.extents();
    yield* this.muzzy.extents();
    yield* this.retained.extents();
  }

  setOf(state: ExtentState): ExtentSet {
    return this.setFor(state);
  }
}
