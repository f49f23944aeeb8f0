import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictSetItemKnownHash } from './dict';
import {
  copyTable,
  newBlock,
  releaseBlock,
  tableSnapshot,
  dictData,
  ownDictData,
  keysBytes,
  log2Keysize,
  moveEntries,
  type DictData,
} from './dictkeys';
import { entryHash, entryKey, isFastKey, keyAt, valueAt } from './dictindex';
import { raiseString } from '../abstract/errors';
import { E } from './exctypes';
import { sharedKeysDecref } from './values';

const usableFraction = (n: number): number => Math.floor((n << 1) / 3);
const SHARED_KEYS_DK_SIZE = 64;

/**
 * dict_merge(a, b, override=1) for two exact dicts (dict.update, dict(d), {**d}): into an empty
 * dict a freshly built, combined table is cloned whole (clone_combined_dict_keys: one
 * PyObject_Malloc of the same size, never the keys free list); otherwise the table is resized once
 * up front when the other's entries cannot fit, then every item is inserted.
 */
export function dictMerge(vm: Vm, a: number, b: number): void {
  if (a === b) return;
  const t = vm.table;
  const other = dictData(vm, b);
  const used = t.n[b];
  if (used === 0) return;
  const d = ownDictData(vm, a);
  if (
    t.n[a] === 0 &&
    !other.split &&
    used === other.nentries &&
    (other.log2 === 3 || usableFraction(2 ** other.log2 / 2) < used)
  ) {
    cloneInto(vm, a, d, other, used);
    if (vm.gc.isTracked(b) && !vm.gc.isTracked(a)) vm.gc.track(a);
    return;
  }
  // a split table's ma_keys are the class's shared keys: DK_SIZE 64 (NEXT_LOG2_SHARED_KEYS_MAX_SIZE),
  // so `clone.__dict__.update(self.__dict__)` of a few attributes resizes nothing (measured: no 208-byte table)
  const size = d.split ? SHARED_KEYS_DK_SIZE : d.keysAddr ? 2 ** d.log2 : 0;
  if (usableFraction(size) < used) resizeFor(vm, d, t.n[a] + used, other.unicode);
  // insertdict with each entry's stored hash (a key's __hash__ is not called again)
  for (let i = 0; i < other.nentries; i++) {
    const k = keyAt(other, i);
    if (valueAt(other, i) === 0) continue;
    const fast = isFastKey(vm, k);
    dictSetItemKnownHash(
      vm,
      a,
      k,
      valueAt(other, i),
      entryHash(vm, other, i),
      fast,
      fast ? 0 : entryKey(vm, other, i),
    );
    // a key's __eq__ changed b under the loop (dict_merge's check)
    if (t.n[b] !== used || dictData(vm, b) !== other)
      throw raiseString(vm, E.RuntimeError, 'dict mutated during update');
  }
}

function cloneInto(vm: Vm, a: number, d: DictData, other: DictData, used: number): void {
  const size = keysBytes(other.log2, other.unicode);
  const p = vm.mem.malloc(size);
  if (p === 0) throw memoryError();
  vm.mem.touch(p, size);
  // dictkeys_decref of a's old (empty) table: Py_EMPTY_KEYS, or a table that goes back; an
  // instance's split __dict__ lets the class's shared keys go and frees its values array
  // (free_values): `self.__dict__.update(state)` in a __setstate__ kept 128 bytes per instance alive
  const oldAddr = d.keysAddr;
  const oldLog2 = d.log2;
  const oldUnicode = d.unicode;
  const oldBuf = d.buf;
  const oldKo = d.ko;
  const split = d.split;
  copyTable(vm, d, other);
  d.keysAddr = p;
  for (let i = 0; i < other.nentries; i++) {
    if (valueAt(other, i) === 0) continue;
    vm.incref(keyAt(other, i));
    vm.incref(valueAt(other, i));
  }
  vm.table.n[a] = used;
  if (split) {
    sharedKeysDecref(vm, split.keys);
    if (split.values.addr !== 0) vm.mem.free(split.values.addr); // inline values (3.13) stay in the object
  } else if (oldAddr) {
    releaseOld(vm, oldAddr, oldLog2, oldUnicode);
    releaseBlock(vm, oldBuf, oldKo, oldLog2);
  }
}

function releaseOld(vm: Vm, addr: number, log2: number, unicode: boolean): void {
  if (log2 === 3 && unicode && vm.free.dictKeys.length < 80) vm.free.dictKeys.push(addr);
  else vm.mem.free(addr);
}

/** dictresize(mp, estimate_log2_keysize(n), unicode) ahead of a merge (and _PyDict_FromKeys). */
export function resizeFor(vm: Vm, d: DictData, n: number, unicode: boolean): void {
  const log2 = log2Keysize(Math.floor((n * 3 + 1) / 2));
  const size = keysBytes(log2, unicode && d.unicode);
  const p = vm.mem.malloc(size);
  if (p === 0) throw memoryError();
  vm.mem.touch(p, size);
  const old = { addr: d.keysAddr, log2: d.log2, unicode: d.unicode, n: d.nentries };
  const entries = tableSnapshot(d);
  const usable = usableFraction(2 ** log2);
  d.keysAddr = p;
  d.log2 = log2;
  d.unicode = unicode && d.unicode;
  newBlock(vm, d, log2);
  d.hashes = null;
  d.other = null;
  d.nentries = 0;
  moveEntries(vm, d, entries, old.n);
  d.usable = usable - d.nentries;
  if (old.addr) {
    releaseOld(vm, old.addr, old.log2, old.unicode);
    releaseBlock(vm, entries.buf, entries.ko, old.log2);
  }
}
