import { PyError } from '../errors';
import { clearError, errorMatches } from '../abstract/errors';
import { CO_FAST_CELL, CO_FAST_FREE, CO_OPTIMIZED, type CodeObject } from '../compiler/code';
import { dictDelItem, dictNew, dictSetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import { intern } from '../objects/str';
import { T } from '../objects/types';
import type { Frame } from './frame';
import type { Vm } from '../runtime/vm';
import type { Interpreter } from './interpreter';

/**
 * _PyFrame_FastToLocalsWithError: the frame's f_locals dict (made on first use, kept by the
 * frame) gets every fast local, cell and free variable by name; an unbound one is deleted from
 * it (PyObject_DelItem: a missing key's KeyError is made and cleared).
 */
export function fastToLocals(it: Interpreter, f: Frame): void {
  f.locals = fillLocals(it.vm, f.code.co, (i) => f.local(i), f.locals);
}

/**
 * The body of _PyFrame_FastToLocalsWithError over any localsplus array (a running frame's, or the
 * copy a frame object took over): `dict` (0: made here, PyDict_New) gets each bound name, loses
 * each unbound one. Returns the dict (the caller keeps the reference).
 */
export function fillLocals(vm: Vm, co: CodeObject, local: (i: number) => number, dict: number): number {
  if (dict === 0) dict = dictNew(vm);
  const optimized = (co.flags & CO_OPTIMIZED) !== 0;
  for (let i = 0; i < co.nlocalsplus; i++) {
    const kind = co.localspluskinds[i];
    if (kind & CO_FAST_FREE && !optimized) continue;
    const name = intern(vm, co.localsplusnames[i]);
    let value = local(i);
    if (value !== 0 && kind & (CO_FAST_FREE | CO_FAST_CELL) && vm.table.type[value] === T.Cell)
      value = vm.table.ref[value];
    if (value === 0) {
      try {
        dictDelItem(vm, dict, name);
      } catch (e) {
        if (!(e instanceof PyError) || !errorMatches(vm, e, E.KeyError)) throw e;
        clearError(vm, e);
      }
    } else dictSetItem(vm, dict, name, value);
  }
  return dict;
}
