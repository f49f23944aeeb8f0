import { richCompareBool } from '../abstract/compare';
import { hashValue } from '../abstract/hashvalue';
import type { Vm } from '../runtime/vm';
import { Cmp, type HashKey } from './types';

/**
 * Keys whose equality only their own `__eq__` can decide. A built-in key's HashKey (types.ts) is
 * its value: equal HashKeys are equal keys, and comparing them runs no Python code. A key whose
 * class defines `__hash__` (heapslots.ts slot_tp_hash), or a tuple or frozenset holding one, has
 * an "opaque" HashKey instead, `\0u` + its Py_hash_t: two such keys are the same only when
 * lookdict / set_lookkey say so, i.e. same hash, then identity, then PyObject_RichCompare(startkey,
 * key, Py_EQ) (dictobject.c, setobject.c, 3.11). So `__eq__` runs exactly when CPython runs it.
 */
export const isOpaqueKey = (k: HashKey): k is string =>
  typeof k === 'string' && k.charCodeAt(0) === 0 && k.charCodeAt(1) === 117; /* 'u' */

/** The opaque HashKey of a Py_hash_t. */
export const opaqueKey = (pyHash: bigint): string => `\u0000u${pyHash}`;

/** The Py_hash_t an opaque HashKey carries. */
export const opaqueHash = (k: string): bigint => BigInt(k.slice(2));

/**
 * The Py_hash_t of key handle h whose HashKey is k, without calling `__hash__` again (CPython
 * keeps the hash it computed; so does an opaque HashKey). A built-in key's hash runs no Python code.
 */
export const pyHashOf = (vm: Vm, h: number, k: HashKey): bigint =>
  isOpaqueKey(k) ? opaqueHash(k) : hashValue(vm, h);

/**
 * The comparison lookdict and set_lookkey make once an entry's hash equals the key's: identity,
 * then (both built-in) the HashKeys, else same Py_hash_t and PyObject_RichCompare(startkey, key,
 * Py_EQ), with a reference held on startkey while user code runs (its exceptions propagate).
 * The caller checks afterwards whether the table changed under it (and restarts, as CPython does).
 */
export function keysMatch(vm: Vm, startkey: number, startHk: HashKey, key: number, keyHk: HashKey): boolean {
  if (startkey === key) return true;
  const so = isOpaqueKey(startHk);
  const ko = isOpaqueKey(keyHk);
  if (!so && !ko) return startHk === keyHk;
  if (so && ko) {
    if (startHk !== keyHk) return false;
  } else if (pyHashOf(vm, startkey, startHk) !== pyHashOf(vm, key, keyHk)) return false;
  vm.incref(startkey);
  try {
    return richCompareBool(vm, startkey, key, Cmp.EQ);
  } finally {
    vm.decref(startkey);
  }
}
