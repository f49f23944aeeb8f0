/**
 * A new class's layout (type_new's helpers, Objects/typeobject.c 3.11): its best and solid base, its
 * MRO, its __slots__ names, the member and getset descriptors it adds, its entry in its bases'
 * tp_subclasses. typenew.ts puts them together.
 */
import { NotSupported } from '../errors';
import { raiseFormat, typeError } from '../abstract/errors';
import { iterNext, getIter } from '../abstract/iter';
import type { Vm } from '../runtime/vm';
import { dictGetItem, dictSetItem } from './dict';
import { E } from './exctypes';
import { heapInstanceState, instanceDict, type HeapTypeData } from './instance';
import { fromLong } from './int';
import { classMethodNew, staticMethodNew } from './descrobject';
import { intern, strValue } from './str';
import { tupleItems } from './tuple';
import { T, TpFlags, type TypeSlots } from './types';
import { weakrefNew } from './weakref';

/** A class's own data beside its slot table (type_new's heap type fields). */
export interface HeapTypeExtra extends HeapTypeData {
  basesTuple: number;
  mroTuple: number;
  /** ht_slots: the sorted __slots__ names (a tuple), or 0. */
  htSlots: number;
  /** Our entry in each base's tp_subclasses: the key (PyLong_FromVoidPtr) and the weak reference. */
  subclassEntries: { base: number; key: number; ref: number }[];
  /** The classes made from this one (their entries), when it is a heap type itself. */
  subclasses: Map<number, { key: number; ref: number }>;
  /** This class's tp_subclasses dict, made for its first subclass (the object and its keys block). */
  subclassesDict: number;
  subclassesKeys: number;
  dealloc: (vm: Vm, h: number) => void;
  /** Built-in bases whose layout keeps a weakref list (function, set, type …): a class adds none. */
  weaklist: boolean;
}

const WEAKLIST_TYPES = new Set<number>([
  T.Function,
  T.Set,
  T.FrozenSet,
  T.Type,
  T.Generator,
  T.Method,
  T.Builtin,
]);

/** A built-in type defined outside this layer with a tp_weaklistoffset of its own (NumPy's ndarray). */
export function markWeaklistType(id: number): void {
  WEAKLIST_TYPES.add(id);
}

/** best_base: the base whose layout every other extends (single inheritance: the base). */
export function bestBase(vm: Vm, bases: TypeSlots[]): TypeSlots {
  let winner = bases[0];
  for (const b of bases.slice(1)) {
    const sw = solidBase(vm, winner);
    const sb = solidBase(vm, b);
    if (sb.mro.includes(sw.id)) winner = b;
    else if (!sw.mro.includes(sb.id)) throw typeError(vm, 'multiple bases have instance lay-out conflict');
  }
  return winner;
}

/** solid_base: the nearest base that adds to the instance layout. */
function solidBase(vm: Vm, s: TypeSlots): TypeSlots {
  let t = s;
  for (;;) {
    if (t.id === T.Object) return t;
    const base = vm.types[t.base];
    if (t.flags & TpFlags.HeapType) {
      if ((t.slotNames?.length ?? 0) !== 0) return t;
    } else if (t.basicsize !== base.basicsize || t.itemsize !== base.itemsize) return t;
    // extra_ivars: a static type that adds no field to its base shares its layout (ZeroDivisionError)
    t = base;
  }
}

export function hasWeaklist(vm: Vm, s: TypeSlots): boolean {
  for (const id of s.mro) {
    const t = vm.types[id];
    if (t.flags & TpFlags.HeapType ? (t.extra as HeapTypeExtra).weaklist : WEAKLIST_TYPES.has(id))
      return true;
  }
  return false;
}

export function slotNames(vm: Vm, slotsObj: number): string[] {
  if (vm.table.type[slotsObj] === T.Str) return [strValue(vm, slotsObj)];
  // PySequence_Tuple: a tuple is read as it is
  if (vm.table.type[slotsObj] === T.Tuple)
    return Array.from(tupleItems(vm, slotsObj)).map((x) => slotName(vm, x));
  const out: string[] = [];
  const it = getIter(vm, slotsObj);
  try {
    for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
      try {
        out.push(slotName(vm, x));
      } finally {
        vm.decref(x);
      }
    }
  } finally {
    vm.decref(it);
  }
  return out;
}

function slotName(vm: Vm, x: number): string {
  if (vm.table.type[x] !== T.Str)
    throw typeError(vm, "__slots__ items must be strings, not '%.200s'", vm.typeOf(x).name);
  const n = strValue(vm, x);
  if (n.startsWith('__') && !n.endsWith('__'))
    throw new NotSupported(`private (name-mangled) __slots__ name ${n}`);
  return n;
}

/** __new__ becomes a staticmethod (type_new_set_attrs). */
export function wrapSpecial(vm: Vm, dict: number): void {
  const k = intern(vm, '__new__');
  const f = dictGetItem(vm, dict, k);
  if (f !== 0 && vm.table.type[f] === T.Function) {
    const sm = staticMethodNew(vm, f);
    dictSetItem(vm, dict, k, sm);
    vm.decref(sm);
  }
  // type_new_set_classmethod: these two are implicitly classmethods
  for (const name of ['__init_subclass__', '__class_getitem__']) {
    const key = intern(vm, name);
    const fn = dictGetItem(vm, dict, key);
    if (fn === 0 || vm.table.type[fn] !== T.Function) continue;
    const cm = classMethodNew(vm, fn);
    dictSetItem(vm, dict, key, cm);
    vm.decref(cm);
  }
}

/** PyDict_SetDefault into the class dict; `steal` gives the new object's reference to the dict. */
export function setDefault(vm: Vm, dict: number, name: string, value: number, steal = true): void {
  const k = intern(vm, name);
  if (dictGetItem(vm, dict, k) === 0) dictSetItem(vm, dict, k, value);
  if (steal) vm.decref(value);
}

/** mro_implementation: C3 linearization of the bases' MROs. */
export function mroOf(vm: Vm, s: TypeSlots, bases: TypeSlots[]): number[] {
  if (bases.length === 1) return [s.id, ...bases[0].mro];
  const seqs = [...bases.map((b) => [...b.mro]), bases.map((b) => b.id)];
  const out = [s.id];
  for (;;) {
    const live = seqs.filter((q) => q.length);
    if (!live.length) return out;
    const head = live.map((q) => q[0]).find((c) => !live.some((q) => q.indexOf(c) > 0));
    if (head === undefined)
      throw typeError(
        vm,
        // mro_error's message breaks the line there
        'Cannot create a consistent method resolution\norder (MRO) for bases %s',
        bases.map((b) => b.name).join(', '),
      );
    out.push(head);
    for (const q of live) if (q[0] === head) q.shift();
  }
}

/** PyDescr_NewMember for a __slots__ name: an allocated member_descriptor holding the class. */
export function memberDescr(vm: Vm, s: TypeSlots, name: string, index: number): number {
  const h = vm.newGcObject(T.MemberDescr, 48);
  vm.incref(s.typeObject);
  vm.table.ref[h] = s.typeObject;
  vm.table.side[h] = {
    type: s,
    def: {
      name,
      get: (vm2: Vm, obj: number) => {
        const v = heapInstanceState(vm2, obj)!.members![index];
        // PyMember_GetOne (T_OBJECT_EX): the member's C-string name through %s (a temporary str)
        if (v === 0)
          throw raiseFormat(
            vm2,
            E.AttributeError,
            "'%.200s' object has no attribute '%s'",
            vm2.typeOf(obj).name,
            name,
          );
        vm2.incref(v);
        return v;
      },
      set: (vm2: Vm, obj: number, value: number) => {
        const slots = heapInstanceState(vm2, obj)!.members!;
        const old = slots[index];
        if (value === 0 && old === 0)
          throw raiseFormat(
            vm2,
            E.AttributeError,
            "'%.50s' object has no attribute '%U'",
            vm2.typeOf(obj).name,
            name,
          );
        if (value) vm2.incref(value);
        slots[index] = value;
        if (old) vm2.decref(old);
      },
    },
  };
  vm.gc.track(h);
  return h;
}

/**
 * PyDescr_NewGetSet for __dict__ / __weakref__ (subtype_getsets_full): 16 + 48 bytes, and
 * descr_new interns the name from a C string (a temporary str for names longer than one character).
 */
export function getsetDescr(vm: Vm, s: TypeSlots, name: string): number {
  const h = vm.newGcObject(T.GetSetDescr, 48);
  vm.incref(s.typeObject);
  vm.table.ref[h] = s.typeObject;
  const tmp = vm.mem.malloc(vm.py.sizes.strAscii + name.length + 1);
  vm.mem.free(tmp);
  vm.table.side[h] = {
    type: s,
    def:
      name === '__dict__'
        ? {
            name,
            get: (vm2: Vm, obj: number) => {
              const d = instanceDict(vm2, obj);
              vm2.incref(d);
              return d;
            },
          }
        : { name, get: (vm2: Vm) => vm2.s.None },
  };
  vm.gc.track(h);
  return h;
}

/** add_subclass: the class enters the base's tp_subclasses as {PyLong_FromVoidPtr(type): weakref(type)}. */
export function addSubclass(vm: Vm, base: TypeSlots, s: TypeSlots): void {
  const key = fromLong(vm, vm.id(s.typeObject));
  const ref = weakrefNew(vm, s.typeObject);
  if (base.flags & TpFlags.HeapType) {
    const bx = base.extra as HeapTypeExtra;
    if (bx.subclassesDict === 0) {
      // the base's first subclass makes its tp_subclasses dict (an int key: a general table)
      bx.subclassesDict = vm.newGcObject(T.Dict, 48);
      bx.subclassesKeys = vm.mem.malloc(160);
    }
    bx.subclasses.set(s.id, { key, ref });
  }
  (s.extra as HeapTypeExtra).subclassEntries.push({ base: base.id, key, ref });
}
