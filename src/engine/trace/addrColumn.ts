import { PackedColumn, WIDE } from './wideColumn';

/** An address window: 2 GiB, so 16-byte granules inside one are 27 bits. */
const WINDOW = 0x80000000;
/** Windows an address column tells apart by a 4-bit index in the packed entry. */
const WINDOWS = 16;
const OFFSET_MASK = 0x7ffffff;

/**
 * The event log's address column in 4 bytes an event where it can (perf-11; perf-7 did `size` and
 * `aux` the same way: wideColumn.ts). An event's address is nearly always a pointer glibc or
 * pymalloc returned, freed or mapped — 16-byte aligned (MALLOC_ALIGNMENT, pymalloc's ALIGNMENT) —
 * and a run's pointers sit in a few places of the 47-bit space (the brk heap near the program, the
 * mmap area under the stack). So a packed entry holds a window number (4 bits, the first 16
 * distinct 2 GiB windows of the run) and the 16-byte granule inside it (27 bits); anything else
 * (an address not 16-aligned, a 17th window, a fraction, past 2^53) goes exactly into a side
 * column of doubles and the entry is 2^31 + its index there. Against a Float64Array this halves
 * the column: the first seed's 8 M events write 32 MB less (8 K fewer first touches of a page,
 * ~10–18 µs each on this VM).
 *
 * The log only appends, so an entry is written once; `packed` is replaced by its owner when the
 * log's buffers grow by copying (EventLog.grow). Entries are (window index << 27 | granule), or
 * 2^31 + their index in `wide`.
 */
export class AddrColumn extends PackedColumn {
  /** Each window's first address (a multiple of 2^31). */
  private readonly bases = new Float64Array(WINDOWS);
  private windows = 0;
  /** The last two windows looked up (number = address / 2^31, rounded down) and their indices. */
  private lastHi = NaN;
  private lastWindow = -1;
  private prevHi = NaN;
  private prevWindow = -1;

  get(i: number): number {
    const v = this.packed[i];
    return v < WIDE ? this.bases[v >>> 27] + (v & OFFSET_MASK) * 16 : this.wide.get(v - WIDE);
  }

  set(i: number, v: number): void {
    // the window by a division (exact: a power of two) and a floor, not `v % WINDOW` (a call to fmod
    // in V8: the seed's 8 M events paid it in the first run). `low >>> 0 === low`: low is whole
    // (NaN, ±Infinity and fractions fail); a negative address lands in a negative window, exactly;
    // `low < WINDOW`: a tiny negative rounds to -2^31 + 2^31 (fast-check found -5.3e-315)
    const hi = Math.floor(v / WINDOW);
    const low = v - hi * WINDOW;
    if (low >>> 0 === low && low < WINDOW && (low & 15) === 0 && v <= Number.MAX_SAFE_INTEGER) {
      // events alternate between two windows (pymalloc's arenas under the stack, glibc's brk heap)
      const w =
        hi === this.lastHi ? this.lastWindow : hi === this.prevHi ? this.prevWindow : this.windowOf(hi);
      if (w >= 0) {
        this.packed[i] = (w << 27) | (low >>> 4);
        return;
      }
    }
    this.packed[i] = this.wide.push(v);
  }

  /** The index of window `hi` (a new one while there is room), or -1; it becomes the last one seen. */
  private windowOf(hi: number): number {
    const base = hi * WINDOW;
    let w = 0;
    while (w < this.windows && this.bases[w] !== base) w++;
    if (w === this.windows) {
      if (w === WINDOWS) return -1;
      this.bases[w] = base;
      this.windows++;
    }
    this.prevHi = this.lastHi;
    this.prevWindow = this.lastWindow;
    this.lastHi = hi;
    this.lastWindow = w;
    return w;
  }
}
