/**
 * Residency of the pages of one mapping: one bit a page, plus a running count.
 * A page becomes resident on its first write, or its first read where the kernel counts read faults
 * (Kernel.readAnon: this machine's kernel does), and stops being resident when it is unmapped or
 * MADV_DONTNEED'd.
 */
export class PageBits {
  private words: Uint32Array;
  /** Number of resident pages. */
  count = 0;

  constructor(pages: number) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(pages / 32)));
  }

  get capacityPages(): number {
    return this.words.length * 32;
  }

  /** Make room for `pages` pages (contents kept). */
  ensure(pages: number): void {
    const need = Math.ceil(pages / 32);
    if (need <= this.words.length) return;
    const next = new Uint32Array(Math.max(need, this.words.length * 2));
    next.set(this.words);
    this.words = next;
  }

  isSet(page: number): boolean {
    const w = page >>> 5;
    return w < this.words.length && (this.words[w] & (1 << (page & 31))) !== 0;
  }

  /** Set one page; true when it was not set before (the hot path of single-word writes). */
  setOne(page: number): boolean {
    const w = page >>> 5;
    // Past the end a typed array reads undefined and drops the write: the page would be counted
    // again on every write (the 2 GiB bug). Callers size the bitmap first; this only guards.
    if (w >= this.words.length)
      throw new RangeError(`page ${page} is past the ${this.words.length * 32}-page bitmap`);
    const bit = 1 << (page & 31);
    const old = this.words[w];
    if ((old & bit) !== 0) return false;
    this.words[w] = old | bit;
    this.count++;
    return true;
  }

  /**
   * Set pages [from, to); returns how many were newly set. A run of pages is a partial first word,
   * whole words, a partial last word: malloc_trim's MADV_DONTNEED and a big chunk's first touch
   * cover thousands of pages, one 32-bit word at a time without a mask to compute.
   */
  setRange(from: number, to: number): number {
    if (to > this.words.length * 32)
      throw new RangeError(`pages ${from}..${to} run past the ${this.words.length * 32}-page bitmap`);
    if (from >= to) return 0;
    const words = this.words;
    let added = 0;
    let w = from >>> 5;
    const last = (to - 1) >>> 5;
    const head = 0xffffffff << (from & 31);
    const tail = 0xffffffff >>> (31 - ((to - 1) & 31));
    if (w === last) {
      const mask = head & tail;
      const old = words[w];
      added = popcount(mask & ~old);
      words[w] = old | mask;
    } else {
      let old = words[w];
      added += popcount(head & ~old);
      words[w] = old | head;
      for (w++; w < last; w++) {
        old = words[w];
        if (old !== 0xffffffff) {
          added += 32 - popcount(old);
          words[w] = 0xffffffff;
        }
      }
      old = words[last];
      added += popcount(tail & ~old);
      words[last] = old | tail;
    }
    this.count += added;
    return added;
  }

  /** Clear pages [from, to); returns how many were resident (same runs as setRange). */
  clearRange(from: number, to: number): number {
    const words = this.words;
    const end = Math.min(to, words.length * 32);
    if (from >= end) return 0;
    let removed = 0;
    let w = from >>> 5;
    const last = (end - 1) >>> 5;
    const head = 0xffffffff << (from & 31);
    const tail = 0xffffffff >>> (31 - ((end - 1) & 31));
    if (w === last) {
      const gone = words[w] & head & tail;
      if (gone !== 0) {
        removed = popcount(gone);
        words[w] &= ~gone;
      }
    } else {
      let gone = words[w] & head;
      if (gone !== 0) {
        removed += popcount(gone);
        words[w] &= ~gone;
      }
      for (w++; w < last; w++) {
        const old = words[w];
        if (old !== 0) {
          removed += popcount(old);
          words[w] = 0;
        }
      }
      gone = words[last] & tail;
      if (gone !== 0) {
        removed += popcount(gone);
        words[last] &= ~gone;
      }
    }
    this.count -= removed;
    return removed;
  }

  /** Count resident pages in [from, to). */
  countRange(from: number, to: number): number {
    const words = this.words;
    const end = Math.min(to, words.length * 32);
    if (from >= end) return 0;
    let w = from >>> 5;
    const last = (end - 1) >>> 5;
    const head = 0xffffffff << (from & 31);
    const tail = 0xffffffff >>> (31 - ((end - 1) & 31));
    if (w === last) return popcount(words[w] & head & tail);
    let n = popcount(words[w] & head);
    for (w++; w < last; w++) {
      const x = words[w];
      if (x !== 0) n += popcount(x);
    }
    return n + popcount(words[last] & tail);
  }

  /** The bits of pages [from, to) as a new bitmap starting at page 0 (a mapping split in two). */
  slice(from: number, to: number): PageBits {
    const out = new PageBits(to - from);
    if (this.countRange(from, to) === 0) return out; // a PROT_NONE reservation: nothing to copy
    for (let p = from; p < to; p++) if (this.isSet(p)) out.setOne(p - from);
    return out;
  }

  /** A copy of the bits (for snapshots and checkpoints). */
  clone(): PageBits {
    const c = new PageBits(0);
    c.words = this.words.slice();
    c.count = this.count;
    return c;
  }

  /** The raw words, read-only by convention (snapshots copy them). */
  get raw(): Uint32Array {
    return this.words;
  }
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
