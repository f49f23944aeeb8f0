import { getAttr, typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { isCallable } from './dictsub';
import { tupleItems } from './tuple';
import { Cmp, T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * Bound methods (Objects/classobject.c PyMethodObject, 16 + 48 bytes, tracked): a function
 * looked up on an instance outside a call (`m = a.f`). LOAD_METHOD + CALL never makes one: the
 * function is called with the instance prepended. 3.11 keeps no free list for them. Calling one
 * prepends `self` in the caller's argument vector (PY_VECTORCALL_ARGUMENTS_OFFSET), so it
 * allocates nothing itself. Columns: ref = the function; side = self.
 */
export const METHOD_BASIC = 48;

/** PyMethod_New: `func` and `self` are borrowed. */
export function methodNew(vm: Vm, func: number, self: number): number {
  const h = vm.newGcObject(T.Method, METHOD_BASIC);
  vm.incref(func);
  vm.incref(self);
  vm.table.ref[h] = func;
  vm.table.num[h] = self;
  vm.gc.track(h);
  return h;
}

export const methodFunc = (vm: Vm, h: number): number => vm.table.ref[h];
export const methodSelf = (vm: Vm, h: number): number => vm.table.num[h];

function methodDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const func = vm.table.ref[h];
  const self = vm.table.num[h];
  vm.decref(func);
  vm.decref(self);
  vm.gcDel(h);
}

/** method_new: `types.MethodType(func, obj)` (weakref.WeakMethod's call rebuilds its method so). */
function methodTypeNew(vm: Vm, _type: TypeSlots, args: number, kwargs: number): number {
  if (kwargs !== 0 && vm.table.n[kwargs] > 0) throw typeError(vm, 'method() takes no keyword arguments');
  const a = tupleItems(vm, args);
  if (a.length !== 2)
    throw typeError(vm, 'method expected 2 arguments, got %zd', a.length);
  if (!isCallable(vm, a[0])) throw typeError(vm, 'first argument must be callable');
  if (a[1] === vm.s.None) throw typeError(vm, 'instance must not be None');
  return methodNew(vm, a[0], a[1]);
}

export const MethodType = (): TypeSlots =>
  defineType({
    id: T.Method,
    name: 'method',
    basicsize: METHOD_BASIC,
    flags: TpFlags.HaveGc | TpFlags.HaveVectorcall,
    dealloc: methodDealloc,
    new: methodTypeNew,
    traverse: (vm, h, visit) => {
      visit(vm.table.ref[h]);
      visit(vm.table.num[h]);
    },
    reprText: (vm, h, depth) => {
      const f = vm.table.ref[h];
      const name = (vm.table.side[f] as { qualname?: string } | undefined)?.qualname ?? '?';
      return `<bound method ${name} of ${reprText(vm, vm.table.num[h], depth + 1)}>`;
    },
    richcompare: (vm, a, b, op) => {
      if (vm.table.type[b] !== T.Method || (op !== Cmp.EQ && op !== Cmp.NE)) return vm.s.NotImplemented;
      const eq = vm.table.num[a] === vm.table.num[b] && vm.table.ref[a] === vm.table.ref[b];
      return vm.s.bool(eq === (op === Cmp.EQ));
    },
    hash: (vm, h) => `\u0000m${vm.table.num[h]}:${vm.table.ref[h]}`,
    vectorcall: (vm, h, args, kw) => call(vm, vm.table.ref[h], [vm.table.num[h], ...args], kw),
    // method_getattro: the method type's own attributes, else the function's
    getattro: (vm, h, name) => {
      if (name === '__self__' || name === '__func__') {
        const v = name === '__self__' ? vm.table.num[h] : vm.table.ref[h];
        vm.incref(v);
        return v;
      }
      const d = typeLookup(vm, vm.typeOf(h), name);
      if (d !== 0) {
        const get = vm.typeOf(d).descrGet;
        if (get !== null) return get(vm, d, h, vm.typeOf(h).typeObject);
        vm.incref(d);
        return d;
      }
      return getAttr(vm, vm.table.ref[h], name);
    },
  });
