import type { Digest } from './digests';

/**
 * BLAKE2b and BLAKE2s (RFC 7693), written for Highwater from the RFC: hashlib.blake2b/blake2s
 * with digest_size, key, salt and person. BLAKE2b's 64-bit words are (lo, hi) pairs of 32-bit
 * halves in a Uint32Array.
 */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/** The SHA-256 IV (BLAKE2s) and the SHA-512 IV as (lo, hi) pairs (BLAKE2b). */
const IV32 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const IV64 = Uint32Array.from([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a, 0xade682d1,
  0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

export interface Blake2Params {
  digestSize: number;
  key: Uint8Array;
  salt: Uint8Array;
  person: Uint8Array;
}

const le32 = (b: Uint8Array, o: number): number =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

export class Blake2 implements Digest {
  readonly blockSize: number;
  readonly digestSize: number;
  private readonly wide: boolean;
  private h: Uint32Array;
  private buf: Uint8Array;
  private bufLen = 0;
  private t = 0;

  constructor(
    readonly name: 'blake2b' | 'blake2s',
    p: Blake2Params,
  ) {
    this.wide = name === 'blake2b';
    this.blockSize = this.wide ? 128 : 64;
    this.digestSize = p.digestSize;
    this.buf = new Uint8Array(this.blockSize);
    // the parameter block xored into the IV: digest length, key length, fanout 1, depth 1; salt, person
    const param = new Uint8Array(this.wide ? 64 : 32);
    param[0] = p.digestSize;
    param[1] = p.key.length;
    param[2] = 1;
    param[3] = 1;
    param.set(p.salt, this.wide ? 32 : 16);
    param.set(p.person, this.wide ? 48 : 24);
    this.h = this.wide ? IV64.slice() : Uint32Array.from(IV32);
    for (let i = 0; i < this.h.length; i++) this.h[i] ^= le32(param, 4 * i);
    if (p.key.length) {
      const block = new Uint8Array(this.blockSize);
      block.set(p.key);
      this.update(block);
    }
  }

  update(data: Uint8Array): void {
    for (let i = 0; i < data.length;) {
      // a full buffer is compressed only once more data comes: the last block is final()'s
      if (this.bufLen === this.blockSize) {
        this.t += this.blockSize;
        this.compress(this.buf, false);
        this.bufLen = 0;
      }
      const take = Math.min(this.blockSize - this.bufLen, data.length - i);
      this.buf.set(data.subarray(i, i + take), this.bufLen);
      this.bufLen += take;
      i += take;
    }
  }

  copy(): Digest {
    const c = Object.create(Blake2.prototype) as Blake2;
    Object.assign(c, this, { h: this.h.slice(), buf: this.buf.slice() });
    return c;
  }

  digest(): Uint8Array {
    const c = this.copy() as Blake2;
    c.t += c.bufLen;
    c.buf.fill(0, c.bufLen);
    c.compress(c.buf, true);
    const out = new Uint8Array(this.digestSize);
    for (let i = 0; i < out.length; i++) out[i] = (c.h[i >> 2] >>> (8 * (i & 3))) & 0xff;
    return out;
  }

  private compress(block: Uint8Array, last: boolean): void {
    if (this.wide) this.compress64(block, last);
    else this.compress32(block, last);
  }

  private compress32(block: Uint8Array, last: boolean): void {
    const m = new Uint32Array(16);
    for (let i = 0; i < 16; i++) m[i] = le32(block, 4 * i);
    const v = new Uint32Array(16);
    v.set(this.h);
    v.set(IV32, 8);
    v[12] ^= this.t >>> 0;
    v[13] ^= Math.floor(this.t / 2 ** 32);
    if (last) v[14] = ~v[14];
    const ror = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
    const g = (a: number, b: number, c: number, d: number, x: number, y: number): void => {
      v[a] = v[a] + v[b] + x;
      v[d] = ror(v[d] ^ v[a], 16);
      v[c] = v[c] + v[d];
      v[b] = ror(v[b] ^ v[c], 12);
      v[a] = v[a] + v[b] + y;
      v[d] = ror(v[d] ^ v[a], 8);
      v[c] = v[c] + v[d];
      v[b] = ror(v[b] ^ v[c], 7);
    };
    for (let r = 0; r < 10; r++) {
      const s = SIGMA[r];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) this.h[i] ^= v[i] ^ v[i + 8];
  }

  private compress64(block: Uint8Array, last: boolean): void {
    const m = new Uint32Array(32);
    for (let i = 0; i < 32; i++) m[i] = le32(block, 4 * i);
    const v = new Uint32Array(32);
    v.set(this.h);
    v.set(IV64, 16);
    v[24] ^= this.t >>> 0;
    v[25] ^= Math.floor(this.t / 2 ** 32);
    if (last) {
      v[28] = ~v[28];
      v[29] = ~v[29];
    }
    // v[k] += v[j] + (x0, x1) on (lo, hi) pairs
    const add = (k: number, j: number, x0: number, x1: number): void => {
      const lo = v[k] + v[j] + x0;
      v[k + 1] = v[k + 1] + v[j + 1] + x1 + Math.floor(lo / 2 ** 32);
      v[k] = lo;
    };
    const xorRot = (k: number, j: number, n: number): void => {
      const lo = v[k] ^ v[j];
      const hi = v[k + 1] ^ v[j + 1];
      if (n === 32) {
        v[k] = hi;
        v[k + 1] = lo;
      } else if (n < 32) {
        v[k] = (lo >>> n) | (hi << (32 - n));
        v[k + 1] = (hi >>> n) | (lo << (32 - n));
      } else {
        // 63: a rotation left by one
        v[k] = (lo << 1) | (hi >>> 31);
        v[k + 1] = (hi << 1) | (lo >>> 31);
      }
    };
    const g = (a: number, b: number, c: number, d: number, x: number, y: number): void => {
      a *= 2;
      b *= 2;
      c *= 2;
      d *= 2;
      add(a, b, m[2 * x], m[2 * x + 1]);
      xorRot(d, a, 32);
      add(c, d, 0, 0);
      xorRot(b, c, 24);
      add(a, b, m[2 * y], m[2 * y + 1]);
      xorRot(d, a, 16);
      add(c, d, 0, 0);
      xorRot(b, c, 63);
    };
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10];
      g(0, 4, 8, 12, s[0], s[1]);
      g(1, 5, 9, 13, s[2], s[3]);
      g(2, 6, 10, 14, s[4], s[5]);
      g(3, 7, 11, 15, s[6], s[7]);
      g(0, 5, 10, 15, s[8], s[9]);
      g(1, 6, 11, 12, s[10], s[11]);
      g(2, 7, 8, 13, s[12], s[13]);
      g(3, 4, 9, 14, s[14], s[15]);
    }
    for (let i = 0; i < 16; i++) this.h[i] ^= v[i] ^ v[i + 16];
  }
}
