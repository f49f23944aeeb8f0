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
 *   num    an int's value (when it is a safe JS integer), a float's value, an iterator's index
 *   ref    an items-pool offset, a run-length value handle, or another handle
 */
export const F_IMMORTAL = 1; // static (in the binary or interned at start-up): never freed, refcount ignored
export const F_TRACKED = 2; // in one of the GC generation lists
export const F_RLE = 4; // list items are `n` copies of handle `ref` (list_repeat of one item)
export const F_REACHABLE = 8; // GC scratch: reachable from outside the generation being collected (0 between collections)
export const F_WEAKREFD = 16; // has (had) weak references: its deallocation clears them first (objects/weaklist.ts)
export const F_FREELISTED = 32; // parked on a type's free list (dead for Python, memory kept)
export const F_BIG = 64; // int value lives in `side` as a bigint
export const F_HASHED = 128; // str: its hash was computed (a dict or set looked it up), so it can no longer grow in place

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
  /** Per-object payload that does not fit a column (strings, bigints, dict tables...). Sparse. */
  side: unknown[] = [];
  private freeHandles: Int32Array;
  private nFree = 0;
  /** Handles in use (live objects, free-listed objects, static objects, GC list heads). */
  live = 0;
  private next = 1;

  constructor(capacity = 1 << 12) {
    this.capacity = capacity;
    this.type = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.refcnt = new Int32Array(capacity);
    this.addr = new Float64Array(capacity);
    this.n = new Float64Array(capacity);
    this.cap = new Float64Array(capacity);
    this.ptr = new Float64Array(capacity);
    this.num = new Float64Array(capacity);
    this.ref = new Int32Array(capacity);
    this.pcap = new Int32Array(capacity);
    this.gen = new Int8Array(capacity).fill(-1);
    this.gcNext = new Int32Array(capacity);
    this.gcPrev = new Int32Array(capacity);
    this.gcRefs = new Int32Array(capacity);
    this.freeHandles = new Int32Array(256);
  }

  /** A fresh handle with zeroed columns and refcount 1. */
  newHandle(type: number): number {
    let h: number;
    if (this.nFree > 0) {
      h = this.freeHandles[--this.nFree];
      this.flags[h] = 0;
      this.addr[h] = 0;
      this.n[h] = 0;
      this.cap[h] = 0;
      this.ptr[h] = 0;
      this.num[h] = 0;
      this.ref[h] = 0;
      this.pcap[h] = 0;
      this.gen[h] = -1;
    } else {
      // Never used: its columns are as they were made (0, gen -1), so nine stores are spared and
      // the pages of a column the object never uses are not faulted in.
      if (this.next === this.capacity) this.grow();
      h = this.next++;
    }
    this.type[h] = type;
    this.refcnt[h] = 1;
    this.live++;
    return h;
  }

  /** The handle is dead: its number may be reused. */
  release(h: number): void {
    this.type[h] = 0;
    this.flags[h] = 0;
    if (this.side[h] !== undefined) this.side[h] = undefined;
    if (this.nFree === this.freeHandles.length) {
      const f = new Int32Array(this.freeHandles.length * 2);
      f.set(this.freeHandles);
      this.freeHandles = f;
    }
    this.freeHandles[this.nFree++] = h;
    this.live--;
  }

  /** Highest handle ever used + 1 (GC walks and checks iterate up to it). */
  get end(): number {
    return this.next;
  }

  /**
   * Four times the handles: a fresh column's pages cost only once written (the unused tail is
   * never faulted in), while every grow writes the old contents again. Doubling faulted in and
   * copied about twice the final table (67 bytes a handle); on the seed this grows 30 MB less.
   */
  private grow(): void {
    const n = this.capacity * 4;
    const g = <T extends { length: number; set(a: ArrayLike<number>): void }>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(n);
      b.set(a as unknown as ArrayLike<number>);
      return b;
    };
    this.type = g(this.type, (k) => new Uint16Array(k));
    this.flags = g(this.flags, (k) => new Uint8Array(k));
    this.refcnt = g(this.refcnt, (k) => new Int32Array(k));
    this.addr = g(this.addr, (k) => new Float64Array(k));
    this.n = g(this.n, (k) => new Float64Array(k));
    this.cap = g(this.cap, (k) => new Float64Array(k));
    this.ptr = g(this.ptr, (k) => new Float64Array(k));
    this.num = g(this.num, (k) => new Float64Array(k));
    this.ref = g(this.ref, (k) => new Int32Array(k));
    this.pcap = g(this.pcap, (k) => new Int32Array(k));
    const gen = new Int8Array(n).fill(-1);
    gen.set(this.gen);
    this.gen = gen;
    this.gcNext = g(this.gcNext, (k) => new Int32Array(k));
    this.gcPrev = g(this.gcPrev, (k) => new Int32Array(k));
    this.gcRefs = g(this.gcRefs, (k) => new Int32Array(k));
    this.capacity = n;
  }
}
