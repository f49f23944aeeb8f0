import { hashKey } from '../abstract/hash';
import type { Vm } from '../runtime/vm';
import { stringHash, strHash, strValue, strEquals } from './str';
import { F_BIG } from './table';
import { isOpaqueKey, keysMatch, opaqueHash } from './keyeq';
import { T, type HashKey } from './types';

/**
 * The lookup side of a dict's table, laid out as CPython's PyDictKeysObject is: the indices
 * (dk_indices, 2^log2 slots holding an entry number, DKIX_EMPTY or DKIX_DUMMY) in front of the
 * entries (keys, then values, in insertion order), probed with lookdict's sequence
 * (i = i*5 + perturb + 1, perturb >>= 5). One int32 block per table (dicttables.ts: a shared slab's
 * while small) instead of a JS Map of every key: a resize rebuilds the indices from the entries'
 * hashes with no JS object per key (the Map rebuild was 43% of `{i: i for i in range(10**6)}`,
 * perf-review §2.2).
 *
 * Hashes: an exact int's or str's hash comes from its own columns (the value; a str's hash is
 * cached in its `num` column, as ob_shash caches it), so the common tables keep no me_hash
 * column. The first key of any other type (float, tuple, bool, a class instance, a big int)
 * gives the table `hashes` (me_hash) and `other` (that key's HashKey, which decides equality:
 * 1 == 1.0 == True), so tp_hash runs once per key, as in CPython, never again on a resize.
 * Where an entry sits in the index changes no allocation; the hash values are the simulator's own.
 */
/**
 * A table's me_hash column: a JS array of small integers while the table is small (an Int32Array
 * costs ~250 bytes of V8 state however short it is), an Int32Array once it is big (4 bytes a
 * slot, off the JS heap). See smallSlots.
 */
export type Slots = Int32Array | number[];

export const DKIX_EMPTY = -1;
export const DKIX_DUMMY = -2;
const PERTURB_SHIFT = 5;

/**
 * What a dict table needs for lookups (DictData extends it). The table's slots live in one int32
 * block (dicttables.ts): dk_indices (mask + 1 slots) right before the entries' keys at `ko`, their
 * values at `vo`; the keys' capacity is vo - ko.
 */
export interface HashIndex {
  buf: Int32Array;
  /** The first key's slot in buf; dk_indices are the mask + 1 slots before it. */
  ko: number;
  /** The first value's slot in buf (0 in a value: a deleted or unused entry). */
  vo: number;
  /** dk_indices' slots − 1 (a power of two − 1). */
  mask: number;
  /** me_hash of every entry, once the table holds a key that is not an exact int or str; else null. */
  hashes: Slots | null;
  /** The HashKey of each entry whose key is not an exact int or str (sparse); null until there is one. */
  other: HashKey[] | null;
}

/** Entry ix's key handle (0: a deleted entry). */
export const keyAt = (x: HashIndex, ix: number): number => x.buf[x.ko + ix];
/** Entry ix's value handle (0: a deleted entry). */
export const valueAt = (x: HashIndex, ix: number): number => x.buf[x.vo + ix];
/** How many entries the table has room for (dk_usable + dk_nentries at its making). */
export const entryCapacity = (x: HashIndex): number => x.vo - x.ko;

const scratchF64 = new Float64Array(1);
const scratchI32 = new Int32Array(scratchF64.buffer);

/** The hash of a number HashKey: an int32 value is its own hash (as small ints are in CPython), else its bits folded. */
export function numberHash(x: number): number {
  if ((x | 0) === x) return x | 0;
  scratchF64[0] = x;
  return (scratchI32[0] ^ Math.imul(scratchI32[1], 0x9e3779b1)) | 0;
}

export function hashOfKey(k: HashKey): number {
  if (typeof k === 'number') return numberHash(k);
  if (typeof k === 'string') return isOpaqueKey(k) ? opaqueIndexHash(k) : stringHash(k);
  return numberHash(Number(BigInt.asIntN(32, k ^ (k >> 32n))));
}

/**
 * An opaque key (keyeq.ts) indexes by its Py_hash_t as an int key of that value would, so a key
 * whose `__hash__` returns hash(n) meets the int n on its probe path, where its `__eq__` decides.
 */
function opaqueIndexHash(k: string): number {
  const v = opaqueHash(k);
  const n = Number(v);
  return Number.isSafeInteger(n) ? numberHash(n) : hashOfKey(v);
}

/**
 * The HashKey of the last key keyHash() sent through tp_hash (not an exact int or str). Read right
 * after keyHash by the caller, before any Python code can run.
 */
export let slowKey: HashKey = 0;

/** True when the key's hash and equality come from its own columns (exact int that fits a double, exact str). */
export function isFastKey(vm: Vm, k: number): boolean {
  const t = vm.table;
  const type = t.type[k];
  return type === T.Str || (type === T.Int && (t.flags[k] & F_BIG) === 0);
}

/**
 * PyObject_Hash for a dict or set key (abstract/hash.ts hashKey's semantics, including
 * TypeError for an unhashable key and the str's "hash computed" mark). Sets `slowKey` when the
 * key is not an exact int or str.
 */
export function keyHash(vm: Vm, k: number): number {
  const t = vm.table;
  const type = t.type[k];
  if (type === T.Int && (t.flags[k] & F_BIG) === 0) return numberHash(t.num[k]);
  if (type === T.Str) return strHash(vm, k);
  slowKey = hashKey(vm, k);
  return hashOfKey(slowKey);
}

/** The HashKey of an exact int or str key (for comparing it with a slow key). */
function fastKeyOf(vm: Vm, k: number): HashKey {
  return vm.table.type[k] === T.Str ? strValue(vm, k) : vm.table.num[k];
}

/** The HashKey of entry ix's key (its own columns for an exact int or str). */
export function entryKey(vm: Vm, x: HashIndex, ix: number): HashKey {
  const o = x.other === null ? undefined : x.other[ix];
  return o !== undefined ? o : fastKeyOf(vm, x.buf[x.ko + ix]);
}

/** me_hash of entry ix. */
export function entryHash(vm: Vm, x: HashIndex, ix: number): number {
  if (x.hashes !== null) return x.hashes[ix];
  const k = x.buf[x.ko + ix];
  const t = vm.table;
  return t.type[k] === T.Str ? strHash(vm, k) : numberHash(t.num[k]);
}

/**
 * Whether entry ix holds a key equal to k (whose hash equals the entry's): identity, then the
 * values of two built-in keys, else keyeq.ts keysMatch (the key's `__eq__`, as lookdict calls it).
 * `sk` is k's HashKey when k is not an exact int or str.
 */
function sameKey(vm: Vm, x: HashIndex, ix: number, k: number, fast: boolean, sk: HashKey): boolean {
  const k2 = x.buf[x.ko + ix];
  if (k2 === k) return true;
  const t = vm.table;
  const o = x.other === null ? undefined : x.other[ix];
  if (o === undefined) {
    // the entry's key is an exact int or str
    if (!fast)
      return isOpaqueKey(sk) ? keysMatch(vm, k2, fastKeyOf(vm, k2), k, sk) : sk === fastKeyOf(vm, k2);
    const type = t.type[k];
    if (type !== t.type[k2]) return false;
    return type === T.Int ? t.num[k] === t.num[k2] : strEquals(vm, k, k2);
  }
  const kk = fast ? fastKeyOf(vm, k) : sk;
  if (o === kk && !isOpaqueKey(o)) return true;
  return (isOpaqueKey(o) || isOpaqueKey(kk)) && keysMatch(vm, k2, o, k, kk);
}

/**
 * lookdict: the entry holding a key equal to k (hash = keyHash(k), fast = isFastKey(k), `sk` its
 * HashKey when not fast), or -1. A key's `__eq__` can change the table: when it did (another
 * table, or the entry no longer the key compared), the lookup starts again, as lookdict's
 * "restart" does.
 */
export function lookup(vm: Vm, x: HashIndex, k: number, hash: number, fast: boolean, sk = slowKey): number {
  for (;;) {
    const ix = probeFor(vm, x, k, hash, fast, sk);
    if (ix !== RESTART) return ix;
  }
}

/** One lookdict walk: the entry, -1 when absent, RESTART when a key's __eq__ changed the table. */
const RESTART = -2;
function probeFor(vm: Vm, x: HashIndex, k: number, hash: number, fast: boolean, sk: HashKey): number {
  const buf = x.buf;
  const ko = x.ko;
  const mask = x.mask;
  const io = ko - mask - 1;
  let i = hash & mask;
  let perturb = hash >>> 0;
  for (;;) {
    const ix = buf[io + i];
    if (ix === DKIX_EMPTY) return -1;
    if (ix >= 0 && entryHash(vm, x, ix) === hash) {
      const k2 = buf[ko + ix];
      const same = sameKey(vm, x, ix, k, fast, sk);
      // (a resize allocates the new block before it releases the old, so a moved table has
      // another block)
      if (x.buf !== buf || x.ko !== ko || buf[ko + ix] !== k2) return RESTART;
      if (same) return ix;
    }
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/**
 * lookdict by a key's HashKey rather than its handle (an OrderedDict's nodes keep the HashKey of
 * their key, odictobject.c's od_fast_nodes lookup): the entry whose key equals `hk` (the HashKey
 * of `key`), or -1.
 */
export function lookupHashKey(vm: Vm, x: HashIndex, hk: HashKey, key: number): number {
  const hash = hashOfKey(hk);
  // an opaque key's equality is its __eq__: lookdict with the key itself
  if (isOpaqueKey(hk)) return lookup(vm, x, key, hash, false, hk);
  const buf = x.buf;
  const mask = x.mask;
  const io = x.ko - mask - 1;
  let i = hash & mask;
  let perturb = hash >>> 0;
  for (;;) {
    const ix = buf[io + i];
    if (ix === DKIX_EMPTY) return -1;
    if (ix >= 0 && entryHash(vm, x, ix) === hash) {
      const o = x.other === null ? undefined : x.other[ix];
      if ((o !== undefined ? o : fastKeyOf(vm, buf[x.ko + ix])) === hk) return ix;
    }
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/** delitem_common's index update: the slot of entry ix (known present) becomes DKIX_DUMMY. */
export function markDummy(x: HashIndex, hash: number, ix: number): void {
  const buf = x.buf;
  const mask = x.mask;
  const io = x.ko - mask - 1;
  let i = hash & mask;
  let perturb = hash >>> 0;
  while (buf[io + i] !== ix) {
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  buf[io + i] = DKIX_DUMMY;
}

/** find_empty_slot + dictkeys_set_index: entry ix goes into the first free slot of its probe sequence. */
export function insertIndex(x: HashIndex, hash: number, ix: number): void {
  const buf = x.buf;
  const mask = x.mask;
  const io = x.ko - mask - 1;
  let i = hash & mask;
  let perturb = hash >>> 0;
  while (buf[io + i] >= 0) {
    perturb >>>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  buf[io + i] = ix;
}

/**
 * `n` slots holding `fill`: a JS array up to SMALL_SLOTS (a packed array of small integers: 16
 * bytes and 8 a slot), an Int32Array beyond (4 bytes a slot, but ~250 bytes of V8 state each).
 */
export function smallSlots(n: number, fill: number): Slots {
  if (n > SMALL_SLOTS) return fill === 0 ? new Int32Array(n) : new Int32Array(n).fill(fill);
  // exactly n slots (push() would leave room for 17: 152 bytes for a 5-entry table)
  return new Array<number>(n).fill(fill);
}
/** 128 slots: where 8 bytes a slot in a JS array pass an Int32Array's fixed cost. */
const SMALL_SLOTS = 128;

/**
 * Record entry ix's hash and (for a key that is not an exact int or str) its HashKey, giving the
 * table its me_hash column the first time such a key arrives. `slow` is the slowKey of that key.
 */
export function noteEntry(
  vm: Vm,
  x: HashIndex,
  ix: number,
  hash: number,
  fast: boolean,
  slow: HashKey,
): void {
  if (fast) {
    if (x.hashes !== null) x.hashes[ix] = hash;
    return;
  }
  if (x.hashes === null) {
    const hashes = smallSlots(entryCapacity(x), 0);
    for (let i = 0; i < ix; i++) if (x.buf[x.ko + i] !== 0) hashes[i] = entryHash(vm, x, i);
    x.hashes = hashes;
  }
  x.hashes[ix] = hash;
  (x.other ??= [])[ix] = slow;
}

/** Forget entry ix's slow key (deleted). */
export function forgetEntry(x: HashIndex, ix: number): void {
  if (x.other !== null && x.other[ix] !== undefined) x.other[ix] = undefined as unknown as HashKey;
}
