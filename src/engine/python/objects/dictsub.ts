import { lookupSpecial } from '../abstract/attr';
import { call, callMethod } from '../abstract/call';
import { raiseFormat, setKeyError, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { getItem } from '../abstract/item';
import { reprText } from '../abstract/repr';
import { sequenceList } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { dictGetItem, dictSetItem } from './dict';
import { dictData, emptyDictData } from './dictkeys';
import { dictMerge } from './dictmerge';
import { dictUpdateArg } from './dictmethods';
import { E } from './exctypes';
import { genericAlloc } from './object';
import { T, type TypeSlots } from './types';

/**
 * What dict subclasses written in C (defaultdict, OrderedDict, Counter's base) share with dict
 * (Objects/dictobject.c): dict_new for a subtype, dict.__init__, dict_subscript's __missing__
 * hook, and dict_merge from any mapping.
 */

/** PyCallable_Check: the type has tp_call (a type object's is type_call). */
export function isCallable(vm: Vm, h: number): boolean {
  const s = vm.typeOf(h);
  return s.call !== null || s.vectorcall !== null || s.id === T.Type;
}

/** dict_new for a subtype: tp_alloc (PyType_GenericAlloc: tracked), Py_EMPTY_KEYS. */
export function dictNewSubtype(vm: Vm, type: TypeSlots): number {
  const h = genericAlloc(vm, type, 0);
  vm.table.side[h] = emptyDictData();
  return h;
}

/**
 * dict_init → dict_update_common(self, args, kwds, "dict"): at most one positional argument
 * (dict_update_arg), then the keywords merged (PyDict_Merge of the kwargs dict).
 */
export function dictInit(vm: Vm, h: number, args: readonly number[], kwargs: number, _name: string): void {
  if (args.length > 1) throw typeError(vm, 'dict expected at most 1 argument, got %zd', args.length);
  if (args.length) dictUpdateArgFull(vm, h, args[0]);
  if (kwargs !== 0 && vm.table.n[kwargs] > 0) dictMerge(vm, h, kwargs);
}

/** dict_update_arg (dictmethods.ts): an exact dict, a mapping, or an iterable of pairs. */
export const dictUpdateArgFull = (vm: Vm, self: number, arg: number): void => dictUpdateArg(vm, self, arg);

/**
 * dict_merge(a, b, 1) with `b` not an exact dict: a dict whose iteration is dict's own (a
 * defaultdict) takes the fast path; any other mapping goes the generic way: list(b.keys()), then
 * b[key] for each (PyMapping_Keys, PyObject_GetItem, PyDict_SetItem).
 */
export function dictMergeMapping(vm: Vm, a: number, b: number): void {
  const tb = vm.typeOf(b);
  if (tb.mro.includes(T.Dict) && tb.iter === vm.types[T.Dict].iter) {
    dictMerge(vm, a, b);
    return;
  }
  const keys = mappingKeys(vm, b);
  const it = getIter(vm, keys);
  vm.decref(keys);
  try {
    for (let key = iterNext(vm, it); key !== 0; key = iterNext(vm, it)) {
      try {
        const value = getItem(vm, b, key);
        try {
          setItemOn(vm, a, key, value);
        } finally {
          vm.decref(value);
        }
      } finally {
        vm.decref(key);
      }
    }
  } finally {
    vm.decref(it);
  }
}

/** PyDict_SetItem on `a` (a dict or a subclass: straight into its table). */
function setItemOn(vm: Vm, a: number, key: number, value: number): void {
  dictSetItem(vm, a, key, value);
}

/** PyMapping_Keys: an exact dict's keys as a list; else method_output_as_list(o, "keys"). */
export function mappingKeys(vm: Vm, o: number): number {
  const out = callMethod(vm, o, 'keys', []);
  if (vm.table.type[out] === T.List) return out;
  // the keys() result is released once its iterator exists (before the list is made): a view
  // that only its generator's frame holds is freed when that generator finishes
  let it: number;
  try {
    it = getIter(vm, out);
  } finally {
    vm.decref(out);
  }
  try {
    return sequenceList(vm, it);
  } finally {
    vm.decref(it);
  }
}

/**
 * dict_subscript of a dict subclass: a missing key looks up __missing__ on the type
 * (_PyObject_LookupSpecial: a bound method made and freed around the call), else KeyError.
 */
export function dictSubscriptMissing(vm: Vm, h: number, key: number): number {
  const v = dictGetItem(vm, h, key);
  if (v !== 0) {
    vm.incref(v);
    return v;
  }
  const missing = lookupSpecial(vm, h, '__missing__');
  if (missing !== 0) {
    try {
      return call(vm, missing, [key], null);
    } finally {
      vm.decref(missing);
    }
  }
  throw setKeyError(vm, key, reprText(vm, key));
}

/** The dict part of a subclass instance's state. */
export const subDictData = dictData;

/** "dictionary is empty" and friends. */
export const emptyKeyError = (vm: Vm, what: string): Error => raiseFormat(vm, E.KeyError, '%s', what);
