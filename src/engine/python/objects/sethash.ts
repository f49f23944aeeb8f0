import { hashValue } from '../abstract/hashvalue';
import { F_BIG } from './table';
import { strKind, strValue } from './str';
import { T, type HashKey } from './types';
import type { Vm } from '../runtime/vm';
import { setData } from './set';

/**
 * The Py_hash_t a set entry stores (setentry.hash), as two 32-bit halves: a set's slot order (what
 * iteration, repr and pop show) is decided by the full 64-bit hash (the first slot is hash & mask,
 * the probe sequence shifts `perturb = hash` right by 5 each round), so the halves must be the
 * real value: long_hash, SipHash-1-3 of a str under PYTHONHASHSEED=0 (the recorder's setting),
 * _Py_HashPointer for identity, a class's __hash__ result. Computed here in 32-bit arithmetic, not
 * BigInt: a set of 10^6 strs hashes each one once.
 */
export const entryHash = { hi: 0, lo: 0 };

function fromBigint(v: bigint): void {
  const u = BigInt.asUintN(64, v);
  entryHash.hi = Number(u >> 32n) | 0;
  entryHash.lo = Number(u & 0xffffffffn) | 0;
}

/** long_hash of a double-exact integer: |v| mod (2**61 - 1) with the sign, -1 → -2. */
function smallIntHash(v: number): void {
  if (v === -1) v = -2;
  if (Math.abs(v) >= 2 ** 53) return fromBigint(BigInt(v));
  // below 2**53 the value is its own hash; a negative one is its two's complement
  const a = Math.abs(v);
  let hi = Math.floor(a / 2 ** 32) >>> 0;
  let lo = a >>> 0;
  if (v < 0) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  }
  entryHash.hi = hi | 0;
  entryHash.lo = lo | 0;
}

/** Fill entryHash for key handle h whose dict/set key is `key` (abstract/hash.ts hashKey). */
export function computeEntryHash(vm: Vm, h: number, key: HashKey): void {
  const t = vm.table;
  const type = t.type[h];
  if (type === T.Str) return strHash(vm, h);
  if (type === T.Int && !(t.flags[h] & F_BIG)) return smallIntHash(t.num[h]);
  if (typeof key === 'string' && key.charCodeAt(0) === 0) {
    // user __hash__ (heapslots.ts keys them '\0u<value>') and identity ('\0#<handle>')
    if (key.charCodeAt(1) === 117 /* u */) return fromBigint(BigInt(key.slice(2)));
  }
  fromBigint(hashValue(vm, h));
}

const M64 = (1n << 64n) - 1n;

/** _shuffle_bits (setobject.c): spreads an entry's hash before frozenset_hash xors it in. */
const shuffleBits = (h: bigint): bigint => ((h ^ 89869747n ^ ((h << 16n) & M64)) * 3644798167n) & M64;

/**
 * frozenset_hash from the members' stored hashes (setentry.hash: no __hash__ called again): the
 * shuffled hashes xored (order-free; the null and dummy slots CPython also xors in cancel out),
 * the size factored in, then dispersed.
 */
export function frozensetPyHash(vm: Vm, h: number): bigint {
  const { slots, mask } = setData(vm, h);
  const size = mask + 1;
  let x = 0n;
  for (let i = 0; i < size; i++) {
    if (slots[i] <= 0) continue;
    const v = (BigInt(slots[size + i] >>> 0) << 32n) | BigInt(slots[2 * size + i] >>> 0);
    x ^= shuffleBits(v);
  }
  x ^= ((BigInt(vm.table.n[h]) + 1n) * 1927868237n) & M64;
  x ^= (x >> 11n) ^ (x >> 25n);
  x = (x * 69069n + 907133923n) & M64;
  return x === M64 ? 590923713n : BigInt.asIntN(64, x);
}

// ---- SipHash-1-3, zero key (Python/pyhash.c), on 32-bit halves --------------------------------

let v0h = 0, v0l = 0, v1h = 0, v1l = 0, v2h = 0, v2l = 0, v3h = 0, v3l = 0; // prettier-ignore
let buf = new Uint8Array(256);

/** a += b on (hi, lo) pairs, returning through the named registers. */
function round(): void {
  // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
  let lo = (v0l + v1l) >>> 0;
  v0h = (v0h + v1h + (lo < v0l >>> 0 ? 1 : 0)) >>> 0;
  v0l = lo;
  let h = ((v1h << 13) | (v1l >>> 19)) >>> 0;
  let l = ((v1l << 13) | (v1h >>> 19)) >>> 0;
  v1h = (h ^ v0h) >>> 0;
  v1l = (l ^ v0l) >>> 0;
  h = v0h;
  v0h = v0l;
  v0l = h;
  // v2 += v3; v3 = rotl(v3, 16) ^ v2
  lo = (v2l + v3l) >>> 0;
  v2h = (v2h + v3h + (lo < v2l >>> 0 ? 1 : 0)) >>> 0;
  v2l = lo;
  h = ((v3h << 16) | (v3l >>> 16)) >>> 0;
  l = ((v3l << 16) | (v3h >>> 16)) >>> 0;
  v3h = (h ^ v2h) >>> 0;
  v3l = (l ^ v2l) >>> 0;
  // v0 += v3; v3 = rotl(v3, 21) ^ v0
  lo = (v0l + v3l) >>> 0;
  v0h = (v0h + v3h + (lo < v0l >>> 0 ? 1 : 0)) >>> 0;
  v0l = lo;
  h = ((v3h << 21) | (v3l >>> 11)) >>> 0;
  l = ((v3l << 21) | (v3h >>> 11)) >>> 0;
  v3h = (h ^ v0h) >>> 0;
  v3l = (l ^ v0l) >>> 0;
  // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
  lo = (v2l + v1l) >>> 0;
  v2h = (v2h + v1h + (lo < v2l >>> 0 ? 1 : 0)) >>> 0;
  v2l = lo;
  h = ((v1h << 17) | (v1l >>> 15)) >>> 0;
  l = ((v1l << 17) | (v1h >>> 15)) >>> 0;
  v1h = (h ^ v2h) >>> 0;
  v1l = (l ^ v2l) >>> 0;
  h = v2h;
  v2h = v2l;
  v2l = h;
}

const word = (b: Uint8Array, i: number): number =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** siphash13 of buf[0, n) into entryHash (_Py_HashBytes: 0 for no bytes, -1 → -2). */
export function siphash13Bytes(b: Uint8Array, n: number): void {
  if (n === 0) {
    entryHash.hi = 0;
    entryHash.lo = 0;
    return;
  }
  v0h = 0x736f6d65;
  v0l = 0x70736575;
  v1h = 0x646f7261;
  v1l = 0x6e646f6d; // prettier-ignore
  v2h = 0x6c796765;
  v2l = 0x6e657261;
  v3h = 0x74656462;
  v3l = 0x79746573; // prettier-ignore
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const ml = word(b, i);
    const mh = word(b, i + 4);
    v3h = (v3h ^ mh) >>> 0;
    v3l = (v3l ^ ml) >>> 0;
    round();
    v0h = (v0h ^ mh) >>> 0;
    v0l = (v0l ^ ml) >>> 0;
  }
  let th = ((n & 0xff) << 24) >>> 0;
  let tl = 0;
  for (let k = n - i - 1; k >= 0; k--) {
    const byte = b[i + k];
    if (k >= 4) th = (th | (byte << (8 * (k - 4)))) >>> 0;
    else tl = (tl | (byte << (8 * k))) >>> 0;
  }
  v3h = (v3h ^ th) >>> 0;
  v3l = (v3l ^ tl) >>> 0;
  round();
  v0h = (v0h ^ th) >>> 0;
  v0l = (v0l ^ tl) >>> 0;
  v2l = (v2l ^ 0xff) >>> 0;
  round();
  round();
  round();
  const hi = (v0h ^ v1h ^ v2h ^ v3h) | 0;
  let lo = (v0l ^ v1l ^ v2l ^ v3l) | 0;
  if (hi === -1 && lo === -1) lo = -2; // -1 is the error value: _Py_HashBytes makes it -2
  entryHash.hi = hi;
  entryHash.lo = lo;
}

/** unicode_hash: SipHash of the canonical data, 1, 2 or 4 bytes a character (PyUnicode_KIND). */
function strHash(vm: Vm, h: number): void {
  const s = strValue(vm, h);
  const kind = strKind(vm, h);
  const width = kind === 0 ? 1 : kind;
  const cap = s.length * width;
  if (buf.length < cap) buf = new Uint8Array(Math.max(cap, buf.length * 2));
  let n = 0;
  if (width === 1) {
    for (let i = 0; i < s.length; i++) buf[n++] = s.charCodeAt(i);
  } else if (width === 2) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      buf[n++] = c & 0xff;
      buf[n++] = c >> 8;
    }
  } else {
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      buf[n++] = c & 0xff;
      buf[n++] = (c >> 8) & 0xff;
      buf[n++] = (c >> 16) & 0xff;
      buf[n++] = 0;
    }
  }
  siphash13Bytes(buf, n);
}
