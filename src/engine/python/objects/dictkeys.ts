import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import type { SharedKeys, Values } from './values';
import type { HashKey } from './types';
import { entryCapacity, entryHash, insertIndex, smallSlots, type HashIndex, type Slots } from './dictindex';
import { SLAB_MAX_LOG2 } from './dicttables';

/**
 * A dict's keys object (PyDictKeysObject, Objects/dictobject.c 3.11): its size (new_keys_object's
 * 32-byte header, 2^log2 index bytes, USABLE_FRACTION(2^log2) entries), its record (DictData: the
 * address, the sizes, the int32 block of indices and entries in a dict-table slab), the shared
 * Py_EMPTY_KEYS record, and the copies a resize or a clone makes of a table. dict.ts is the dict
 * object built on it.
 */
export const LOG_MINSIZE = 3;

/** Py_EMPTY_KEYS' block: one empty index slot, no entries (a lookup ends at once). */
const EMPTY_BLOCK = new Int32Array(1).fill(-1);

/**
 * A dict's table: the keys object's size and address, and its indices and entries (dictindex.ts
 * HashIndex: one int32 block, in a shared slab while small, dicttables.ts). A class: every record
 * has one shape (12 in-object fields, ~120 B).
 */
export class DictData implements HashIndex {
  /** Address of the keys object; 0 = Py_EMPTY_KEYS. */
  keysAddr = 0;
  log2 = LOG_MINSIZE;
  unicode = true;
  usable = 0;
  nentries = 0;
  buf: Int32Array = EMPTY_BLOCK;
  ko = 1;
  vo = 1;
  mask = 0;
  hashes: Slots | null = null;
  other: HashKey[] | null = null;
  /**
   * A split table (an instance's __dict__ made from its values array): the class's shared keys
   * name the entries, and the memory is the values array; keysAddr is 0. Null for the usual
   * combined table. Its block is always its own array (never a slab's).
   */
  split: { keys: SharedKeys; values: Values } | null = null;
}

export const usableFraction = (n: number): number => Math.floor((n << 1) / 3);

/** calculate_log2_keysize: the smallest power of two ≥ minsize (at least 8). */
export function log2Keysize(minsize: number): number {
  // calculate_log2_keysize: bit_length(((minsize | 8) - 1) | 7), so 1…7 give 16 slots and an
  // exact power of two one size more (measured on 3.11.7: a resize with 1 live entry makes 16 slots)
  if (minsize >= 2 ** 30) return Math.ceil(Math.log2(minsize + 1));
  const m = ((minsize | (1 << LOG_MINSIZE)) - 1) | ((1 << LOG_MINSIZE) - 1);
  return 32 - Math.clz32(m);
}

/** sizeof(PyDictKeysObject) + index bytes + entries: what new_keys_object asks for. */
export function keysBytes(log2: number, unicode: boolean): number {
  const log2Bytes = log2 < 8 ? log2 : log2 < 16 ? log2 + 1 : log2 >= 32 ? log2 + 3 : log2 + 2;
  return 32 + 2 ** log2Bytes + (unicode ? 16 : 24) * usableFraction(2 ** log2);
}

export function dictData(vm: Vm, h: number): DictData {
  return vm.table.side[h] as DictData;
}

/** new_keys_object: the keys free list serves 8-slot unicode tables; memset touches all of it. */
export function newKeys(vm: Vm, d: DictData, log2: number, unicode: boolean): void {
  const size = keysBytes(log2, unicode);
  const free = vm.free.dictKeys;
  let p: number;
  if (log2 === LOG_MINSIZE && unicode && free.length) p = free.pop()!;
  else {
    p = vm.mem.malloc(size);
    if (p === 0) throw memoryError();
  }
  vm.mem.touch(p, size);
  const usable = usableFraction(2 ** log2);
  d.keysAddr = p;
  d.log2 = log2;
  d.unicode = unicode;
  d.usable = usable;
  d.nentries = 0;
  newBlock(vm, d, log2);
  d.hashes = null;
  d.other = null;
}

/**
 * A fresh block for a combined table of 2^log2 indices (DKIX_EMPTY) and its usable entries
 * (zeros), placed into d: a slab's while log2 ≤ SLAB_MAX_LOG2 (dicttables.ts).
 */
export function newBlock(vm: Vm, d: HashIndex, log2: number): void {
  const n = 1 << log2;
  const usable = usableFraction(n);
  const off = vm.dictTables.alloc(d, log2, n + 2 * usable);
  const buf = d.buf;
  if (log2 <= SLAB_MAX_LOG2) buf.fill(0, off + n, off + n + 2 * usable); // a reused block
  buf.fill(-1, off, off + n);
  d.ko = off + n;
  d.vo = off + n + usable;
  d.mask = n - 1;
}

/**
 * A combined table's block back to the slabs (when its dict no longer uses it: after a resize
 * copied the entries, or after free_keys_object released them). Split tables' own arrays are
 * left to V8.
 */
export function releaseBlock(vm: Vm, buf: Int32Array, ko: number, log2: number): void {
  vm.dictTables.release(buf, ko - (1 << log2), log2);
}

/** The old table's memory after a resize or clear: the keys free list or PyObject_Free. */
export function releaseKeys(vm: Vm, addr: number, log2: number, unicode: boolean): void {
  if (addr === 0) return;
  const free = vm.free.dictKeys;
  if (log2 === LOG_MINSIZE && unicode && free.length < vm.py.freelists.dictKeys) free.push(addr);
  else vm.mem.free(addr);
}

/** A fresh table record on Py_EMPTY_KEYS, for a dict about to get a table of its own. */
export const newDictData = (): DictData => new DictData();

/**
 * Py_EMPTY_KEYS as every empty dict shares it: one frozen record (a record each was ~130 B of JS
 * heap an empty dict, `[{} for _ in range(N)]`); the first insert gives the dict its own
 * (ownDictData). Frozen so that a write that skipped ownDictData throws instead of filling every
 * empty dict at once.
 */
const EMPTY_DICT_DATA: DictData = Object.freeze(newDictData());

/** A dict on Py_EMPTY_KEYS (nothing allocated; the first insert makes the table). */
export const emptyDictData = (): DictData => EMPTY_DICT_DATA;

/**
 * The dict's table record, writable: a dict still on the shared Py_EMPTY_KEYS record gets its own
 * first. Every write to a DictData that may be empty goes through here.
 */
export function ownDictData(vm: Vm, h: number): DictData {
  const d = vm.table.side[h] as DictData;
  if (d !== EMPTY_DICT_DATA) return d;
  const own = newDictData();
  vm.table.side[h] = own;
  return own;
}

/**
 * d's combined table (sizes, indices and entries) copied into `to`, in a block of its own
 * (clone_combined_dict_keys' memcpy); to's keysAddr is the caller's, and to's old block is not
 * released here.
 */
export function copyTable(vm: Vm, to: DictData, d: DictData): void {
  to.log2 = d.log2;
  to.unicode = d.unicode;
  to.usable = d.usable;
  to.nentries = d.nentries;
  to.split = null;
  newBlock(vm, to, d.log2);
  const n = d.mask + 1;
  to.buf.set(d.buf.subarray(d.ko - n, d.vo + entryCapacity(d)), to.ko - n);
  to.hashes = d.hashes === null ? null : d.hashes.slice();
  to.other = d.other === null ? null : d.other.slice();
}

/**
 * Move the live entries of `old` into d's fresh table in order (dictresize's copy; deleted entries
 * drop out) and index them. The hashes come from the old table: no tp_hash runs.
 */
export function moveEntries(vm: Vm, d: DictData, old: HashIndex, n: number): void {
  const buf = d.buf;
  const { ko, vo } = d;
  const hashes = old.hashes === null ? null : (d.hashes = smallSlots(entryCapacity(d), 0));
  const other: HashKey[] | null = old.other === null ? null : (d.other = []);
  const ob = old.buf;
  let j = d.nentries;
  for (let i = 0; i < n; i++) {
    const v = ob[old.vo + i];
    if (v === 0) continue;
    const hash = entryHash(vm, old, i);
    buf[ko + j] = ob[old.ko + i];
    buf[vo + j] = v;
    if (hashes !== null) hashes[j] = hash;
    if (other !== null && old.other![i] !== undefined) other[j] = old.other![i];
    insertIndex(d, hash, j);
    j++;
  }
  d.nentries = j;
}

/** A table's block and columns as they were before a resize (moveEntries' source). */
export const tableSnapshot = (d: HashIndex): HashIndex => ({
  buf: d.buf,
  ko: d.ko,
  vo: d.vo,
  mask: d.mask,
  hashes: d.hashes,
  other: d.other,
});
