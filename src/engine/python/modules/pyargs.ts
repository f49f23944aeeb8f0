import { typeError } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import { dictNew, dictNewPresized, dictSetItem } from '../objects/dict';
import { intern, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import type { Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { keyAt, valueAt, type HashIndex } from '../objects/dictindex';

/**
 * What calling a standard-library Python function allocates around its arguments, for the modules
 * this layer runs as TypeScript (json, pprint, dataclasses …).
 */

/**
 * The keyword-only parameters of `def f(…, *, a=…, b=…, **kw)`: the values by name, and the
 * frame's `**kw` dict (PyDict_New at every call, the extra keywords in it).
 */
export function keywordArgs(
  vm: Vm,
  names: readonly string[],
  kw: Kwargs | null,
): { opts: Map<string, number>; extra: number } {
  const opts = new Map<string, number>();
  const extra = dictNew(vm);
  if (kw !== null)
    for (const [k, v] of kw) {
      if (names.includes(k)) opts.set(k, v);
      else dictSetItem(vm, extra, intern(vm, k), v);
    }
  return { opts, extra };
}

/** The names of the keywords that went into `**kw` (for the TypeError the callee would raise). */
export function extraKeywords(vm: Vm, extra: number): string[] {
  const d = vm.table.side[extra] as HashIndex & { nentries: number };
  const out: string[] = [];
  for (let i = 0; i < d.nentries; i++) if (valueAt(d, i)) out.push(strValue(vm, keyAt(d, i)));
  return out;
}

/** `__init__() got an unexpected keyword argument 'x'` of a class that takes only known keywords. */
export function unexpectedKeyword(vm: Vm, qualname: string, name: string): never {
  throw typeError(vm, "%s() got an unexpected keyword argument '%s'", qualname, name);
}

export const isNone = (vm: Vm, h: number | undefined): boolean => h === undefined || h === vm.s.None;
export const truthy = (vm: Vm, h: number | undefined, dflt: boolean): boolean =>
  h === undefined ? dflt : isTrue(vm, h);

/** BUILD_CONST_KEY_MAP: _PyDict_FromItems presized for the names (the keys table, then the object), filled. */
export function constKeyMap(vm: Vm, names: readonly string[], values: readonly number[]): number {
  const d = dictNewPresized(vm, names.length, true);
  names.forEach((n, i) => dictSetItem(vm, d, intern(vm, n), values[i]));
  return d;
}

/**
 * _PyStack_UnpackDict (a call with a dict of keywords reaching a vectorcall function: slot_tp_init,
 * CALL_FUNCTION_EX): a stack of 1 + nargs + nkwargs pointers and the kwnames tuple; `release`
 * frees the stack and drops the tuple (_PyStack_UnpackDict_Free).
 */
export function unpackDictStack(vm: Vm, nargs: number, names: readonly string[]): { release(): void } {
  const stack = vm.mem.malloc(8 * (1 + nargs + names.length));
  const kwnames = names.length
    ? tupleFromItems(
        vm,
        names.map((n) => intern(vm, n)),
      )
    : 0;
  return {
    release() {
      vm.mem.free(stack);
      if (kwnames) vm.decref(kwnames);
    },
  };
}
