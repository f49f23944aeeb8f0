import { getAttr, lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseFormat, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { methodNew } from './classobject';
import { dictCopy, dictDelItem, dictEntries, dictGetItem, dictSetItem } from './dict';
import { E } from './exctypes';
import { installDunderSlots } from './heapslots';
import { listExtend, listNew } from './list';
import { genericAlloc } from './object';
import { superNew } from './descrobject';
import { intern, strValue } from './str';
import { tupleFromItems, tupleItems } from './tuple';
import { inheritSlots } from './typeobject';
import { T, TpFlags, defineType, type TypeSlots } from './types';
import { newSharedKeys } from './values';
import {
  addSubclass,
  bestBase,
  getsetDescr,
  hasWeaklist,
  memberDescr,
  mroOf,
  setDefault,
  slotNames,
  wrapSpecial,
  type HeapTypeExtra,
} from './typelayout';
import {
  finalizeFromGc,
  kwargsMap,
  slotTpNew,
  subtypeClear,
  subtypeDealloc,
  subtypeTraverse,
  typeDealloc,
} from './subtype';

export type { HeapTypeExtra } from './typelayout';

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
    // a library class the simulator models as a native type (random.Random) has no heap-type
    // bookkeeping (subclass list, weaklist) to derive from yet: refused as such, not a crash
    if (s.flags & TpFlags.HeapType && s.extra === null) throw new NotSupported(`subclassing ${s.module}.${s.name}`);
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
  // a managed dict: added here (bases of itemsize 0; 3.12+ any base), or inherited from a class that has one
  const managed =
    (addDict && (base.itemsize === 0 || vm.py.managedDictVarSized)) || (base.flags & TpFlags.ManagedDict) !== 0;
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
  // fixup_slot_dispatchers looks each dunder up along the MRO: with several bases, one a later
  // base's Python class defines (ipaddress's IPv4Address(_BaseV4, _BaseAddress): __repr__, __lt__,
  // __hash__) wins over the slot the first base inherited from object
  installDunderSlots(vm, s, baseTypes.length > 1 ? mroDunders(vm, s, own) : own);
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

/** The dunders a class's MRO resolves to Python classes' dicts, up to the first built-in type. */
function mroDunders(vm: Vm, s: TypeSlots, own: ReadonlySet<string>): Set<string> {
  const names = new Set(own);
  for (const id of s.mro.slice(1)) {
    const t = vm.types[id];
    if (!(t.flags & TpFlags.HeapType)) break;
    for (const [k] of dictEntries(vm, t.dict)) {
      if (vm.table.type[k] !== T.Str) continue;
      const n = strValue(vm, k);
      if (n.startsWith('__') && n.endsWith('__')) names.add(n);
    }
  }
  return names;
}
