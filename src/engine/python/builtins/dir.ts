import { NotSupported } from '../errors';
import { lookupAttr, lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { recordedOwnNames } from '../abstract/cpythonattrs';
import { moduleData } from '../objects/module';
import { realModuleNames } from '../versions/moduleNames';
import { dictEntries, dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { dictMerge } from '../objects/dictmerge';
import { listFromItems } from '../objects/list';
import { sequenceList } from '../abstract/sequence';
import { intern, strValue } from '../objects/str';
import { Meth, T, TpFlags, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { BuiltinsHost } from './host';

/**
 * dir() (builtin_dir → PyObject_Dir): without an argument the caller's local names; else the
 * object's __dir__ when its class defines one, a class's names through its MRO (type___dir__:
 * merge_class_dict into a new dict), an instance's __dict__ keys plus its class's
 * (object___dir__). The names come back as a new sorted list. A built-in type's own names are
 * 3.11.7's (the recorded attribute table), since the simulator keeps no dict for it.
 */
function mergeClass(vm: Vm, names: number, s: TypeSlots): void {
  for (const id of s.mro) {
    const t = vm.types[id];
    if (t.dict !== 0) {
      dictMerge(vm, names, t.dict);
      continue;
    }
    const own = recordedOwnNames(t);
    if (own === null) throw new NotSupported(`dir() of ${t.name} (its attribute names are not recorded)`);
    for (const n of own) {
      const k = intern(vm, n);
      if (dictGetItem(vm, names, k) === 0) dictSetItem(vm, names, k, vm.s.None);
    }
  }
}

/** The merged dict's keys as a sorted list (PyDict_Keys, then list.sort of strs). */
function sortedKeys(vm: Vm, names: number): number {
  const keys: [string, number][] = [];
  for (const [k] of dictEntries(vm, names)) if (vm.table.type[k] === T.Str) keys.push([strValue(vm, k), k]);
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return listFromItems(
    vm,
    keys.map(([, k]) => {
      vm.incref(k);
      return k;
    }),
  );
}

export function dirObject(vm: Vm, obj: number): number {
  const tp = vm.typeOf(obj);
  // a class's own __dir__ (a method of a class written in Python, or a metaclass's)
  if (tp.flags & TpFlags.HeapType) {
    const f = lookupSpecial(vm, obj, '__dir__');
    if (f !== 0) {
      let r: number;
      try {
        r = call(vm, f, [], null);
      } finally {
        vm.decref(f);
      }
      try {
        const list = sequenceList(vm, r);
        sortList(vm, list);
        return list;
      } finally {
        vm.decref(r);
      }
    }
  }
  if (vm.table.type[obj] === T.Module) return moduleDir(vm, obj);
  const names = dictNew(vm);
  try {
    if (tp.mro.includes(T.Type)) mergeClass(vm, names, vm.slotsOf(obj));
    else {
      const d = lookupAttr(vm, obj, '__dict__');
      if (d !== 0) {
        try {
          if (vm.typeOf(d).mro.includes(T.Dict)) dictMerge(vm, names, d);
        } finally {
          vm.decref(d);
        }
      }
      mergeClass(vm, names, tp);
    }
    return sortedKeys(vm, names);
  } finally {
    vm.decref(names);
  }
}

/**
 * module___dir__: the module dict's keys, sorted. A modelled library module's dict is the real
 * one's as 3.x's dir() read it (versions/moduleNamesData.ts, recorded per release: the simulator
 * makes its names on first use), plus what the script set on it; the keys are the strs the dict
 * already holds, so only the list is new.
 */
function moduleDir(vm: Vm, mod: number): number {
  const m = moduleData(vm, mod);
  const names = new Set(
    realModuleNames(vm.py.release, m.name) ?? [
      '__doc__',
      '__loader__',
      '__name__',
      '__package__',
      '__spec__',
    ],
  );
  for (const k of m.attrs.keys()) names.add(k);
  for (const k of m.lazy?.keys() ?? []) names.add(k);
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return listFromItems(
    vm,
    sorted.map((n) => {
      const k = intern(vm, n);
      vm.incref(k);
      return k;
    }),
  );
}

/** list.sort() of a __dir__ result's names. */
function sortList(vm: Vm, list: number): void {
  const sort = lookupAttr(vm, list, 'sort');
  try {
    vm.decref(call(vm, sort, [], null));
  } finally {
    vm.decref(sort);
  }
}

export function dirDef(host: BuiltinsHost): MethodDef {
  return {
    name: 'dir',
    flags: Meth.Varargs,
    impl: (vm, _s, a) => {
      if (a.length > 1) throw typeError(vm, 'dir expected at most 1 argument, got %zd', a.length);
      if (a.length === 1) return dirObject(vm, a[0]);
      const locals = host.frameLocals();
      if (!vm.typeOf(locals).mro.includes(T.Dict)) throw new NotSupported('dir() of a non-dict locals');
      return sortedKeys(vm, locals);
    },
  };
}
