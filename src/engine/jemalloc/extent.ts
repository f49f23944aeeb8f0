/**
 * One extent (jemalloc 5.3's edata_t): a run of whole pages with one owner. Active extents are slabs
 * (one small size class, a bitmap of regions) or large allocations; inactive ones sit in an ecache as
 * dirty, muzzy or retained. `sn` (serial number) and the address order extents everywhere jemalloc
 * picks "the oldest, then the lowest" (edata_snad_comp).
 */
export const enum ExtentState {
  Active = 0,
  Dirty = 1,
  Muzzy = 2,
  Retained = 3,
  /** Being merged or split (extent_state_merging): never seen between calls. */
  Merging = 4,
}

export class Extent {
  /** Index in whichever heap holds it (an eset bin or a bin's nonfull slabs), -1 when in none. */
  heapIndex = -1;
  /** The eset LRU list (edata_list_inactive), oldest first. */
  lruPrev: Extent | null = null;
  lruNext: Extent | null = null;
  /** Small size class of a slab, -1 for anything else. */
  binIndex = -1;
  /** Size class of a large allocation (its usable size), 0 when not a large allocation. */
  usize = 0;
  /** Slab: free regions, and which regions are allocated (1) in the bitmap. */
  nfree = 0;
  bitmap: Uint8Array | null = null;
  /** The cache-oblivious offset of a large allocation inside its first page (arena_cache_oblivious_randomize). */
  randomOffset = 0;
  committed = true;
  zeroed = false;

  constructor(
    public addr: number,
    public size: number,
    public sn: number,
    public state: ExtentState,
    /** EXTENT_IS_HEAD: the first extent of an OS mapping; nothing merges into it from below. */
    public isHead: boolean,
    public arenaIndex: number,
  ) {}

  get end(): number {
    return this.addr + this.size;
  }
  get isSlab(): boolean {
    return this.binIndex >= 0;
  }
}

/** edata_snad_comp: serial number first, then address. */
export function snadLess(a: Extent, b: Extent): boolean {
  return a.sn !== b.sn ? a.sn < b.sn : a.addr < b.addr;
}

/**
 * A binary min-heap of extents ordered by (sn, addr), with removal of any member (jemalloc uses
 * pairing heaps, ph.h; only the order of what comes out first matters to placement, and that is the
 * minimum in both).
 */
export class ExtentHeap {
  private readonly items: Extent[] = [];

  get size(): number {
    return this.items.length;
  }
  first(): Extent | null {
    return this.items.length > 0 ? this.items[0] : null;
  }
  insert(e: Extent): void {
    e.heapIndex = this.items.length;
    this.items.push(e);
    this.up(e.heapIndex);
  }
  remove(e: Extent): void {
    const i = e.heapIndex;
    const items = this.items;
    if (i < 0 || items[i] !== e) throw new Error('extent heap: removing an extent it does not hold');
    const last = items.pop() as Extent;
    e.heapIndex = -1;
    if (last !== e) {
      items[i] = last;
      last.heapIndex = i;
      this.up(i);
      this.down(last.heapIndex);
    }
  }
  removeFirst(): Extent | null {
    const e = this.first();
    if (e) this.remove(e);
    return e;
  }
  /** Every member, in no particular order (checks and views). */
  members(): readonly Extent[] {
    return this.items;
  }

  private up(i: number): void {
    const items = this.items;
    const e = items[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!snadLess(e, items[p])) break;
      items[i] = items[p];
      items[i].heapIndex = i;
      i = p;
    }
    items[i] = e;
    e.heapIndex = i;
  }
  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const e = items[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && snadLess(items[c + 1], items[c])) c++;
      if (!snadLess(items[c], e)) break;
      items[i] = items[c];
      items[i].heapIndex = i;
      i = c;
    }
    items[i] = e;
    e.heapIndex = i;
  }
}
