import { memoryError } from '../errors';
import { dictRepr } from './containerrepr';
import { setKeyError } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { reprText } from '../abstract/repr';
import { DICT_MAXFREELIST } from '../runtime/freelists';
import type { Vm } from '../runtime/vm';
import { DICT_METHODS, dictAssSubscript, dictContainsSlot, dictRichcompare, dictSubscript, dictText, dictVectorcall } from './dictmethods';
import { dictIterNew } from './dictview';
import { hashNotImplemented } from './object';
import { intern } from './str';
import { dictMerge as dictMergeInto } from './dictmerge';
import { sharedKeysDecref, sharedKeysIndex, valuesBytes, type SharedKeys, type Values } from './values';
import { T, TpFlags, defineType, type HashKey, type TypeSlots } from './types';

/**
 * dict objects (Objects/dictobject.c, 3.11). The dict is a 16 + 48 byte GC object; its table is
 * a separate PyDictKeysObject: 32 bytes of header, 2^log2 index bytes (1, 2, 4 or 8 per slot)
 * and USABLE_FRACTION(2^log2) = 2/3 entries of 16 bytes (all keys str: "unicode") or 24.
 * An empty dict shares the static Py_EMPTY_KEYS. Tables grow at GROWTH_RATE = used × 3, and
 * deleted entries keep their slot until the next resize.
 */
export const DICT_BASIC = 48;
const LOG_MINSIZE = 3;

export interface DictData {
  /** Address of the keys object; 0 = Py_EMPTY_KEYS. */
  keysAddr: number;
  log2: number;
  unicode: boolean;
  usable: number;
  nentries: number;
  keys: Int32Array;
  values: Int32Array;
  index: Map<HashKey, number>;
  /**
   * A split table (an instance's __dict__ made from its values array): the class's shared keys
   * name the entries, and the memory is the values array; keysAddr is 0. Null for the usual
   * combined table.
   */
  split?: { keys: SharedKeys; values: Values } | null;
}

const usableFraction = (n: number): number => Math.floor((n << 1) / 3);

/** calculate_log2_keysize: the smallest power of two ≥ minsize (at least 8). */
export function log2Keysize(minsize: number): number {
  let log2 = LOG_MINSIZE;
  while (2 ** log2 < minsize) log2++;
  return log2;
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
function newKeys(vm: Vm, d: DictData, log2: number, unicode: boolean): void {
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
  d.keys = new Int32Array(usable);
  d.values = new Int32Array(usable);
  d.index = new Map();
}

/** The old table's memory after a resize or clear: the keys free list or PyObject_Free. */
function releaseKeys(vm: Vm, addr: number, log2: number, unicode: boolean): void {
  if (addr === 0) return;
  const free = vm.free.dictKeys;
  if (log2 === LOG_MINSIZE && unicode && free.length < DICT_MAXFREELIST) free.push(addr);
  else vm.mem.free(addr);
}

const emptyData = (): DictData => ({
  keysAddr: 0,
  log2: LOG_MINSIZE,
  unicode: true,
  usable: 0,
  nentries: 0,
  keys: new Int32Array(0),
  values: new Int32Array(0),
  index: new Map(),
});

/** PyDict_New: the object from the free list or PyObject_GC_New; Py_EMPTY_KEYS; not tracked. */
export function dictNew(vm: Vm): number {
  const f = vm.free.dicts;
  const h = f.length ? vm.reuse(f.pop()!, T.Dict) : vm.newGcObject(T.Dict, DICT_BASIC);
  vm.table.side[h] = emptyData();
  return h;
}

/**
 * PyDict_Copy: an empty dict is PyDict_New; a combined table that is dense enough is cloned
 * (clone_combined_dict_keys: one PyObject_Malloc of the same size, then the dict object, tracked
 * when the original is); anything else is PyDict_New + dict_merge.
 */
export function dictCopy(vm: Vm, h: number): number {
  const d = dictData(vm, h);
  const used = vm.table.n[h];
  if (used === 0) return dictNew(vm);
  if (!d.split && d.keysAddr !== 0 && used >= Math.floor((d.nentries * 2) / 3)) {
    const size = keysBytes(d.log2, d.unicode);
    const p = vm.mem.malloc(size);
    if (p === 0) throw memoryError();
    vm.mem.touch(p, size);
    const copy: DictData = { ...d, keysAddr: p, keys: d.keys.slice(), values: d.values.slice(), index: new Map(d.index), split: null };
    for (let i = 0; i < d.nentries; i++) {
      if (d.values[i] === 0) continue;
      vm.incref(d.keys[i]);
      vm.incref(d.values[i]);
    }
    const f = vm.free.dicts;
    const c = f.length ? vm.reuse(f.pop()!, T.Dict) : vm.newGcObject(T.Dict, DICT_BASIC);
    vm.table.side[c] = copy;
    vm.table.n[c] = used;
    if (vm.gc.isTracked(h)) vm.gc.track(c);
    return c;
  }
  const c = dictNew(vm);
  dictMergeInto(vm, c, h);
  return c;
}

/** dict_new_presized(minused, unicode): up to 5 items get an empty dict, else a table sized for them. */
export function dictNewPresized(vm: Vm, minused: number, unicode: boolean): number {
  if (minused <= 5) return dictNew(vm);
  const log2 = minused > usableFraction(1 << 17) ? 17 : log2Keysize(Math.floor((minused * 3 + 1) / 2));
  const d = emptyData();
  newKeys(vm, d, log2, unicode);
  const f = vm.free.dicts;
  const h = f.length ? vm.reuse(f.pop()!, T.Dict) : vm.newGcObject(T.Dict, DICT_BASIC);
  vm.table.side[h] = d;
  return h;
}

/** dictresize: a new table for the live entries, then the old one is released. */
function resize(vm: Vm, h: number, log2: number, unicode: boolean): void {
  const d = dictData(vm, h);
  const old = { addr: d.keysAddr, log2: d.log2, unicode: d.unicode, keys: d.keys, values: d.values, n: d.nentries };
  if (!old.unicode) unicode = false;
  newKeys(vm, d, log2, unicode);
  for (let i = 0; i < old.n; i++) {
    if (old.values[i] === 0) continue;
    const k = old.keys[i];
    d.keys[d.nentries] = k;
    d.values[d.nentries] = old.values[i];
    d.index.set(hashKey(vm, k), d.nentries);
    d.nentries++;
  }
  d.usable -= d.nentries;
  releaseKeys(vm, old.addr, old.log2, old.unicode);
}

const isStr = (vm: Vm, h: number): boolean => vm.table.type[h] === T.Str;

/** MAINTAIN_TRACKING: a dict is tracked once it may hold a container. */
function maintainTracking(vm: Vm, h: number, key: number, value: number): void {
  if (!vm.gc.isTracked(h) && (vm.mayBeTracked(key) || vm.mayBeTracked(value))) vm.gc.track(h);
}

/** PyDict_SetItem (borrowed key and value). Returns nothing; replaces and releases an old value. */
export function dictSetItem(vm: Vm, h: number, key: number, value: number): void {
  const d = dictData(vm, h);
  const hk = hashKey(vm, key);
  if (d.split) {
    if (splitSetItem(vm, h, d, key, value, hk)) return;
    combineSplit(vm, h, d);
  }
  vm.incref(key);
  vm.incref(value);
  if (d.keysAddr === 0) {
    // insert_to_emptydict
    newKeys(vm, d, LOG_MINSIZE, isStr(vm, key));
    maintainTracking(vm, h, key, value);
    appendEntry(vm, h, d, key, value, hk);
    return;
  }
  if (d.unicode && !isStr(vm, key)) resize(vm, h, log2Keysize(vm.table.n[h] * 3), false);
  const ix = d.index.get(hk);
  maintainTracking(vm, h, key, value);
  if (ix === undefined) {
    if (d.usable <= 0) resize(vm, h, log2Keysize(vm.table.n[h] * 3), true);
    appendEntry(vm, h, d, key, value, hk);
    return;
  }
  const old = d.values[ix];
  d.values[ix] = value;
  vm.mem.touch(entryAddr(d, ix), 8);
  vm.decref(old);
  vm.decref(key);
}

function entryAddr(d: DictData, ix: number): number {
  const log2 = d.log2;
  const log2Bytes = log2 < 8 ? log2 : log2 < 16 ? log2 + 1 : log2 >= 32 ? log2 + 3 : log2 + 2;
  // a shift, not `2 **` (Math.pow: a fifth of a name-heavy loop's time)
  const indices = log2Bytes < 31 ? 1 << log2Bytes : 2 ** log2Bytes;
  return d.keysAddr + 32 + indices + ix * (d.unicode ? 16 : 24);
}

function appendEntry(vm: Vm, h: number, d: DictData, key: number, value: number, hk: HashKey): void {
  const ix = d.nentries;
  d.keys[ix] = key;
  d.values[ix] = value;
  d.index.set(hk, ix);
  d.nentries++;
  d.usable--;
  vm.table.n[h]++;
  vm.mem.touch(entryAddr(d, ix), d.unicode ? 16 : 24);
}

/** Borrowed value for key, or 0. */
export function dictGetItem(vm: Vm, h: number, key: number): number {
  const d = dictData(vm, h);
  const ix = d.index.get(hashKey(vm, key));
  return ix === undefined ? 0 : d.values[ix];
}

/** delitem_common: the slot becomes a dummy; key then value are released. A missing key is a KeyError. */
export function dictDelItem(vm: Vm, h: number, key: number): void {
  const d = dictData(vm, h);
  const hk = hashKey(vm, key);
  const ix = d.index.get(hk);
  if (ix === undefined) throw setKeyError(vm, key, reprText(vm, key));
  const k = d.keys[ix];
  const v = d.values[ix];
  d.keys[ix] = 0;
  d.values[ix] = 0;
  d.index.delete(hk);
  vm.table.n[h]--;
  if (d.split) {
    // delete_index_from_values: the value goes; the shared keys keep the name
    d.split.values.slots[d.split.keys.names.indexOf(vm.table.side[k] as string)] = 0;
    vm.decref(v);
    return;
  }
  vm.decref(k);
  vm.decref(v);
}

// ---- split tables (instances' dicts) ------------------------------------------------------

/**
 * make_dict_from_instance_attributes: an instance's values array becomes a dict object (from the
 * free list or PyObject_GC_New) over the class's shared keys; tracked when a value may be.
 */
export function dictFromSplit(vm: Vm, keys: SharedKeys, values: Values): number {
  const f = vm.free.dicts;
  const h = f.length ? vm.reuse(f.pop()!, T.Dict) : vm.newGcObject(T.Dict, DICT_BASIC);
  const d = emptyData();
  d.split = { keys, values };
  keys.refcnt++;
  d.usable = Infinity;
  const n = Math.min(keys.names.length, values.size);
  d.keys = new Int32Array(n);
  d.values = new Int32Array(n);
  let track = false;
  for (let ix = 0; ix < n; ix++) {
    const v = values.slots[ix];
    if (v === 0) continue;
    const k = intern(vm, keys.names[ix]);
    d.keys[d.nentries] = k;
    d.values[d.nentries] = v;
    d.index.set(keys.names[ix], d.nentries++);
    if (vm.mayBeTracked(v)) track = true;
  }
  vm.table.side[h] = d;
  vm.table.n[h] = d.nentries;
  if (track) vm.gc.track(h);
  return h;
}

/** insertdict on a split table: a str key the shared keys can name goes into the values array. */
function splitSetItem(vm: Vm, h: number, d: DictData, key: number, value: number, hk: HashKey): boolean {
  const sp = d.split!;
  if (!isStr(vm, key)) return false;
  const slot = sharedKeysIndex(sp.keys, vm.table.side[key] as string, true);
  if (slot < 0 || slot >= sp.values.size) return false;
  vm.incref(value);
  maintainTracking(vm, h, key, value);
  const ix = d.index.get(hk);
  if (ix !== undefined) {
    const old = d.values[ix];
    d.values[ix] = value;
    sp.values.slots[slot] = value;
    vm.decref(old);
    return true;
  }
  if (d.nentries === d.keys.length) {
    d.keys = growInt32(d.keys);
    d.values = growInt32(d.values);
  }
  const k = intern(vm, vm.table.side[key] as string);
  d.keys[d.nentries] = k;
  d.values[d.nentries] = value;
  d.index.set(hk, d.nentries++);
  sp.values.slots[slot] = value;
  vm.table.n[h]++;
  return true;
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(4, a.length * 2));
  b.set(a);
  return b;
}

/** insertion_resize of a split table: a combined table for used × 3, then the values array freed and the shared keys let go. */
function combineSplit(vm: Vm, h: number, d: DictData): void {
  const sp = d.split!;
  const entries: [number, number][] = [];
  for (let i = 0; i < d.nentries; i++) if (d.values[i] !== 0) entries.push([d.keys[i], d.values[i]]);
  d.split = null;
  newKeys(vm, d, log2Keysize(vm.table.n[h] * 3), true);
  for (const [k, v] of entries) {
    d.keys[d.nentries] = k;
    d.values[d.nentries] = v;
    d.index.set(vm.table.side[k] as string, d.nentries++);
  }
  d.usable -= d.nentries;
  vm.mem.free(sp.values.addr);
  sharedKeysDecref(vm, sp.keys);
}

/** A split table's end: its values released in order, the array freed, the shared keys let go. */
function freeSplit(vm: Vm, d: DictData): void {
  const sp = d.split!;
  for (let i = 0; i < d.nentries; i++) if (d.values[i] !== 0) vm.decref(d.values[i]);
  vm.mem.free(sp.values.addr);
  sharedKeysDecref(vm, sp.keys);
}

/** free_keys_object: entries first to last (key, then value), then the table's memory. */
function freeKeys(vm: Vm, d: DictData): void {
  if (d.split) return freeSplit(vm, d);
  const { keys, values, nentries: n, keysAddr, log2, unicode } = d;
  for (let i = 0; i < n; i++) {
    if (keys[i] !== 0) vm.decref(keys[i]);
    if (values[i] !== 0) vm.decref(values[i]);
  }
  releaseKeys(vm, keysAddr, log2, unicode);
}

/** PyDict_Clear: back to Py_EMPTY_KEYS first, then the old table is released. */
export function dictClear(vm: Vm, h: number): void {
  const d = dictData(vm, h);
  if (d.keysAddr === 0 && !d.split) return;
  vm.table.side[h] = emptyData();
  vm.table.n[h] = 0;
  freeKeys(vm, d);
}

/** dict_dealloc. */
export function dictDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const d = dictData(vm, h);
  vm.table.side[h] = undefined;
  freeKeys(vm, d);
  const f = vm.free.dicts;
  if (f.length < DICT_MAXFREELIST && vm.table.type[h] === T.Dict) {
    vm.park(h);
    f.push(h);
  } else vm.gcDel(h);
  vm.trashEnd();
}

export function dictTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const d = dictData(vm, h);
  for (let i = 0; i < d.nentries; i++) {
    if (d.values[i] === 0) continue;
    if (!d.unicode) visit(d.keys[i]);
    visit(d.values[i]);
  }
}

/** Live entries in insertion order: [key, value] handles (borrowed). */
export function* dictEntries(vm: Vm, h: number): Generator<[number, number]> {
  const d = dictData(vm, h);
  for (let i = 0; i < d.nentries; i++) if (d.values[i] !== 0) yield [d.keys[i], d.values[i]];
}

/** sys.getsizeof(dict) (dict_sizeof + GC head): the table counts only when the dict owns it. */
export function dictSizeof(vm: Vm, h: number): number {
  const d = dictData(vm, h);
  if (d.split) return 16 + DICT_BASIC + valuesBytes(d.split.values.size);
  return 16 + DICT_BASIC + (d.keysAddr ? keysBytes(d.log2, d.unicode) : 0);
}

export const DictType = (): TypeSlots =>
  defineType({
    id: T.Dict,
    name: 'dict',
    basicsize: DICT_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.DictSubclass | TpFlags.MappingFlag,
    dealloc: dictDealloc,
    traverse: dictTraverse,
    clear: dictClear,
    sizeof: (vm, h) => dictSizeof(vm, h) - 16,
    repr: dictRepr,
    reprText: dictText,
    hash: hashNotImplemented,
    richcompare: dictRichcompare,
    sequence: { contains: dictContainsSlot },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: dictSubscript, assSubscript: dictAssSubscript },
    iter: (vm, h) => dictIterNew(vm, h, T.DictIter),
    typeVectorcall: dictVectorcall,
    methods: DICT_METHODS,
  });
