import { Extent, ExtentHeap, ExtentState, snadLess } from './extent';
import {
  PAGE,
  PIND_TO_SIZE,
  alignUp,
  pindToSize,
  pszQuantizeCeil,
  pszQuantizeFloor,
  pszToIndex,
} from './sizeClasses';

/**
 * An extent set (eset.c): the inactive extents of one state, filed by page size class (the floor
 * quantization of their size), each class a heap ordered by (sn, addr), plus an LRU list that decay
 * evicts from (oldest first).
 */
export class ExtentSet {
  readonly bins: ExtentHeap[] = [];
  /** Pages held, as eset->npages. */
  npages = 0;
  count = 0;
  private lruHead: Extent | null = null;
  private lruTail: Extent | null = null;

  constructor(readonly state: ExtentState) {
    for (let i = 0; i <= PIND_TO_SIZE.length; i++) this.bins.push(new ExtentHeap());
  }

  /** eset_insert: file it under its size class and append it to the LRU. */
  insert(e: Extent): void {
    this.bins[pszToIndex(pszQuantizeFloor(e.size))].insert(e);
    e.lruPrev = this.lruTail;
    e.lruNext = null;
    if (this.lruTail) this.lruTail.lruNext = e;
    else this.lruHead = e;
    this.lruTail = e;
    this.npages += e.size / PAGE;
    this.count++;
  }

  /** eset_remove. */
  remove(e: Extent): void {
    this.bins[pszToIndex(pszQuantizeFloor(e.size))].remove(e);
    if (e.lruPrev) e.lruPrev.lruNext = e.lruNext;
    else this.lruHead = e.lruNext;
    if (e.lruNext) e.lruNext.lruPrev = e.lruPrev;
    else this.lruTail = e.lruPrev;
    e.lruPrev = e.lruNext = null;
    this.npages -= e.size / PAGE;
    this.count--;
  }

  /** The least recently inserted extent (edata_list_inactive_first of the LRU). */
  lruFirst(): Extent | null {
    return this.lruHead;
  }

  /**
   * eset_fit: the extent to carve `esize` bytes (aligned to `alignment`) from. First fit in (sn, addr)
   * order among the classes that can hold it, looking no further than classes 2^lgMaxFit times too
   * big (opt.lg_extent_max_active_fit, 6, for dirty and muzzy; unlimited for retained).
   */
  fit(esize: number, alignment: number, lgMaxFit: number): Extent | null {
    const maxSize = esize + alignUp(alignment, PAGE) - PAGE;
    const found = this.firstFit(maxSize, lgMaxFit);
    if (found || alignment <= PAGE) return found;
    return this.fitAlignment(esize, maxSize, alignment);
  }

  private firstFit(size: number, lgMaxFit: number): Extent | null {
    let best: Extent | null = null;
    const limit = lgMaxFit >= 63 ? Infinity : 2 ** lgMaxFit;
    for (let i = pszToIndex(pszQuantizeCeil(size)); i < this.bins.length; i++) {
      const first = this.bins[i].first();
      if (first === null) continue;
      if (pindToSize(i) / limit > size) break;
      if (best === null || snadLess(first, best)) best = first;
    }
    return best;
  }

  /** eset_fit_alignment: the first class whose oldest extent can hold an aligned run. */
  private fitAlignment(minSize: number, maxSize: number, alignment: number): Extent | null {
    const end = pszToIndex(pszQuantizeCeil(maxSize));
    for (let i = pszToIndex(pszQuantizeCeil(minSize)); i < end; i++) {
      const e = this.bins[i].first();
      if (e === null) continue;
      const next = alignUp(e.addr, alignUp(alignment, PAGE));
      if (e.addr > next || e.addr + e.size <= next) continue;
      if (e.size - (next - e.addr) >= minSize) return e;
    }
    return null;
  }

  /** Every extent held (checks and views). */
  *extents(): IterableIterator<Extent> {
    for (let e = this.lruHead; e; e = e.lruNext) yield e;
  }
}
