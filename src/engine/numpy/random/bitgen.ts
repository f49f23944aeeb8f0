/**
 * NumPy 1.24's bit generators, written for the simulator from the algorithms' published
 * descriptions and held to Debian's python3-numpy by tests (the same seed gives the same numbers):
 *  - SeedSequence (O'Neill's seed_seq hashing: a 4-word pool, then generate_state);
 *  - PCG64 (128-bit LCG, multiplier 0x2360ED051FC65DA44385DF649FCCF645, XSL-RR output; seeded
 *    from SeedSequence.generate_state(4, uint64); 32-bit draws split one 64-bit draw, low half first);
 *  - MT19937 (the legacy RandomState: init_genrand seeding, 53-bit doubles from two draws).
 */

/** The common interface of the distributions (bitgen_t): 64-bit draws as two 32-bit halves. */
export interface BitGen {
  /** next_uint64: fills hi and lo (uint32 each). */
  next64(out: { hi: number; lo: number }): void;
  next32(): number;
  nextDouble(): number;
}

const M32 = 0xffffffff;

/** SeedSequence(entropy).generate_state(n, uint32) for a non-negative integer entropy. */
export function seedWords(entropy: bigint, n: number): Uint32Array {
  const ent: number[] = [];
  let e = entropy;
  do {
    ent.push(Number(e & BigInt(M32)));
    e >>= 32n;
  } while (e > 0n);
  let hc = 0x43b0d7e5;
  const hashmix = (v: number): number => {
    v = (v ^ hc) >>> 0;
    hc = Math.imul(hc, 0x931e8875) >>> 0;
    v = Math.imul(v, hc) >>> 0;
    return (v ^ (v >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(0xca01f9dd, x) - Math.imul(0x4973f715, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) pool[i] = hashmix(i < ent.length ? ent[i] : 0);
  for (let s = 0; s < 4; s++)
    for (let d = 0; d < 4; d++) if (s !== d) pool[d] = mix(pool[d], hashmix(pool[s]));
  for (let s = 4; s < ent.length; s++) for (let d = 0; d < 4; d++) pool[d] = mix(pool[d], hashmix(ent[s]));
  const out = new Uint32Array(n);
  let h = 0x8b51f9dd;
  for (let i = 0; i < n; i++) {
    let v = (pool[i % 4] ^ h) >>> 0;
    h = Math.imul(h, 0x58f38ded) >>> 0;
    v = Math.imul(v, h) >>> 0;
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}

/** The PCG64 multiplier as eight 16-bit limbs, least significant first. */
const MULT = [0xf645, 0x9fcc, 0xdf64, 0x4385, 0x5da4, 0x1fc6, 0xed05, 0x2360];

/** PCG64 with its 128-bit state and increment as eight 16-bit limbs (products stay exact doubles). */
export class PCG64 implements BitGen {
  private state = new Array<number>(8).fill(0);
  private inc = new Array<number>(8).fill(0);
  private hasUint32 = false;
  private uinteger = 0;
  private readonly tmp = { hi: 0, lo: 0 };
  private readonly product = new Float64Array(8);

  /** pcg64_set_seed from SeedSequence(seed).generate_state(4, uint64): seed = w0:w1, inc = w2:w3. */
  constructor(seed: bigint) {
    const w = seedWords(seed, 8);
    // uint64 i = w[2i] | w[2i+1] << 32; the 128-bit numbers are (u0 << 64 | u1) and (u2 << 64 | u3)
    const limbs = (hiWordLo: number, hiWordHi: number, loWordLo: number, loWordHi: number): number[] => [
      loWordLo & 0xffff,
      loWordLo >>> 16,
      loWordHi & 0xffff,
      loWordHi >>> 16,
      hiWordLo & 0xffff,
      hiWordLo >>> 16,
      hiWordHi & 0xffff,
      hiWordHi >>> 16,
    ];
    const initstate = limbs(w[0], w[1], w[2], w[3]);
    const initseq = limbs(w[4], w[5], w[6], w[7]);
    // pcg_setseq_128_srandom_r: state = 0, inc = initseq << 1 | 1, step, state += initstate, step
    let carry = 1;
    for (let i = 0; i < 8; i++) {
      const v = initseq[i] * 2 + carry;
      this.inc[i] = v & 0xffff;
      carry = v >>> 16;
    }
    this.step();
    this.add(this.state, initstate);
    this.step();
  }

  private add(a: number[], b: readonly number[]): void {
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const v = a[i] + b[i] + carry;
      a[i] = v & 0xffff;
      carry = v >>> 16;
    }
  }

  /** state = state · MULT + inc (mod 2^128). */
  private step(): void {
    const s = this.state;
    // a scratch product kept between steps: a new array per draw made 18.75M draws cost ~12 s
    const r = this.product;
    r.fill(0);
    for (let i = 0; i < 8; i++) {
      const si = s[i];
      if (si === 0) continue;
      for (let j = 0; j + i < 8; j++) r[i + j] += si * MULT[j];
    }
    let carry = 0;
    for (let k = 0; k < 8; k++) {
      const v = r[k] + carry;
      s[k] = v % 65536;
      carry = Math.floor(v / 65536);
    }
    this.add(s, this.inc);
  }

  /** pcg64_next64: step, then XSL-RR of the new state. */
  next64(out: { hi: number; lo: number }): void {
    this.step();
    const s = this.state;
    const hi = (((s[7] << 16) | s[6]) ^ ((s[3] << 16) | s[2])) >>> 0;
    const lo = (((s[5] << 16) | s[4]) ^ ((s[1] << 16) | s[0])) >>> 0;
    let rot = s[7] >>> 10;
    let h = hi;
    let l = lo;
    if (rot >= 32) {
      [h, l] = [l, h];
      rot -= 32;
    }
    if (rot === 0) {
      out.hi = h;
      out.lo = l;
    } else {
      out.hi = ((h >>> rot) | (l << (32 - rot))) >>> 0;
      out.lo = ((l >>> rot) | (h << (32 - rot))) >>> 0;
    }
  }

  /** pcg64_next32: one 64-bit draw serves two calls, its low half first. */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64(this.tmp);
    this.hasUint32 = true;
    this.uinteger = this.tmp.hi;
    return this.tmp.lo;
  }

  /** (next_uint64 >> 11) · 2^-53. */
  nextDouble(): number {
    this.next64(this.tmp);
    return (this.tmp.hi * 2097152 + (this.tmp.lo >>> 11)) / 9007199254740992;
  }
}

/** The legacy MT19937 of RandomState (numpy/random/src/mt19937, randomkit). */
export class MT19937 implements BitGen {
  private readonly key = new Uint32Array(624);
  private pos = 624;
  /** legacy_gauss's cached second value. */
  hasGauss = false;
  gauss = 0;
  private readonly tmp = { hi: 0, lo: 0 };

  constructor(seed = 0) {
    this.seed(seed);
  }

  /** mt19937_seed: key[i+1] = 1812433253 · (key[i] ^ key[i] >> 30) + i + 1; the gauss cache cleared. */
  seed(s: number): void {
    let v = s >>> 0;
    for (let i = 0; i < 624; i++) {
      this.key[i] = v;
      v = (Math.imul(1812433253, (v ^ (v >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = 624;
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** mt19937_gen: the twist of all 624 words. */
  private twist(): void {
    const k = this.key;
    const UPPER = 0x80000000;
    const LOWER = 0x7fffffff;
    const MATRIX_A = 0x9908b0df;
    let i = 0;
    let y: number;
    for (; i < 624 - 397; i++) {
      y = (k[i] & UPPER) | (k[i + 1] & LOWER);
      k[i] = k[i + 397] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < 623; i++) {
      y = (k[i] & UPPER) | (k[i + 1] & LOWER);
      k[i] = k[i + 397 - 624] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (k[623] & UPPER) | (k[0] & LOWER);
    k[623] = k[396] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  next32(): number {
    if (this.pos === 624) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  next64(out: { hi: number; lo: number }): void {
    out.hi = this.next32();
    out.lo = this.next32();
  }

  /** mt19937_next_double: (a >> 5) · 2^26 + (b >> 6), over 2^53. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** legacy_gauss: Marsaglia's polar method, the second value cached. */
  legacyGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const t = this.gauss;
      this.gauss = 0;
      return t;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** The 624-word key (for get_state). */
  get state(): Uint32Array {
    return this.key;
  }
  get position(): number {
    return this.pos;
  }
  unused(): { hi: number; lo: number } {
    return this.tmp;
  }
}
