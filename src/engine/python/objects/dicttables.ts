/**
 * Where the simulator keeps a dict table's own bookkeeping (its dk_indices and its entries' key and
 * value handles): small tables share Int32Array slabs, a big one has an Int32Array of its own. The
 * simulated PyDictKeysObject memory itself is modelled by the allocators (dict.ts newKeys); this is
 * only the JS side.
 *
 * Why slabs: a 2-key record `{'a': i, 'b': str(i)}` kept three JS arrays (8 indices, 5 keys, 5
 * values: 288 B of V8 heap without pointer compression, Node 20 here) where its 18 int32 slots are
 * 72 B; `[{'a': i, 'b': i} for i in range(10**6)]` held ~500 B of JS heap a dict (perf-17).
 *
 * A table block is [indices: 2^log2][keys: usable][values: usable] (int32 handles, 0 = empty
 * entry). Blocks of one size are reused through a free stack per log2.
 */

/**
 * Int32 slots per slab: 2^16 + 1 (256 KiB). Odd on purpose: every table array of its own is even
 * (2^log2 indices + 2 × capacity), so `buf.length === SLAB_LENGTH` alone tells a slab block from
 * an owned array when the table is released.
 */
const SLAB_LENGTH = (1 << 16) + 1;
/**
 * The biggest table kept in the slabs: 2^7 indices + 2 × 85 entries = 298 slots (1,192 B). A
 * bigger table has its own Int32Array, which V8 frees when the table goes: a dict grown to 10^6
 * keys passes through 17 sizes whose old blocks a free stack would keep for ever.
 */
export const SLAB_MAX_LOG2 = 7;

/** What a table block is placed into: its array and where its keys begin. */
export interface TableBlock {
  buf: Int32Array;
  /** Index of the first key in buf (the indices are the 2^log2 slots before it). */
  ko: number;
}

export class DictTableSlabs {
  private slab: Int32Array = new Int32Array(0);
  private top = 0;
  private readonly freeSlabs: Int32Array[][] = [];
  private readonly freeOffsets: number[][] = [];
  /** Slabs made (each SLAB_LENGTH × 4 bytes; for the JS memory budget and the bench). */
  slabs = 0;
  /** Called before a new slab is made (the simulator's memory budget may refuse it). */
  beforeGrow: ((bytes: number) => void) | null = null;

  /** Bytes of slabs made. */
  get bytes(): number {
    return this.slabs * SLAB_LENGTH * 4;
  }

  /**
   * Place a block of `size` slots for a table of 2^log2 indices into `to` (buf and the block's
   * first slot, returned). Pooled only for log2 ≤ SLAB_MAX_LOG2; the contents are unspecified.
   */
  alloc(to: TableBlock, log2: number, size: number): number {
    if (log2 > SLAB_MAX_LOG2) {
      to.buf = new Int32Array(size);
      return 0;
    }
    const offs = this.freeOffsets[log2];
    if (offs !== undefined && offs.length > 0) {
      to.buf = this.freeSlabs[log2].pop()!;
      return offs.pop()!;
    }
    if (this.top + size > this.slab.length) {
      this.beforeGrow?.(SLAB_LENGTH * 4);
      this.slab = new Int32Array(SLAB_LENGTH);
      this.top = 0;
      this.slabs++;
    }
    to.buf = this.slab;
    const off = this.top;
    this.top += size;
    return off;
  }

  /** A block back to its free stack (a table of its own is left to V8). `off`: its first slot. */
  release(buf: Int32Array, off: number, log2: number): void {
    if (buf.length !== SLAB_LENGTH) return;
    (this.freeSlabs[log2] ??= []).push(buf);
    (this.freeOffsets[log2] ??= []).push(off);
  }
}
