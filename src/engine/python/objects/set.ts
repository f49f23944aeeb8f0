import { memoryError } from '../errors';
import { setRepr } from './containerrepr';
import { typeError } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { setIterNew } from './iter';
import { FROZENSET_METHODS, SET_METHODS, setNumberSlots } from './setmethods';
import { isAnySet, setIsSubset, setUpdateInternal } from './setops';
import { foundHk, indexKeyOf, setFind } from './setlookup';
import { frozensetPyHash } from './sethash';
import { isOpaqueKey, opaqueKey } from './keyeq';
import { computeEntryHash } from './sethash';
import { newSlots, slotInsert, slotMembers, slotRemove, slotsRehash } from './settable';
import { genericAlloc, hashNotImplemented } from './object';
import { noKeywords } from './getargs';
import { tupleItem } from './tuple';
import { keyText } from './tuple';
import { Cmp, T, TpFlags, defineType, type Kwargs, type TypeSlots, type HashKey } from './types';

/**
 * set and frozenset (Objects/setobject.c, 3.11): a 16 + 200 byte GC object that holds an 8-slot
 * `smalltable`; bigger tables are PyMem_NEW(setentry, size) = 16 bytes a slot, memset to zero.
 * A table grows when fill·5 ≥ mask·3, to the power of two above used×4 (used×2 past 50,000).
 * Removed keys leave dummies that still count in `fill`.
 */
export const SET_BASIC = 200;
const MINSIZE = 8;

export interface SetData {
  /** PyMem block of the table; 0 = the inline smalltable. */
  tableAddr: number;
  mask: number;
  fill: number;
  /**
   * Membership (key → member handle): the lookups (setlookup.ts). An opaque member (keyeq.ts) is
   * entered under its HashKey and handle (setlookup.ts indexKeyOf): found by a walk, not here.
   */
  index: Map<HashKey, number>;
  /** How many members have an opaque HashKey: while there are any, lookups walk the slot table. */
  opaque: number;
  /** The slot table (settable.ts): which slot each member is in, for the order. */
  slots: Int32Array;
  /** Each slot's membership key. */
  hks: HashKey[];
  /** set_pop's finger: where the next pop starts looking. */
  finger: number;
}

export function setData(vm: Vm, h: number): SetData {
  return vm.table.side[h] as SetData;
}

const emptyData = (): SetData => ({
  tableAddr: 0,
  mask: MINSIZE - 1,
  fill: 0,
  index: new Map(),
  opaque: 0,
  slots: newSlots(MINSIZE),
  hks: new Array<HashKey>(MINSIZE),
  finger: 0,
});

/** The members in slot order, as set_next visits them. */
export function setMembers(vm: Vm, h: number): number[] {
  const s = setData(vm, h);
  return slotMembers(s.slots, s.mask + 1);
}

/** make_new_set (PyType_GenericAlloc: allocated, zeroed, tracked). */
export function setNew(vm: Vm, frozen = false): number {
  const h = vm.newGcObject(frozen ? T.FrozenSet : T.Set, SET_BASIC);
  vm.table.side[h] = emptyData();
  vm.gc.track(h);
  return h;
}

/** set_table_resize(minused): the smallest power of two above minused; live entries re-inserted in slot order. */
export function setResize(vm: Vm, h: number, minused: number): void {
  const s = setData(vm, h);
  let newsize = MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const old = s.tableAddr;
  // a smalltable staying small with no dummies: nothing to do
  if (newsize === MINSIZE && old === 0 && s.fill === vm.table.n[h]) return;
  let table = 0;
  if (newsize !== MINSIZE) {
    table = vm.mem.malloc(16 * newsize);
    if (table === 0) throw memoryError();
    vm.mem.touch(table, 16 * newsize); // memset(newtable, 0, ...)
  }
  const slots = newSlots(newsize);
  const hks = new Array<HashKey>(newsize);
  slotsRehash(s.slots, s.hks, s.mask + 1, slots, hks, newsize - 1);
  s.slots = slots;
  s.hks = hks;
  s.tableAddr = table;
  s.mask = newsize - 1;
  s.fill = vm.table.n[h];
  if (old !== 0) vm.mem.free(old);
}

/** set_add_entry (borrowed key): into the first unused slot on its path; a resize at fill·5 ≥ mask·3. */
export function setAdd(vm: Vm, h: number, key: number): void {
  const hk = hashKey(vm, key);
  if (setFind(vm, h, key, hk) !== 0) return;
  computeEntryHash(vm, key, hk);
  addEntry(vm, h, key, hk);
}

/** set_add_entry's found_unused for a key known absent, its hash in entryHash (the set operations). */
export function addEntry(vm: Vm, h: number, key: number, hk: HashKey): void {
  const s = setData(vm, h);
  vm.incref(key);
  s.index.set(indexKeyOf(hk, key), key);
  if (isOpaqueKey(hk)) s.opaque++;
  const slot = slotInsert(s.slots, s.hks, s.mask, key, hk);
  s.fill++;
  const used = ++vm.table.n[h];
  if (s.tableAddr) vm.mem.touch(s.tableAddr + 16 * slot, 16);
  if (s.fill * 5 < s.mask * 3) return;
  setResize(vm, h, used > 50000 ? used * 2 : used * 4);
}

export function setContains(vm: Vm, h: number, key: number): boolean {
  return setFind(vm, h, key, hashKey(vm, key)) !== 0;
}

/** set_discard_entry: the slot becomes a dummy (fill unchanged). Returns whether the key was there. */
export function setDiscard(vm: Vm, h: number, key: number): boolean {
  return setDiscardKnown(vm, h, key, hashKey(vm, key));
}

/** set_discard_entry(so, key, hash) with the key's HashKey known (no __hash__ call). */
export function setDiscardKnown(vm: Vm, h: number, key: number, hk: HashKey): boolean {
  const k = setFind(vm, h, key, hk);
  if (k === 0) return false;
  const s = setData(vm, h);
  const khk = foundHk;
  computeEntryHash(vm, k, khk);
  slotRemove(s.slots, s.hks, s.mask, k);
  s.index.delete(indexKeyOf(khk, k));
  if (isOpaqueKey(khk)) s.opaque--;
  vm.table.n[h]--;
  vm.decref(k);
  return true;
}

/** set_clear_internal: back to the smalltable, then the keys in slot order, then the old table. */
export function setClear(vm: Vm, h: number): void {
  const keys = setMembers(vm, h);
  const old = setData(vm, h).tableAddr;
  vm.table.side[h] = emptyData();
  vm.table.n[h] = 0;
  for (const k of keys) vm.decref(k);
  if (old) vm.mem.free(old);
}

/** set_dealloc. */
export function setDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const s = setData(vm, h);
  for (const k of slotMembers(s.slots, s.mask + 1)) vm.decref(k);
  if (s.tableAddr) vm.mem.free(s.tableAddr);
  vm.gcDel(h);
  vm.trashEnd();
}

export function setTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const { slots, mask } = setData(vm, h);
  for (let i = 0; i <= mask; i++) if (slots[i] > 0) visit(slots[i]);
}

/** set.__sizeof__ + the GC head. */
export function setSizeof(vm: Vm, h: number): number {
  const s = setData(vm, h);
  // set_sizeof: _PyObject_SIZE(Py_TYPE(so)) (a class with __slots__ is bigger)
  return 16 + vm.typeOf(h).basicsize + (s.tableAddr ? 16 * (s.mask + 1) : 0);
}

/** set_vectorcall / frozenset_vectorcall: make_new_set + set_update_internal. */
const setVectorcall =
  (frozen: boolean) =>
  (vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number => {
    const name = frozen ? 'frozenset' : 'set';
    if (kw !== null && kw.size) throw typeError(vm, '%s() takes no keyword arguments', name);
    if (args.length > 1) throw typeError(vm, '%s expected at most 1 argument, got %zd', name, args.length);
    if (frozen && args.length && vm.table.type[args[0]] === T.FrozenSet) {
      vm.incref(args[0]);
      return args[0];
    }
    const s = setNew(vm, frozen);
    try {
      if (args.length) setUpdateInternal(vm, s, args[0]);
    } catch (e) {
      vm.decref(s);
      throw e;
    }
    return s;
  };

/** set_richcompare: == and != by size and membership; the order comparisons are subset tests. */
function setRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!isAnySet(vm, b)) return vm.s.NotImplemented;
  const na = vm.table.n[a];
  const nb = vm.table.n[b];
  // set_issubset: each member looked up by its stored hash (no __hash__ call)
  const subset = (x: number, y: number) => setIsSubset(vm, x, y);
  switch (op) {
    case Cmp.EQ:
      return vm.s.bool(na === nb && subset(a, b));
    case Cmp.NE:
      return vm.s.bool(!(na === nb && subset(a, b)));
    case Cmp.LE:
      return vm.s.bool(subset(a, b));
    case Cmp.GE:
      return vm.s.bool(subset(b, a));
    case Cmp.LT:
      return vm.s.bool(na < nb && subset(a, b));
    default:
      return vm.s.bool(na > nb && subset(b, a));
  }
}

function setText(vm: Vm, h: number, depth: number): string {
  const items = setMembers(vm, h)
    .slice(0, 100)
    .map((k) => reprText(vm, k, depth + 1));
  const body = items.length ? '{' + items.join(', ') + '}' : '';
  return vm.table.type[h] === T.Set ? body || 'set()' : `frozenset(${body})`;
}

/** make_new_set(type, iterable) for a class: tp_alloc (PyType_GenericAlloc), then set_update_internal. */
function makeNewSubset(vm: Vm, type: TypeSlots, iterable: number): number {
  const h = genericAlloc(vm, type, 0);
  vm.table.side[h] = emptyData();
  try {
    if (iterable) setUpdateInternal(vm, h, iterable);
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  return h;
}

/** PyArg_UnpackTuple(args, tp_name, 0, 1): the one optional iterable. */
function oneIterable(vm: Vm, name: string, args: number): number {
  const n = vm.table.n[args];
  if (n > 1) throw typeError(vm, '%.200s expected at most 1 argument, got %zd', name, n);
  return n ? tupleItem(vm, args, 0) : 0;
}

/** set_new: an empty set of the class (make_new_set(type, NULL)); set_init fills it. */
function setTypeNew(vm: Vm, type: TypeSlots, _args: number, kwargs: number): number {
  if (type.id === T.Set) noKeywords(vm, 'set', kwargs);
  return makeNewSubset(vm, type, 0);
}

/** set_init: no keywords, at most one iterable; a second __init__ empties the set first. */
function setInit(vm: Vm, self: number, args: number, kwargs: number): void {
  noKeywords(vm, 'set', kwargs);
  const iterable = oneIterable(vm, vm.typeOf(self).name, args);
  if (vm.table.n[self] > 0 || setData(vm, self).fill > 0) setClear(vm, self);
  if (iterable) setUpdateInternal(vm, self, iterable);
}

/** frozenset_new for a class: make_new_set(type, iterable) (the exact type has its vectorcall). */
function frozensetTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === T.FrozenSet || type.init === vm.types[T.FrozenSet].init)
    noKeywords(vm, 'frozenset', kwargs);
  const iterable = oneIterable(vm, type.name, args);
  if (type.id === T.FrozenSet)
    return setVectorcall(true)(vm, type.typeObject, iterable ? [iterable] : [], null);
  return makeNewSubset(vm, type, iterable);
}

function setType(id: number, name: string, frozen: boolean): TypeSlots {
  return defineType({
    id,
    name,
    basicsize: SET_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: setDealloc,
    traverse: setTraverse,
    clear: frozen ? null : setClear,
    sizeof: (vm, h) => setSizeof(vm, h) - 16,
    repr: setRepr,
    reprText: setText,
    hash: frozen ? frozensetHash : hashNotImplemented,
    richcompare: setRichcompare,
    number: setNumberSlots(frozen),
    sequence: { length: (vm, h) => vm.table.n[h], contains: setContains },
    iter: setIterNew,
    typeVectorcall: setVectorcall(frozen),
    new: frozen ? frozensetTypeNew : setTypeNew,
    init: frozen ? null : setInit,
    methods: frozen ? FROZENSET_METHODS : SET_METHODS,
  });
}

function frozensetHash(vm: Vm, h: number): HashKey {
  // a member whose equality is its __eq__ makes the frozenset's own equality opaque too
  if (setData(vm, h).opaque > 0) return opaqueKey(frozensetPyHash(vm, h));
  const parts = [...setData(vm, h).index.keys()].map(keyText).sort();
  return '\u0000f{' + parts.join(',') + '}';
}

export const SetType = (): TypeSlots => setType(T.Set, 'set', false);
export const FrozenSetType = (): TypeSlots => setType(T.FrozenSet, 'frozenset', true);
