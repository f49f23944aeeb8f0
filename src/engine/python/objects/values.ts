import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';

/**
 * 3.11's instance attributes without a dict (Objects/dictobject.c, "split" tables): a class keeps
 * one shared keys object (ht_cached_keys, made by _PyDict_NewKeysForClass: 64 slots, a 768-byte
 * block) naming its instances' attributes in insertion order, and each instance has only a
 * values array (PyMem_Malloc'd by new_values). Measured on 3.11.7: the first `A()` of a class gets
 * a 264-byte array (29 slots), the next 256, then 248 …: init_inline_values takes one slot of the
 * keys' room away for every new instance (down to 1), and the array is sized for the attributes
 * the keys hold plus that room. An attribute the keys cannot take (past SHARED_KEYS_MAX_SIZE = 30
 * names) gives the instance a real dict (make_dict_from_instance_attributes).
 */
export const SHARED_KEYS_MAX_SIZE = 30;
/** new_keys_object(NEXT_LOG2_SHARED_KEYS_MAX_SIZE = 6, unicode): 32 + 64 index bytes + 42 entries × 16. */
export const CACHED_KEYS_BYTES = 768;

/** A class's ht_cached_keys. */
export interface SharedKeys {
  addr: number;
  /** Attribute names in insertion order (an attribute's index is its slot in every values array). */
  names: string[];
  /** dk_usable: room left (SHARED_KEYS_MAX_SIZE at first, one less for each new instance, down to 1). */
  usable: number;
  /** Holders: the class and every split dict made from it (dictkeys_incref). */
  refcnt: number;
}

/**
 * An instance's values array (PyDictValues): one slot per shared-keys index (0 = unset). A plain
 * array of small ints, not an Int32Array: a typed array costs ~250 bytes of V8 state however
 * short, and past the class's 30th instance an array holds names + 1 slots (2 for one attribute).
 */
export interface Values {
  addr: number;
  size: number;
  slots: number[];
}

/**
 * n zeroed handle slots, a packed array of small ints. `new Array(n).fill(0)` makes a holey array
 * through a runtime call; past a class's 30th instance its values array has names + 1 slots (2 for
 * one attribute), so the short ones are literals (measured on node 20, 10^6 two-slot arrays kept:
 * 485–592 ms against 341–443).
 */
export function zeros(n: number): number[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [0];
    case 2:
      return [0, 0];
    case 3:
      return [0, 0, 0];
    case 4:
      return [0, 0, 0, 0];
  }
  if (n <= ZERO_SLOTS.length) return ZERO_SLOTS.slice(0, n);
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}
/** A packed template for zeros(): slice() copies a prefix of it, still packed and exactly sized. */
const ZERO_SLOTS: readonly number[] = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

/** _PyDict_NewKeysForClass. */
export function newSharedKeys(vm: Vm): SharedKeys {
  const addr = vm.mem.malloc(CACHED_KEYS_BYTES);
  if (addr === 0) throw memoryError();
  vm.mem.touch(addr, CACHED_KEYS_BYTES);
  return { addr, names: [], usable: SHARED_KEYS_MAX_SIZE, refcnt: 1 };
}

/** _PyDictKeys_DecRef of a shared keys object. */
export function sharedKeysDecref(vm: Vm, k: SharedKeys): void {
  if (--k.refcnt === 0) vm.mem.free(k.addr);
}

/** new_values(size): a PyMem block of the size prefix (size + 2 rounded up to 8) and size pointers. */
export function valuesBytes(size: number): number {
  return Math.ceil((size + 2) / 8) * 8 + 8 * size;
}

/**
 * new_values' block on the process's release: 3.13 sizes it as the inline values (the 8-byte header,
 * the pointers, the size prefix: measured, a 30-slot array is `m 280` on 3.13.0, `m 272` on 3.12.1).
 */
export function newValuesBytes(vm: Vm, size: number): number {
  return vm.py.inlineValues ? inlineValuesBytes(size) : valuesBytes(size);
}

/**
 * _PyInlineValuesSize (3.13): the values inside the instance's block, `size` slots plus one and a
 * prefix of `size` bytes rounded up to 8 (2 attributes, 1 slot of room: 40 bytes, an 88-byte instance).
 */
export function inlineValuesBytes(size: number): number {
  return Math.ceil(size / 8) * 8 + 8 * (size + 1);
}

/**
 * How many slots the next instance's values get (init_inline_values / _PyObject_InitInlineValues):
 * one slot of room goes (while more than one is left), then the names + room. 3.13 takes it at
 * allocation (the values are in the block); `newValues` uses it for the others.
 */
export function nextValuesSize(k: SharedKeys): number {
  if (k.usable > 1) k.usable--;
  return k.names.length + k.usable;
}

/** The values of an instance whose values are inline (3.13): no memory of their own (addr 0). */
export function embeddedValues(size: number): Values {
  return { addr: 0, size, slots: zeros(size) };
}

/**
 * init_inline_values: one slot of room goes (while more than one is left), then the array for the
 * names + room. new_dict_with_shared_keys passes its size: the names + room, nothing taken.
 */
export function newValues(vm: Vm, k: SharedKeys, size = nextValuesSize(k)): Values {
  return allocValues(vm, { addr: 0, size: 0, slots: [] }, size);
}

/** new_values(size) into `v`'s fields (an instance's state holds its values array inline); returns v. */
export function allocValues(vm: Vm, v: Values, size: number): Values {
  const bytes = newValuesBytes(vm, size);
  const addr = vm.mem.malloc(bytes);
  if (addr === 0) throw memoryError();
  vm.mem.touch(addr, bytes);
  v.addr = addr;
  v.size = size;
  v.slots = zeros(size);
  return v;
}

/** insert_into_dictkeys: the name's index, adding it when there is room; -1 when there is none. */
export function sharedKeysIndex(k: SharedKeys, name: string, insert: boolean): number {
  const ix = k.names.indexOf(name);
  if (ix >= 0 || !insert) return ix;
  if (k.usable <= 0) return -1;
  k.names.push(name);
  k.usable--;
  return k.names.length - 1;
}

/** _PyObject_FreeInstanceAttributes: the values released in order, then the array. */
export function freeValues(vm: Vm, v: Values): void {
  const s = v.slots;
  for (let i = 0; i < s.length; i++) {
    const x = s[i];
    if (x) {
      s[i] = 0;
      vm.decref(x);
    }
  }
  if (v.addr !== 0) vm.mem.free(v.addr); // inline values (3.13) go with the object
}
