/**
 * Every simulated Python object is a handle (an int32) into these columns, not a JS object:
 * `[[0] * 100 for _ in range(10**6)]` makes a million list objects, and a million JS objects
 * with arrays inside would cost gigabytes. Handle 0 is NULL.
 *
 * What the generic columns hold depends on the type (see each type's module):
 *   addr   the allocator's pointer for the object (GC types: the PyGC_Head, id() is addr + 16)
 *   n      ob_size: list/tuple/str/bytes length, dict/set `used`
 *   cap    list `allocated`, bytearray ob_alloc, str kind (1/2/4) | ascii flag
 *   ptr    a second allocation: list ob_item, bytearray ob_bytes, dict keys, set table (0 = none)
 *   num    an int's value (when it is a safe JS integer), a float's value, an iterator's index,
 *          a str's cached hash
 *   ref    an items-pool offset, a run-length value handle, or another handle
 *
 * Cost (python/README.md, "Cost"): handles are handed out in blocks of 16,384, and a block holds
 * objects of one layout only (LAYOUT_COLUMNS): exact ints, floats and bools write 24 bytes of
 * columns (type 2, flags 1, refcnt 4, addr 8, num 8, gen 1), exact strs 52 (+ n 8, cap 8, ptr 8,
 * ref 4), exact tuples 44 (type, flags, refcnt, addr, n, ref, pcap and the collector's four),
 * everything else all 68. A column
 * page no object of the block writes is never touched, so it is never resident (the columns are
 * zeroed virtual memory), and a grow copies only the columns each block's layout uses. Contract:
 * an object of a narrow layout writes non-zero values only into its layout's columns
 * (checkLayouts() tests it).
 */
export const F_IMMORTAL = 1; // static (in the binary or interned at start-up): never freed, refcount ignored
export const F_TRACKED = 2; // in one of the GC generation lists
export const F_RLE = 4; // list items are `n` copies of handle `ref` (list_repeat of one item)
export const F_REACHABLE = 8; // GC scratch: reachable from outside the generation being collected (0 between collections)
export const F_WEAKREFD = 16; // has (had) weak references: its deallocation clears them first (objects/weaklist.ts)
export const F_FREELISTED = 32; // parked on a type's free list (dead for Python, memory kept)
export const F_BIG = 64; // int value lives in `side` as a bigint
export const F_HASHED = 128; // str: its hash was computed (a dict or set looked it up), so it can no longer grow in place

/** Which columns a type's objects write (the table's per-type column sets). */
export const enum Layout {
  /** Everything else (containers, iterators, descriptors, classes' instances…): every column. */
  All = 0,
  /** Exact int, float, bool: type, flags, refcnt, addr, num (+ side for a big int). */
  Scalar = 1,
  /** Exact str: type, flags, refcnt, addr, n (length), cap (kind), num (hash), ptr and ref (contents). */
  Str = 2,
  /**
   * Exact tuple: type, flags, refcnt, addr, n (length), ref and pcap (its items in the pool) and the
   * collector's columns: 44 bytes, not 68 (`[(i,) for i in range(10**6)]` was 157 bytes a tuple).
   */
  Tuple = 3,
}
const LAYOUTS = 4;

type Column =
  | 'type'
  | 'flags'
  | 'refcnt'
  | 'addr'
  | 'n'
  | 'cap'
  | 'ptr'
  | 'num'
  | 'ref'
  | 'pcap'
  | 'gen'
  | 'gcNext'
  | 'gcPrev'
  | 'gcRefs';
const ALL_COLUMNS: readonly Column[] = [
  'type',
  'flags',
  'refcnt',
  'addr',
  'n',
  'cap',
  'ptr',
  'num',
  'ref',
  'pcap',
  'gen',
  'gcNext',
  'gcPrev',
  'gcRefs',
];
/** The columns each layout writes (gen is always -1 outside the collector's lists, read for any referent). */
export const LAYOUT_COLUMNS: readonly (readonly Column[])[] = [
  ALL_COLUMNS,
  ['type', 'flags', 'refcnt', 'addr', 'num', 'gen'],
  ['type', 'flags', 'refcnt', 'addr', 'n', 'cap', 'num', 'ptr', 'ref', 'gen'],
  ['type', 'flags', 'refcnt', 'addr', 'n', 'ref', 'pcap', 'gen', 'gcNext', 'gcPrev', 'gcRefs'],
];

/** Bytes a row takes in each column (its typed array's element size). */
const COLUMN_SIZE: Record<Column, number> = {
  type: 2,
  flags: 1,
  refcnt: 4,
  addr: 8,
  n: 8,
  cap: 8,
  ptr: 8,
  num: 8,
  ref: 4,
  pcap: 4,
  gen: 1,
  gcNext: 4,
  gcPrev: 4,
  gcRefs: 4,
};
/** Bytes of columns a row of each layout writes: All 68, Scalar 24, Str 52, Tuple 44. */
export const LAYOUT_ROW_BYTES: readonly number[] = LAYOUT_COLUMNS.map((cols) =>
  cols.reduce((sum, c) => sum + COLUMN_SIZE[c], 0),
);

/** log2 of the handles in a block: 16,384 (a Float64 column's block is 32 pages). */
const BLOCK_SHIFT = 14;
const BLOCK = 1 << BLOCK_SHIFT;
/**
 * Handles the columns reach at their first grow: 4,194,304 (285 MB of zeroed virtual columns, of
 * which only the pages rows are written to become resident). A grow copies every row written so
 * far into fresh pages, and until V8 collects the old columns both copies are resident: grown ×4
 * from 65,536, the seed (1.06 million objects) crossed 1,048,576 near its end and paid ~16,000
 * page faults (~0.2 s CPU of its 2 s) copying 71 MB, and `[str(i) for i in range(10**6)]` peaked
 * at 230 MiB instead of ~165. A script that outgrows the first 65,536 handles is object-heavy: one
 * jump to this reservation, then ×4, copies at most 65,536 rows before 4 million.
 */
const FIRST_GROW = 1 << 22;

type AnyColumn = Uint16Array | Uint8Array | Int32Array | Float64Array | Int8Array;

export class ObjectTable {
  capacity: number;
  /** Type ids (objects/types.ts T): 16 bits, for the classes made at run time (ids recycled). */
  type: Uint16Array;
  flags: Uint8Array;
  refcnt: Int32Array;
  addr: Float64Array;
  n: Float64Array;
  cap: Float64Array;
  ptr: Float64Array;
  num: Float64Array;
  ref: Int32Array;
  /** Items-pool capacity of `ref` (list/tuple storage), 0 when none. */
  pcap: Int32Array;
  gen: Int8Array;
  gcNext: Int32Array;
  gcPrev: Int32Array;
  /** GC scratch (gc_refs) of the generation being collected; 0 for every handle between collections. */
  gcRefs: Int32Array;
  /** The `ptr` column's bytes: a short str's characters (objects/str.ts). */
  ptrBytes: Uint8Array;
  /** Per-object payload that does not fit a column (strings, bigints, dict tables...). Sparse. */
  side: unknown[] = [];
  /** Layout of each type id (set when a type is registered; Layout.All unless narrower). */
  readonly layoutOf = new Uint8Array(1 << 16);
  /** Layout of each block of handles. */
  private blockLayout = new Uint8Array(64);
  /** Blocks handed out so far. */
  private blocks = 0;
  /** Per layout: the next never-used handle of its current block, and that block's end. */
  private readonly cursor = new Int32Array(LAYOUTS);
  private readonly limit = new Int32Array(LAYOUTS);
  /** Per layout: released handles, reused last-in first-out. */
  private readonly freeHandles: Int32Array[] = [];
  private readonly nFree = new Int32Array(LAYOUTS);
  /** Handles in use (live objects, free-listed objects, static objects, GC list heads). */
  live = 0;
  /** Blocks handed out per layout (the simulator's memory budget charges each layout its own row size). */
  readonly layoutBlocks = new Int32Array(LAYOUTS);

  constructor(capacity = 1 << 16) {
    this.capacity = Math.max(BLOCK, capacity);
    const c = this.capacity;
    this.type = new Uint16Array(c);
    this.flags = new Uint8Array(c);
    this.refcnt = new Int32Array(c);
    this.addr = new Float64Array(c);
    this.n = new Float64Array(c);
    this.cap = new Float64Array(c);
    this.ptr = new Float64Array(c);
    this.num = new Float64Array(c);
    this.ref = new Int32Array(c);
    this.pcap = new Int32Array(c);
    this.gen = new Int8Array(c);
    this.gcNext = new Int32Array(c);
    this.gcPrev = new Int32Array(c);
    this.gcRefs = new Int32Array(c);
    this.ptrBytes = new Uint8Array(this.ptr.buffer);
    for (let l = 0; l < LAYOUTS; l++) this.freeHandles.push(new Int32Array(256));
  }

  /** A fresh handle with zeroed columns and refcount 1. */
  newHandle(type: number): number {
    const layout = this.layoutOf[type];
    let h: number;
    if (this.nFree[layout] > 0) {
      h = this.freeHandles[layout][--this.nFree[layout]];
      this.flags[h] = 0;
      this.addr[h] = 0;
      this.clearFields(h, layout);
    } else {
      // Never used: its columns are as the block was made (0, gen -1), so nothing is stored and
      // the pages of a column the object never uses are not faulted in.
      if (this.cursor[layout] === this.limit[layout]) this.newBlock(layout);
      h = this.cursor[layout]++;
    }
    this.type[h] = type;
    this.refcnt[h] = 1;
    this.live++;
    return h;
  }

  /**
   * Zero n, cap, ptr, num, ref and pcap of h (a new or reused object's fields), writing only the
   * columns its block's layout uses: the others are zero already and stay untouched.
   */
  clearFields(h: number, layout: Layout = this.blockLayout[h >> BLOCK_SHIFT]): void {
    if (layout === Layout.Tuple) {
      this.n[h] = 0;
      this.ref[h] = 0;
      this.pcap[h] = 0;
      return;
    }
    this.num[h] = 0;
    if (layout === Layout.Scalar) return;
    this.n[h] = 0;
    this.cap[h] = 0;
    this.ptr[h] = 0;
    this.ref[h] = 0;
    if (layout === Layout.All) this.pcap[h] = 0;
  }

  /**
   * HIGHWATER_DEBUG (runtime/debughandles.ts): released handles are never reused, so a stale one
   * stays dead (type 0) and its next incref/decref is caught.
   */
  quarantine = false;

  /** The handle is dead: its number may be reused (by an object of the same layout). */
  release(h: number): void {
    const layout = this.blockLayout[h >> BLOCK_SHIFT];
    // `side` is sparse, so V8 keeps it as a hash table (dictionary elements): a read costs a probe.
    // An exact int, float or bool has a side entry only as a big int (F_BIG).
    if ((layout !== Layout.Scalar || this.flags[h] & F_BIG) && this.side[h] !== undefined)
      this.side[h] = undefined;
    this.type[h] = 0;
    this.flags[h] = 0;
    if (this.quarantine) {
      this.refcnt[h] = 0;
      this.live--;
      return;
    }
    let free = this.freeHandles[layout];
    if (this.nFree[layout] === free.length) {
      const f = new Int32Array(free.length * 2);
      f.set(free);
      this.freeHandles[layout] = free = f;
    }
    free[this.nFree[layout]++] = h;
    this.live--;
  }

  /** Highest handle ever used + 1, rounded up to a block (GC walks and checks iterate up to it; type 0 = none). */
  get end(): number {
    return this.blocks << BLOCK_SHIFT;
  }

  /** Handles in the blocks handed out to `layout` (used or not yet). */
  rowsOf(layout: Layout): number {
    return this.layoutBlocks[layout] << BLOCK_SHIFT;
  }

  /** The layout a handle's block holds. */
  layoutAt(h: number): Layout {
    return this.blockLayout[h >> BLOCK_SHIFT] as Layout;
  }

  /** A block for `layout`: its gen column set to -1 (handle 0, NULL, is never handed out). */
  private newBlock(layout: Layout): void {
    const b = this.blocks;
    if ((b + 1) << BLOCK_SHIFT > this.capacity) this.grow();
    if (b === this.blockLayout.length) {
      const bl = new Uint8Array(b * 2);
      bl.set(this.blockLayout);
      this.blockLayout = bl;
    }
    this.blockLayout[b] = layout;
    this.blocks++;
    this.layoutBlocks[layout]++;
    const start = b << BLOCK_SHIFT;
    this.gen.fill(-1, start, start + BLOCK);
    this.cursor[layout] = b === 0 ? 1 : start;
    this.limit[layout] = start + BLOCK;
  }

  /**
   * Four times the handles (FIRST_GROW at the first grow), copying block by block only the columns the block's layout uses: a
   * fresh column is zeroed virtual memory whose pages cost only once written, so an int's block
   * never makes the n, cap, ptr, ref, pcap or collector columns resident.
   */
  private grow(): void {
    const n = Math.max(this.capacity * 4, FIRST_GROW);
    const fresh = {
      type: new Uint16Array(n),
      flags: new Uint8Array(n),
      refcnt: new Int32Array(n),
      addr: new Float64Array(n),
      n: new Float64Array(n),
      cap: new Float64Array(n),
      ptr: new Float64Array(n),
      num: new Float64Array(n),
      ref: new Int32Array(n),
      pcap: new Int32Array(n),
      gen: new Int8Array(n),
      gcNext: new Int32Array(n),
      gcPrev: new Int32Array(n),
      gcRefs: new Int32Array(n),
    };
    for (let b = 0; b < this.blocks; b++) {
      const lo = b << BLOCK_SHIFT;
      for (const c of LAYOUT_COLUMNS[this.blockLayout[b]]) {
        (fresh[c] as AnyColumn).set((this[c] as AnyColumn).subarray(lo, lo + BLOCK), lo);
      }
    }
    Object.assign(this, fresh);
    this.ptrBytes = new Uint8Array(this.ptr.buffer);
    this.capacity = n;
  }

  /**
   * The layout contract, for tests: every column a block's layout does not use is still zero
   * (a non-zero value there would be lost by the next grow). Returns the first offender or null.
   */
  checkLayouts(): string | null {
    for (let b = 0; b < this.blocks; b++) {
      const uses = LAYOUT_COLUMNS[this.blockLayout[b]];
      const lo = b << BLOCK_SHIFT;
      for (const c of ALL_COLUMNS) {
        if (uses.includes(c)) continue;
        const col = (this[c] as AnyColumn).subarray(lo, lo + BLOCK);
        for (let i = 0; i < BLOCK; i++)
          if (col[i] !== 0)
            return `handle ${lo + i} (type ${this.type[lo + i]}, layout ${this.blockLayout[b]}) wrote ${c}`;
      }
    }
    return null;
  }
}
