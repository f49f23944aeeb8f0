/**
 * Item storage for lists and tuples: one big Int32Array of handles carved into blocks whose
 * capacities are powers of two, with a free stack per capacity. This is the simulator's own
 * bookkeeping (the simulated `ob_item` memory is modelled by the allocators, with CPython's sizes).
 */
export class ItemPool {
  data: Int32Array;
  private top = 0;
  private readonly freeBlocks: number[][] = [];
  /** Slots in use (for the JS memory budget and tests). */
  used = 0;
  /** Called before the storage grows by `bytes` (the simulator's memory budget may refuse it). */
  beforeGrow: ((bytes: number) => void) | null = null;

  constructor(initial = 1 << 16) {
    this.data = new Int32Array(initial);
  }

  /** The capacity class for n items: the next power of two, at least 2. */
  static capacityFor(n: number): number {
    return n <= 2 ? 2 : n > 2 ** 30 ? 2 ** Math.ceil(Math.log2(n)) : 1 << (32 - Math.clz32(n - 1));
  }

  /** A block of `cap` slots (cap a power of two); its contents are unspecified. */
  alloc(cap: number): number {
    const cls = 31 - Math.clz32(cap);
    const stack = this.freeBlocks[cls];
    this.used += cap;
    if (stack && stack.length) return stack.pop()!;
    this.ensure(this.top + cap);
    const off = this.top;
    this.top += cap;
    return off;
  }

  /** Room for `end` slots (doubling; the untouched tail of a fresh array is not resident). */
  private ensure(end: number): void {
    if (end <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < end) size *= 2;
    this.beforeGrow?.((size - this.data.length) * 4);
    const d = new Int32Array(size);
    d.set(this.data.subarray(0, this.top));
    this.data = d;
  }

  release(off: number, cap: number): void {
    const cls = 31 - Math.clz32(cap);
    (this.freeBlocks[cls] ??= []).push(off);
    this.used -= cap;
  }

  /**
   * Move a block's first `n` items into a block of capacity `cap`; returns the new offset. The
   * block at the top of the pool grows where it is (a list being built is usually the last block
   * made): a list of 10^7 items then holds 2^24 slots, not the 2^25 its doublings would leave.
   */
  grow(off: number, oldCap: number, n: number, cap: number): number {
    if (off + oldCap === this.top) {
      this.ensure(off + cap);
      this.top = off + cap;
      this.used += cap - oldCap;
      return off;
    }
    const fresh = this.alloc(cap);
    this.data.copyWithin(fresh, off, off + n);
    this.release(off, oldCap);
    return fresh;
  }
}
