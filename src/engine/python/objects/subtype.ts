/**
 * A class's instances and the class's own lifetime (Objects/typeobject.c 3.11): slot_tp_new,
 * subtype_dealloc with __del__ (from dealloc and from the collector), subtype_traverse/clear,
 * type_dealloc.
 */
import { PyError } from '../errors';
import { reprText } from '../abstract/repr';
import { getAttr, typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { dictKwargs } from '../abstract/kwargs';
import type { Vm } from '../runtime/vm';
import { callDunder } from './heapslots';
import { heapInstanceState, instanceRelease, type InstanceState } from './instance';
import { fromLong } from './int';
import { tupleItems } from './tuple';
import { T, TpFlags, type Kwargs, type TypeSlots, type Visit } from './types';
import { sharedKeysDecref } from './values';
import type { HeapTypeExtra } from './typelayout';

/** A kwargs dict (0 for none) as a call's keywords. */
export const kwargsMap = (vm: Vm, kwargs: number): Kwargs | null =>
  kwargs === 0 || vm.table.n[kwargs] === 0 ? null : dictKwargs(vm, kwargs);

/**
 * slot_tp_new: the class's __new__ (a staticmethod) called with the class first, through
 * _PyObject_Call_Prepend (the arguments on the C stack up to _PY_FASTCALL_SMALL_STACK = 5, else a
 * PyMem array) and _PyObject_FastCallDictTstate: with keywords, a vectorcall __new__ (a Python
 * function) gets _PyStack_UnpackDict's array of 1 + nargs + nkwargs pointers around the call
 * (`CarModel(name, air=True, cruise=False)`: 40 bytes, as slot_tp_init's for its __init__).
 */
export function slotTpNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
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
export function subtypeDealloc(vm: Vm, h: number): void {
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
export function finalizeFromGc(vm: Vm, h: number): boolean {
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
  if (st.members) {
    const slots = st.members;
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
export function subtypeTraverse(vm: Vm, h: number, visit: Visit): void {
  const st = heapInstanceState(vm, h);
  if (st) {
    const m = st.members;
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

export function subtypeClear(vm: Vm, h: number): void {
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
export function typeDealloc(vm: Vm, h: number): void {
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
