import type { BitGen } from './bitgen';
import { FI, KI, WI, ZIGGURAT_R } from './zigguratTables';

/**
 * The distributions of numpy/random/src/distributions (1.24) the simulator offers, as NumPy
 * draws them from a bit generator (so a seed gives NumPy's numbers):
 *  - random_standard_normal: the 256-layer ziggurat on 64-bit draws (low byte the layer, next
 *    bit the sign, 52 bits the magnitude), the tail by Marsaglia's exponential method;
 *  - bounded integers: Lemire's multiply-shift with rejection (Generator), or the masked
 *    rejection loop (RandomState's legacy `use_masked`), in 32 bits when the range fits.
 */
const ZIGGURAT_INV_R = 1 / ZIGGURAT_R;

export function standardNormal(g: BitGen): number {
  const u = { hi: 0, lo: 0 };
  for (;;) {
    g.next64(u);
    const idx = u.lo & 0xff;
    const sign = (u.lo >>> 8) & 1;
    // rabs = (r >> 9) & (2^52 - 1), from the two 32-bit halves
    const hi = u.hi >>> 9;
    const lo = ((u.lo >>> 9) | ((u.hi & 0x1ff) << 23)) >>> 0;
    const rabs = (hi & 0xfffff) * 4294967296 + lo;
    let x = rabs * WI[idx];
    if (sign) x = -x;
    if (rabs < KI[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -ZIGGURAT_INV_R * Math.log1p(-g.nextDouble());
        const yy = -Math.log1p(-g.nextDouble());
        if (yy + yy > xx * xx) return (rabs / 256) % 2 >= 1 ? -(ZIGGURAT_R + xx) : ZIGGURAT_R + xx;
      }
    }
    if ((FI[idx - 1] - FI[idx]) * g.nextDouble() + FI[idx] < Math.exp(-0.5 * x * x)) return x;
  }
}

/** The 64-bit product a·b of two values below 2^32, as its high and low 32-bit words (exact). */
function mul32(a: number, b: number, out: { hi: number; lo: number }): void {
  const t1 = a * (b & 0xffff);
  const t2 = a * Math.floor(b / 65536);
  const s = t1 + (t2 % 65536) * 65536;
  out.hi = Math.floor(t2 / 65536) + Math.floor(s / 4294967296);
  out.lo = s % 4294967296;
}

/** buffered_bounded_lemire_uint32: a value in [0, rng] from next_uint32 (rng < 2^32 − 1). */
function lemire32(g: BitGen, rng: number): number {
  const rngExcl = rng + 1;
  const m = { hi: 0, lo: 0 };
  mul32(g.next32(), rngExcl, m);
  if (m.lo < rngExcl) {
    const threshold = (4294967295 - rng) % rngExcl;
    while (m.lo < threshold) mul32(g.next32(), rngExcl, m);
  }
  return m.hi;
}

/** bounded_lemire_uint64 (128-bit product, with bigints): a value in [0, rng]. */
function lemire64(g: BitGen, rng: bigint): bigint {
  const u = { hi: 0, lo: 0 };
  const rngExcl = rng + 1n;
  const draw = (): bigint => {
    g.next64(u);
    return (BigInt(u.hi) << 32n) | BigInt(u.lo);
  };
  let m = draw() * rngExcl;
  let leftover = m & 0xffffffffffffffffn;
  if (leftover < rngExcl) {
    const threshold = (0xffffffffffffffffn - rng) % rngExcl;
    while (leftover < threshold) {
      m = draw() * rngExcl;
      leftover = m & 0xffffffffffffffffn;
    }
  }
  return m >> 64n;
}

/** gen_mask: the smallest all-ones mask covering rng. */
function genMask(rng: bigint): bigint {
  let m = rng;
  for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) m |= m >> s;
  return m;
}

/**
 * The buffered draws of the narrow types (buffered_uint8 / buffered_uint16 / buffered_bool):
 * one next_uint32 serves 4 bytes, 2 halves or 32 bits, consumed from the low end; the buffer
 * lives for one fill call.
 */
class NarrowDraws {
  private buf = 0;
  private left = 0;

  constructor(
    private readonly g: BitGen,
    private readonly bits: 1 | 8 | 16,
  ) {}

  next(): number {
    if (this.left === 0) {
      this.buf = this.g.next32();
      this.left = 32 / this.bits - 1;
    } else {
      this.buf = Math.floor(this.buf / 2 ** this.bits);
      this.left--;
    }
    return this.buf % 2 ** this.bits;
  }
}

/** buffered_bounded_lemire_uint8/16: the same multiply-shift in 8 or 16 bits. */
function lemireNarrow(d: NarrowDraws, rng: number, bits: 8 | 16): number {
  const rngExcl = rng + 1;
  const full = 2 ** bits;
  let m = d.next() * rngExcl;
  if (m % full < rngExcl) {
    const threshold = (full - 1 - rng) % rngExcl;
    while (m % full < threshold) m = d.next() * rngExcl;
  }
  return Math.floor(m / full);
}

/**
 * random_bounded_uint{8,16,32,64}_fill and random_bounded_bool_fill: `n` integers off + [0, rng]
 * (rng = high − low − 1 for an open interval) for an item of `bits` bits (1: bool). `masked`:
 * RandomState's legacy rejection on the draw & mask; else Lemire's method. Bytes, halves and
 * bools come out of buffered 32-bit draws; 32 bits and 64-bit ranges that fit use next_uint32.
 */
export function boundedIntegers(
  g: BitGen,
  off: number,
  rng: bigint,
  n: number,
  masked: boolean,
  bits: 1 | 8 | 16 | 32 | 64 = 64,
): Float64Array {
  const out = new Float64Array(n);
  if (rng === 0n) return out.fill(off);
  if (bits === 1 || bits === 8 || bits === 16) {
    const d = new NarrowDraws(g, bits);
    const r = Number(rng);
    if (bits === 1) for (let i = 0; i < n; i++) out[i] = d.next();
    else if (r === 2 ** bits - 1) for (let i = 0; i < n; i++) out[i] = off + d.next();
    else if (masked) {
      const mask = Number(genMask(rng));
      for (let i = 0; i < n; i++) {
        let v: number;
        do v = d.next() & mask;
        while (v > r);
        out[i] = off + v;
      }
    } else for (let i = 0; i < n; i++) out[i] = off + lemireNarrow(d, r, bits);
    return out;
  }
  if (rng <= 0xffffffffn) {
    const r = Number(rng);
    if (r === 0xffffffff) for (let i = 0; i < n; i++) out[i] = off + g.next32();
    else if (masked) {
      const mask = Number(genMask(rng));
      for (let i = 0; i < n; i++) {
        let v: number;
        do v = (g.next32() & mask) >>> 0;
        while (v > r);
        out[i] = off + v;
      }
    } else for (let i = 0; i < n; i++) out[i] = off + lemire32(g, r);
    return out;
  }
  const u = { hi: 0, lo: 0 };
  const mask = genMask(rng);
  for (let i = 0; i < n; i++) {
    let v: bigint;
    if (masked)
      do {
        g.next64(u);
        v = ((BigInt(u.hi) << 32n) | BigInt(u.lo)) & mask;
      } while (v > rng);
    else v = lemire64(g, rng);
    out[i] = off + Number(v);
  }
  return out;
}
