import { NotSupported } from '../errors';
import { byteString, bytesContent } from '../objects/bytes';
import { readAllBytes } from '../objects/bytesread';
import { F_BIG } from '../objects/table';
import { strKind, strValue } from '../objects/str';
import { tupleFromItems, tupleItem } from '../objects/tuple';
import { frozensetPyHash } from '../objects/sethash';
import { T, TpFlags, type TypeSlots } from '../objects/types';
import { DEFERRED, deferrer } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';
import { fromSsize, norm } from '../objects/int';
import { typeLookup } from './attr';
import { call } from './call';
import { typeError } from './errors';
import { identityHash } from './hash';

/**
 * The number PyObject_Hash returns (Py_hash_t), for hash(): the simulator's dicts and sets key
 * on HashKey (abstract/hash.ts), but a script can print or store a hash, and its size decides the
 * int object it makes. Each type's tp_hash as 3.11 computes it, under the recorder's
 * PYTHONHASHSEED=0 (the hash secret is all zeros, so str and bytes hashes repeat):
 * long_hash (mod 2**61 - 1), _Py_HashDouble, SipHash-1-3 of a str's canonical bytes (1, 2 or 4
 * per character) or of bytes, tuplehash (xxHash's rounds), _Py_HashPointer (the address rotated
 * by 4) for identity hashes, and a class's __hash__ called (slot_tp_hash).
 */

const M64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n;

const signed = (u: bigint): bigint => BigInt.asIntN(64, u);
const fix = (h: bigint): bigint => (h === -1n ? -2n : h);

/** long_hash: the value modulo 2**61 - 1, with the sign. */
function longHash(v: bigint): bigint {
  const r = (v < 0n ? -v : v) % MODULUS;
  return fix(v < 0n ? -r : r);
}

/** _Py_HashDouble: an exact rational's hash modulo 2**61 - 1; inf ±314159; NaN by identity. */
function doubleHash(vm: Vm, h: number, x: number): bigint {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? pointerHash(vm, h) : x > 0 ? 314159n : -314159n;
  if (Number.isInteger(x)) return longHash(BigInt(x));
  // x = m * 2**e with m an integer: hash(m) * 2**e (mod P), 2**-1 being 2**60 (mod P)
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  let r = BigInt(m) % MODULUS;
  const shift = ((e % 61) + 61) % 61;
  r = ((r << BigInt(shift)) | (r >> BigInt(61 - shift))) & MODULUS;
  return fix(x < 0 ? -r : r);
}

/** _Py_HashPointer: the address rotated right by 4 bits. */
function pointerHash(vm: Vm, h: number): bigint {
  const y = BigInt(vm.id(h));
  return fix(signed(((y >> 4n) | (y << 60n)) & M64));
}

const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & M64;

/** SipHash-1-3 with a zero key (Python/pyhash.c siphash13, PYTHONHASHSEED=0). */
function siphash13(bytes: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & M64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & M64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const n = bytes.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    let mi = 0n;
    for (let k = 7; k >= 0; k--) mi = (mi << 8n) | BigInt(bytes[i + k]);
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  let t = BigInt(n & 0xff) << 56n;
  for (let k = n - i - 1; k >= 0; k--) t |= BigInt(bytes[i + k]) << BigInt(8 * k);
  v3 ^= t;
  round();
  v0 ^= t;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return fix(signed(v0 ^ v1 ^ v2 ^ v3));
}

/** A str's data as PyUnicode_DATA holds it: 1, 2 or 4 bytes per character, little-endian. */
function strBytes(vm: Vm, h: number): Uint8Array {
  const s = strValue(vm, h);
  const kind = strKind(vm, h);
  const width = kind === 0 ? 1 : kind;
  const cps =
    width === 4 ? Array.from(s, (c) => c.codePointAt(0)!) : Array.from(s, (_c, i) => s.charCodeAt(i));
  const out = new Uint8Array(cps.length * width);
  cps.forEach((c, i) => {
    for (let k = 0; k < width; k++) out[i * width + k] = (c >> (8 * k)) & 0xff;
  });
  return out;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash (3.11): xxHash's round per item, the length mixed in at the end. */
function tupleHash(vm: Vm, h: number): bigint {
  const n = vm.table.n[h];
  const lanes: bigint[] = [];
  for (let i = 0; i < n; i++) lanes.push(hashValue(vm, tupleItem(vm, h, i)));
  return tupleHashOf(lanes);
}

/** tuplehash (3.11) of the items' hashes: xxHash's round per item, the length mixed in at the end. */
export function tupleHashOf(lanes: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of lanes) {
    const lane = BigInt.asUintN(64, h);
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = rotl(acc, 31n);
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(lanes.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  return acc === M64 ? 1546275796n : signed(acc);
}

/**
 * slot_tp_hash's use of what __hash__ returned (borrowed): an int taken as is when it fits
 * Py_ssize_t (-1 becomes -2), else hashed again by long_hash; anything else is a TypeError.
 */
export function hashResult(vm: Vm, r: number): bigint {
  if (!vm.typeOf(r).mro.includes(T.Int)) throw typeError(vm, '__hash__ method should return an integer');
  const v = vm.table.flags[r] & F_BIG ? (vm.table.side[r] as bigint) : BigInt(vm.table.num[r]);
  return v >= -(1n << 63n) && v < 1n << 63n ? fix(v) : longHash(v);
}

/** slot_tp_hash: the class's __hash__ called; its int (hashed again when past 64 bits). */
function classHash(vm: Vm, h: number, fn: number): bigint {
  const r = call(vm, fn, [h], null);
  try {
    return hashResult(vm, r);
  } finally {
    vm.decref(r);
  }
}

/**
 * builtin_hash (PyObject_Hash, then PyLong_FromSsize_t) when its CALL allowed deferring
 * (runtime/deferred.ts): a class's Python __hash__ gets its frame pushed for the calling loop and
 * DEFERRED is returned, the conversion of its result left as the continuation; 0 for any other
 * object (the caller hashes it at once).
 */
export function hashDeferred(vm: Vm, h: number): number {
  const tp = vm.typeOf(h);
  if (!(tp.flags & TpFlags.HeapType)) return 0;
  const fn = typeLookup(vm, tp, '__hash__');
  if (fn === 0 || vm.table.type[fn] !== T.Function) return 0;
  const toInt = (vm2: Vm, r: number): number => {
    let v: bigint;
    try {
      v = hashResult(vm2, r);
    } finally {
      vm2.decref(r);
    }
    return fromSsize(vm2, norm(v));
  };
  const r = deferrer(vm)!.deferCall(fn, [h], null);
  if (r !== DEFERRED) return toInt(vm, r);
  deferrer(vm)!.continueWith({ done: toInt, fail: () => {} });
  return DEFERRED;
}

/** The first built-in type on the MRO: whose tp_hash a class without its own __hash__ inherits. */
function staticBase(vm: Vm, tp: TypeSlots): TypeSlots {
  for (const id of tp.mro) if ((vm.types[id].flags & TpFlags.HeapType) === 0) return vm.types[id];
  return vm.types[T.Object];
}

/** PyObject_Hash's value. */
export function hashValue(vm: Vm, h: number): bigint {
  const t = vm.table;
  let tp = vm.typeOf(h);
  if (tp.flags & TpFlags.HeapType) {
    const fn = typeLookup(vm, tp, '__hash__');
    if (fn === vm.s.None) throw typeError(vm, "unhashable type: '%.200s'", tp.name);
    // (0: a built-in base's __hash__ slot wrapper the simulator's type dict does not hold)
    if (fn !== 0 && t.type[fn] === T.Function) return classHash(vm, h, fn);
    tp = staticBase(vm, tp);
  }
  if (tp.mro.includes(T.Int)) return longHash(t.flags[h] & F_BIG ? (t.side[h] as bigint) : BigInt(t.num[h]));
  if (tp.id === T.Float) return doubleHash(vm, h, t.num[h]);
  if (tp.id === T.Complex) {
    // complex_hash: hash(real) + _PyHASH_IMAG (1000003) × hash(imag), in unsigned 64-bit arithmetic
    const u = (doubleHash(vm, h, t.num[h]) + 1000003n * doubleHash(vm, h, t.cap[h])) & M64;
    return fix(signed(u));
  }
  if (tp.id === T.Str) return vm.table.n[h] === 0 ? 0n : siphash13(strBytes(vm, h));
  if (tp.id === T.Bytes) {
    const s = byteString(bytesContent(vm, h));
    if (s === null) throw new NotSupported('hash() of bytes over 64 MiB');
    readAllBytes(vm, h); // _Py_HashBytes reads every byte
    return s.length === 0 ? 0n : siphash13(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  }
  if (tp.id === T.Tuple) return tupleHash(vm, h);
  if (tp.id === T.Range) return rangeHash(vm, h);
  if (tp.id === T.FrozenSet) return frozensetPyHash(vm, h);
  // weakref_hash: the referent's hash (abc's caches are sets of weak references); a dead one raises
  if (tp.mro.includes(T.WeakRef)) {
    const d = t.side[h] as { referent: number; hashValue?: bigint };
    if (d.hashValue !== undefined) return d.hashValue;
    if (d.referent === 0) throw typeError(vm, 'weak object has gone away');
    return (d.hashValue = hashValue(vm, d.referent));
  }
  if (tp.id === T.None && vm.py.noneHash !== null) return BigInt(vm.py.noneHash);
  if (tp.hash === identityHash || tp.hash === null || tp.id === T.None || tp.id === T.Type)
    return pointerHash(vm, h);
  // an extension type's own tp_hash value (decimal.Decimal's _dec_hash)
  const ext = tp.extra as { hashValue?: (vm: Vm, h: number) => bigint } | null;
  if (ext !== null && typeof ext === 'object' && ext.hashValue !== undefined) return ext.hashValue(vm, h);
  // the unhashable ones raise their TypeError here
  tp.hash(vm, h);
  throw new NotSupported(`hash() of ${tp.name}`);
}

/** range_hash: the hash of a new 3-tuple (len, start or None, step or None), the tuple released. */
function rangeHash(vm: Vm, h: number): bigint {
  const r = vm.table.side[h] as { start: number; stop: number; step: number; length: number };
  const t = vm.table;
  const len = t.flags[r.length] & F_BIG ? (t.side[r.length] as bigint) : BigInt(t.num[r.length]);
  const items = [r.length, len === 0n ? vm.s.None : r.start, len <= 1n ? vm.s.None : r.step];
  for (const i of items) vm.incref(i);
  const tup = tupleFromItems(vm, items);
  try {
    return tupleHash(vm, tup);
  } finally {
    vm.decref(tup);
  }
}
