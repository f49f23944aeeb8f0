import { call } from '../abstract/call';
import { raiseFormat, raiseString } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { hashValue } from '../abstract/hashvalue';
import { richCompare } from '../abstract/compare';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { functionData } from './func';
import { tupleItems } from './tuple';
import { initInstanceDict } from './instance';
import { Cmp, T, TpFlags, defineType, type TypeSlots } from './types';
import {
  basicRefs,
  handleWeakrefs,
  insertRef,
  setCallOne,
  supportsWeakrefs,
  weakData,
  weakList,
  weakrefRelease,
  type WeakRefData,
} from './weaklist';

/**
 * Weak references (Objects/weakrefobject.c PyWeakReference: 16 GC + 64 bytes: wr_object,
 * wr_callback, hash, wr_prev, wr_next, vectorcall). weakref.ref(obj) without a callback returns
 * the object's existing basic reference when there is one; a new one goes to the head of the
 * object's list, one with a callback after the basic reference and proxy. The list and the
 * clearing are objects/weaklist.ts. The type registry uses them too: each class is entered in
 * its bases' tp_subclasses as a weak reference.
 */
export const WEAKREF_BASIC = 64;
export type { WeakRefData };

/** Installs the clearing hooks the first time a process makes a weak reference. */
function hooks(vm: Vm): void {
  if (vm.handleWeakrefs !== null) return;
  setCallOne((vm2, f, arg) => call(vm2, f, [arg], null));
  vm.handleWeakrefs = (u, c) => handleWeakrefs(vm, u, c);
  weakList(vm, 0);
}

/** init_weakref + the allocation (PyObject_GC_New of `type`, tracked). */
function newRef(vm: Vm, typeId: number, referent: number, callback: number): number {
  hooks(vm);
  // a subclass (weakref.KeyedRef, with its __slots__) is allocated at its own size
  const type = vm.types[typeId];
  const h = vm.newGcObject(typeId, type.basicsize);
  if (type.flags & TpFlags.HeapType) {
    vm.incref(type.typeObject);
    initInstanceDict(vm, h, type);
  }
  if (callback) vm.incref(callback);
  vm.table.side[h] = { referent, callback, hash: null } satisfies WeakRefData;
  vm.gc.track(h);
  return h;
}

function cannotRef(vm: Vm, referent: number): Error {
  return raiseFormat(
    vm,
    E.TypeError,
    "cannot create weak reference to '%s' object",
    vm.typeOf(referent).name,
  );
}

/**
 * A built-in type other than object has a basic weak reference from the start-up: PyType_Ready's
 * add_subclass put one in its base's tp_subclasses (`weakref.ref(int)` returns that one, as a class's
 * returns the one its own add_subclass made). Made here, static, the first time it is asked for.
 */
function startupTypeRef(vm: Vm, referent: number): void {
  if (vm.table.type[referent] !== T.Type) return;
  const s = vm.slotsOf(referent);
  if (s.flags & TpFlags.HeapType || s.id === T.Object) return;
  if (basicRefs(vm, weakList(vm, referent)).ref !== 0) return;
  hooks(vm);
  const h = vm.newStatic(T.WeakRef);
  vm.table.side[h] = { referent, callback: 0, hash: null } satisfies WeakRefData;
  insertRef(vm, referent, h, 0);
}

/** PyWeakref_NewRef(obj, NULL) (tp_subclasses' entries): the basic reference, made once. */
export function weakrefNew(vm: Vm, referent: number): number {
  return weakrefNewCallback(vm, referent, 0);
}

/** weakref___new__ / PyWeakref_NewRef: reuse the basic reference, or make one and place it in the list. */
export function weakrefNewCallback(
  vm: Vm,
  referent: number,
  callback: number,
  typeId: number = T.WeakRef,
): number {
  if (!supportsWeakrefs(vm, vm.typeOf(referent))) throw cannotRef(vm, referent);
  if (callback === vm.s.None) callback = 0;
  if (callback === 0 && typeId === T.WeakRef) startupTypeRef(vm, referent);
  const { ref } = basicRefs(vm, weakList(vm, referent));
  if (callback === 0 && typeId === T.WeakRef && ref !== 0) {
    vm.incref(ref);
    return ref;
  }
  const h = newRef(vm, typeId, referent, callback);
  if (callback === 0 && typeId === T.WeakRef) insertRef(vm, referent, h, 0);
  else {
    const b = basicRefs(vm, weakList(vm, referent));
    insertRef(vm, referent, h, b.proxy || b.ref);
  }
  return h;
}

/** A proxy (PyWeakref_NewProxy): the basic proxy reused; a new one placed after the basic reference. */
export function weakProxyNew(
  vm: Vm,
  referent: number,
  callback: number,
  proxyType: number,
  callableType: number,
): number {
  if (!supportsWeakrefs(vm, vm.typeOf(referent))) throw cannotRef(vm, referent);
  if (callback === vm.s.None) callback = 0;
  const b = basicRefs(vm, weakList(vm, referent));
  if (callback === 0 && b.proxy !== 0) {
    vm.incref(b.proxy);
    return b.proxy;
  }
  const callable =
    vm.typeOf(referent).call !== null ||
    vm.typeOf(referent).vectorcall !== null ||
    vm.table.type[referent] === T.Type;
  const h = newRef(vm, callable ? callableType : proxyType, referent, callback);
  insertRef(vm, referent, h, callback === 0 ? b.ref : b.proxy || b.ref);
  return h;
}

/** The referent (borrowed) or 0 once it died. */
export const referentOf = (vm: Vm, h: number): number => weakData(vm, h).referent;

function refText(vm: Vm, h: number): string {
  const r = referentOf(vm, h);
  const at = `0x${vm.id(h).toString(16)}`;
  if (!r) return `<weakref at ${at}; dead>`;
  const name = vm.table.type[r] === T.Function ? ` (${functionData(vm, r).name})` : '';
  return `<weakref at ${at}; to '${vm.typeOf(r).name}' at 0x${vm.id(r).toString(16)}${name}>`;
}

/** weakref_hash: the referent's hash, kept once computed; a dead reference never hashed is a TypeError. */
function refHash(vm: Vm, h: number): string | number | bigint {
  const d = weakData(vm, h);
  if (d.hash !== null && d.hash !== undefined) return d.hash;
  if (!d.referent) throw raiseString(vm, E.TypeError, 'weak object has gone away');
  d.hash = hashKey(vm, d.referent);
  // weakref_hash stores the Py_hash_t: a set's entries and hash(ref) read it after the referent died
  d.hashValue = hashValue(vm, d.referent);
  return d.hash;
}

/** weakref_richcompare: two live references compare their referents; otherwise identity. */
function refRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if ((op !== Cmp.EQ && op !== Cmp.NE) || !vm.typeOf(b).mro.includes(T.WeakRef)) return vm.s.NotImplemented;
  const x = referentOf(vm, a);
  const y = referentOf(vm, b);
  if (!x || !y) return vm.s.bool((a === b) === (op === Cmp.EQ));
  return richCompare(vm, x, y, op);
}

export const WeakRefType = (): TypeSlots =>
  defineType({
    id: T.WeakRef,
    name: 'ReferenceType',
    qualname: 'ReferenceType',
    module: 'weakref',
    basicsize: WEAKREF_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      weakrefRelease(vm, h);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const cb = weakData(vm, h).callback;
      if (cb) visit(cb);
    },
    clear: (vm, h) => weakrefRelease(vm, h),
    // weakref_call: the referent (a new reference) or None once it died
    call: (vm, h, args) => {
      if (vm.table.n[args] !== 0)
        throw raiseFormat(vm, E.TypeError, 'weakref() takes no arguments (%zd given)', vm.table.n[args]);
      const r = referentOf(vm, h) || vm.s.None;
      vm.incref(r);
      return r;
    },
    hash: refHash,
    richcompare: refRichcompare,
    reprText: refText,
    // weakref___init__: the arguments checked as __new__ took them, nothing more
    init: (vm, _h, args) => {
      if (vm.table.n[args] < 1 || vm.table.n[args] > 2)
        throw raiseFormat(
          vm,
          E.TypeError,
          '__init__ expected at most 2 arguments, got %zd',
          vm.table.n[args],
        );
    },
    new: (vm, type, args) => {
      const a = tupleItems(vm, args);
      if (a.length < 1 || a.length > 2)
        throw raiseFormat(vm, E.TypeError, '__new__ expected at most 2 arguments, got %zd', a.length);
      return weakrefNewCallback(vm, a[0], a[1] ?? 0, type.id);
    },
    getset: {
      __callback__: {
        name: '__callback__',
        get: (vm, h) => {
          const cb = weakData(vm, h).callback || vm.s.None;
          vm.incref(cb);
          return cb;
        },
      },
    },
  });

export { reprText };
