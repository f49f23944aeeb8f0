import type { Pages } from './pages';
import {
  HUGEPAGE,
  INDEX_TO_SIZE,
  QUANTUM,
  alignUp,
  pageCeil,
  pindToSize,
  pszToIndex,
  pszToUsable,
  sizeToIndex,
} from './sizeClasses';

/** sizeof(base_block_t): size, next, and the edata of its unused part (128 B). */
const BLOCK_HEADER = 144;

/** One base block's unused tail, bump-allocated from its start. */
interface Region {
  addr: number;
  size: number;
  /** Serial number of its block: base_t's avail heaps pick the oldest block first. */
  sn: number;
}

/**
 * A base allocator (base.c): jemalloc's own metadata (arena_t, edata_t, rtree leaves, tcache_bin_info)
 * comes from HUGEPAGE-aligned blocks it maps itself, bump-allocated and never freed. Each new block is
 * the next page size class up (pind_last + 1), at least 2 MiB, or bigger if the request needs it.
 * Leftover tails are reused for later requests that fit (smallest size class first).
 */
export class Base {
  /** stats: bytes handed out, resident estimate, mapped. */
  allocated = 0;
  resident = 0;
  mapped = 0;
  /** Leftover tails by size class of their floor (base->avail). */
  private readonly avail = new Map<number, Region[]>();
  private pindLast = 0;
  private snNext = 0;
  /** The blocks mapped, for the views: [addr, size]. */
  readonly blocks: [number, number][] = [];

  constructor(
    private readonly pages: Pages,
    readonly arenaIndex: number,
    /** sizeof(base_t) rounded to a cache line: the first thing in the first block. */
    baseStructSize: number,
  ) {
    // base_new: the first block, then base_t itself bump-allocated at its start.
    this.file(this.newBlock(baseStructSize, 64));
    this.touchMetadata(this.alloc(baseStructSize, 64), Math.min(baseStructSize, 4096));
  }

  /** base_alloc_impl: `size` bytes aligned to `alignment`; returns the address. */
  alloc(size: number, alignment: number): number {
    alignment = alignUp(Math.max(alignment, 1), QUANTUM);
    const usize = alignUp(size, alignment);
    const asize = usize + alignment - QUANTUM;
    let region: Region | null = null;
    for (let i = sizeToIndex(asize); i < INDEX_TO_SIZE.length && region === null; i++) {
      const list = this.avail.get(i);
      if (list && list.length > 0) region = this.takeOldest(list);
    }
    if (region === null) region = this.newBlock(usize, alignment);
    // base_extent_bump_alloc: skip to the alignment, take usize, file the rest.
    const ret = alignUp(region.addr, alignment);
    const gap = ret - region.addr;
    const rest: Region = { addr: ret + usize, size: region.size - gap - usize, sn: region.sn };
    if (rest.size > 0) this.file(rest);
    this.allocated += usize;
    this.resident += pageCeil(ret + usize) - pageCeil(ret - gap);
    return ret;
  }

  /** jemalloc wrote `size` bytes of metadata at `addr`: those pages become resident. */
  touchMetadata(addr: number, size: number): void {
    this.pages.kernel.touch(addr, size);
  }

  /** base_block_alloc: map the next block, big enough for `usize` at `alignment`. */
  private newBlock(usize: number, alignment: number): Region {
    alignment = alignUp(alignment, QUANTUM);
    const gap = alignUp(BLOCK_HEADER, alignment) - BLOCK_HEADER;
    const minBlock = alignUp(pszToUsable(BLOCK_HEADER + gap + usize), HUGEPAGE);
    const nextBlock = alignUp(pindToSize(this.pindLast + 1), HUGEPAGE);
    const blockSize = Math.max(minBlock, nextBlock);
    const addr = this.pages.map(blockSize, HUGEPAGE, 'jemalloc-base', `jemalloc base ${this.arenaIndex}`);
    if (addr === 0) throw new Error('jemalloc: out of memory for metadata');
    this.pindLast = pszToIndex(blockSize);
    this.blocks.push([addr, blockSize]);
    this.allocated += BLOCK_HEADER;
    this.resident += pageCeil(BLOCK_HEADER);
    this.mapped += blockSize;
    // The header is written as the block is set up.
    this.pages.kernel.touch(addr, BLOCK_HEADER);
    return { addr: addr + BLOCK_HEADER, size: blockSize - BLOCK_HEADER, sn: this.snNext++ };
  }

  private file(r: Region): void {
    const index = sizeToIndex(r.size + 1) - 1;
    let list = this.avail.get(index);
    if (!list) this.avail.set(index, (list = []));
    list.push(r);
  }

  private takeOldest(list: Region[]): Region {
    let best = 0;
    for (let i = 1; i < list.length; i++) {
      const a = list[i];
      const b = list[best];
      if (a.sn < b.sn || (a.sn === b.sn && a.addr < b.addr)) best = i;
    }
    return list.splice(best, 1)[0];
  }
}
