import { NotSupported, PyError } from '../errors';
import { reprText } from '../abstract/repr';
import { getAttr, lookupSpecial, typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { dictKwargs } from '../abstract/kwargs';
import { raiseFormat, typeError } from '../abstract/errors';
import { iterNext, getIter } from '../abstract/iter';
import type { Vm } from '../runtime/vm';
import { methodNew } from './classobject';
import { dictCopy, dictDelItem, dictEntries, dictGetItem, dictSetItem } from './dict';
import { E } from './exctypes';
import { callDunder, installDunderSlots } from './heapslots';
import {
  heapInstanceState,
  instanceDict,
  instanceRelease,
  type HeapTypeData,
  type InstanceState,
} from './instance';
import { fromLong } from './int';
import { listExtend, listNew } from './list';
import { genericAlloc } from './object';
import { classMethodNew, staticMethodNew, superNew } from './descrobject';
import { intern, strValue } from './str';
import { tupleFromItems, tupleItems } from './tuple';
import { inheritSlots } from './typeobject';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots, type Visit } from './types';
import { newSharedKeys, sharedKeysDecref } from './values';
import { weakrefNew } from './weakref';

/**
 * Classes (Objects/typeobject.c type_new, 3.11): `type(name, bases, namespace)` and, for the eval
 * loop, the `class` statement's last step. A heap type gets a new type id, a slot table built from
 * its base's (inherit_slots) and its own dunders (heapslots.ts), and the allocations 3.11 makes,
 * measured on 3.11.7: the (object,) bases tuple, the namespace copied (PyDict_Copy), __slots__
 * sorted through a list into a tuple, the type object (904 + 40 × (slots + 1) bytes + GC head),
 * __module__ set, the MRO tuple, the member and __dict__/__weakref__ getset descriptors (with the
 * temporary name strs descr_new interns), the entry in each base's tp_subclasses (an int key
 * and a weak reference), the shared keys for the instances' attributes (768 bytes), the copy
 * __set_name__ walks, and super(type, type).__init_subclass__ looked up and called.
 */
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

/** type(name, bases, dict): a new class (a new reference to its type object). `module` is the caller's __name__. */
export function typeNew(
  vm: Vm,
  name: string,
  bases: number,
  ns: number,
  module = '__main__',
  metatype: TypeSlots = vm.types[T.Type],
  kwargs = 0,
): number {
  // the bases, (object,) when none
  let basesTuple = bases;
  if (basesTuple === 0 || vm.table.n[basesTuple] === 0) {
    vm.incref(vm.types[T.Object].typeObject);
    basesTuple = tupleFromItems(vm, [vm.types[T.Object].typeObject]);
  } else vm.incref(basesTuple);
  const baseTypes = Array.from(tupleItems(vm, basesTuple)).map((b) => {
    if (!vm.typeOf(b).mro.includes(T.Type)) throw typeError(vm, 'bases must be types');
    const s = vm.slotsOf(b);
    if (!(s.flags & TpFlags.BaseType))
      throw typeError(vm, "type '%.100s' is not an acceptable base type", s.name);
    return s;
  });
  // _PyType_CalculateMetaclass: the most derived metaclass of the bases' types and the one called
  const meta = calculateMetaclass(vm, metatype, baseTypes);
  if (meta !== metatype && meta.new !== metatype.new) {
    // type_new_get_bases: a more derived metaclass with its own __new__ makes the class instead
    vm.decref(basesTuple);
    const nameObj = intern(vm, name);
    return call(vm, meta.typeObject, [nameObj, bases, ns], kwargsMap(vm, kwargs));
  }
  const base = bestBase(vm, baseTypes);
  const dict = dictCopy(vm, ns);
  if (vm.finalizeForGc === null) vm.finalizeForGc = (h) => finalizeFromGc(vm, h);

  // __slots__ (type_new_slots): validated, sorted (a list made into a tuple), __dict__/__weakref__ picked out
  let ownSlots: string[] | null = null;
  let htSlots = 0;
  // a metaclass (a subclass of type): its instances keep their attributes in tp_dict (type's
  // tp_dictoffset is 264) and type has a weak reference list, so neither slot is added
  const typeLayout = base.mro.includes(T.Type);
  let addDict = base.dictoffset === 0 && !typeLayout;
  // may_add_weak: not for a variable-size base (tuple, int, bytes): no __weakref__ slot there
  let addWeak = !hasWeaklist(vm, base) && base.itemsize === 0;
  const slotsObj = dictGetItem(vm, dict, intern(vm, '__slots__'));
  if (slotsObj !== 0) {
    const names = slotNames(vm, slotsObj);
    addDict = addDict && names.includes('__dict__');
    addWeak = addWeak && names.includes('__weakref__');
    ownSlots = names.filter((n) => n !== '__dict__' && n !== '__weakref__');
    // type_new_copy_slots: a slot may not also be a class attribute (its descriptor would replace it)
    for (const n of ownSlots)
      if (dictGetItem(vm, dict, intern(vm, n)) !== 0)
        throw raiseFormat(vm, E.ValueError, '%R in __slots__ conflicts with class variable', intern(vm, n));
    ownSlots.sort();
    // type_new_slots_impl: a variable-size base (int, tuple, bytes, type) has no room for members
    if (ownSlots.length && base.itemsize !== 0)
      throw typeError(vm, "nonempty __slots__ not supported for subtype of '%s'", base.name);
    if (names.includes('__dict__') && !addDict && !typeLayout && base.dictoffset !== 0)
      throw typeError(vm, '__dict__ slot disallowed: we already got one');
    // type_new_copy_slots: a list of the names, sorted, made into the tuple the class keeps (ht_slots)
    const list = listNew(vm, ownSlots.length);
    htSlots = tupleFromItems(
      vm,
      ownSlots.map((n) => intern(vm, n)),
    );
    vm.decref(list);
  }
  const nslots = ownSlots?.length ?? 0;
  // a managed dict: added here (bases of itemsize 0), or inherited from a class that has one
  const managed = (addDict && base.itemsize === 0) || (base.flags & TpFlags.ManagedDict) !== 0;
  // 3.12+ (type_new_descriptors): an added __weakref__ goes to the pre-header, inherited by subclasses
  const managedWeak = vm.py.managedWeakref && (addWeak || (base.flags & TpFlags.ManagedWeakref) !== 0);

  // the type object
  const id = vm.newTypeId();
  const typeObj = genericAlloc(vm, meta, nslots);
  if (dictGetItem(vm, dict, intern(vm, '__module__')) === 0)
    dictSetItem(vm, dict, intern(vm, '__module__'), intern(vm, module));
  const qualObj = dictGetItem(vm, dict, intern(vm, '__qualname__'));
  const qualname = qualObj !== 0 && vm.table.type[qualObj] === T.Str ? strValue(vm, qualObj) : name;
  if (qualObj !== 0) dictDelItem(vm, dict, intern(vm, '__qualname__'));
  const modObj = dictGetItem(vm, dict, intern(vm, '__module__'));
  wrapSpecial(vm, dict);

  const baseData = base.flags & TpFlags.HeapType ? (base.extra as HeapTypeExtra) : null;
  const extra: HeapTypeExtra = {
    cachedKeys: null,
    members: [...(baseData?.members ?? []), ...(ownSlots ?? [])],
    // an exception's or a function's own dict pointer serves its subclasses' instances
    dictFromBase: baseData ? baseData.dictFromBase : (!addDict && base.dictoffset !== 0) || typeLayout,
    basesTuple,
    mroTuple: 0,
    htSlots,
    subclassEntries: [],
    subclasses: new Map(),
    subclassesDict: 0,
    subclassesKeys: 0,
    dealloc: typeDealloc,
    weaklist: addWeak || hasWeaklist(vm, base),
  };
  const s = defineType({
    id,
    name,
    qualname,
    module: modObj !== 0 && vm.table.type[modObj] === T.Str ? strValue(vm, modObj) : module,
    basicsize:
      base.basicsize + 8 * nslots + (addWeak && !managedWeak ? 8 : 0) + (addDict && !managed ? 8 : 0),
    itemsize: base.itemsize,
    flags:
      TpFlags.HeapType |
      TpFlags.BaseType |
      TpFlags.HaveGc |
      TpFlags.Ready |
      (managed ? TpFlags.ManagedDict : 0) |
      (managedWeak ? TpFlags.ManagedWeakref : 0) |
      // 3.13: a managed dict's values inline when the body is a bare PyObject (no __slots__, no C base)
      (managed && vm.py.inlineValues && base.itemsize === 0 && base.basicsize + 8 * nslots === 16
        ? TpFlags.InlineValues
        : 0),
    base: base.id,
    bases: baseTypes.map((b) => b.id),
    typeObject: typeObj,
    dict,
    dictoffset: managed ? -1 : addDict ? base.basicsize + 8 * nslots : base.dictoffset,
    dealloc: subtypeDealloc,
    traverse: subtypeTraverse,
    clear: subtypeClear,
    slotNames: ownSlots,
    extra,
  });
  vm.table.side[typeObj] = s;
  setClassCell(vm, s);

  // PyType_Ready: the MRO and its tuple, the descriptors, __doc__, the inherited slots
  s.mro = mroOf(vm, s, baseTypes);
  vm.registerType(s);
  const mroItems = (): number[] =>
    s.mro.map((m) => {
      vm.incref(vm.types[m].typeObject);
      return vm.types[m].typeObject;
    });
  extra.mroTuple = tupleFromItems(vm, mroItems());
  if (meta.id !== T.Type) {
    // mro_invoke for a metaclass: type.mro() is called (mro_implementation's tuple made into a
    // list), then PySequence_Tuple of that list is the MRO; the first tuple and the list go
    const first = extra.mroTuple;
    const list = listNew(vm, 0); // PySequence_List: list_extend's list_preallocate_exact
    listExtend(vm, list, first);
    vm.decref(first);
    extra.mroTuple = tupleFromItems(vm, mroItems());
    vm.decref(list);
  }
  for (const n of ownSlots ?? []) setDefault(vm, dict, n, memberDescr(vm, s, n, extra.members.indexOf(n)));
  if (addDict) setDefault(vm, dict, '__dict__', getsetDescr(vm, s, '__dict__'));
  if (addWeak) setDefault(vm, dict, '__weakref__', getsetDescr(vm, s, '__weakref__'));
  setDefault(vm, dict, '__doc__', vm.s.None, false);
  const own = new Set<string>();
  for (const [k] of dictEntries(vm, dict)) if (vm.table.type[k] === T.Str) own.add(strValue(vm, k));
  const overridesHash = own.has('__eq__') || own.has('__hash__');
  for (const b of s.mro.slice(1)) inheritSlots(s, vm.types[b], overridesHash);
  if (s.hash === null) {
    if (!own.has('__hash__')) setDefault(vm, dict, '__hash__', vm.s.None, false);
    own.add('__hash__');
  }
  for (const b of baseTypes) addSubclass(vm, b, s);
  installDunderSlots(vm, s, own);
  if (own.has('__new__')) s.new = slotTpNew;

  if (managed) extra.cachedKeys = newSharedKeys(vm);
  setNames(vm, s);
  initSubclass(vm, s, kwargs);
  return typeObj;
}

/** _PyType_CalculateMetaclass: the most derived of `meta` and the bases' metaclasses. */
export function calculateMetaclass(vm: Vm, meta: TypeSlots, bases: readonly TypeSlots[]): TypeSlots {
  let winner = meta;
  for (const b of bases) {
    const tmp = vm.typeOf(b.typeObject);
    if (winner.mro.includes(tmp.id)) continue;
    if (tmp.mro.includes(winner.id)) {
      winner = tmp;
      continue;
    }
    throw typeError(
      vm,
      'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    );
  }
  return winner;
}

/** A kwargs dict (0 for none) as a call's keywords. */
const kwargsMap = (vm: Vm, kwargs: number): Kwargs | null =>
  kwargs === 0 || vm.table.n[kwargs] === 0 ? null : dictKwargs(vm, kwargs);

/**
 * type_new_set_classcell: a class body that uses super() or __class__ returns its __class__ cell
 * as __classcell__; the cell gets the new class and the name leaves the class's dict.
 */
function setClassCell(vm: Vm, s: TypeSlots): void {
  const name = intern(vm, '__classcell__');
  const cell = dictGetItem(vm, s.dict, name);
  if (cell === 0) return;
  if (vm.table.type[cell] !== T.Cell)
    throw typeError(vm, '__classcell__ must be a nonlocal cell, not %.200R', vm.typeOf(cell).typeObject);
  const old = vm.table.ref[cell];
  vm.incref(s.typeObject);
  vm.table.ref[cell] = s.typeObject;
  if (old !== 0) vm.decref(old);
  dictDelItem(vm, s.dict, name);
}

/** best_base: the base whose layout every other extends (single inheritance: the base). */
function bestBase(vm: Vm, bases: TypeSlots[]): TypeSlots {
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

function hasWeaklist(vm: Vm, s: TypeSlots): boolean {
  for (const id of s.mro) {
    const t = vm.types[id];
    if (t.flags & TpFlags.HeapType ? (t.extra as HeapTypeExtra).weaklist : WEAKLIST_TYPES.has(id))
      return true;
  }
  return false;
}

function slotNames(vm: Vm, slotsObj: number): string[] {
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
function wrapSpecial(vm: Vm, dict: number): void {
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
function setDefault(vm: Vm, dict: number, name: string, value: number, steal = true): void {
  const k = intern(vm, name);
  if (dictGetItem(vm, dict, k) === 0) dictSetItem(vm, dict, k, value);
  if (steal) vm.decref(value);
}

/** mro_implementation: C3 linearization of the bases' MROs. */
function mroOf(vm: Vm, s: TypeSlots, bases: TypeSlots[]): number[] {
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
function memberDescr(vm: Vm, s: TypeSlots, name: string, index: number): number {
  const h = vm.newGcObject(T.MemberDescr, 48);
  vm.incref(s.typeObject);
  vm.table.ref[h] = s.typeObject;
  vm.table.side[h] = {
    type: s,
    def: {
      name,
      get: (vm2: Vm, obj: number) => {
        const v = heapInstanceState(vm2, obj)!.slots![index];
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
        const slots = heapInstanceState(vm2, obj)!.slots!;
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
function getsetDescr(vm: Vm, s: TypeSlots, name: string): number {
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
function addSubclass(vm: Vm, base: TypeSlots, s: TypeSlots): void {
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

/** type_new_set_names: a copy of the class dict, each value's __set_name__ called. */
function setNames(vm: Vm, s: TypeSlots): void {
  const copy = dictCopy(vm, s.dict);
  try {
    for (const [k, v] of dictEntries(vm, copy)) {
      const f = lookupSpecial(vm, v, '__set_name__');
      if (f === 0) continue;
      try {
        vm.decref(call(vm, f, [s.typeObject, k], null));
      } finally {
        vm.decref(f);
      }
    }
  } finally {
    vm.decref(copy);
  }
}

/** type_new_init_subclass: super(type, type).__init_subclass__(**kwargs), made, called and released. */
function initSubclass(vm: Vm, s: TypeSlots, kwargs: number): void {
  const sup = superNew(vm, s.typeObject, s.typeObject);
  let f: number;
  try {
    f = getAttr(vm, sup, '__init_subclass__');
  } finally {
    vm.decref(sup);
  }
  try {
    vm.decref(call(vm, f, [], kwargsMap(vm, kwargs)));
  } finally {
    vm.decref(f);
  }
}

/**
 * slot_tp_new: the class's __new__ (a staticmethod) called with the class first, through
 * _PyObject_Call_Prepend (the arguments on the C stack up to _PY_FASTCALL_SMALL_STACK = 5, else a
 * PyMem array) and _PyObject_FastCallDictTstate: with keywords, a vectorcall __new__ (a Python
 * function) gets _PyStack_UnpackDict's array of 1 + nargs + nkwargs pointers around the call
 * (`CarModel(name, air=True, cruise=False)`: 40 bytes, as slot_tp_init's for its __init__).
 */
function slotTpNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const f = getAttr(vm, type.typeObject, '__new__');
  try {
    const items = [type.typeObject, ...tupleItems(vm, args)];
    const nkw = kwargs !== 0 ? vm.table.n[kwargs] : 0;
    const prepend = items.length > 5 ? vm.mem.malloc(8 * items.length) : 0;
    try {
      const stack =
        nkw > 0 && vm.table.type[f] === T.Function ? vm.mem.malloc(8 * (1 + items.length + nkw)) : 0;
      try {
        return call(vm, f, items, kwargsMap(vm, kwargs));
      } finally {
        if (stack) vm.mem.free(stack);
      }
    } finally {
      if (prepend) vm.mem.free(prepend);
    }
  } finally {
    vm.decref(f);
  }
}

// ---- instances ---------------------------------------------------------------------------------

/** The nearest built-in type in the MRO (whose layout the instance extends). */
function builtinBase(vm: Vm, s: TypeSlots): TypeSlots {
  const mro = s.mro;
  for (let i = 0; i < mro.length; i++) {
    const b = vm.types[mro[i]];
    if (!(b.flags & TpFlags.HeapType)) return b;
  }
  return vm.types[T.Object];
}

/**
 * subtype_dealloc: untracked; __del__ would run here; the __slots__ members and the dict (or
 * values) released; the built-in base's dealloc (object's: PyObject_GC_Del); then the class.
 */
function subtypeDealloc(vm: Vm, h: number): void {
  const type = vm.typeOf(h);
  const typeObj = type.typeObject;
  vm.gc.untrack(h);
  // Py_TRASHCAN_BEGIN(self, subtype_dealloc): past 50 nested deallocations the instance waits on
  // the trash list, so `del head` of a 200,000-node linked list frees iteratively, in that order.
  if (vm.trashBegin(h)) return;
  if (callFinalizerFromDealloc(vm, h, type)) {
    const st = heapInstanceState(vm, h);
    if (st) {
      clearInstance(vm, st);
      vm.heapState.delete(h);
    }
    const b = builtinBase(vm, type);
    if (b.id !== T.Object) {
      // basedealloc (list_dealloc, long_dealloc, unicode_dealloc…): its trashcan is off, its tp_free is GC_Del
      vm.deallocBaseOf(h);
      b.dealloc(vm, h);
      vm.deallocBaseOf(-1);
    } else vm.gcDel(h);
    vm.decref(typeObj);
  } // else resurrected by __del__ (endlabel)
  vm.trashEnd();
}

/** The instances whose __del__ has run (_PyGC_FINALIZED): a finalizer runs once per object. */
const finalizedBy = new WeakMap<Vm, Set<number>>();

/**
 * PyObject_CallFinalizerFromDealloc with slot_tp_finalize, for a class with __del__: the object
 * is tracked again and resurrected (refcount 1) for the call, an exception from __del__ is
 * unraisable ("Exception ignored in: <function A.__del__ at 0x…>" on stderr), then the reference
 * is dropped; false when __del__ stored the object somewhere (resurrected: no deallocation).
 */
function callFinalizerFromDealloc(vm: Vm, h: number, type: TypeSlots): boolean {
  let done = finalizedBy.get(vm);
  if (done === undefined) finalizedBy.set(vm, (done = new Set()));
  if (done.delete(h)) return true;
  const del = typeLookup(vm, type, '__del__');
  if (del === 0) return true;
  done.add(h);
  vm.gc.track(h);
  vm.table.refcnt[h] = 1;
  try {
    vm.decref(callDunder(vm, h, '__del__', []));
  } catch (e) {
    if (!(e instanceof PyError) || e.excType < 0) throw e;
    vm.eval.writeUnraisable(e, `Exception ignored in: ${reprText(vm, del)}`);
  }
  if (--vm.table.refcnt[h] !== 0) return false;
  done.delete(h);
  vm.gc.untrack(h);
  return true;
}

/**
 * finalize_garbage's PyObject_CallFinalizer for a class's instance found in unreachable garbage
 * (slot_tp_finalize): __del__ once per object (_PyGCHead_SET_FINALIZED first, so its later
 * deallocation does not call it again), held by a reference for the call, an exception unraisable.
 */
function finalizeFromGc(vm: Vm, h: number): boolean {
  const type = vm.typeOf(h);
  if (type.dealloc !== subtypeDealloc) return false;
  let done = finalizedBy.get(vm);
  if (done === undefined) finalizedBy.set(vm, (done = new Set()));
  if (done.has(h)) return false;
  const del = typeLookup(vm, type, '__del__');
  if (del === 0) return false;
  done.add(h);
  vm.incref(h);
  try {
    vm.decref(callDunder(vm, h, '__del__', []));
  } catch (e) {
    if (!(e instanceof PyError) || e.excType < 0) throw e;
    vm.eval.writeUnraisable(e, `Exception ignored in: ${reprText(vm, del)}`);
  }
  vm.decref(h);
  return true;
}

function clearInstance(vm: Vm, st: InstanceState): void {
  if (st.slots) {
    const slots = st.slots;
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      if (v) {
        slots[i] = 0;
        vm.decref(v);
      }
    }
  }
  instanceRelease(vm, st);
}

/** subtype_traverse: the members, the dict or values, the class, then the base's references. */
function subtypeTraverse(vm: Vm, h: number, visit: Visit): void {
  const st = heapInstanceState(vm, h);
  if (st) {
    const m = st.slots;
    if (m !== null) for (let i = 0; i < m.length; i++) if (m[i] !== 0) visit(m[i]);
    if (st.dict) visit(st.dict);
    else if (st.values !== null) {
      const s = st.values.slots;
      for (let i = 0; i < s.length; i++) if (s[i] !== 0) visit(s[i]);
    }
  }
  const type = vm.typeOf(h);
  visit(type.typeObject);
  builtinBase(vm, type).traverse?.(vm, h, visit);
}

function subtypeClear(vm: Vm, h: number): void {
  const st = heapInstanceState(vm, h);
  if (st) clearInstance(vm, st);
  builtinBase(vm, vm.typeOf(h)).clear?.(vm, h);
}

// ---- the class object's own lifetime -------------------------------------------------------

/**
 * type_dealloc (a class in a cycle, so the collector's): out of its bases' tp_subclasses (a key
 * made to find the entry, then the entry's key and weak reference released), then its dict,
 * bases, MRO, shared keys, the object, and its type id.
 */
function typeDealloc(vm: Vm, h: number): void {
  const s = vm.slotsOf(h);
  const x = s.extra as HeapTypeExtra;
  vm.gc.untrack(h);
  for (const e of x.subclassEntries) {
    const probe = fromLong(vm, vm.id(h));
    vm.decref(probe);
    const b = vm.types[e.base];
    if (b.flags & TpFlags.HeapType) (b.extra as HeapTypeExtra).subclasses.delete(s.id);
    vm.decref(e.key);
    vm.decref(e.ref);
  }
  for (const { ref } of x.subclasses.values()) (vm.table.side[ref] as { referent: number }).referent = 0;
  if (x.subclassesDict) {
    vm.gcDel(x.subclassesDict);
    vm.mem.free(x.subclassesKeys);
  }
  vm.xdecref(s.dict);
  vm.xdecref(x.basesTuple);
  vm.xdecref(x.mroTuple);
  vm.xdecref(x.htSlots);
  if (x.cachedKeys) sharedKeysDecref(vm, x.cachedKeys);
  vm.gcDel(h);
  vm.releaseTypeId(s.id);
}

/** type_setattro for a class: the dict takes the value, and a dunder refreshes the slots. */
export function heapTypeSetattr(vm: Vm, h: number, name: string, value: number): void {
  const s = vm.slotsOf(h);
  const k = intern(vm, name);
  if (value === 0) dictDelItem(vm, s.dict, k);
  else dictSetItem(vm, s.dict, k, value);
  if (name.startsWith('__') && name.endsWith('__')) installDunderSlots(vm, s, new Set([name]));
  // update_slot for __new__: tp_new becomes slot_tp_new (enum's EnumType sets Enum.__new__ so)
  if (name === '__new__' && value !== 0) s.new = slotTpNew;
}

/** A bound method of a class attribute (for tests and the eval loop's LOAD_ATTR on classes). */
export const boundMethod = methodNew;
