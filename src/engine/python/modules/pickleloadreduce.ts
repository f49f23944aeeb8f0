import { getAttr, lookupAttr, setAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseFormat, raiseString } from '../abstract/errors';
import { setItem } from '../abstract/item';
import { NotSupported } from '../errors';
import { dictEntries, dictGetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import { intern, strValue } from '../objects/str';
import { tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { interpOf } from './host';
import { dottedPath, importModule } from './picklereduce';

/**
 * The unpickler's side of reduce (Modules/_pickle.c, 3.11): STACK_GLOBAL's find_class
 * (PyImport_Import of the module, get_dotted_path, the attribute), NEWOBJ (cls.__new__(cls, *args)
 * through tp_new: no __init__), BUILD (load_build: __setstate__ when the class has one, else the
 * state dict set into inst.__dict__, which makes the instance's dict, and slot state set with
 * setattr).
 */

/** load_stack_global → _pickle_Unpickler_find_class_impl. The class, a new reference. */
export function findClass(vm: Vm, module: number, name: number): number {
  if (vm.table.type[module] !== T.Str || vm.table.type[name] !== T.Str)
    throw raiseString(vm, E.TypeError, 'STACK_GLOBAL requires str');
  const mod = strValue(vm, module);
  importModule(vm, mod);
  const path = dottedPath(vm, name);
  let obj: number;
  if (mod === '__main__') {
    obj = dictGetItem(vm, interpOf(vm).globals, intern(vm, path[0]));
    if (obj === 0)
      throw raiseFormat(
        vm,
        E.AttributeError,
        "Can't get attribute '%U' on <module '__main__'>",
        strValue(vm, name),
      );
  } else {
    // a library's class (statistics.NormalDist, datetime.date, collections.OrderedDict…): the
    // module from sys.modules (imported now if the script did not), then the attribute
    const m = interpOf(vm).loadModule(mod);
    obj = getAttr(vm, m, path[0]);
    vm.decref(obj); // borrowed like the __main__ entry: the module keeps it
  }
  vm.incref(obj);
  for (const part of path.slice(1)) {
    const next = getAttr(vm, obj, part);
    vm.decref(obj);
    obj = next;
  }
  return obj;
}

/** load_newobj: cls.__new__(cls, *args) through tp_new. */
export function newObj(vm: Vm, cls: number, args: number): number {
  if (vm.table.type[cls] !== T.Type) throw new NotSupported('NEWOBJ of something other than a class');
  const tp = vm.slotsOf(cls);
  if (!tp.new) throw raiseString(vm, E.TypeError, 'NEWOBJ class argument has NULL tp_new');
  return tp.new(vm, tp, args, 0);
}

/** load_build: `state` (a new reference, consumed) applied to `inst` (borrowed). */
export function build(vm: Vm, inst: number, state: number): void {
  const setstate = lookupAttr(vm, inst, '__setstate__');
  if (setstate !== 0) {
    try {
      vm.decref(call(vm, setstate, [state], null));
    } finally {
      vm.decref(setstate);
      vm.decref(state);
    }
    return;
  }
  let slotstate = 0;
  if (vm.table.type[state] === T.Tuple && vm.table.n[state] === 2) {
    const tmp = state;
    state = tupleItem(vm, tmp, 0);
    slotstate = tupleItem(vm, tmp, 1);
    vm.incref(state);
    vm.incref(slotstate);
    vm.decref(tmp);
  }
  try {
    if (state !== vm.s.None) {
      if (vm.table.type[state] !== T.Dict) throw new NotSupported('unpickling a state that is not a dict');
      const dict = getAttr(vm, inst, '__dict__');
      try {
        for (const [k, v] of dictEntries(vm, state)) setItem(vm, dict, k, v);
      } finally {
        vm.decref(dict);
      }
    }
    if (slotstate !== 0) {
      if (vm.table.type[slotstate] !== T.Dict)
        throw new NotSupported('unpickling a slot state that is not a dict');
      for (const [k, v] of dictEntries(vm, slotstate)) setAttr(vm, inst, strValue(vm, k), v);
    }
  } finally {
    vm.decref(state);
    if (slotstate !== 0) vm.decref(slotstate);
  }
}
