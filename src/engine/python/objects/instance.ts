import type { Vm } from '../runtime/vm';
import { dictNew } from './dict';
import { TpFlags, type TypeSlots } from './types';

/**
 * Where an instance keeps its attributes. 3.11 has two layouts: a managed dict (classes whose
 * bases all lack a __dict__: the pre-header holds a values array and, once made, a dict) and a
 * dict pointer at tp_dictoffset (subclasses of built-in types with their own layout). Objects of
 * built-in types have neither. The per-object state lives in the table's `side` column.
 */
export interface InstanceState {
  /** The instance's __dict__ once it exists (a dict handle), else 0. */
  dict: number;
  /** __slots__ members by name (owned references, 0 = unset). */
  slots: Map<string, number> | null;
  /** Weak references to this object (a list of weakref handles), or null. */
  weakrefs: number[] | null;
}

/** Does the type give its instances a __dict__ (tp_dictoffset != 0)? */
export const hasInstanceDict = (type: TypeSlots): boolean => type.dictoffset !== 0;

/** The side data holding the dict pointer, for the types with one (else null). */
export function instanceState(vm: Vm, h: number): { dict: number } | null {
  if (vm.typeOf(h).dictoffset === 0) return null;
  return (vm.table.side[h] as { dict: number } | undefined) ?? null;
}

/** _PyObject_InitializeDict (object_new): a managed-dict class gets its values array now. */
export function initInstanceDict(vm: Vm, h: number, type: TypeSlots): void {
  if (!(type.flags & TpFlags.HeapType)) return;
  vm.table.side[h] = { dict: 0, slots: null, weakrefs: null } satisfies InstanceState;
}

/**
 * The instance's dict for reading (a borrowed handle, or 0): the dict object if one was made.
 */
export function instanceDict(vm: Vm, h: number): number {
  const st = instanceState(vm, h);
  return st === null ? 0 : st.dict;
}

/** The instance's dict for writing: made on first use (PyObject_GenericSetAttr's _PyObject_GetDictPtr path). 0: none possible. */
export function instanceDictForWrite(vm: Vm, h: number): number {
  const st = instanceState(vm, h);
  if (st === null || !hasInstanceDict(vm.typeOf(h))) return 0;
  if (st.dict === 0) st.dict = dictNew(vm);
  return st.dict;
}
