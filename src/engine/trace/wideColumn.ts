/** 2^31: a packed entry at or above it is 2^31 + an index into the wide values. */
export const WIDE = 0x80000000;

/** The side column of doubles both packed columns spill into (appended only, doubled when full). */
export class WideValues {
  private values = new Float64Array(64);
  count = 0;

  get(k: number): number {
    return this.values[k];
  }

  /** Keep `v`; the packed entry to store for it (2^31 + its index). */
  push(v: number): number {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = v;
    return WIDE + this.count++;
  }
}

/**
 * What both packed event columns share: 4-byte entries, values that do not pack kept in `wide`,
 * and the reads built on `get` (a window of entries for the page, the side column's size).
 */
export abstract class PackedColumn {
  /** The packed entries; 2^31 + an index in `wide` for the values kept there. */
  packed: Uint32Array;
  protected readonly wide = new WideValues();

  constructor(packed: Uint32Array) {
    this.packed = packed;
  }

  abstract get(i: number): number;
  abstract set(i: number, v: number): void;

  /** Entries [from, to) as doubles (a window sent to the page). */
  slice(from: number, to: number): Float64Array {
    const out = new Float64Array(Math.max(0, to - from));
    for (let i = from; i < to; i++) out[i - from] = this.get(i);
    return out;
  }

  /** Entries the side column holds (values the packed form cannot hold). */
  get wideEntries(): number {
    return this.wide.count;
  }
}

/**
 * An event column of numbers in 4 bytes an entry where they fit. Nearly every `size` and `aux` of
 * an event is a whole number under 2^31 (a request, a pymalloc block size, a statement index, 0);
 * the others (realloc's old pointer, brk/mmap addresses, requests of 2 GiB or more, anything
 * negative or fractional) are kept exactly in a side column of doubles and the packed entry
 * points there. Against a Float64Array this halves the column: the seed's 8 M events write 64 MB
 * less, and on this VM a first touch of a 4 KiB page costs ~10–18 µs (perf-7: 8 M events into
 * 25-byte rows, 0.9 s CPU and 50 K minor faults in node 20, nearly all of it the faults).
 *
 * The log only appends, so an entry is written once; `packed` is replaced by its owner when the
 * log's buffers grow by copying (EventLog.grow). Entries under 2^31 are as they are; the others
 * 2^31 + their index in `wide`.
 */
export class WideColumn extends PackedColumn {
  get(i: number): number {
    const v = this.packed[i];
    return v < WIDE ? v : this.wide.get(v - WIDE);
  }

  set(i: number, v: number): void {
    // `v >>> 0 === v`: a whole number in [0, 2^32) (NaN, fractions and negatives fail; -0 reads back as 0)
    if (v >>> 0 === v && v < WIDE) {
      this.packed[i] = v;
      return;
    }
    this.packed[i] = this.wide.push(v);
  }
}
