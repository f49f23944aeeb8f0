import { transientGc, transientGcFree } from '../objects/transient';
import { T } from '../objects/types';
import { freeValues, newValues, sharedKeysIndex, type SharedKeys, type Values } from '../objects/values';
import type { Vm } from '../runtime/vm';

/**
 * An instance of a standard-library class written in Python (json.JSONEncoder, JSONDecoder …)
 * made inside one call and dropped before it returns: 3.11's layout — the object (16 GC + 16
 * managed-dict pre-header + 24 bytes) and its values array sized by the class's shared keys
 * (init_inline_values, values.ts). The class's keys object was made when the module was imported
 * (its memory is part of the import footprint); the names the import's own instances stored are
 * in it already.
 */
export interface Instance {
  h: number;
  values: Values;
  keys: SharedKeys;
  /** Store attribute `name` (its value's reference is the caller's business: see hold). */
  set(name: string): void;
  /** A value the instance owns a reference to (released when it dies). */
  hold(h: number): void;
  held: number[];
}

/** A class's shared keys as its import left them (no allocation: the footprint has the block). */
export function importedKeys(names: readonly string[], instances: number): SharedKeys {
  // every instance took one slot of room (init_inline_values), every name one more
  return { addr: 0, names: [...names], usable: 30 - instances - names.length, refcnt: 1 };
}

/** object_new → PyType_GenericAlloc (56 bytes) and the values array. */
export function instanceNew(vm: Vm, keys: SharedKeys): Instance {
  const h = transientGc(vm, T.Object, 56);
  const values = newValues(vm, keys);
  const inst: Instance = {
    h,
    values,
    keys,
    held: [],
    set(name) {
      sharedKeysIndex(keys, name, true);
    },
    hold(x) {
      inst.held.push(x);
    },
  };
  return inst;
}

/** subtype_dealloc: the attribute values released in order, the values array freed, then the object. */
export function instanceFree(vm: Vm, inst: Instance): void {
  for (const x of inst.held) vm.decref(x);
  inst.held.length = 0;
  freeValues(vm, inst.values);
  transientGcFree(vm, inst.h);
}
