import { raiseFormat } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { dictDelItem, dictFromSplit, dictGetItem, dictNew, dictSetItem } from './dict';
import { E } from './exctypes';
import { intern } from './str';
import { TpFlags, type TypeSlots } from './types';
import {
  allocValues,
  freeValues,
  newValues,
  nextValuesSize,
  sharedKeysIndex,
  zeros,
  type SharedKeys,
  type Values,
} from './values';

/**
 * Where an object keeps its attributes. 3.11 has two layouts: a managed dict (a class whose bases
 * all lack a __dict__: the pre-header holds a values array and, once made, a dict object) and a
 * dict pointer at tp_dictoffset (exceptions, functions, subclasses of built-in types). Built-in
 * types' objects have neither. The per-object state is the table's `side` column, whose `dict`
 * field is the dict (0 until made).
 */
export class InstanceState implements Values {
  /** The instance's __dict__ once it exists (a dict handle), else 0. */
  dict = 0;
  /** __slots__ members, in member order (owned references, 0 = unset). */
  members: number[] | null;
  // The managed dict's values array (Values) lives in this record's own fields: a separate Values
  // object was a second JS object an instance (bench/jsAlloc.ts, `[P(i) …]` held: 196 → 171 B an
  // instance). A split dict made from the values (instanceDict) keeps this record as its Values;
  // `values` then reads null.
  addr = 0;
  size = 0;
  slots: number[] = NO_VALUES;
  private hasValues = false;

  constructor(members: number[] | null) {
    this.members = members;
  }

  /** Managed dict: the values array while there is no dict object. */
  get values(): Values | null {
    return this.hasValues ? this : null;
  }

  set values(v: Values | null) {
    if (v !== null && v !== this) {
      this.addr = v.addr;
      this.size = v.size;
      this.slots = v.slots;
    }
    this.hasValues = v !== null;
  }
}
const NO_VALUES = Object.freeze([]) as unknown as number[];

/** A class's own data (TypeSlots.extra of a heap type): its shared keys and slot members. */
export interface HeapTypeData {
  /** ht_cached_keys (managed-dict classes), or null. */
  cachedKeys: SharedKeys | null;
  /** The __slots__ member names along the MRO, in layout order (base's first). */
  members: string[];
  /** The instances' __dict__ is the base's (an exception's): their state stays in `side`. */
  dictFromBase: boolean;
}

const heapData = (type: TypeSlots): HeapTypeData | null =>
  type.flags & TpFlags.HeapType ? (type.extra as HeapTypeData | null) : null;

/** Does the type give its instances a __dict__ (tp_dictoffset != 0)? */
export const hasInstanceDict = (type: TypeSlots): boolean => type.dictoffset !== 0;

/** The state holding an object's dict pointer (a class's instances: vm.heapState), or null. */
export function instanceState(vm: Vm, h: number): { dict: number; values?: Values | null } | null {
  const type = vm.typeOf(h);
  const data = heapData(type);
  if (data !== null && !data.dictFromBase) {
    const st = vm.heapState.get(h) as InstanceState | undefined;
    if (st !== undefined) return st;
    // made by a built-in base's tp_new (dict_new for a dict subclass): no values array, the dict
    // comes on the first attribute set (_PyObject_GetDictPtr's NULL)
    if (type.dictoffset === 0 && !data.members.length) return null;
    const made = new InstanceState(data.members.length ? zeros(data.members.length) : null);
    vm.heapState.set(h, made);
    return made;
  }
  if (type.dictoffset === 0) return null;
  return (vm.table.side[h] as { dict: number } | undefined) ?? null;
}

/** A class instance's own state (dict, values, slots), or null. */
export function heapInstanceState(vm: Vm, h: number): InstanceState | null {
  return (vm.heapState.get(h) as InstanceState | undefined) ?? null;
}

/**
 * _PyObject_InitializeDict (object_new, 3.11/3.12): a managed-dict class's instance gets its values
 * array now. 3.13 has no such step: only a class with inline values has them (genericAlloc); any
 * other managed dict (a subclass of a __slots__ class) is made on the first attribute store
 * (measured on 3.13.0: `OpenPixel(1, 2)` of a slotted base is `m 56, m 64`, 3.12.1 adds `m 256`).
 */
export function initInstanceDict(vm: Vm, h: number, type: TypeSlots): void {
  const data = heapData(type);
  if (data === null) return;
  // inline values (3.13) were counted when genericAlloc made the block
  const inline = (vm.heapState.get(h) as InstanceState | undefined)?.values ?? null;
  const st = new InstanceState(data.members.length ? zeros(data.members.length) : null);
  vm.heapState.set(h, st);
  if (inline) st.values = inline;
  else if (type.flags & TpFlags.ManagedDict && data.cachedKeys && !vm.py.inlineValues)
    st.values = allocValues(vm, st, nextValuesSize(data.cachedKeys));
}

/** The attribute in the instance's dict or values (borrowed), or 0 (_PyObject_GetInstanceAttribute). */
export function instanceGetAttr(vm: Vm, h: number, name: string): number {
  const st = instanceState(vm, h) as InstanceState | null;
  if (st === null) return 0;
  if (st.dict !== 0) return dictGetItem(vm, st.dict, intern(vm, name));
  if (st.values) {
    const keys = (vm.typeOf(h).extra as HeapTypeData).cachedKeys!;
    const ix = sharedKeysIndex(keys, name, false);
    return ix >= 0 && ix < st.values.size ? st.values.slots[ix] : 0;
  }
  return 0;
}

/**
 * Store (or delete, value 0) an instance attribute: into the values array while the shared keys
 * can name it (_PyObject_StoreInstanceAttribute), else into the dict (made on first use). Returns
 * false when the object has no __dict__ at all. A missing attribute to delete is AttributeError.
 */
export function instanceSetAttr(vm: Vm, h: number, name: string, value: number): boolean {
  const type = vm.typeOf(h);
  const st = instanceState(vm, h) as InstanceState | null;
  if (st === null || !hasInstanceDict(type)) return false;
  if (st.dict === 0 && st.values) {
    const keys = (type.extra as HeapTypeData).cachedKeys!;
    const ix = sharedKeysIndex(keys, name, value !== 0);
    if (ix >= 0 && ix < st.values.size) {
      const old = st.values.slots[ix];
      if (value === 0 && old === 0) throw missing(vm, type, name);
      if (value !== 0) vm.incref(value);
      st.values.slots[ix] = value;
      if (old !== 0) vm.decref(old);
      return true;
    }
    if (value === 0) throw missing(vm, type, name);
    instanceDict(vm, h); // the keys are full: the instance gets a real dict
  }
  if (st.dict === 0) {
    if (value === 0) throw missing(vm, type, name);
    st.dict = newInstanceDict(vm, type);
  }
  const key = intern(vm, name);
  if (value !== 0) dictSetItem(vm, st.dict, key, value);
  else if (dictGetItem(vm, st.dict, key) === 0) throw missing(vm, type, name);
  else dictDelItem(vm, st.dict, key);
  return true;
}

const missing = (vm: Vm, type: TypeSlots, name: string) =>
  raiseFormat(vm, E.AttributeError, "'%.50s' object has no attribute '%U'", type.name, name);

/**
 * The instance's __dict__ (borrowed), made when it does not exist yet: a managed dict's values
 * become a split dict object (make_dict_from_instance_attributes: the 64-byte dict, the values
 * array kept); another object gets an empty dict. 0 when the object has no __dict__.
 */
export function instanceDict(vm: Vm, h: number): number {
  const st = instanceState(vm, h) as InstanceState | null;
  if (st === null) return 0;
  if (st.dict === 0) {
    if (st.values) {
      const keys = (vm.typeOf(h).extra as HeapTypeData).cachedKeys!;
      st.dict = dictFromSplit(vm, keys, st.values);
      st.values = null;
    } else st.dict = newInstanceDict(vm, vm.typeOf(h));
  }
  return st.dict;
}

/**
 * The first dict of an instance that has none (_PyObjectDict_SetItem, PyObject_GenericGetDict): a
 * class with cached keys gets new_dict_with_shared_keys (a values array for all the shared keys,
 * then the 64-byte dict); anything else PyDict_New.
 */
function newInstanceDict(vm: Vm, type: TypeSlots): number {
  const keys = heapData(type)?.cachedKeys ?? null;
  return keys === null
    ? dictNew(vm)
    : dictFromSplit(vm, keys, newValues(vm, keys, keys.names.length + keys.usable));
}

/** The instance's attributes for a collector or a dealloc: the dict, else the values array. */
export function instanceRelease(vm: Vm, st: InstanceState): void {
  if (st.dict !== 0) {
    const d = st.dict;
    st.dict = 0;
    vm.decref(d);
  } else if (st.values) {
    const v = st.values;
    st.values = null;
    freeValues(vm, v);
  }
}
