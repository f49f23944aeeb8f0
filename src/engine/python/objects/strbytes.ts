/**
 * The characters of mid-sized latin-1 strs (9 to 64 bytes), as bytes: the simulator's own storage,
 * not simulated memory (the str's PyObject_Malloc block is modelled by the allocators, with
 * CPython's size). One Uint8Array carved into 8-byte granules, a free stack per granule count;
 * a str's `ref` column holds its first granule. Shorter strs keep their bytes in their own `ptr`
 * column (8 bytes), longer ones and the rest (UCS-2/UCS-4, static strs) a JS string in `side`
 * (objects/str.ts). A JS string costs 16 bytes of header, 8 of `side` slot and a V8 object the
 * collector must trace; a million `str(i)` made 14–17% of the run V8 GC (perf-review §2.2).
 */
export const STR_BYTES_MAX = 64;
const GRANULE = 8;

export class StrBytes {
  data = new Uint8Array(1 << 16);
  /** Granule 0 is never handed out (ref 0 means "not here"). */
  private top = 1;
  private readonly free: Int32Array[] = [];
  private readonly nFree = new Int32Array(STR_BYTES_MAX / GRANULE + 1);
  /** Granules in use (tests and the cost notes). */
  used = 0;

  /** Granules for `bytes` bytes (9..64). */
  static granules(bytes: number): number {
    return (bytes + GRANULE - 1) >> 3;
  }

  /** The first granule of room for `bytes` bytes; its byte offset is granule × 8. */
  alloc(bytes: number): number {
    const g = StrBytes.granules(bytes);
    this.used += g;
    if (this.nFree[g] > 0) return this.free[g][--this.nFree[g]];
    if ((this.top + g) * GRANULE > this.data.length) {
      const d = new Uint8Array(this.data.length * 2);
      d.set(this.data.subarray(0, this.top * GRANULE));
      this.data = d;
    }
    const at = this.top;
    this.top += g;
    return at;
  }

  release(at: number, bytes: number): void {
    const g = StrBytes.granules(bytes);
    this.used -= g;
    let f = this.free[g];
    if (f === undefined) this.free[g] = f = new Int32Array(64);
    if (this.nFree[g] === f.length) {
      const b = new Int32Array(f.length * 2);
      b.set(f);
      this.free[g] = f = b;
    }
    f[this.nFree[g]++] = at;
  }
}
