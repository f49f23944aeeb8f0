import { memoryError } from '../errors';
import { dictRepr } from './containerrepr';
import { setKeyError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import {
  DICT_METHODS,
  dictNumberSlots,
  dictAssSubscript,
  dictContainsSlot,
  dictRichcompare,
  dictSubscript,
  dictText,
  dictVectorcall,
} from './dictmethods';
import { dictIterNew } from './dictview';
import { hashNotImplemented } from './object';
import { intern, strHash, strValue } from './str';
import { dictMerge as dictMergeInto } from './dictmerge';
import { sharedKeysDecref, sharedKeysIndex, type SharedKeys, type Values } from './values';
import { T, TpFlags, defineType, type HashKey, type TypeSlots } from './types';
import { dictInit, dictNewSubtype, dictSubscriptMissing } from './dictsub';
import { tupleItems } from './tuple';
import {
  forgetEntry,
  entryCapacity,
  insertIndex,
  keyAt,
  valueAt,
  isFastKey,
  keyHash,
  lookup,
  markDummy,
  noteEntry,
  slowKey,
} from './dictindex';
import {
  DictData,
  LOG_MINSIZE,
  copyTable,
  dictData,
  emptyDictData,
  keysBytes,
  log2Keysize,
  moveEntries,
  newDictData,
  newKeys,
  ownDictData,
  releaseBlock,
  releaseKeys,
  tableSnapshot,
  usableFraction,
} from './dictkeys';

/**
 * dict objects (Objects/dictobject.c, 3.11). The dict is a 16 + 48 byte GC object; its table is
 * a separate PyDictKeysObject: 32 bytes of header, 2^log2 index bytes (1, 2, 4 or 8 per slot)
 * and USABLE_FRACTION(2^log2) = 2/3 entries of 16 bytes (all keys str: "unicode") or 24.
 * An empty dict shares the static Py_EMPTY_KEYS. Tables grow at GROWTH_RATE = used × 3, and
 * deleted entries keep their slot until the next resize.
 */
export const DICT_BASIC = 48;
/** PyDict_New: the object from the free list or PyObject_GC_New; Py_EMPTY_KEYS; not tracked. */
export function dictNew(vm: Vm): number {
  const f = vm.free.dicts;
  const h = f.length ? vm.reuse(f.pop()!, T.Dict) : vm.newGcObject(T.Dict, DICT_BASIC);
  vm.table.side[h] = emptyDictData();
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
    const copy = newDictData();
    copyTable(vm, copy, d);
    copy.keysAddr = p;
    for (let i = 0; i < d.nentries; i++) {
      if (d.buf[d.vo + i] === 0) continue;
      vm.incref(d.buf[d.ko + i]);
      vm.incref(d.buf[d.vo + i]);
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
  const d = newDictData();
  newKeys(vm, d, log2, unicode);
  const f = vm.free.dicts;
  const h = f.length ? vm.reuse(f.pop()!, T.Dict) : vm.newGcObject(T.Dict, DICT_BASIC);
  vm.table.side[h] = d;
  return h;
}

/** dictresize: a new table for the live entries, then the old one is released. */
function resize(vm: Vm, h: number, log2: number, unicode: boolean): void {
  const d = dictData(vm, h);
  const old = { addr: d.keysAddr, log2: d.log2, unicode: d.unicode, n: d.nentries };
  const entries = tableSnapshot(d);
  if (!old.unicode) unicode = false;
  newKeys(vm, d, log2, unicode);
  moveEntries(vm, d, entries, old.n);
  d.usable -= d.nentries;
  releaseKeys(vm, old.addr, old.log2, old.unicode);
  if (old.addr !== 0) releaseBlock(vm, entries.buf, entries.ko, old.log2);
}

const isStr = (vm: Vm, h: number): boolean => vm.table.type[h] === T.Str;

/** MAINTAIN_TRACKING: a dict is tracked once it may hold a container. */
function maintainTracking(vm: Vm, h: number, key: number, value: number): void {
  if (!vm.gc.isTracked(h) && (vm.mayBeTracked(key) || vm.mayBeTracked(value))) vm.gc.track(h);
}

/** PyDict_SetItem (borrowed key and value). Returns nothing; replaces and releases an old value. */
export function dictSetItem(vm: Vm, h: number, key: number, value: number): void {
  const hash = keyHash(vm, key);
  const fast = isFastKey(vm, key);
  dictSetItemKnownHash(vm, h, key, value, hash, fast, fast ? 0 : slowKey);
}

/**
 * _PyDict_SetItem_KnownHash: the key's hash (and, not an exact int or str, its HashKey `slow`)
 * already computed, so its __hash__ is not called again.
 */
export function dictSetItemKnownHash(
  vm: Vm,
  h: number,
  key: number,
  value: number,
  hash: number,
  fast: boolean,
  slow: HashKey,
  absent = false,
): void {
  const d = dictData(vm, h);
  if (d.split) {
    if (splitSetItem(vm, h, d, key, value, hash)) return;
    combineSplit(vm, h, d);
  }
  vm.incref(key);
  vm.incref(value);
  if (d.keysAddr === 0) {
    // insert_to_emptydict
    const own = ownDictData(vm, h);
    newKeys(vm, own, LOG_MINSIZE, isStr(vm, key));
    maintainTracking(vm, h, key, value);
    appendEntry(vm, h, own, key, value, hash, fast, slow);
    return;
  }
  if (d.unicode && !isStr(vm, key)) resize(vm, h, log2Keysize(vm.table.n[h] * 3), false);
  let ix = -1;
  try {
    // (absent: PyDict_SetDefault's insert after its own lookup found nothing)
    if (!absent) ix = lookup(vm, d, key, hash, fast, slow);
  } catch (e) {
    // a key's __eq__ raised (insertdict's Fail: the references it took go back)
    vm.decref(value);
    vm.decref(key);
    throw e;
  }
  maintainTracking(vm, h, key, value);
  if (ix < 0) {
    if (d.usable <= 0) resize(vm, h, log2Keysize(vm.table.n[h] * 3), true);
    appendEntry(vm, h, d, key, value, hash, fast, slow);
    return;
  }
  const old = d.buf[d.vo + ix];
  d.buf[d.vo + ix] = value;
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

function appendEntry(
  vm: Vm,
  h: number,
  d: DictData,
  key: number,
  value: number,
  hash: number,
  fast: boolean,
  slow: HashKey,
): void {
  const ix = d.nentries;
  d.buf[d.ko + ix] = key;
  d.buf[d.vo + ix] = value;
  noteEntry(vm, d, ix, hash, fast, slow);
  insertIndex(d, hash, ix);
  d.nentries++;
  d.usable--;
  vm.table.n[h]++;
  vm.mem.touch(entryAddr(d, ix), d.unicode ? 16 : 24);
}

/** Borrowed value for key, or 0. */
export function dictGetItem(vm: Vm, h: number, key: number): number {
  const d = dictData(vm, h);
  const hash = keyHash(vm, key);
  const ix = lookup(vm, d, key, hash, isFastKey(vm, key));
  return ix < 0 ? 0 : d.buf[d.vo + ix];
}

/** _Py_dict_lookup with a known hash: borrowed value for key, or 0 (its __hash__ not called). */
export function dictGetItemKnownHash(vm: Vm, h: number, key: number, hash: number, slow: HashKey): number {
  const d = dictData(vm, h);
  const ix = lookup(vm, d, key, hash, isFastKey(vm, key), slow);
  return ix < 0 ? 0 : d.buf[d.vo + ix];
}

/** delitem_common: the slot becomes a dummy; key then value are released. A missing key is a KeyError. */
export function dictDelItem(vm: Vm, h: number, key: number): void {
  const hash = keyHash(vm, key);
  dictDelItemKnownHash(vm, h, key, hash, isFastKey(vm, key) ? 0 : slowKey);
}

/** _PyDict_DelItem_KnownHash (`slow`: the key's HashKey when it is not an exact int or str). */
export function dictDelItemKnownHash(vm: Vm, h: number, key: number, hash: number, slow: HashKey): void {
  const d = dictData(vm, h);
  const ix = lookup(vm, d, key, hash, isFastKey(vm, key), slow);
  if (ix < 0) throw setKeyError(vm, key, reprText(vm, key));
  deleteEntry(vm, h, d, ix, hash);
}

/**
 * dict.pop(key) (_PyDict_Pop: one hash, one lookup): the value (a new reference) with its entry
 * removed, or 0 when the key is missing.
 */
export function dictPopItem(vm: Vm, h: number, key: number): number {
  if (vm.table.n[h] === 0) return 0;
  const hash = keyHash(vm, key);
  return dictPopKnownHash(vm, h, key, hash, isFastKey(vm, key) ? 0 : slowKey);
}

/** _PyDict_Pop_KnownHash: the value (a new reference) with its entry removed, or 0. */
export function dictPopKnownHash(vm: Vm, h: number, key: number, hash: number, slow: HashKey): number {
  const d = dictData(vm, h);
  const ix = lookup(vm, d, key, hash, isFastKey(vm, key), slow);
  if (ix < 0) return 0;
  const v = d.buf[d.vo + ix];
  vm.incref(v);
  deleteEntry(vm, h, d, ix, hash);
  return v;
}

/** dict.setdefault (PyDict_SetDefault: one hash, one lookup): the value there, else dflt inserted. Borrowed. */
export function dictSetDefault(vm: Vm, h: number, key: number, dflt: number): number {
  const hash = keyHash(vm, key);
  const fast = isFastKey(vm, key);
  const slow = fast ? 0 : slowKey;
  const ix = lookup(vm, dictData(vm, h), key, hash, fast, slow);
  if (ix >= 0) return valueAt(dictData(vm, h), ix);
  dictSetItemKnownHash(vm, h, key, dflt, hash, fast, slow, true);
  return dflt;
}

/** delitem_common for entry ix (hash: its me_hash). */
function deleteEntry(vm: Vm, h: number, d: DictData, ix: number, hash: number): void {
  const k = d.buf[d.ko + ix];
  const v = d.buf[d.vo + ix];
  markDummy(d, hash, ix);
  d.buf[d.ko + ix] = 0;
  d.buf[d.vo + ix] = 0;
  forgetEntry(d, ix);
  vm.table.n[h]--;
  if (d.split) {
    // delete_index_from_values: the value goes; the shared keys keep the name
    d.split.values.slots[d.split.keys.names.indexOf(strValue(vm, k))] = 0;
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
  const d = newDictData();
  d.split = { keys, values };
  keys.refcnt++;
  d.usable = Infinity;
  const n = Math.min(keys.names.length, values.size);
  splitBlock(vm, d, n);
  let track = false;
  for (let ix = 0; ix < n; ix++) {
    const v = values.slots[ix];
    if (v === 0) continue;
    const k = intern(vm, keys.names[ix]);
    d.buf[d.ko + d.nentries] = k;
    d.buf[d.vo + d.nentries] = v;
    insertIndex(d, strHash(vm, k), d.nentries++);
    if (vm.mayBeTracked(v)) track = true;
  }
  vm.table.side[h] = d;
  vm.table.n[h] = d.nentries;
  if (track) vm.gc.track(h);
  return h;
}

/** insertdict on a split table: a str key the shared keys can name goes into the values array. */
function splitSetItem(vm: Vm, h: number, d: DictData, key: number, value: number, hash: number): boolean {
  const sp = d.split!;
  if (!isStr(vm, key)) return false;
  const name = strValue(vm, key);
  const slot = sharedKeysIndex(sp.keys, name, true);
  if (slot < 0 || slot >= sp.values.size) return false;
  vm.incref(value);
  maintainTracking(vm, h, key, value);
  const ix = lookup(vm, d, key, hash, true);
  if (ix >= 0) {
    const old = d.buf[d.vo + ix];
    d.buf[d.vo + ix] = value;
    sp.values.slots[slot] = value;
    vm.decref(old);
    return true;
  }
  // The simulator's own index (a split table has no dk_indices of its own here): room for twice
  // the entries, rebuilt without the deleted ones when it fills; the entries double when full.
  if (d.nentries === entryCapacity(d)) splitBlock(vm, d, Math.max(4, entryCapacity(d) * 2));
  else if (d.nentries * 2 > d.mask) splitBlock(vm, d, entryCapacity(d));
  const k = intern(vm, name);
  d.buf[d.ko + d.nentries] = k;
  d.buf[d.vo + d.nentries] = value;
  insertIndex(d, hash, d.nentries++);
  sp.values.slots[slot] = value;
  vm.table.n[h]++;
  return true;
}

/**
 * A split table's block of its own for `cap` entries, with indices for twice that (a power of
 * two, at least 8): its entries so far copied over and indexed again.
 */
function splitBlock(vm: Vm, d: DictData, cap: number): void {
  const slots = 1 << Math.max(3, 32 - Math.clz32(Math.max(1, cap * 2 - 1)));
  const buf = new Int32Array(slots + 2 * cap);
  buf.fill(-1, 0, slots);
  for (let i = 0; i < d.nentries; i++) {
    buf[slots + i] = d.buf[d.ko + i];
    buf[slots + cap + i] = d.buf[d.vo + i];
  }
  d.buf = buf;
  d.ko = slots;
  d.vo = slots + cap;
  d.mask = slots - 1;
  for (let i = 0; i < d.nentries; i++)
    if (buf[slots + i] !== 0) insertIndex(d, strHash(vm, buf[slots + i]), i);
}

/** insertion_resize of a split table: a combined table for used × 3, then the values array freed and the shared keys let go. */
function combineSplit(vm: Vm, h: number, d: DictData): void {
  const sp = d.split!;
  const entries: [number, number][] = [];
  for (let i = 0; i < d.nentries; i++)
    if (d.buf[d.vo + i] !== 0) entries.push([d.buf[d.ko + i], d.buf[d.vo + i]]);
  d.split = null;
  newKeys(vm, d, log2Keysize(vm.table.n[h] * 3), true);
  for (const [k, v] of entries) {
    d.buf[d.ko + d.nentries] = k;
    d.buf[d.vo + d.nentries] = v;
    insertIndex(d, strHash(vm, k), d.nentries++);
  }
  d.usable -= d.nentries;
  if (sp.values.addr !== 0) vm.mem.free(sp.values.addr); // inline values (3.13) stay in the object
  sharedKeysDecref(vm, sp.keys);
}

/** A split table's end: its values released in order, the array freed, the shared keys let go. */
function freeSplit(vm: Vm, d: DictData): void {
  const sp = d.split!;
  for (let i = 0; i < d.nentries; i++) if (d.buf[d.vo + i] !== 0) vm.decref(d.buf[d.vo + i]);
  if (sp.values.addr !== 0) vm.mem.free(sp.values.addr); // inline values (3.13) stay in the object
  sharedKeysDecref(vm, sp.keys);
}

/**
 * free_keys_object: entries first to last (key, then value), then the table's memory; the block
 * goes back to the slabs last (a decref above can run a __del__ that makes dicts).
 */
export function freeKeys(vm: Vm, d: DictData): void {
  if (d.split) return freeSplit(vm, d);
  const { buf, ko, vo, nentries: n, keysAddr, log2, unicode } = d;
  for (let i = 0; i < n; i++) {
    if (buf[ko + i] !== 0) vm.decref(buf[ko + i]);
    if (buf[vo + i] !== 0) vm.decref(buf[vo + i]);
  }
  releaseKeys(vm, keysAddr, log2, unicode);
  if (keysAddr !== 0) releaseBlock(vm, buf, ko, log2);
}

/** PyDict_Clear: back to Py_EMPTY_KEYS first, then the old table is released. */
export function dictClear(vm: Vm, h: number): void {
  const d = dictData(vm, h);
  if (d.keysAddr === 0 && !d.split) return;
  vm.table.side[h] = emptyDictData();
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
  if (f.length < vm.py.freelists.dict && vm.table.type[h] === T.Dict) {
    vm.park(h);
    f.push(h);
  } else vm.gcDel(h);
  vm.trashEnd();
}

export function dictTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const d = dictData(vm, h);
  // A base class's tp_subclasses dict (typenew.ts addSubclass) is modelled by its blocks only: its
  // entries live in the type's extra (weakrefs to the subclasses), so there is nothing to visit here.
  if (d === undefined) return;
  for (let i = 0; i < d.nentries; i++) {
    const v = d.buf[d.vo + i];
    if (v === 0) continue;
    if (!d.unicode) visit(d.buf[d.ko + i]);
    visit(v);
  }
}

/** Live entries in insertion order: [key, value] handles (borrowed). */
export function* dictEntries(vm: Vm, h: number): Generator<[number, number]> {
  const d = dictData(vm, h);
  for (let i = 0; i < d.nentries; i++) if (valueAt(d, i) !== 0) yield [keyAt(d, i), valueAt(d, i)];
}

/**
 * sys.getsizeof(dict) (dict_sizeof + GC head): the table counts only when the dict owns it. A split
 * dict counts shared_keys_usable_size × 8 for its values (_PyDict_SizeOf), not the values array's
 * malloc size with its prefix: `vars(obj)` of a plain class's first instance is 296 on 3.11.7–3.13.0
 * (16 + 48 + 29 × 8).
 */
export function dictSizeof(vm: Vm, h: number): number {
  const d = dictData(vm, h);
  // shared_keys_usable_size reads the class's keys as they are now (dk_nentries + dk_usable, which
  // every new instance lowers by one), not this dict's values array: vars(x) of any instance of a
  // class with 20 instances is 144 bytes, with 200,000 instances 104 (3.11.7, 3.12.1, 3.13.0)
  // _PyObject_SIZE(Py_TYPE(mp)): a subclass (defaultdict, Counter, a class of the script's) is bigger
  const basic = vm.typeOf(h).basicsize;
  if (d.split) return 16 + basic + 8 * (d.split.keys.names.length + d.split.keys.usable);
  return 16 + basic + (d.keysAddr ? keysBytes(d.log2, d.unicode) : 0);
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
    // dict_subscript: a subclass's missing key goes to its __missing__
    mapping: {
      length: (vm, h) => vm.table.n[h],
      subscript: (vm, h, k) =>
        vm.table.type[h] === T.Dict ? dictSubscript(vm, h, k) : dictSubscriptMissing(vm, h, k),
      assSubscript: dictAssSubscript,
    },
    iter: (vm, h) => dictIterNew(vm, h, T.DictIter),
    typeVectorcall: dictVectorcall,
    // dict_new / dict_init: what a class deriving from dict inherits (dict() itself is the vectorcall)
    new: (vm, type) => dictNewSubtype(vm, type),
    init: (vm, h, args, kwargs) => dictInit(vm, h, Array.from(tupleItems(vm, args)), kwargs, 'dict'),
    methods: DICT_METHODS,
    number: dictNumberSlots(),
  });
