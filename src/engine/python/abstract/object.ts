import { isSubtype } from '../objects/typeobject';
import { T, TpFlags } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { typeError } from './errors';
import { lookupSpecial } from './attr';
import { call } from './call';
import { getIter, iterNext } from './iter';
import { richCompareBool } from './compare';
import { Cmp } from '../objects/types';

/** type(x).__name__ (for messages). */
export function typeName(vm: Vm, h: number): string {
  const tp = vm.types[vm.table.type[h]];
  // an extension type whose tp_name carries its module ('decimal.Decimal')
  const ext = tp.extra as { tpName?: string } | null;
  return ext !== null && typeof ext === 'object' && ext.tpName !== undefined ? ext.tpName : tp.name;
}

/** PyObject_IsTrue: the singletons, then nb_bool, mp_length, sq_length; anything else is true. */
export function isTrue(vm: Vm, h: number): boolean {
  const t = vm.table;
  const type = t.type[h];
  // Py_True / Py_False / Py_None first, as the C code does; exact ints inline (the hot case).
  if (type === T.Bool) return t.num[h] !== 0;
  if (type === T.None) return false;
  const s = vm.types[type];
  const nb = s.number?.bool;
  if (nb) return nb(vm, h);
  const ml = s.mapping?.length ?? s.sequence?.length;
  if (ml) return ml(vm, h) !== 0;
  return true;
}

/** PyObject_Size's slot, or null when the type has none. */
function lengthSlot(vm: Vm, h: number): ((vm: Vm, h: number) => number) | null {
  const s = vm.types[vm.table.type[h]];
  return s.sequence?.length ?? s.mapping?.length ?? null;
}

/** PyObject_Size (len()): raises TypeError for an object without a length. */
export function length(vm: Vm, h: number): number {
  const f = lengthSlot(vm, h);
  if (f === null) throw typeError(vm, "object of type '%.200s' has no len()", typeName(vm, h));
  return f(vm, h);
}

/** _PyObject_HasLen + PyObject_Size: the length, or -1 when the type has none. */
export function lengthIfAny(vm: Vm, h: number): number {
  const f = lengthSlot(vm, h);
  return f === null ? -1 : f(vm, h);
}

/** PySequence_Contains (`x in c`): sq_contains, else iterate and compare (_PySequence_IterSearch). */
export function contains(vm: Vm, c: number, x: number): boolean {
  const f = vm.types[vm.table.type[c]].sequence?.contains;
  if (f) return f(vm, c, x);
  const it = iterFor(vm, c);
  try {
    for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
      const eq = richCompareBool(vm, v, x, Cmp.EQ);
      vm.decref(v);
      if (eq) return true;
    }
    return false;
  } finally {
    vm.decref(it);
  }
}

function iterFor(vm: Vm, c: number): number {
  const s = vm.types[vm.table.type[c]];
  if (s.iter === null && !((s.flags & TpFlags.HeapType && s.mapping?.subscript) || s.sequence?.item))
    throw typeError(vm, "argument of type '%.200s' is not iterable", typeName(vm, c));
  return getIter(vm, c);
}

/**
 * PyObject_IsInstance: exact type first, a plain class (type(cls) is type) by its MRO, a tuple
 * item by item, else the metaclass's __instancecheck__ (abc.ABCMeta's registry and
 * __subclasshook__), looked up on type(cls) and called.
 */
export function isInstance(vm: Vm, obj: number, cls: number): boolean {
  const t = vm.table;
  if (vm.typeOf(obj).typeObject === cls) return true;
  if (t.type[cls] === T.Type) return isSubtype(vm, t.type[obj], vm.slotsOf(cls).id);
  if (t.type[cls] === T.Tuple) {
    for (let i = 0; i < t.n[cls]; i++) if (isInstance(vm, obj, vm.pool.data[t.ref[cls] + i])) return true;
    return false;
  }
  const hook = metaCheck(vm, cls, '__instancecheck__', obj);
  if (hook !== null) return hook;
  if (!vm.typeOf(cls).mro.includes(T.Type))
    throw typeError(vm, 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  return isSubtype(vm, t.type[obj], vm.slotsOf(cls).id);
}

/** A metaclass's __instancecheck__ / __subclasscheck__ (lookupSpecial on cls) called with `x`, or null. */
function metaCheck(vm: Vm, cls: number, name: string, x: number): boolean | null {
  const f = lookupSpecial(vm, cls, name);
  if (f === 0) return null;
  try {
    const r = call(vm, f, [x], null);
    try {
      return isTrue(vm, r);
    } finally {
      vm.decref(r);
    }
  } finally {
    vm.decref(f);
  }
}

/** PyObject_IsSubclass for a class or a tuple of classes. */
export function isSubclass(vm: Vm, derived: number, cls: number): boolean {
  const t = vm.table;
  if (t.type[cls] === T.Tuple) {
    for (let i = 0; i < t.n[cls]; i++) if (isSubclass(vm, derived, vm.pool.data[t.ref[cls] + i])) return true;
    return false;
  }
  // a metaclass's __subclasscheck__ decides for itself (recursive_issubclass only for plain classes)
  if (t.type[cls] !== T.Type) {
    const hook = metaCheck(vm, cls, '__subclasscheck__', derived);
    if (hook !== null) return hook;
  }
  if (!vm.typeOf(derived).mro.includes(T.Type)) throw typeError(vm, 'issubclass() arg 1 must be a class');
  if (!vm.typeOf(cls).mro.includes(T.Type))
    throw typeError(vm, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return isSubtype(vm, vm.slotsOf(derived).id, vm.slotsOf(cls).id);
}
