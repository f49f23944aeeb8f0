import { moduleType, type TypeFactory } from '../objects/modtypes';
import { TpFlags, defineType, type TypeSlots } from '../objects/types';
import {
  embeddedValues,
  freeValues,
  inlineValuesBytes,
  newValues,
  nextValuesSize,
  sharedKeysIndex,
  type SharedKeys,
  type Values,
} from '../objects/values';
import type { Vm } from '../runtime/vm';

/**
 * Instances of standard-library classes written in Python (json.JSONEncoder, JSONDecoder …) that
 * the simulator makes inside its models of their functions: 3.11's layout — the object (16 GC +
 * 16 managed-dict pre-header + 24 bytes) and its values array sized by the class's shared keys
 * (init_inline_values, values.ts). The class's keys object was made when the module was imported
 * (its memory is part of the import footprint); the names the import's own instances stored are
 * in it already. An instance is a real object: something may keep it (a bound method in a
 * reference cycle keeps a JSONEncoder until the collector runs), and its deallocation releases
 * the attribute values it holds, then the values array, then itself (subtype_dealloc).
 */
interface InstanceState {
  values: Values;
  keys: SharedKeys;
  /** References held by the attributes, in the order the values array releases them. */
  held: number[];
}

export interface Instance {
  h: number;
  /** Store attribute `name` (a name the class's shared keys learn the first time). */
  set(name: string): void;
  /** A value the instance owns a reference to (stolen), released when it dies. */
  hold(h: number): void;
}

/** A class's shared keys as its import left them (no allocation: the footprint has the block). */
export function importedKeys(names: readonly string[], instances: number): SharedKeys {
  // every instance took one slot of room (init_inline_values), every name one more
  return { addr: 0, names: [...names], usable: 30 - instances - names.length, refcnt: 1 };
}

const stateOf = (vm: Vm, h: number): InstanceState => vm.table.side[h] as InstanceState;

/** The type of a Python class's instances (module.qualname), as this layer needs it. */
export function pyClassType(module: string, name: string): TypeFactory {
  return (vm: Vm, id: number): TypeSlots =>
    defineType({
      id,
      name,
      module,
      // 3.12+ (Py_TPFLAGS_MANAGED_WEAKREF): __weakref__ is in the pre-header, the object 16 bytes
      basicsize: vm.py.managedWeakref ? 16 : 24,
      flags:
        TpFlags.HaveGc |
        TpFlags.ManagedDict |
        (vm.py.managedWeakref ? TpFlags.ManagedWeakref : 0) |
        TpFlags.HeapType |
        TpFlags.BaseType,
      dictoffset: -1,
      dealloc: (vm, h) => {
        vm.gc.untrack(h);
        const st = stateOf(vm, h);
        vm.table.side[h] = undefined;
        const held = st.held.splice(0);
        for (const x of held) vm.decref(x);
        freeValues(vm, st.values);
        vm.gcDel(h);
      },
      traverse: (vm, h, visit) => {
        for (const x of stateOf(vm, h).held) visit(x);
      },
    });
}

/** object_new → PyType_GenericAlloc (56 bytes, tracked) and the values array. */
export function instanceNew(vm: Vm, type: TypeFactory, keys: SharedKeys): Instance {
  const t = moduleType(vm, type);
  let values: Values;
  let h: number;
  if (vm.py.inlineValues) {
    // 3.13 _PyType_AllocNoTrack: the values in the object's block, sized (_PyInlineValuesSize) before
    // _PyObject_InitInlineValues takes its slot of room (measured: a JSONEncoder is one 320-byte block)
    const room = keys.names.length + keys.usable;
    h = vm.newGcObject(t.id, vm.preHeader[t.id] - 16 + t.basicsize + inlineValuesBytes(room));
    values = embeddedValues(nextValuesSize(keys));
  } else {
    h = vm.newGcObject(t.id, vm.preHeader[t.id] - 16 + t.basicsize);
    values = newValues(vm, keys);
  }
  const st: InstanceState = { values, keys, held: [] };
  vm.table.side[h] = st;
  vm.gc.track(h);
  return {
    h,
    set(name) {
      sharedKeysIndex(keys, name, true);
    },
    hold(x) {
      st.held.push(x);
    },
  };
}

/** The caller's reference released (the instance dies unless something else holds it). */
export function instanceFree(vm: Vm, inst: Instance): void {
  vm.decref(inst.h);
}
