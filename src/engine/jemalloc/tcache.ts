import { BIN_INFO, NBINS } from './sizeClasses';

/**
 * One thread's cache bin (cache_bin.h): a stack of pointers, the most recently pushed given out first.
 * Here the top of the stack is the end of the array. `lowWater` is the fewest items held since the
 * last GC pass over this bin (cache_bin_low_water_get).
 */
export class CacheBin {
  readonly items: number[] = [];
  lowWater = 0;
  constructor(readonly ncachedMax: number) {}
  get ncached(): number {
    return this.items.length;
  }
  /** cache_bin_alloc: pop, lowering the low-water mark. */
  pop(): number {
    const p = this.items.pop();
    if (p === undefined) return 0;
    if (this.items.length < this.lowWater) this.lowWater = this.items.length;
    return p;
  }
  /** cache_bin_dalloc_easy: push unless full. */
  push(p: number): boolean {
    if (this.items.length >= this.ncachedMax) return false;
    this.items.push(p);
    return true;
  }
  /**
   * cache_bin_finish_fill: `ptrs` in the order the arena produced them; the first is given out first.
   */
  fill(ptrs: number[]): void {
    for (let i = ptrs.length - 1; i >= 0; i--) this.items.push(ptrs[i]);
  }
  /**
   * cache_bin_init_ptr_array_for_flush + finish_flush: take the `n` oldest items (the bottom of the
   * stack), in the order jemalloc walks them (from the n-th oldest down to the oldest).
   */
  takeOldest(n: number): number[] {
    const out = this.items.slice(0, n).reverse();
    this.items.splice(0, n);
    if (this.items.length < this.lowWater) this.lowWater = this.items.length;
    return out;
  }
}

export interface TcacheOptions {
  /** opt.tcache_max (32 KiB): the largest size class cached. */
  tcacheMax: number;
  nslotsSmallMin: number;
  nslotsSmallMax: number;
  nslotsLarge: number;
  lgNslotsMul: number;
  /** opt.tcache_gc_incr_bytes: bytes allocated (or freed) between GC passes. */
  gcIncrBytes: number;
  lgFlushSmallDiv: number;
  lgFlushLargeDiv: number;
}

/** tcache_ncached_max_compute: twice a slab's regions for small classes, clamped to [20, 200]. */
export function ncachedMax(binIndex: number, o: TcacheOptions): number {
  if (binIndex >= NBINS) return o.nslotsLarge;
  let min = o.nslotsSmallMin;
  let max = Math.min(o.nslotsSmallMax, 0xffff);
  if (min % 2 !== 0) min++;
  if (max % 2 !== 0) max--;
  min = Math.max(min, 2);
  max = Math.max(max, 2);
  if (min > max) min = max;
  const nregs = BIN_INFO[binIndex].nregs;
  let c = o.lgNslotsMul < 0 ? nregs >> -o.lgNslotsMul : nregs << o.lgNslotsMul;
  if (c % 2 !== 0) c++;
  return c <= min ? min : c <= max ? c : max;
}

/**
 * A thread's cache (tcache_t + tcache_slow_t): one bin per size class up to tcache_max, the fill
 * divisor each small bin adapts (lg_fill_div), and the round-robin GC that flushes 3/4 of what a bin
 * did not use since its last pass (tcache_event).
 */
export class Tcache {
  readonly bins: CacheBin[] = [];
  readonly lgFillDiv: number[] = [];
  readonly refilled: boolean[] = [];
  nextGcBin = 0;
  /** Address of the stacks' memory, and each bin's empty position in it (its stack grows down from there). */
  stackBase = 0;
  private readonly emptyAt: number[] = [];
  /** Deepest slot ever written per bin: the pages under it are resident. */
  private readonly deepest: number[] = [];

  constructor(
    readonly nhbins: number,
    readonly opts: TcacheOptions,
    public arenaIndex: number,
  ) {
    let offset = 8; // cache_bin_preincrement: one junk word first
    for (let i = 0; i < nhbins; i++) {
      const max = ncachedMax(i, opts);
      this.bins.push(new CacheBin(max));
      this.lgFillDiv.push(1);
      this.refilled.push(false);
      offset += max * 8;
      this.emptyAt.push(offset);
      this.deepest.push(0);
    }
  }

  /** The stacks' allocation size (cache_bin_info_compute_alloc: two spare words and every slot), page-aligned. */
  static stackBytes(nhbins: number, opts: TcacheOptions): number {
    let size = 16;
    for (let i = 0; i < nhbins; i++) size += ncachedMax(i, opts) * 8;
    return size;
  }

  /** The slots of bin `i` down to its current depth were written: returns the [addr, len) newly written, or null. */
  written(i: number): [number, number] | null {
    const depth = this.bins[i].ncached;
    if (depth <= this.deepest[i]) return null;
    const end = this.stackBase + this.emptyAt[i] - this.deepest[i] * 8;
    this.deepest[i] = depth;
    const start = this.stackBase + this.emptyAt[i] - depth * 8;
    return [start, end - start];
  }
}

/**
 * The thread's allocation / deallocation event counters (thread_event.c) for the events that exist in
 * this build's defaults: tcache_gc and peak_alloc on allocation, tcache_gc_dalloc and peak_dalloc on
 * deallocation, each waiting 64 KiB. An event fires on the call that makes the bytes since the last
 * trigger reach the smallest wait.
 */
export class ThreadEvents {
  private bytes = 0;
  private last = 0;
  private next: number;
  private gcWait: number;
  private peakWait = 64 * 1024;
  constructor(private readonly gcIncr: number) {
    this.gcWait = gcIncr > 0 ? gcIncr : Infinity;
    this.next = Math.min(this.gcWait, this.peakWait);
  }
  /** Count `usize` bytes; true when the tcache GC event fires on this call. */
  add(usize: number): boolean {
    this.bytes += usize;
    if (this.bytes < this.next) return false;
    const accum = this.bytes - this.last;
    this.last = this.bytes;
    let gc = false;
    if (this.gcWait > accum) this.gcWait -= accum;
    else {
      gc = true;
      this.gcWait = this.gcIncr;
    }
    if (this.peakWait > accum) this.peakWait -= accum;
    else this.peakWait = 64 * 1024;
    // te_adjust_thresholds_helper: the next trigger, never more than TE_MAX_INTERVAL (4 MiB) away.
    this.next = this.last + Math.min(this.gcWait, this.peakWait, 4 * 1024 * 1024);
    return gc;
  }
}
