/**
 * Where an arena's chunks live: columns of typed arrays indexed by a slot number, not one JS
 * object per chunk (a million live chunks must stay under ~32 MB: this is 25 B a chunk). (One
 * interleaved record a slot was tried: 10% slower on the bench, the index arithmetic costing more
 * than the cache lines it saves.)
 *
 * Addresses are kept as granules: (address - heap start) / 16. Every heap chunk starts on a 16-byte
 * boundary, and the heap stays below 32 GiB (the commit limit is 24 GiB), so a granule fits in an
 * Int32. Chunks tile the heap exactly; prevPhys/nextPhys link each chunk to its neighbours in
 * address order (what glibc reaches with `p - prev_size` and `p + size`). To find the chunk at a
 * user pointer, `blockFirst[b]` names the lowest chunk starting in each 1 KiB block of the heap, and
 * the walk from there along nextPhys is short (about one step on the bench's traces; with 4 KiB
 * blocks it was 3 to 4, a tenth of the model's time). The index costs 4 bytes a KiB of heap.
 *
 * Slots 0..127 are the bins' list heads (bin i = slot i), so bin lists need no special cases.
 */
export const enum ChunkState {
  Unused = 0,
  InUse = 1,
  Tcache = 2,
  Fastbin = 3,
  Unsorted = 4,
  Smallbin = 5,
  Largebin = 6,
  Top = 7,
  BinHead = 8,
}

export const FIRST_CHUNK_SLOT = 128;
/** Granules per index block: 64 × 16 = 1 KiB. */
const BLOCK_SHIFT = 6;
/** Index blocks per 4 KiB page. */
const BLOCKS_PER_PAGE = 4;

export class ChunkStore {
  capacity = 0;
  /** Granule offset of the chunk from the heap start (its arena's granule space). */
  gran: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** Size in granules (the size field without flag bits, / 16). */
  sizeG: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** Neighbours in address order. */
  prevPhys: Int32Array<ArrayBuffer> = new Int32Array(0);
  nextPhys: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** Bin links (fd/bk in glibc); fastbins use fd only; unused slots chain through fd. */
  fd: Int32Array<ArrayBuffer> = new Int32Array(0);
  bk: Int32Array<ArrayBuffer> = new Int32Array(0);
  /** bit 0: PREV_INUSE of this chunk's size field; bits 1..4: ChunkState. */
  private flags = new Uint8Array(0);
  /** Lowest chunk slot starting in each 1 KiB block of the heap, or -1. */
  blockFirst = new Int32Array(0);
  private freeSlots = -1;
  private nextFresh = FIRST_CHUNK_SLOT;
  /** Live chunk slots (in use, cached or free), for statistics. */
  liveSlots = 0;

  constructor() {
    this.grow(1024);
    for (let i = 0; i < FIRST_CHUNK_SLOT; i++) {
      this.fd[i] = i;
      this.bk[i] = i;
      this.flags[i] = ChunkState.BinHead << 1;
      this.gran[i] = -1;
    }
  }

  state(s: number): ChunkState {
    return (this.flags[s] >> 1) as ChunkState;
  }
  setState(s: number, st: ChunkState): void {
    this.flags[s] = (this.flags[s] & 1) | (st << 1);
  }
  prevInuse(s: number): boolean {
    return (this.flags[s] & 1) !== 0;
  }
  setPrevInuse(s: number, on: boolean): void {
    this.flags[s] = on ? this.flags[s] | 1 : this.flags[s] & ~1;
  }

  /** A new slot for a chunk at granule g (not yet linked or indexed). */
  alloc(g: number, sizeG: number, state: ChunkState, prevInuse: boolean): number {
    let s: number;
    if (this.freeSlots >= 0) {
      s = this.freeSlots;
      this.freeSlots = this.fd[s];
    } else {
      if (this.nextFresh === this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
      s = this.nextFresh++;
    }
    this.gran[s] = g;
    this.sizeG[s] = sizeG;
    this.prevPhys[s] = -1;
    this.nextPhys[s] = -1;
    this.fd[s] = -1;
    this.bk[s] = -1;
    this.flags[s] = (state << 1) | (prevInuse ? 1 : 0);
    this.liveSlots++;
    return s;
  }

  release(s: number): void {
    this.flags[s] = 0;
    this.fd[s] = this.freeSlots;
    this.freeSlots = s;
    this.liveSlots--;
  }

  /** Insert `s` right after `prev` in address order and index its start. */
  linkAfter(prev: number, s: number): void {
    const next = prev >= 0 ? this.nextPhys[prev] : -1;
    this.prevPhys[s] = prev;
    this.nextPhys[s] = next;
    if (prev >= 0) this.nextPhys[prev] = s;
    if (next >= 0) this.prevPhys[next] = s;
    this.indexStart(s);
  }

  /** Remove `s` from the address order (its bytes now belong to its lower neighbour) and free the slot. */
  unlinkAndRelease(s: number): void {
    const prev = this.prevPhys[s];
    const next = this.nextPhys[s];
    if (prev >= 0) this.nextPhys[prev] = next;
    if (next >= 0) this.prevPhys[next] = prev;
    const b = this.gran[s] >> BLOCK_SHIFT;
    if (this.blockFirst[b] === s)
      this.blockFirst[b] = next >= 0 && this.gran[next] >> BLOCK_SHIFT === b ? next : -1;
    this.release(s);
  }

  /** Record that a chunk starts at slot s's granule. */
  indexStart(s: number): void {
    const g = this.gran[s];
    const b = g >> BLOCK_SHIFT;
    if (b >= this.blockFirst.length) this.growBlocks(b + 1);
    const cur = this.blockFirst[b];
    if (cur < 0 || this.gran[cur] > g) this.blockFirst[b] = s;
  }

  /** The slot of the chunk that starts exactly at granule g, or -1. */
  find(g: number): number {
    const b = g >> BLOCK_SHIFT;
    if (g < 0 || b >= this.blockFirst.length) return -1;
    let s = this.blockFirst[b];
    while (s >= 0) {
      const sg = this.gran[s];
      if (sg === g) return s;
      if (sg > g) return -1;
      s = this.nextPhys[s];
    }
    return -1;
  }

  /** Make the index cover `pages` 4 KiB pages of heap. */
  growPages(pages: number): void {
    this.growBlocks(pages * BLOCKS_PER_PAGE);
  }

  private growBlocks(blocks: number): void {
    if (blocks <= this.blockFirst.length) return;
    const next = new Int32Array(Math.max(blocks, Math.ceil(this.blockFirst.length * 1.5), 256));
    next.fill(-1);
    next.set(this.blockFirst);
    this.blockFirst = next;
  }

  /** The lowest chunk of the heap (it starts at granule 0, in block 0), or -1. */
  get first(): number {
    return this.blockFirst.length > 0 ? this.blockFirst[0] : -1;
  }

  /** Bytes of JS memory held by the columns (for the benchmark's bytes-per-chunk figure). */
  get byteSize(): number {
    return this.capacity * (4 * 6 + 1) + this.blockFirst.byteLength;
  }

  private grow(cap: number): void {
    const g = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.gran = g(this.gran);
    this.sizeG = g(this.sizeG);
    this.prevPhys = g(this.prevPhys);
    this.nextPhys = g(this.nextPhys);
    this.fd = g(this.fd);
    this.bk = g(this.bk);
    const f = new Uint8Array(cap);
    f.set(this.flags);
    this.flags = f;
    this.capacity = cap;
  }
}
