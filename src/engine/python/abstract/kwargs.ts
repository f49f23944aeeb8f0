import { dictEntries } from '../objects/dict';
import { tupleFromItems } from '../objects/tuple';
import { T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { typeError } from './errors';

/** A keyword-argument dict as the name → value map the vectorcall side uses (values borrowed). */
export function dictKwargs(vm: Vm, kwargs: number): Kwargs {
  const kw: Kwargs = new Map();
  for (const [k, v] of dictEntries(vm, kwargs)) {
    if (vm.table.type[k] !== T.Str) throw typeError(vm, 'keywords must be strings');
    kw.set(vm.table.side[k] as string, v);
  }
  return kw;
}

/**
 * The kwnames tuple behind a keyword map, when the map stands for a vectorcall's
 * (args, kwnames): CALL's own tuple of names, or the one _PyStack_UnpackDict made. A Python
 * function called with that map takes the same tuple instead of making one.
 */
const kwnamesOf = new WeakMap<Kwargs, number>();

export function kwnamesFor(kw: Kwargs): number {
  return kwnamesOf.get(kw) ?? 0;
}

export function withKwnames(kw: Kwargs, kwnames: number): Kwargs {
  kwnamesOf.set(kw, kwnames);
  return kw;
}

/**
 * _PyStack_UnpackDict / _PyStack_UnpackDict_Free around a vectorcall made from a dict of
 * keywords (PyObject_Call, _PyObject_FastCallDict): the argument array is a PyMem block of
 * (1 + nargs + nkwargs) pointers and the names a new tuple; after the call the array is freed
 * and the tuple released.
 */
export function callWithUnpackedDict<R>(vm: Vm, nargs: number, kwargs: number, f: (kw: Kwargs) => R): R {
  const kw = dictKwargs(vm, kwargs);
  const stack = vm.mem.malloc((1 + nargs + kw.size) * 8);
  vm.mem.touch(stack, (1 + nargs + kw.size) * 8);
  const names: number[] = [];
  for (const [k] of dictEntries(vm, kwargs)) {
    vm.incref(k);
    names.push(k);
  }
  const kwnames = tupleFromItems(vm, names);
  try {
    return f(withKwnames(kw, kwnames));
  } finally {
    vm.mem.free(stack);
    vm.decref(kwnames);
  }
}
