import { HUGE_BLOCK_SIZE, MAX_EXTEND_SIZE, MIN_EXTEND, SLICE_SIZE, SMALL_START_OFFSET } from './constants';
import type { Segment } from './segment';

/**
 * A page (mi_page_t, page.c): one size of blocks in a run of slices. Blocks come from `free`; a local
 * free puts them on `localFree`, which becomes `free` once `free` runs dry (free-list sharding); frees
 * from other threads go to `threadFree`, collected by the owner. Lists here are stacks whose top is
 * the array's end (the block given out next).
 */
export class Page {
  capacity = 0;
  reserved: number;
  used = 0;
  readonly free: number[] = [];
  localFree: number[] = [];
  threadFree: number[] = [];
  /** Collections left before a retired (empty) page is freed; 0 when not retired. */
  retireExpire = 0;
  /** The page queue (bin) it is in, and its neighbours there. */
  queue = -1;
  prev: Page | null = null;
  next: Page | null = null;
  inFull = false;
  /** The owning heap's thread. */
  thread: number;
  /** Address of block 0. */
  readonly start: number;
  readonly blockSize: number;
  readonly pageSize: number;

  constructor(
    readonly seg: Segment,
    readonly index: number,
    readonly sliceCount: number,
    blockSize: number,
    thread: number,
  ) {
    // _mi_segment_page_start_from_slice: blocks of 8 B … 1 KiB start 384 B in.
    const psize = sliceCount * SLICE_SIZE;
    const startOffset = blockSize >= 8 && blockSize <= 1024 ? SMALL_START_OFFSET : 0;
    this.start = seg.addr + index * SLICE_SIZE + startOffset;
    this.pageSize = psize - startOffset;
    // A huge-queue page takes the whole page as one block (mi_page_fresh_alloc's full_block_size).
    this.blockSize = blockSize === 0 ? Math.min(this.pageSize, HUGE_BLOCK_SIZE) : blockSize;
    this.reserved = Math.floor(this.pageSize / this.blockSize);
    this.thread = thread;
  }

  /** mi_page_immediate_available. */
  get available(): boolean {
    return this.free.length > 0;
  }
  get allFree(): boolean {
    return this.used === 0;
  }

  /**
   * mi_page_extend_free: link the next 4 KiB worth of blocks (at least 4) in address order. Writing
   * each block's next pointer touches its memory; returns the bytes written [from, to).
   */
  extend(): [number, number] | null {
    if (this.free.length > 0 || this.capacity >= this.reserved) return null;
    const bsize = this.blockSize;
    let extend = this.reserved - this.capacity;
    const maxExtend = Math.max(
      bsize >= MAX_EXTEND_SIZE ? MIN_EXTEND : Math.floor(MAX_EXTEND_SIZE / bsize),
      MIN_EXTEND,
    );
    if (extend > maxExtend) extend = maxExtend;
    const first = this.capacity;
    for (let i = first + extend - 1; i >= first; i--) this.free.push(this.start + i * bsize);
    this.capacity += extend;
    return [this.start + first * bsize, this.start + (first + extend - 1) * bsize + 8];
  }

  /** _mi_page_free_collect: other threads' frees join local_free; local_free becomes free if free is empty (or, forced, goes before it). */
  collect(force: boolean): void {
    if (this.threadFree.length > 0) {
      // _mi_page_thread_free_collect: prepended to local_free, no longer counted as used.
      this.used -= this.threadFree.length;
      this.localFree = this.localFree.concat(this.threadFree);
      this.threadFree = [];
    }
    if (this.localFree.length === 0) return;
    if (this.free.length === 0) {
      for (const b of this.localFree) this.free.push(b);
      this.localFree = [];
    } else if (force) {
      // local_free's blocks go first (on top), the old free list after them.
      for (const b of this.localFree) this.free.push(b);
      this.localFree = [];
    }
  }
}
