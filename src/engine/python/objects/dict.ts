import { memoryError } from '../errors';
import { setKeyError } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { reprText } from '../abstract/repr';
import { DICT_MAXFREELIST } from '../runtime/freelists';
import type { Vm } from '../runtime/vm';
import {
  DICT_METHODS,
  dictAssSubscript,
  dictContainsSlot,
  dictRichcompare,
  dictSubscript,
  dictText,
  dictVectorcall,
} from './dictmethods';
import { dictIterNew } from './dictview';
import { hashNotImplemented } from './object';
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
  const old = {
    addr: d.keysAddr,
    log2: d.log2,
    unicode: d.unicode,
    keys: d.keys,
    values: d.values,
    n: d.nentries,
  };
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
  return d.keysAddr + 32 + 2 ** log2Bytes + ix * (d.unicode ? 16 : 24);
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
  vm.decref(k);
  vm.decref(v);
}

/** free_keys_object: entries first to last (key, then value), then the table's memory. */
function freeKeys(vm: Vm, d: DictData): void {
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
  if (d.keysAddr === 0) return;
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
  if (f.length < DICT_MAXFREELIST) {
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
    reprText: dictText,
    hash: hashNotImplemented,
    richcompare: dictRichcompare,
    sequence: { contains: dictContainsSlot },
    mapping: { length: (vm, h) => vm.table.n[h], subscript: dictSubscript, assSubscript: dictAssSubscript },
    iter: (vm, h) => dictIterNew(vm, h, T.DictIter),
    typeVectorcall: dictVectorcall,
    methods: DICT_METHODS,
  });
