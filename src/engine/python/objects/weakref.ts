import type { Vm } from '../runtime/vm';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * Weak references (Objects/weakrefobject.c PyWeakReference: 16 GC + 64 bytes). A referent keeps
 * the list of its weak references (tp_weaklistoffset) and clears them when it dies. The type
 * registry uses them as CPython does: each class is entered in its bases' tp_subclasses as a
 * weak reference.
 */
export const WEAKREF_BASIC = 64;

export interface WeakRefData {
  /** The referent (not counted), 0 once it died. */
  referent: number;
  callback: number;
}

/** PyWeakref_NewRef(obj, NULL): a new weak reference (no callback: 3.11 would reuse a basic one; not modelled). */
export function weakrefNew(vm: Vm, referent: number): number {
  const h = vm.newGcObject(T.WeakRef, WEAKREF_BASIC);
  vm.table.side[h] = { referent, callback: 0 } satisfies WeakRefData;
  vm.gc.track(h);
  return h;
}

export const WeakRefType = (): TypeSlots =>
  defineType({
    id: T.WeakRef,
    name: 'ReferenceType',
    module: 'weakref',
    basicsize: WEAKREF_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.xdecref((vm.table.side[h] as WeakRefData).callback);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const cb = (vm.table.side[h] as WeakRefData).callback;
      if (cb) visit(cb);
    },
    // weakref_call: the referent (a new reference) or None once it died
    call: (vm, h) => {
      const r = (vm.table.side[h] as WeakRefData).referent || vm.s.None;
      vm.incref(r);
      return r;
    },
    reprText: (vm, h) => {
      const r = (vm.table.side[h] as WeakRefData).referent;
      return r
        ? `<weakref at 0x${vm.id(h).toString(16)}; to '${vm.typeOf(r).name}' at 0x${vm.id(r).toString(16)}>`
        : `<weakref at 0x${vm.id(h).toString(16)}; dead>`;
    },
  });
