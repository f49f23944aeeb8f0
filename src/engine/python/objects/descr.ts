import { callCFunction, stackAsDict } from '../abstract/call';
import { raiseFormat, typeError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { hashNotImplemented } from './object';
import { strNew } from './str';
import { slotWrapper, type SlotWrapper } from './slotwrappers';
import { tupleFromItems, tupleItems } from './tuple';
import {
  Meth,
  T,
  TpFlags,
  defineType,
  type GetSetDef,
  type Kwargs,
  type MemberDef,
  type MethodDef,
  type TypeSlots,
  type Visit,
} from './types';

/**
 * Built-in functions and the descriptors that give built-in types their attributes
 * (Objects/methodobject.c, descrobject.c): builtin_function_or_method (a PyCFunctionObject,
 * 16 + 56 bytes when allocated: a bound built-in method such as `f = lst.append`),
 * method_descriptor / classmethod_descriptor, member_descriptor, getset_descriptor,
 * wrapper_descriptor and method-wrapper. A built-in type's descriptors exist from start-up in
 * CPython; here they are static handles made on first lookup (staticDescriptor).
 */
export const CFUNCTION_BASIC = 56;

interface CFunctionData {
  def: MethodDef;
  /** The module name for a module-level function ("gc"), null for a method. */
  module: string | null;
}

/** A static built-in function (a module's function: len, gc.collect …): no allocation, never freed. */
export function builtinStatic(vm: Vm, def: MethodDef, module: string | null): number {
  const h = vm.newStatic(T.Builtin);
  vm.table.side[h] = { def, module } satisfies CFunctionData;
  return h;
}

/** PyCFunction_NewEx / PyCMethod_New: a bound built-in method, tracked; `self` is borrowed. */
export function builtinNew(vm: Vm, def: MethodDef, self: number): number {
  const h = vm.newGcObject(T.Builtin, CFUNCTION_BASIC);
  vm.incref(self);
  vm.table.ref[h] = self;
  vm.table.side[h] = { def, module: null } satisfies CFunctionData;
  vm.gc.track(h);
  return h;
}

export function builtinDef(vm: Vm, h: number): MethodDef {
  return (vm.table.side[h] as CFunctionData).def;
}

/** The PyMethodDef a method_descriptor calls. */
export const methodDescrDef = (vm: Vm, h: number): MethodDef => descrData<MethodDef>(vm, h).def;

function builtinDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  vm.xdecref(vm.table.ref[h]);
  vm.gcDel(h);
}

function builtinText(vm: Vm, h: number): string {
  const { def } = vm.table.side[h] as CFunctionData;
  const self = vm.table.ref[h];
  if (self === 0 || vm.table.type[self] === T.Module) return `<built-in function ${def.name}>`;
  return `<built-in method ${def.name} of ${vm.typeOf(self).name} object at 0x${vm.id(self).toString(16)}>`;
}

export const BuiltinType = (): TypeSlots =>
  defineType({
    id: T.Builtin,
    name: 'builtin_function_or_method',
    basicsize: CFUNCTION_BASIC,
    flags: TpFlags.HaveGc | TpFlags.HaveVectorcall,
    dealloc: builtinDealloc,
    traverse: (vm, h, visit) => {
      if (vm.table.ref[h]) visit(vm.table.ref[h]);
    },
    reprText: builtinText,
    vectorcall: (vm, h, args, kw) =>
      callCFunction(vm, (vm.table.side[h] as CFunctionData).def, vm.table.ref[h], args, kw),
    getset: {
      __name__: {
        name: '__name__',
        get: (vm, h) => internName(vm, (vm.table.side[h] as CFunctionData).def.name),
      },
    },
  });

// ---- method descriptors ---------------------------------------------------------------

interface DescrData<D> {
  def: D;
  type: TypeSlots;
}

const descrData = <D>(vm: Vm, h: number): DescrData<D> => vm.table.side[h] as DescrData<D>;

/** descr_check: the instance must be of the descriptor's type. */
function checkSelf(vm: Vm, d: DescrData<{ name: string }>, self: number): void {
  if (!vm.typeOf(self).mro.includes(d.type.id))
    throw typeError(
      vm,
      "descriptor '%s' for '%.100s' objects doesn't apply to a '%.100s' object",
      d.def.name,
      d.type.name,
      vm.typeOf(self).name,
    );
}

/** method_vectorcall_*: args[0] is the instance (LOAD_METHOD put it there), the rest the arguments. */
function methodDescrCall(vm: Vm, h: number, args: readonly number[], kw: Kwargs | null): number {
  const d = descrData<MethodDef>(vm, h);
  if (args.length < 1)
    throw typeError(vm, 'unbound method %s() needs an argument', `${d.type.name}.${d.def.name}`);
  checkSelf(vm, d, args[0]);
  return callCFunction(vm, d.def, args[0], args.slice(1), kw);
}

const descrFlags = TpFlags.HaveGc | TpFlags.MethodDescriptor | TpFlags.HaveVectorcall;
/** A class's own descriptors (its __slots__ members, __dict__) are allocated and hold the class (ref). */
const descrDealloc = (vm: Vm, h: number): void => {
  if (vm.isImmortal(h)) throw new Error('internal: a static descriptor deallocated');
  vm.gc.untrack(h);
  vm.xdecref(vm.table.ref[h]);
  vm.gcDel(h);
};
const descrTraverse = (vm: Vm, h: number, visit: Visit): void => {
  if (vm.table.ref[h]) visit(vm.table.ref[h]);
};

export const MethodDescrType = (): TypeSlots =>
  defineType({
    id: T.MethodDescr,
    name: 'method_descriptor',
    basicsize: 56,
    flags: descrFlags,
    dealloc: descrDealloc,
    traverse: descrTraverse,
    reprText: (vm, h) =>
      `<method '${descrData<MethodDef>(vm, h).def.name}' of '${descrData<MethodDef>(vm, h).type.name}' objects>`,
    vectorcall: methodDescrCall,
    // method_get: bound to an instance, a new builtin_function_or_method
    descrGet: (vm, h, obj) => {
      if (obj === 0) {
        vm.incref(h);
        return h;
      }
      const d = descrData<MethodDef>(vm, h);
      checkSelf(vm, d, obj);
      return builtinNew(vm, d.def, obj);
    },
  });

export const ClassMethodDescrType = (): TypeSlots =>
  defineType({
    id: T.ClassMethodDescr,
    name: 'classmethod_descriptor',
    basicsize: 56,
    flags: TpFlags.HaveGc | TpFlags.HaveVectorcall,
    dealloc: descrDealloc,
    traverse: descrTraverse,
    reprText: (vm, h) =>
      `<method '${descrData<MethodDef>(vm, h).def.name}' of '${descrData<MethodDef>(vm, h).type.name}' objects>`,
    vectorcall: (vm, h, args, kw) => {
      const d = descrData<MethodDef>(vm, h);
      return callCFunction(vm, d.def, args[0] ?? d.type.typeObject, args.slice(1), kw);
    },
    // classmethod_get: bound to the type
    descrGet: (vm, h, obj, type) =>
      builtinNew(vm, descrData<MethodDef>(vm, h).def, type !== 0 ? type : vm.typeOf(obj).typeObject),
  });

export const MemberDescrType = (): TypeSlots =>
  defineType({
    id: T.MemberDescr,
    name: 'member_descriptor',
    basicsize: 56,
    flags: TpFlags.HaveGc,
    dealloc: descrDealloc,
    traverse: descrTraverse,
    reprText: (vm, h) =>
      `<member '${descrData<MemberDef>(vm, h).def.name}' of '${descrData<MemberDef>(vm, h).type.name}' objects>`,
    descrGet: (vm, h, obj) => {
      if (obj === 0) {
        vm.incref(h);
        return h;
      }
      const d = descrData<MemberDef>(vm, h);
      checkSelf(vm, d, obj);
      return d.def.get(vm, obj);
    },
    descrSet: (vm, h, obj, value) => {
      const d = descrData<MemberDef>(vm, h);
      checkSelf(vm, d, obj);
      if (!d.def.set) throw raiseFormat(vm, E.AttributeError, 'readonly attribute');
      d.def.set(vm, obj, value);
    },
  });

export const GetSetDescrType = (): TypeSlots =>
  defineType({
    id: T.GetSetDescr,
    name: 'getset_descriptor',
    basicsize: 56,
    flags: TpFlags.HaveGc,
    dealloc: descrDealloc,
    traverse: descrTraverse,
    reprText: (vm, h) =>
      `<attribute '${descrData<GetSetDef>(vm, h).def.name}' of '${descrData<GetSetDef>(vm, h).type.name}' objects>`,
    descrGet: (vm, h, obj) => {
      if (obj === 0) {
        vm.incref(h);
        return h;
      }
      const d = descrData<GetSetDef>(vm, h);
      checkSelf(vm, d, obj);
      return d.def.get(vm, obj);
    },
    descrSet: (vm, h, obj, value) => {
      const d = descrData<GetSetDef>(vm, h);
      checkSelf(vm, d, obj);
      if (!d.def.set)
        throw raiseFormat(
          vm,
          E.AttributeError,
          "attribute '%s' of '%.100s' objects is not writable",
          d.def.name,
          d.type.name,
        );
      d.def.set(vm, obj, value);
    },
  });

// ---- slot wrappers ----------------------------------------------------------------------

/**
 * wrapperdescr_call (tp_call: the arguments come as a tuple with the instance first, which is
 * sliced off into a second tuple, PyTuple_GetSlice), then the slot's wrapper function.
 */
function wrapperCall(vm: Vm, d: DescrData<SlotWrapper>, self: number, args: number, kwargs: number): number {
  if (kwargs !== 0 && vm.table.n[kwargs] > 0 && !d.def.keywords)
    throw typeError(vm, 'wrapper %s() takes no keyword arguments', d.def.name);
  return d.def.call(vm, self, Array.from(tupleItems(vm, args)), args, kwargs);
}

export const WrapperDescrType = (): TypeSlots =>
  defineType({
    id: T.WrapperDescr,
    name: 'wrapper_descriptor',
    basicsize: 64,
    flags: TpFlags.HaveGc | TpFlags.MethodDescriptor,
    dealloc: descrDealloc,
    traverse: descrTraverse,
    reprText: (vm, h) =>
      `<slot wrapper '${descrData<SlotWrapper>(vm, h).def.name}' of '${descrData<SlotWrapper>(vm, h).type.name}' objects>`,
    call: (vm, h, args, kwargs) => {
      const d = descrData<SlotWrapper>(vm, h);
      const items = tupleItems(vm, args);
      if (items.length < 1)
        throw typeError(vm, "descriptor '%s' of '%.100s' object needs an argument", d.def.name, d.type.name);
      checkSelf(vm, d, items[0]);
      for (let i = 1; i < items.length; i++) vm.incref(items[i]);
      const rest = tupleFromItems(vm, items.subarray(1));
      try {
        return wrapperCall(vm, d, items[0], rest, kwargs);
      } finally {
        vm.decref(rest);
      }
    },
    // wrapperdescr_get: a method-wrapper bound to the instance (16 + 32 bytes, tracked)
    descrGet: (vm, h, obj) => {
      if (obj === 0) {
        vm.incref(h);
        return h;
      }
      checkSelf(vm, descrData<SlotWrapper>(vm, h), obj);
      const w = vm.newGcObject(T.MethodWrapper, 32);
      vm.incref(obj);
      vm.table.ref[w] = obj;
      vm.table.side[w] = vm.table.side[h];
      vm.gc.track(w);
      return w;
    },
  });

export const MethodWrapperType = (): TypeSlots =>
  defineType({
    id: T.MethodWrapper,
    name: 'method-wrapper',
    basicsize: 32,
    flags: TpFlags.HaveGc,
    dealloc: builtinDealloc,
    traverse: (vm, h, visit) => visit(vm.table.ref[h]),
    reprText: (vm, h) =>
      `<method-wrapper '${descrData<SlotWrapper>(vm, h).def.name}' of ${vm.typeOf(vm.table.ref[h]).name} object at 0x${vm.id(vm.table.ref[h]).toString(16)}>`,
    call: (vm, h, args, kwargs) =>
      wrapperCall(vm, descrData<SlotWrapper>(vm, h), vm.table.ref[h], args, kwargs),
    getset: {
      // wrapper_getsets: the bound object (heapq.merge drains its last input through it.__next__.__self__)
      __self__: {
        name: '__self__',
        get: (vm, h) => {
          vm.incref(vm.table.ref[h]);
          return vm.table.ref[h];
        },
      },
      __name__: { name: '__name__', get: (vm, h) => internName(vm, descrData<SlotWrapper>(vm, h).def.name) },
    },
  });

// ---- lookup on a built-in type ------------------------------------------------------------

/**
 * The descriptor a built-in type defines itself for `name` (its tp_dict entry), made on first
 * use as a static object; 0 when the type defines none (its bases may).
 */
export function staticDescriptor(vm: Vm, s: TypeSlots, name: string): number {
  let cache = s.descrCache;
  if (cache === null) cache = s.descrCache = new Map();
  let h = cache.get(name);
  if (h !== undefined) return h;
  h = 0;
  const m = s.methods[name];
  if (m !== undefined) h = makeDescr(vm, m.flags & Meth.Class ? T.ClassMethodDescr : T.MethodDescr, m, s);
  else if (s.members[name] !== undefined) h = makeDescr(vm, T.MemberDescr, s.members[name], s);
  else if (s.getset[name] !== undefined) h = makeDescr(vm, T.GetSetDescr, s.getset[name], s);
  else if (name === '__new__') h = tpNewWrapper(vm, s);
  // an unhashable type's tp_dict holds `__hash__ = None` (type_ready's hash-not-implemented
  // case): `list.__hash__ is None`, as hashability checks read it
  else if (name === '__hash__' && s.hash === hashNotImplemented && vm.types[s.base]?.hash !== hashNotImplemented)
    h = vm.s.None;
  else {
    const w = slotWrapper(vm, s, name);
    if (w !== null) h = makeDescr(vm, T.WrapperDescr, w, s);
  }
  cache.set(name, h);
  return h;
}

function makeDescr(vm: Vm, type: number, def: unknown, s: TypeSlots): number {
  const h = vm.newStatic(type);
  vm.table.side[h] = { def, type: s };
  return h;
}

function internName(vm: Vm, s: string): number {
  return strNew(vm, s);
}

/**
 * add_tp_new_wrapper: a type with its own tp_new has `__new__` in its dict, a built-in function
 * bound to the type (static here, as PyType_Ready made it). tp_new_wrapper(self, args, kwds):
 * `args[0]` is the subtype to make, the rest a new tuple (PyTuple_GetSlice), then self's tp_new.
 */
function tpNewWrapper(vm: Vm, s: TypeSlots): number {
  const base = s.id === T.Object ? null : vm.types[s.base];
  if (s.new === null || (base !== null && base.new === s.new)) return 0;
  const h = builtinStatic(
    vm,
    {
      name: '__new__',
      qualname: `${s.name}.__new__`,
      flags: Meth.Varargs | Meth.Keywords,
      impl: (vm2, _self, args, _kw, argsTuple) => {
        if (args.length < 1) throw typeError(vm2, '%s.__new__(): not enough arguments', s.name);
        const sub = args[0];
        if (!(vm2.typeOf(sub).id === T.Type || vm2.typeOf(sub).flags & TpFlags.TypeSubclass))
          throw typeError(vm2, '%s.__new__(X): X is not a type object (%s)', s.name, vm2.typeOf(sub).name);
        const subSlots = vm2.slotsOf(sub);
        if (!subSlots.mro.includes(s.id))
          throw typeError(
            vm2,
            '%s.__new__(%s): %s is not a subtype of %s',
            s.name,
            subSlots.name,
            subSlots.name,
            s.name,
          );
        const rest = args.slice(1);
        for (const a of rest) vm2.incref(a);
        // PyTuple_GetSlice(args, 1, n): the empty tuple for none
        const tuple = tupleFromItems(vm2, rest);
        void argsTuple;
        // the keywords as the dict tp_new takes (type.__new__(mcls, name, bases, ns, **kw) passes them on)
        const kwd = _kw !== null && _kw.size > 0 ? stackAsDict(vm2, _kw) : 0;
        try {
          return s.new!(vm2, subSlots, tuple, kwd);
        } finally {
          vm2.decref(tuple);
          if (kwd) vm2.decref(kwd);
        }
      },
    },
    null,
  );
  vm.table.ref[h] = s.typeObject;
  return h;
}
