import { NotSupported } from '../errors';
import { call, tupleFromArray } from '../abstract/call';
import { raiseString, setKeyError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import { setItem } from '../abstract/item';
import type { Vm } from '../runtime/vm';
import { dictClear, dictTraverse, DICT_BASIC } from './dict';
import { dictIor, dictText, subclassOr } from './dictmethods';
import { dictMerge } from './dictmerge';
import { dictInit, dictNewSubtype, dictSubscriptMissing, isCallable } from './dictsub';
import { E } from './exctypes';
import { moduleType } from './modtypes';
import { tupleItems } from './tuple';
import { Meth, NB, NB_BINARY_COUNT, T, TpFlags, defineType, numberSlots, type TypeSlots } from './types';

/**
 * collections.defaultdict (Modules/_collectionsmodule.c defdictobject: a dict plus
 * default_factory, 16 GC + 56 bytes). A missing key reaches dict_subscript's __missing__ lookup,
 * which binds defdict_missing (a 16 + 56 byte method object, freed after the call): it calls the
 * factory with no arguments and stores the result with PyObject_SetItem. The factory lives in
 * the table's `ref` column (the dict's own state is its `side`).
 */
export const factoryOf = (vm: Vm, h: number): number => vm.table.ref[h];

/** defdict_init: the first argument is the factory (callable or None); the rest go to dict.__init__. */
function defdictInit(vm: Vm, h: number, args: number, kwargs: number): void {
  const items = tupleItems(vm, args);
  const old = factoryOf(vm, h);
  let factory = 0;
  if (items.length > 0) {
    factory = items[0];
    if (!isCallable(vm, factory) && factory !== vm.s.None)
      throw raiseString(vm, E.TypeError, 'first argument must be callable or None');
  }
  // PySequence_GetSlice(args, 1, n): the empty tuple, or a new tuple of the rest
  const rest = Array.from(items.subarray(1));
  const newargs = tupleFromArray(vm, rest);
  if (factory) vm.incref(factory);
  vm.table.ref[h] = factory;
  try {
    dictInit(vm, h, rest, kwargs, 'defaultdict');
  } finally {
    vm.decref(newargs);
    if (old) vm.decref(old);
  }
}

/** defdict_missing: KeyError without a factory; else factory(), stored under the key. */
export function defdictMissing(vm: Vm, h: number, key: number): number {
  const factory = factoryOf(vm, h);
  // PyTuple_Pack(1, key) as the KeyError's value
  if (factory === 0 || factory === vm.s.None) throw setKeyError(vm, key, reprText(vm, key));
  const value = call(vm, factory, [], null);
  try {
    setItem(vm, h, key, value);
  } catch (e) {
    vm.decref(value);
    throw e;
  }
  return value;
}

/** defdict_copy: type(dd)(dd.default_factory, dd) — a 2-tuple packed for the type's tp_call. */
function defdictCopy(vm: Vm, h: number): number {
  const factory = factoryOf(vm, h) || vm.s.None;
  return call(vm, vm.typeOf(h).typeObject, [factory, h], null);
}

function defdictDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const f = factoryOf(vm, h);
  vm.table.ref[h] = 0;
  if (f) vm.decref(f);
  // dict_dealloc of a subclass: the table, then tp_free (no free list)
  if (vm.trashBegin(h)) return;
  dictClear(vm, h);
  vm.table.side[h] = undefined;
  vm.gcDel(h);
  vm.trashEnd();
}

function defdictText(vm: Vm, h: number, depth: number): string {
  const f = factoryOf(vm, h);
  const fText = f === 0 || f === vm.s.None ? 'None' : f === h ? '...' : reprText(vm, f, depth + 1);
  return `${vm.typeOf(h).name}(${fText}, ${dictText(vm, h, depth)})`;
}

export const DefaultDictType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'defaultdict',
    module: 'collections',
    basicsize: DICT_BASIC + 8,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.DictSubclass | TpFlags.MappingFlag,
    base: T.Dict,
    dealloc: defdictDealloc,
    traverse: (vm, h, visit) => {
      const f = factoryOf(vm, h);
      if (f) visit(f);
      dictTraverse(vm, h, visit);
    },
    clear: (vm, h) => {
      const f = factoryOf(vm, h);
      vm.table.ref[h] = 0;
      if (f) vm.decref(f);
      dictClear(vm, h);
    },
    reprText: defdictText,
    // defdict_or: new_defdict(self, left) (type(dd)(factory, left)), then PyDict_Update(new, right);
    // `|=` is dict's, inherited
    number: numberSlots({
      [NB.Or]: (vm, a, b) =>
        subclassOr(
          vm,
          a,
          b,
          id,
          (vm2, self, left) =>
            call(vm2, vm2.typeOf(self).typeObject, [factoryOf(vm2, self) || vm2.s.None, left], null),
          dictMerge,
        ),
      [NB.Or + NB_BINARY_COUNT]: dictIor,
    }),
    mapping: { subscript: dictSubscriptMissing },
    new: (vm, type) => dictNewSubtype(vm, type),
    init: defdictInit,
    methods: {
      __missing__: { name: '__missing__', flags: Meth.O, impl: (vm, h, a) => defdictMissing(vm, h, a[0]) },
      copy: { name: 'copy', flags: Meth.NoArgs, impl: defdictCopy, qualname: 'defaultdict.copy' },
      __copy__: { name: '__copy__', flags: Meth.NoArgs, impl: defdictCopy, qualname: 'defaultdict.__copy__' },
      __reduce__: {
        name: '__reduce__',
        flags: Meth.NoArgs,
        impl: () => {
          throw new NotSupported('pickling a defaultdict (defaultdict.__reduce__)');
        },
      },
    },
    members: {
      default_factory: {
        name: 'default_factory',
        get: (vm, h) => {
          const f = factoryOf(vm, h) || vm.s.None;
          vm.incref(f);
          return f;
        },
        set: (vm, h, value) => {
          const old = factoryOf(vm, h);
          if (value) vm.incref(value);
          vm.table.ref[h] = value;
          if (old) vm.decref(old);
        },
      },
    },
  });

export const defaultDictType = (vm: Vm): TypeSlots => moduleType(vm, DefaultDictType);
