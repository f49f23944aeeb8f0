import { typeLookup } from '../abstract/attr';
import { raiseFormat, typeError } from '../abstract/errors';
import { dictGetItem, dictDelItem, dictNew, dictSetItem } from '../objects/dict';
import { builtinNew } from '../objects/descr';
import { E } from '../objects/exctypes';
import { moduleType } from '../objects/modtypes';
import { genericAlloc } from '../objects/object';
import { intern, strNew } from '../objects/str';
import { Meth, T, TpFlags, defineType, type MethodDef, type TypeSlots } from '../objects/types';
import { weakrefNew, weakrefNewCallback } from '../objects/weakref';
import type { Vm } from '../runtime/vm';
import { interpOf } from './host';

/**
 * _thread._local (threading.local; Modules/_threadmodule.c 3.11). The object (16 GC + key, args,
 * kw, weakreflist, dummies, wr_callback = 64 bytes) has one attribute dict per thread: the first
 * use in a thread makes a `localdummy` (32 bytes, not GC) holding that thread's dict, stores it in
 * the thread state's dict (PyThreadState_GetDict) under the object's key
 * ("_thread._local.0x…"), and enters {weakref(dummy, wr_callback): dict} in `dummies`. When the
 * thread ends, PyThreadState_Clear drops its state dict: the dummy dies, its weak reference's
 * callback removes the entry, and that thread's attributes are freed. When the local dies, its
 * dummies are left to their threads (their dicts go with them).
 */
interface LocalState {
  key: number;
  args: number;
  kw: number;
  dummies: number;
  wrCallback: number;
}

const localOf = (vm: Vm, h: number): LocalState => vm.table.side[h] as LocalState;

/** localdummy: the thread's attribute dict, referenced weakly by the local's `dummies`. */
const LocalDummyType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: '_localdummy',
    qualname: '_localdummy',
    module: '_thread',
    basicsize: 32,
    flags: 0,
    dealloc: (vm, h) => {
      const d = vm.table.ref[h];
      vm.table.ref[h] = 0;
      if (d) vm.decref(d);
      vm.objectFree(h);
    },
  });

/** wr_callback(localweakref, dummyweakref): the dead dummy's entry leaves the local's `dummies`. */
const WR_CALLBACK: MethodDef = {
  name: '_localdummy_destroyed',
  flags: Meth.O,
  impl: (vm, selfRef, a) => {
    const local = (vm.table.side[selfRef] as { referent: number }).referent;
    if (local !== 0) {
      const st = localOf(vm, local);
      if (st.dummies && dictGetItem(vm, st.dummies, a[0]) !== 0) dictDelItem(vm, st.dummies, a[0]);
    }
    return vm.s.None;
  },
};

/** _local_create_dummy: the thread's dummy and dict, entered in the thread state dict and `dummies`. */
function createDummy(vm: Vm, self: number): number {
  const st = localOf(vm, self);
  const tdict = interpOf(vm).threads.stateDict();
  const dummyType = moduleType(vm, LocalDummyType);
  const dummy = vm.newObject(dummyType.id, 32);
  const ldict = dictNew(vm);
  vm.table.ref[dummy] = ldict;
  vm.incref(ldict); // the dummy's and the one returned
  dictSetItem(vm, tdict, st.key, dummy);
  const wr = weakrefNewCallback(vm, dummy, st.wrCallback);
  dictSetItem(vm, st.dummies, wr, ldict);
  vm.decref(wr);
  vm.decref(dummy); // the thread state dict holds it
  return ldict;
}

/** _ldict: this thread's dict (made on first use, then __init__ run with the creation arguments). */
function threadDict(vm: Vm, self: number): number {
  const st = localOf(vm, self);
  const tdict = interpOf(vm).threads.stateDict();
  const dummy = dictGetItem(vm, tdict, st.key);
  if (dummy !== 0) return vm.table.ref[dummy];
  const ldict = createDummy(vm, self);
  vm.decref(ldict);
  const type = vm.typeOf(self);
  if (type.init !== null && type.init !== vm.types[T.Object].init) type.init(vm, self, st.args, st.kw);
  return ldict;
}

/** tp_name of the type: '_thread._local' for the C type itself, a subclass's own name. */
const tpName = (vm: Vm, self: number): string => {
  const s = vm.typeOf(self);
  return s.flags & TpFlags.HeapType ? s.name : `${s.module}.${s.name}`;
};

function noAttr(vm: Vm, self: number, name: string): Error {
  return raiseFormat(vm, E.AttributeError, "'%.50s' object has no attribute '%U'", tpName(vm, self), name);
}

/** local_getattro: _PyObject_GenericGetAttrWithDict with this thread's dict. */
function localGetattro(vm: Vm, self: number, name: string): number {
  const ldict = threadDict(vm, self);
  if (name === '__dict__') {
    vm.incref(ldict);
    return ldict;
  }
  const type = vm.typeOf(self);
  const descr = typeLookup(vm, type, name);
  const dt = descr !== 0 ? vm.typeOf(descr) : null;
  if (dt?.descrGet && dt.descrSet) return dt.descrGet(vm, descr, self, type.typeObject);
  const v = dictGetItem(vm, ldict, intern(vm, name));
  if (v !== 0) {
    vm.incref(v);
    return v;
  }
  if (dt?.descrGet) return dt.descrGet(vm, descr, self, type.typeObject);
  if (descr !== 0) {
    vm.incref(descr);
    return descr;
  }
  throw noAttr(vm, self, name);
}

/** local_setattro: '__dict__' is read-only; a data descriptor, else this thread's dict. */
function localSetattro(vm: Vm, self: number, name: string, value: number): void {
  const ldict = threadDict(vm, self);
  if (name === '__dict__')
    throw raiseFormat(
      vm,
      E.AttributeError,
      "'%.50s' object attribute '%U' is read-only",
      tpName(vm, self),
      name,
    );
  const descr = typeLookup(vm, vm.typeOf(self), name);
  const set = descr !== 0 ? vm.typeOf(descr).descrSet : null;
  if (set) return set(vm, descr, self, value);
  const k = intern(vm, name);
  if (value !== 0) return dictSetItem(vm, ldict, k, value);
  if (dictGetItem(vm, ldict, k) === 0) throw noAttr(vm, self, name);
  dictDelItem(vm, ldict, k);
}

export const LocalType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: '_local',
    qualname: '_local',
    module: '_thread',
    basicsize: 64,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    // local_new: arguments only for a subclass with its own __init__
    new: (vm, type, args, kwargs) => {
      const hasArgs = vm.table.n[args] > 0 || (kwargs !== 0 && vm.table.n[kwargs] > 0);
      if (hasArgs && (type.init === null || type.init === vm.types[T.Object].init))
        throw typeError(vm, 'Initialization arguments are not supported');
      const self = genericAlloc(vm, type, 0);
      vm.incref(args);
      if (kwargs) vm.incref(kwargs);
      const st: LocalState = { key: 0, args, kw: kwargs, dummies: 0, wrCallback: 0 };
      vm.table.side[self] = st;
      st.key = strNew(vm, `_thread._local.0x${vm.id(self).toString(16)}`);
      st.dummies = dictNew(vm);
      const wr = weakrefNew(vm, self);
      st.wrCallback = builtinNew(vm, WR_CALLBACK, wr);
      vm.decref(wr);
      vm.decref(createDummy(vm, self));
      return self;
    },
    getattro: localGetattro,
    setattro: localSetattro,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      localClear(vm, h);
      const type = vm.typeOf(h);
      vm.gcDel(h);
      if (type.flags & TpFlags.HeapType) vm.decref(type.typeObject);
    },
    traverse: (vm, h, visit) => {
      const st = localOf(vm, h);
      if (st === undefined) return;
      for (const x of [st.args, st.kw, st.dummies]) if (x) visit(x);
    },
    clear: (vm, h) => localClear(vm, h),
    notModelled: '_thread._local',
  });

/** local_clear: the arguments and `dummies` released; this local's entry leaves every live thread's state dict. */
function localClear(vm: Vm, h: number): void {
  const st = localOf(vm, h);
  if (st === undefined) return;
  for (const tdict of interpOf(vm).threads.stateDicts())
    if (st.key && dictGetItem(vm, tdict, st.key) !== 0) dictDelItem(vm, tdict, st.key);
  const fields = [st.args, st.kw, st.dummies, st.wrCallback, st.key];
  st.args = st.kw = st.dummies = st.wrCallback = st.key = 0;
  for (const x of fields) if (x) vm.decref(x);
}

export const localType = (vm: Vm): TypeSlots => moduleType(vm, LocalType);
