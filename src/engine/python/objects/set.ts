import { keyError, memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { hashKey, type HashKey } from './hash';
import { T } from './types';

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
  /** Members in insertion order (key → handle). */
  index: Map<HashKey, number>;
}

export function setData(vm: Vm, h: number): SetData {
  return vm.table.side[h] as SetData;
}

/** make_new_set (PyType_GenericAlloc: allocated, zeroed, tracked). */
export function setNew(vm: Vm, frozen = false): number {
  const h = vm.newGcObject(frozen ? T.FrozenSet : T.Set, SET_BASIC);
  vm.table.side[h] = { tableAddr: 0, mask: MINSIZE - 1, fill: 0, index: new Map() } satisfies SetData;
  vm.gc.track(h);
  return h;
}

/** set_table_resize(minused). */
function resize(vm: Vm, h: number, minused: number): void {
  const s = setData(vm, h);
  let newsize = MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const old = s.tableAddr;
  let table = 0;
  if (newsize !== MINSIZE) {
    table = vm.mem.malloc(16 * newsize);
    if (table === 0) throw memoryError();
    vm.mem.touch(table, 16 * newsize); // memset(newtable, 0, ...)
  }
  s.tableAddr = table;
  s.mask = newsize - 1;
  s.fill = vm.table.n[h];
  if (old !== 0) vm.mem.free(old);
}

/** set_add_entry (borrowed key). */
export function setAdd(vm: Vm, h: number, key: number): void {
  const s = setData(vm, h);
  const hk = hashKey(vm, key);
  if (s.index.has(hk)) return;
  vm.incref(key);
  s.index.set(hk, key);
  s.fill++;
  const used = ++vm.table.n[h];
  if (s.tableAddr) vm.mem.touch(s.tableAddr + 16 * (s.index.size % (s.mask + 1)), 16);
  if (s.fill * 5 < s.mask * 3) return;
  resize(vm, h, used > 50000 ? used * 2 : used * 4);
}

export function setContains(vm: Vm, h: number, key: number): boolean {
  return setData(vm, h).index.has(hashKey(vm, key));
}

/** set_discard_entry: the slot becomes a dummy (fill unchanged). */
export function setDiscard(vm: Vm, h: number, key: number, raise: () => string | null): void {
  const s = setData(vm, h);
  const hk = hashKey(vm, key);
  const k = s.index.get(hk);
  if (k === undefined) {
    const msg = raise();
    if (msg !== null) throw keyError(msg);
    return;
  }
  s.index.delete(hk);
  vm.table.n[h]--;
  vm.decref(k);
}

/** set_clear_internal: back to the smalltable, then the keys, then the old table. */
export function setClear(vm: Vm, h: number): void {
  const s = setData(vm, h);
  const keys = [...s.index.values()];
  const old = s.tableAddr;
  vm.table.side[h] = { tableAddr: 0, mask: MINSIZE - 1, fill: 0, index: new Map() } satisfies SetData;
  vm.table.n[h] = 0;
  for (const k of keys) vm.decref(k);
  if (old) vm.mem.free(old);
}

/** set_dealloc. */
export function setDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const s = setData(vm, h);
  for (const k of s.index.values()) vm.decref(k);
  if (s.tableAddr) vm.mem.free(s.tableAddr);
  vm.gcDel(h);
  vm.trashEnd();
}

export function setTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  for (const k of setData(vm, h).index.values()) visit(k);
}

/** set.__sizeof__ + the GC head. */
export function setSizeof(vm: Vm, h: number): number {
  const s = setData(vm, h);
  return 16 + SET_BASIC + (s.tableAddr ? 16 * (s.mask + 1) : 0);
}
