import { NotSupported, type PyError } from '../errors';
import { lookupAttr, setAttr, typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { isTrue } from '../abstract/object';
import { raiseFormat, typeError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { hostOf } from '../modules/host';
import { methodNew } from './classobject';
import { dictNew, dictSetItem } from './dict';
import { E } from './exctypes';
import { genericAlloc } from './object';
import { intern, strResult } from './str';
import { tupleItem } from './tuple';
import { Meth, T, TpFlags, defineType, type TypeSlots, type Visit } from './types';

/**
 * staticmethod, classmethod (Objects/funcobject.c) and property (Objects/descrobject.c): GC
 * objects of 16 + 32 and 16 + 64 bytes. staticmethod(f) and classmethod(f) copy the function's
 * __module__, __name__, __qualname__, __doc__ and __annotations__ into their own __dict__
 * (functools_wraps, 3.10+): measured, `staticmethod(f)` costs the argument tuple, the object, its
 * dict, the dict's keys and f's (new, empty) annotations dict.
 */
interface WrapperState {
  callable: number;
  dict: number;
}

const WRAPPED = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__'];

/** sm_init / cm_init: the callable, then functools_wraps into the object's dict. */
function wrapperInit(vm: Vm, self: number, args: number, kwargs: number): void {
  const n = vm.table.n[args];
  if (n !== 1 || (kwargs !== 0 && vm.table.n[kwargs] > 0))
    throw typeError(vm, '%s expected 1 argument, got %zd', vm.typeOf(self).name, n);
  const st = vm.table.side[self] as WrapperState;
  const f = tupleItem(vm, args, 0);
  vm.incref(f);
  st.callable = f;
  for (const name of WRAPPED) {
    const v = lookupAttr(vm, f, name);
    if (v === 0) continue;
    if (st.dict === 0) st.dict = dictNew(vm);
    dictSetItem(vm, st.dict, intern(vm, name), v);
    vm.decref(v);
  }
}

function wrapperNew(vm: Vm, type: TypeSlots): number {
  const h = genericAlloc(vm, type, 0);
  vm.table.side[h] = { callable: 0, dict: 0 } satisfies WrapperState;
  return h;
}

function wrapperDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const st = vm.table.side[h] as WrapperState;
  vm.xdecref(st.callable);
  vm.xdecref(st.dict);
  vm.gcDel(h);
}

function wrapperTraverse(vm: Vm, h: number, visit: Visit): void {
  const st = vm.table.side[h] as WrapperState;
  if (st.callable) visit(st.callable);
  if (st.dict) visit(st.dict);
}

const wrapperType = (id: number, name: string, get: TypeSlots['descrGet']): TypeSlots =>
  defineType({
    id,
    name,
    basicsize: 32,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dictoffset: 24,
    dealloc: wrapperDealloc,
    traverse: wrapperTraverse,
    new: (vm, type) => wrapperNew(vm, type),
    init: wrapperInit,
    descrGet: get,
    members: {
      __func__: {
        name: '__func__',
        get: (vm, h) => {
          const c = (vm.table.side[h] as WrapperState).callable;
          vm.incref(c);
          return c;
        },
      },
    },
    // cm_get___isabstractmethod__ / sm_…: the wrapped callable's (_PyObject_IsAbstract)
    getset: {
      __isabstractmethod__: {
        name: '__isabstractmethod__',
        get: (vm, h) => vm.s.bool(isAbstract(vm, (vm.table.side[h] as WrapperState).callable)),
      },
    },
  });

/** _PyObject_IsAbstract: the object's __isabstractmethod__ is true (a missing one is false). */
function isAbstract(vm: Vm, f: number): boolean {
  if (f === 0) return false;
  const v = lookupAttr(vm, f, '__isabstractmethod__');
  if (v === 0) return false;
  try {
    return isTrue(vm, v);
  } finally {
    vm.decref(v);
  }
}

/** A staticmethod: looked up on a class or an instance, the callable itself. */
export const StaticMethodType = (): TypeSlots =>
  wrapperType(T.StaticMethod, 'staticmethod', (vm, h) => {
    const c = (vm.table.side[h] as WrapperState).callable;
    vm.incref(c);
    return c;
  });

/** A classmethod: bound to the class (a new method object). */
export const ClassMethodType = (): TypeSlots =>
  wrapperType(T.ClassMethod, 'classmethod', (vm, h, obj, type) => {
    const c = (vm.table.side[h] as WrapperState).callable;
    return methodNew(vm, c, type !== 0 ? type : vm.typeOf(obj).typeObject);
  });

/** PyStaticMethod_New (type_new wraps a class's __new__ function). `callable` is borrowed. */
export function staticMethodNew(vm: Vm, callable: number): number {
  const h = wrapperNew(vm, vm.types[T.StaticMethod]);
  vm.incref(callable);
  (vm.table.side[h] as WrapperState).callable = callable;
  return h;
}

/** PyClassMethod_New (type_new wraps a class's __init_subclass__ / __class_getitem__ function). `callable` is borrowed. */
export function classMethodNew(vm: Vm, callable: number): number {
  const h = wrapperNew(vm, vm.types[T.ClassMethod]);
  vm.incref(callable);
  (vm.table.side[h] as WrapperState).callable = callable;
  return h;
}

// ---- property ----------------------------------------------------------------------------

interface PropertyState {
  fget: number;
  fset: number;
  fdel: number;
  doc: number;
  /** getter_doc: the doc came from fget.__doc__ (property_copy then passes None so the new fget's counts). */
  getterDoc?: boolean;
  /** prop_name (3.11): what __set_name__ gave, for the "has no setter" messages; 0 = none. */
  name?: number;
}

/**
 * property_descr_get/set's AttributeError (3.11): "property 'x' of 'C' object has no setter",
 * the name when __set_name__ gave one, the instance's type by its qualname.
 */
function propertyMissing(vm: Vm, st: PropertyState, obj: number, what: string): PyError {
  const qual = obj === 0 ? 0 : strResult(vm, vm.typeOf(obj).qualname);
  try {
    if (st.name && qual)
      return raiseFormat(vm, E.AttributeError, `property %R of %R object has no ${what}`, st.name, qual);
    if (qual) return raiseFormat(vm, E.AttributeError, `property of %R object has no ${what}`, qual);
    return raiseFormat(vm, E.AttributeError, `property has no ${what}`);
  } finally {
    if (qual) vm.decref(qual);
  }
}

const PROP_FIELDS = ['fget', 'fset', 'fdel', 'doc'] as const;

export const PropertyType = (): TypeSlots =>
  defineType({
    id: T.Property,
    name: 'property',
    basicsize: 64,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const st = vm.table.side[h] as PropertyState;
      for (const k of PROP_FIELDS) vm.xdecref(st[k]);
      vm.xdecref(st.name ?? 0);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const st = vm.table.side[h] as PropertyState;
      for (const k of PROP_FIELDS) if (st[k]) visit(st[k]);
      if (st.name) visit(st.name);
    },
    new: (vm, type) => {
      const h = genericAlloc(vm, type, 0);
      vm.table.side[h] = { fget: 0, fset: 0, fdel: 0, doc: 0 } satisfies PropertyState;
      return h;
    },
    // property_init: fget, fset, fdel, doc (positional or by keyword)
    init: (vm, self, args, kwargs) => {
      const st = vm.table.side[self] as PropertyState;
      const n = vm.table.n[args];
      if (n > 4) throw typeError(vm, 'property expected at most 4 arguments, got %zd', n);
      if (kwargs !== 0 && vm.table.n[kwargs] > 0) throw new NotSupported('property() with keyword arguments');
      PROP_FIELDS.forEach((k, i) => {
        const v = i < n ? tupleItem(vm, args, i) : 0;
        if (v && v !== vm.s.None) {
          vm.incref(v);
          st[k] = v;
        }
      });
      propertyInitDoc(vm, self, st);
    },
    // property_descr_get: on a class the property itself; on an instance fget(obj)
    descrGet: (vm, h, obj) => {
      if (obj === 0 || obj === vm.s.None) {
        vm.incref(h);
        return h;
      }
      const fget = (vm.table.side[h] as PropertyState).fget;
      if (fget === 0) throw propertyMissing(vm, vm.table.side[h] as PropertyState, obj, 'getter');
      return call(vm, fget, [obj], null);
    },
    descrSet: (vm, h, obj, value) => {
      const st = vm.table.side[h] as PropertyState;
      const f = value === 0 ? st.fdel : st.fset;
      if (f === 0) throw propertyMissing(vm, st, obj, value === 0 ? 'deleter' : 'setter');
      vm.decref(value === 0 ? call(vm, f, [obj], null) : call(vm, f, [obj, value], null));
    },
    // property.getter/setter/deleter: property_copy, a new property of the same type (type(old)(fget, fset, fdel, doc))
    methods: {
      getter: { name: 'getter', flags: Meth.O, impl: (vm, h, a) => propertyCopy(vm, h, 'fget', a[0]) },
      setter: { name: 'setter', flags: Meth.O, impl: (vm, h, a) => propertyCopy(vm, h, 'fset', a[0]) },
      deleter: { name: 'deleter', flags: Meth.O, impl: (vm, h, a) => propertyCopy(vm, h, 'fdel', a[0]) },
      // property_set_name: __set_name__(owner, name) keeps the name for the error messages
      __set_name__: {
        name: '__set_name__',
        flags: Meth.Varargs,
        impl: (vm, h, a) => {
          if (a.length !== 2)
            throw typeError(vm, '__set_name__() takes 2 positional arguments but %zd were given', a.length);
          const st = vm.table.side[h] as PropertyState;
          vm.incref(a[1]);
          vm.xdecref(st.name ?? 0);
          st.name = a[1];
          vm.incref(vm.s.None);
          return vm.s.None;
        },
      },
    },
    // property_get___isabstractmethod__: any of fget, fset, fdel is abstract
    getset: {
      // the prop_doc member (T_OBJECT: None when unset, writable)
      __doc__: {
        name: '__doc__',
        get: (vm, h) => {
          const v = (vm.table.side[h] as PropertyState).doc || vm.s.None;
          vm.incref(v);
          return v;
        },
        set: (vm, h, v) => {
          const st = vm.table.side[h] as PropertyState;
          if (v) vm.incref(v);
          const old = st.doc;
          st.doc = v;
          vm.xdecref(old);
        },
      },
      __isabstractmethod__: {
        name: '__isabstractmethod__',
        get: (vm, h) => {
          const st = vm.table.side[h] as PropertyState;
          return vm.s.bool(isAbstract(vm, st.fget) || isAbstract(vm, st.fset) || isAbstract(vm, st.fdel));
        },
      },
    },
    members: Object.fromEntries(
      ['fget', 'fset', 'fdel'].map((k) => [
        k,
        {
          name: k,
          get: (vm: Vm, h: number) => {
            const v = (vm.table.side[h] as PropertyState)[k as 'fget'] || vm.s.None;
            vm.incref(v);
            return v;
          },
        },
      ]),
    ),
  });

/**
 * property_init (3.11): with no doc given, fget's __doc__ (when not None) becomes the property's,
 * flagged getter_doc. A subclass of property gets it as an instance attribute (PyObject_SetAttr
 * of __doc__, None included) so the subclass's own class-level __doc__ does not shadow it.
 */
function propertyInitDoc(vm: Vm, self: number, st: PropertyState): void {
  let doc = st.doc;
  if (doc === 0 && st.fget !== 0) {
    const d = lookupAttr(vm, st.fget, '__doc__');
    if (d === vm.s.None) vm.decref(d);
    else if (d !== 0) {
      doc = d;
      st.getterDoc = true;
    }
  }
  if (vm.typeOf(self).id === T.Property) {
    st.doc = doc;
    return;
  }
  st.doc = 0;
  try {
    setAttr(vm, self, '__doc__', doc || vm.s.None);
  } finally {
    if (doc && doc !== st.doc) vm.decref(doc);
  }
}

function propertyCopy(vm: Vm, old: number, which: 'fget' | 'fset' | 'fdel', f: number): number {
  const st = vm.table.side[old] as PropertyState;
  // property_copy: a doc that came from the old getter is not passed on (the new fget's is taken)
  const pick = (k: 'fget' | 'fset' | 'fdel' | 'doc'): number =>
    (k === which ? f : k === 'doc' && st.getterDoc ? 0 : st[k]) || vm.s.None;
  const r = call(
    vm,
    vm.typeOf(old).typeObject,
    [pick('fget'), pick('fset'), pick('fdel'), pick('doc')],
    null,
  );
  // property_copy: the new one keeps prop_name
  const nst = vm.table.side[r] as PropertyState | undefined;
  if (st.name && nst && vm.typeOf(r).mro.includes(T.Property)) {
    vm.incref(st.name);
    vm.xdecref(nst.name ?? 0);
    nst.name = st.name;
  }
  return r;
}

// ---- super -------------------------------------------------------------------------------

interface SuperState {
  /** The class super() starts after (its type object). */
  type: number;
  /** The instance (or class) the lookup binds to, and its type (obj_type). */
  obj: number;
  objType: number;
}

/** super(type, obj): 16 + 40 bytes, GC. The zero-argument form needs the eval loop's frame (its __class__ cell). */
export function superNew(vm: Vm, type: number, obj: number): number {
  const h = vm.newGcObject(T.Super, 40);
  vm.incref(type);
  vm.incref(obj);
  const objType =
    vm.typeOf(obj).mro.includes(T.Type) && vm.slotsOf(obj).mro.includes(vm.slotsOf(type).id)
      ? obj
      : vm.typeOf(obj).typeObject;
  vm.incref(objType);
  vm.table.side[h] = { type, obj, objType } satisfies SuperState;
  vm.gc.track(h);
  return h;
}

/** super_getattro: the attribute along obj_type's MRO after `type`, bound to obj; else the super object's own. */
function superGetattro(vm: Vm, h: number, name: string): number {
  const st = vm.table.side[h] as SuperState;
  if (name !== '__class__') {
    const mro = vm.slotsOf(st.objType).mro;
    const start = mro.indexOf(vm.slotsOf(st.type).id);
    for (let i = start + 1; i < mro.length; i++) {
      const s = vm.types[mro[i]];
      const res = typeLookup(vm, { ...s, mro: [s.id] }, name);
      if (res === 0) continue;
      const get = vm.typeOf(res).descrGet;
      if (get !== null) return get(vm, res, st.obj === st.objType ? 0 : st.obj, st.objType);
      vm.incref(res);
      return res;
    }
  }
  throw raiseFormat(vm, E.AttributeError, "'super' object has no attribute '%U'", name);
}

export const SuperType = (): TypeSlots =>
  defineType({
    id: T.Super,
    name: 'super',
    basicsize: 40,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const st = vm.table.side[h] as SuperState;
      vm.xdecref(st.obj);
      vm.xdecref(st.type);
      vm.xdecref(st.objType);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const st = vm.table.side[h] as SuperState;
      visit(st.obj);
      visit(st.type);
      visit(st.objType);
    },
    getattro: superGetattro,
    typeVectorcall: (vm, _t, args) => {
      if (args.length === 0) {
        // super_init_without_args: the running frame's first argument and its __class__ cell
        const { type, obj } = hostOf(vm).zeroArgSuper();
        return superNew(vm, type, obj);
      }
      if (args.length !== 2) throw new NotSupported('super() with one argument (an unbound super object)');
      return superNew(vm, args[0], args[1]);
    },
  });
