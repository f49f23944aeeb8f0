/**
 * The message digests hashlib answers with, written for Highwater from their specifications
 * (RFC 1321 MD5, FIPS 180-4 SHA-1/SHA-2, RFC 7693 BLAKE2b) so a script's `hexdigest()` prints
 * what CPython prints: the engine runs in the browser and cannot call OpenSSL or Node's crypto.
 * Each is incremental (update over chunks, then a digest of a copy), as EVP_DigestUpdate /
 * EVP_DigestFinal are used by _hashopenssl.c. 64-bit words (SHA-512, BLAKE2b) are pairs of 32-bit
 * halves: BigInt would make a 1 MB hash take seconds.
 */
export interface Digest {
  readonly name: string;
  readonly digestSize: number;
  readonly blockSize: number;
  update(data: Uint8Array): void;
  /** The digest of what was fed so far; the state is left as it was (a copy is finalised). */
  digest(): Uint8Array;
  copy(): Digest;
}

/** The Merkle–Damgård framing the MD5/SHA families share: a block buffer and a byte count. */
abstract class BlockDigest implements Digest {
  protected buf: Uint8Array;
  protected bufLen = 0;
  protected total = 0;
  abstract readonly name: string;
  abstract readonly digestSize: number;
  constructor(readonly blockSize: number) {
    this.buf = new Uint8Array(blockSize);
  }
  protected abstract compress(block: Uint8Array, off: number): void;
  protected abstract output(): Uint8Array;
  protected abstract clone(): BlockDigest;
  /** Length field: little-endian for MD5, big-endian otherwise; 8 or 16 bytes. */
  protected abstract readonly littleEndian: boolean;

  update(data: Uint8Array): void {
    let i = 0;
    this.total += data.length;
    if (this.bufLen > 0) {
      const take = Math.min(data.length, this.blockSize - this.bufLen);
      this.buf.set(data.subarray(0, take), this.bufLen);
      this.bufLen += take;
      i = take;
      if (this.bufLen < this.blockSize) return;
      this.compress(this.buf, 0);
      this.bufLen = 0;
    }
    for (; i + this.blockSize <= data.length; i += this.blockSize) this.compress(data, i);
    this.buf.set(data.subarray(i), 0);
    this.bufLen = data.length - i;
  }

  copy(): Digest {
    const c = this.clone();
    c.buf.set(this.buf);
    c.bufLen = this.bufLen;
    c.total = this.total;
    return c;
  }

  digest(): Uint8Array {
    const c = this.copy() as BlockDigest;
    const lenBytes = this.blockSize === 128 ? 16 : 8;
    const bits = c.total * 8;
    const pad = new Uint8Array(
      ((c.bufLen + 1 + lenBytes + this.blockSize - 1) & ~(this.blockSize - 1)) - c.bufLen,
    );
    pad[0] = 0x80;
    const hi = Math.floor(bits / 2 ** 32);
    const lo = bits >>> 0;
    const n = pad.length;
    for (let k = 0; k < 4; k++) {
      if (this.littleEndian) {
        pad[n - 8 + k] = (lo >>> (8 * k)) & 0xff;
        pad[n - 4 + k] = (hi >>> (8 * k)) & 0xff;
      } else {
        pad[n - 1 - k] = (lo >>> (8 * k)) & 0xff;
        pad[n - 5 - k] = (hi >>> (8 * k)) & 0xff;
      }
    }
    c.total -= n; // the padding is not message
    c.update(pad);
    return c.output();
  }
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_v, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

class Md5 extends BlockDigest {
  readonly name = 'md5';
  readonly digestSize = 16;
  protected readonly littleEndian = true;
  private h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  private w = new Int32Array(16);
  constructor() {
    super(64);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++)
      w[i] =
        b[off + 4 * i] | (b[off + 4 * i + 1] << 8) | (b[off + 4 * i + 2] << 16) | (b[off + 4 * i + 3] << 24);
    let [a, bb, c, d] = this.h;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (bb & c) | (~bb & d);
        g = i;
      } else if (i < 32) {
        f = (d & bb) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = bb ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (bb | ~d);
        g = (7 * i) & 15;
      }
      const t = d;
      d = c;
      c = bb;
      bb = (bb + rotl((a + f + MD5_K[i] + w[g]) | 0, MD5_S[(i >> 4) * 4 + (i & 3)])) | 0;
      a = t;
    }
    this.h = [(this.h[0] + a) | 0, (this.h[1] + bb) | 0, (this.h[2] + c) | 0, (this.h[3] + d) | 0];
  }
  protected output(): Uint8Array {
    const out = new Uint8Array(16);
    this.h.forEach((v, i) => {
      for (let k = 0; k < 4; k++) out[4 * i + k] = (v >>> (8 * k)) & 0xff;
    });
    return out;
  }
  protected clone(): BlockDigest {
    const c = new Md5();
    c.h = [...this.h];
    return c;
  }
}

/** Big-endian words out. */
function wordsOut(h: readonly number[], bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = (h[i >> 2] >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}

const readBE = (b: Uint8Array, o: number): number =>
  (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];

class Sha1 extends BlockDigest {
  readonly name = 'sha1';
  readonly digestSize = 20;
  protected readonly littleEndian = false;
  private h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  private w = new Int32Array(80);
  constructor() {
    super(64);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = readBE(b, off + 4 * i);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, bb, c, d, e] = this.h;
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20
          ? (bb & c) | (~bb & d)
          : i < 40
            ? bb ^ c ^ d
            : i < 60
              ? (bb & c) | (bb & d) | (c & d)
              : bb ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]) | 0;
      e = d;
      d = c;
      c = rotl(bb, 30);
      bb = a;
      a = t;
    }
    const h = this.h;
    this.h = [(h[0] + a) | 0, (h[1] + bb) | 0, (h[2] + c) | 0, (h[3] + d) | 0, (h[4] + e) | 0];
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, 20);
  }
  protected clone(): BlockDigest {
    const c = new Sha1();
    c.h = [...this.h];
    return c;
  }
}

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2). */
const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const ror = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

class Sha256 extends BlockDigest {
  readonly digestSize: number;
  protected readonly littleEndian = false;
  private h: number[];
  private w = new Int32Array(64);
  constructor(readonly name: 'sha256' | 'sha224') {
    super(64);
    this.digestSize = name === 'sha256' ? 32 : 28;
    this.h =
      name === 'sha256'
        ? [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        : [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = readBE(b, off + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, bb, c, d, e, f, g, h] = this.h;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) | 0;
      const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    const s = this.h;
    this.h = [a, bb, c, d, e, f, g, h].map((v, i) => (s[i] + v) | 0);
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, this.digestSize);
  }
  protected clone(): BlockDigest {
    const c = new Sha256(this.name);
    c.h = [...this.h];
    return c;
  }
}

/**
 * SHA-512's 80 round constants as hi/lo 32-bit halves (the first 64 bits of the fractional parts
 * of the cube roots of the first 80 primes), computed once with BigInt at load.
 */
const SHA512_K: Int32Array = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  const out = new Int32Array(160);
  primes.forEach((p, i) => {
    // frac(cbrt(p)) × 2^64 by integer cube root of p·2^192 (Newton's method on BigInt)
    const target = BigInt(p) << 192n;
    let x = BigInt(Math.floor(Math.cbrt(p) * 2 ** 50)) << 14n;
    for (let k = 0; k < 8; k++) x = (2n * x + target / (x * x)) / 3n;
    while (x * x * x > target) x -= 1n;
    while ((x + 1n) * (x + 1n) * (x + 1n) <= target) x += 1n;
    const frac = x & ((1n << 64n) - 1n);
    out[2 * i] = Number(frac >> 32n) | 0;
    out[2 * i + 1] = Number(frac & 0xffffffffn) | 0;
  });
  return out;
})();

const SHA512_IV: Record<'sha512' | 'sha384', number[]> = {
  sha512: [
    0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
    0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
  ],
  sha384: [
    0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
    0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
  ],
};

class Sha512 extends BlockDigest {
  readonly digestSize: number;
  protected readonly littleEndian = false;
  private h: Int32Array;
  private w = new Int32Array(160);
  constructor(readonly name: 'sha512' | 'sha384') {
    super(128);
    this.digestSize = name === 'sha512' ? 64 : 48;
    this.h = Int32Array.from(SHA512_IV[name]);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 32; i++) w[i] = readBE(b, off + 4 * i);
    // 64-bit helpers on (hi, lo) pairs: rotr, shr, add
    const rHi = (h: number, l: number, n: number): number =>
      n < 32 ? (h >>> n) | (l << (32 - n)) : (l >>> (n - 32)) | (h << (64 - n));
    const rLo = (h: number, l: number, n: number): number =>
      n < 32 ? (l >>> n) | (h << (32 - n)) : (h >>> (n - 32)) | (l << (64 - n));
    for (let i = 16; i < 80; i++) {
      const h15 = w[2 * (i - 15)];
      const l15 = w[2 * (i - 15) + 1];
      const s0h = rHi(h15, l15, 1) ^ rHi(h15, l15, 8) ^ (h15 >>> 7);
      const s0l = rLo(h15, l15, 1) ^ rLo(h15, l15, 8) ^ ((l15 >>> 7) | (h15 << 25));
      const h2 = w[2 * (i - 2)];
      const l2 = w[2 * (i - 2) + 1];
      const s1h = rHi(h2, l2, 19) ^ rHi(h2, l2, 61) ^ (h2 >>> 6);
      const s1l = rLo(h2, l2, 19) ^ rLo(h2, l2, 61) ^ ((l2 >>> 6) | (h2 << 26));
      const lo = (w[2 * (i - 16) + 1] >>> 0) + (s0l >>> 0) + (w[2 * (i - 7) + 1] >>> 0) + (s1l >>> 0);
      const hi = w[2 * (i - 16)] + s0h + w[2 * (i - 7)] + s1h + Math.floor(lo / 2 ** 32);
      w[2 * i] = hi | 0;
      w[2 * i + 1] = lo | 0;
    }
    const v = Int32Array.from(this.h);
    for (let i = 0; i < 80; i++) {
      const [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl] = v;
      const S1h = rHi(eh, el, 14) ^ rHi(eh, el, 18) ^ rHi(eh, el, 41);
      const S1l = rLo(eh, el, 14) ^ rLo(eh, el, 18) ^ rLo(eh, el, 41);
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (SHA512_K[2 * i + 1] >>> 0) + (w[2 * i + 1] >>> 0);
      const t1h = hh + S1h + chh + SHA512_K[2 * i] + w[2 * i] + Math.floor(t1l / 2 ** 32);
      const S0h = rHi(ah, al, 28) ^ rHi(ah, al, 34) ^ rHi(ah, al, 39);
      const S0l = rLo(ah, al, 28) ^ rLo(ah, al, 34) ^ rLo(ah, al, 39);
      const mjh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const mjl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (mjl >>> 0);
      const t2h = S0h + mjh + Math.floor(t2l / 2 ** 32);
      const el2 = (dl >>> 0) + (t1l >>> 0);
      const al2 = (t1l >>> 0) + (t2l >>> 0);
      v.set([
        (t1h + t2h + Math.floor(((t1l >>> 0) + (t2l >>> 0)) / 2 ** 32)) | 0,
        al2 | 0,
        ah,
        al,
        bh,
        bl,
        ch,
        cl,
        (dh + t1h + Math.floor(el2 / 2 ** 32)) | 0,
        el2 | 0,
        eh,
        el,
        fh,
        fl,
        gh,
        gl,
      ]);
    }
    for (let i = 0; i < 16; i += 2) {
      const lo = (this.h[i + 1] >>> 0) + (v[i + 1] >>> 0);
      this.h[i] = (this.h[i] + v[i] + Math.floor(lo / 2 ** 32)) | 0;
      this.h[i + 1] = lo | 0;
    }
  }
  protected output(): Uint8Array {
    return wordsOut(Array.from(this.h), this.digestSize);
  }
  protected clone(): BlockDigest {
    const c = new Sha512(this.name);
    c.h = Int32Array.from(this.h);
    return c;
  }
}

/** The digests hashlib's OpenSSL constructors make, by name. */
export function newDigest(name: string): Digest | null {
  switch (name) {
    case 'md5':
      return new Md5();
    case 'sha1':
      return new Sha1();
    case 'sha224':
    case 'sha256':
      return new Sha256(name);
    case 'sha384':
    case 'sha512':
      return new Sha512(name);
    default:
      return null;
  }
}

/** zlib's crc32 table (reflected polynomial 0xEDB88320). */
const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** crc32(data, start) as zlib computes it (the running value in, the new one out, unsigned). */
export function crc32(data: Uint8Array, start: number): number {
  let c = ~start;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** adler32(data, start): two sums modulo 65521, reduced every 5552 bytes as zlib does. */
export function adler32(data: Uint8Array, start: number): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < data.length;) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export const hex = (d: Uint8Array): string => Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
